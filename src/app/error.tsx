"use client";
import { useEffect, useState } from "react";

// In production Next.js sends the browser only a digest of a server error, never its message or stack;
// the digest is what the administrator looks up in the server log. What the page says depends on the
// system, asked once through /api/ready (issue 18): while the database is down, frozen or restarting it
// says the system is unavailable — not a generic error, and never "nothing was changed", which the
// browser cannot know (a save may have committed before its answer was lost).
type Health = "checking" | "unavailable" | "available";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [health, setHealth] = useState<Health>("checking");
  useEffect(() => {
    const aborted = new AbortController();
    fetch("/api/ready", { cache: "no-store", signal: aborted.signal })
      .then((response) => setHealth(response.ok ? "available" : "unavailable"))
      .catch(() => !aborted.signal.aborted && setHealth("unavailable"));
    return () => aborted.abort();
  }, [error]);
  const unavailable = health === "unavailable";
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center" aria-busy={health === "checking"}>
      <h1 className="text-2xl font-semibold">{unavailable ? "Hệ thống đang bận hoặc không sẵn sàng" : "Đã có lỗi xảy ra"}</h1>
      <p className="mt-2 text-slate-600" data-testid="error-explanation">
        {unavailable
          ? "Hệ thống tạm thời không truy cập được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."
          : "Hệ thống chưa xử lý được yêu cầu này."}{" "}
        Nếu bạn vừa gửi một biểu mẫu, thay đổi có thể đã được lưu hoặc chưa: tải lại trang để kiểm tra trước khi nhập lại.
      </p>
      {error.digest && (
        <p className="mt-2 text-sm text-slate-500" data-testid="error-digest">
          Mã lỗi (gửi quản trị viên nếu lỗi lặp lại): <span className="font-mono">{error.digest}</span>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 min-h-11 rounded-md bg-brand-600 px-4 py-2 text-white">
        Thử lại
      </button>
    </main>
  );
}
