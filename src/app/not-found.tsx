import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Không tìm thấy</h1>
      <p className="mt-2 text-slate-600">Trang hoặc dữ liệu không tồn tại, hoặc bạn không có quyền truy cập.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Về trang chủ
      </Link>
    </main>
  );
}
