import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { currentSessionActor } from "@/server/auth/current";
import { loginAction } from "./actions";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Signed in already: home (or, for a password the admin set, on to changing it).
  if (await currentSessionActor()) redirect("/");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
        <p className="text-center text-xs font-semibold uppercase tracking-wide text-brand-700">Bộ Công an</p>
        <h1 className="mt-1 text-center text-2xl font-bold text-slate-900">Sổ Thi đua</h1>
        <p className="mb-6 text-center text-sm text-slate-600">Đăng nhập để tiếp tục</p>
        <ActionForm action={loginAction} className="flex flex-col gap-4" aria-label="Đăng nhập">
          <input type="hidden" name="next" value={next ?? "/"} />
          <TextField name="username" label="Tên đăng nhập" autoComplete="username" required maxLength={64} />
          <TextField name="password" label="Mật khẩu" type="password" autoComplete="current-password" required maxLength={200} />
          <SubmitButton>Đăng nhập</SubmitButton>
        </ActionForm>
      </div>
    </main>
  );
}
