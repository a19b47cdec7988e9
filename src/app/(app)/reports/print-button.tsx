"use client";
export function PrintButton({ label = "In trang này" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
      {label}
    </button>
  );
}
