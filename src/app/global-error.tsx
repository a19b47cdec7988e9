"use client";

import "./globals.css";

// Replaces the root layout when that layout itself fails; like error.tsx it shows the digest only.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body className="min-h-screen antialiased">
        <main className="mx-auto max-w-lg px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">Đã có lỗi xảy ra</h1>
          <p className="mt-2 text-slate-600">Hệ thống chưa xử lý được yêu cầu. Dữ liệu của bạn chưa bị thay đổi.</p>
          {error.digest && (
            <p className="mt-2 text-sm text-slate-500">
              Mã lỗi (gửi quản trị viên nếu lỗi lặp lại): <span className="font-mono">{error.digest}</span>
            </p>
          )}
          <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white">
            Thử lại
          </button>
        </main>
      </body>
    </html>
  );
}
