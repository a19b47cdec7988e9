export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse text-sm text-slate-500">
      Đang tải nhật ký hệ thống…
    </div>
  );
}
