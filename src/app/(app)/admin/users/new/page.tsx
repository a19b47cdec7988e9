import type { Metadata } from "next";
import { GridForm, TextField } from "@/components/form";
import { Card, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { PASSWORD_RULES } from "@/domain/password-policy";
import { clusterOptions, memberUnitOptions } from "@/server/queries/admin";
import { createUserAction } from "../actions";
import { UserScopeFields } from "../user-scope-fields";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm tài khoản" };

async function NewUserPage() {
  const actor = await requireActor();
  const [clusters, units] = await Promise.all([clusterOptions(actor, { activeOnly: true }), memberUnitOptions(actor)]);
  return (
    <div className="max-w-2xl space-y-6">
      <RecordHeader title="Thêm tài khoản" backHref="/admin/users" backLabel="Tài khoản" />
      <Card>
        <GridForm action={createUserAction} resetOnSuccess submitLabel="Thêm tài khoản" aria-label="Thêm tài khoản">
          <TextField
            name="username"
            label="Tên đăng nhập"
            required
            maxLength={64}
            autoComplete="off"
            hint="3–64 ký tự: chữ thường không dấu, số và . _ -"
          />
          <TextField name="displayName" label="Họ tên hiển thị" required maxLength={120} autoComplete="off" />
          <UserScopeFields clusters={clusters} units={units.map(({ value, label }) => ({ value, label }))} />
          <TextField
            name="password"
            label="Mật khẩu ban đầu"
            type="password"
            required
            maxLength={200}
            autoComplete="new-password"
            hint={`${PASSWORD_RULES} Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên; hãy giao cho họ qua kênh an toàn.`}
          />
          <TextField name="confirmPassword" label="Nhập lại mật khẩu" type="password" required maxLength={200} autoComplete="new-password" />
        </GridForm>
      </Card>
    </div>
  );
}

export default pageOr404(NewUserPage);
