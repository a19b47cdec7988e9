// Where a user whose password the admin set (a new account, a reset) is sent from every page until
// they set their own (issue 13): nothing else is open to them but signing out. The rule itself is
// enforced below the pages — currentActor() is null for them and the permission table grants them
// only "account.own" — so this page is the way out, not the lock.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { currentSessionActor } from "@/server/auth/current";
import { PasswordForm } from "../(app)/account/password-form";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

export default async function ChangePasswordPage() {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  if (!actor.mustChangePassword) redirect("/account");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4 py-8">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-xl">
        <p className="text-center text-xs font-semibold uppercase tracking-wide text-brand-700">Sổ Thi đua</p>
        <h1 className="mt-1 text-center text-2xl font-bold text-slate-900">Đổi mật khẩu</h1>
        <p className="mb-6 mt-2 text-sm text-slate-600">
          Xin chào <strong>{actor.displayName}</strong>. Mật khẩu hiện tại do quản trị viên đặt cho tài khoản <strong>{actor.username}</strong>: hãy đặt
          mật khẩu của riêng bạn trước khi tiếp tục.
        </p>
        <PasswordForm username={actor.username} className="flex flex-col gap-4" />
        <form
          className="mt-6 border-t border-slate-200 pt-4 text-center"
          action={async () => {
            "use server";
            await signOut({ redirectTo: "/login" });
          }}
        >
          <button type="submit" className="text-sm text-brand-700 underline">
            Đăng xuất
          </button>
        </form>
      </div>
    </main>
  );
}
