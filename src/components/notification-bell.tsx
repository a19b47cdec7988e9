"use client";
// The header's bell: unread notifications, refreshed every 30 s and when the window regains focus.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

const label = (n: number) => (n === 0 ? "Thông báo: không có thông báo mới" : `Thông báo: ${n >= 100 ? "hơn 99" : n} thông báo chưa đọc`);

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  // A new count from the server (a navigation re-rendered the layout) replaces the polled one, during
  // render rather than in an effect (no second render pass).
  const [fromServer, setFromServer] = useState(initialUnread);
  if (fromServer !== initialUnread) {
    setFromServer(initialUnread);
    setUnread(initialUnread);
  }
  const pathname = usePathname();
  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const response = await fetch("/api/notifications/count", { cache: "no-store" });
        if (response.ok && !stopped) setUnread(((await response.json()) as { unread: number }).unread);
      } catch {
        // offline: keep the last count
      }
    };
    void refresh();
    const timer = setInterval(refresh, 30_000);
    window.addEventListener("focus", refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
    };
  }, [pathname]);
  return (
    <Link
      href="/notifications"
      aria-label={label(unread)}
      title={label(unread)}
      data-testid="notification-bell"
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-white/40 hover:bg-white/10 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span data-testid="notification-count" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold leading-5 text-slate-900">
          {unread >= 100 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
