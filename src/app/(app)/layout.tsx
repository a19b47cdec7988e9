import Link from "next/link";
import { signOut } from "@/auth";
import { ROLE_LABELS } from "@/domain/permissions";
import { currentUnreadCount, requireActor } from "@/server/auth/current";
import { navigationFor } from "../navigation";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "@/components/notification-bell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const roleLabel = actor.chairOfClusterIds.length ? `${ROLE_LABELS[actor.role]} · Cụm trưởng` : ROLE_LABELS[actor.role];
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Bỏ qua điều hướng
      </a>
      <header className="no-print bg-brand-700 text-white shadow">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight">
            Sổ Thi đua
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell initialUnread={await currentUnreadCount()} />
            <span>
              <Link href="/account" className="font-medium underline-offset-2 hover:underline" title="Tài khoản của tôi" data-testid="current-user">
                {actor.displayName}
              </Link>
              <span className="ml-2 rounded bg-brand-800 px-2 py-0.5 text-xs" data-testid="current-role">{roleLabel}</span>
            </span>
            <form
              action={async () => {
                "use server";
                await signOut({ redirectTo: "/login" });
              }}
            >
              <button type="submit" className="rounded border border-white/40 px-3 py-1 hover:bg-white/10">
                Đăng xuất
              </button>
            </form>
          </div>
        </div>
        <NavLinks items={navigationFor(actor)} />
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="no-print border-t border-slate-200 py-3 text-center text-xs text-slate-500">
        Sổ Thi đua · Phong trào thi đua &ldquo;Vì An ninh Tổ quốc&rdquo;
      </footer>
    </div>
  );
}
