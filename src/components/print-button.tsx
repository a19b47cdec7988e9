"use client";
// Prints the page (the print styles hide the navigation and the forms).
export function PrintButton({ label = "In trang", primary = false }: { label?: string; primary?: boolean }) {
  const look = primary
    ? "bg-brand-600 text-white hover:bg-brand-700"
    : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return (
    <button type="button" onClick={() => window.print()} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${look}`}>
      {label}
    </button>
  );
}
