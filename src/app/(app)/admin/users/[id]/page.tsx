import type { Metadata } from "next";
import { ActionForm, GridForm, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, RecordHeader } from "@/components/ui";
import { ROLE_LABELS } from "@/domain/permissions";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { PASSWORD_RULES } from "@/domain/password-policy";
import { clusterOptions, getUser, memberUnitOptions } from "@/server/queries/admin";
import { resetUserPasswordAction, setUserDisabledAction, updateUserAction } from "../actions";
import { UserScopeFields } from "../user-scope-fields";
import { pageOr404 } from "@/app/not-found-boundary";
import { UserEmailCard } from "./email-card";

export const metadata: Metadata = { title: "Sửa tài khoản" };

async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const user = await getUser(actor, (await params).id);
  const [clusters, units] = await Promise.all([clusterOptions(actor), memberUnitOptions(actor, { includeId: user.unitId })]);
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={user.displayName} backHref="/admin/users" backLabel="Tài khoản">
        <span className="ml-3 font-mono text-xs">{user.username}</span>
        <span className="ml-3">{user.disabled ? <Badge tone="red">Đã khóa</Badge> : <Badge tone="green">Đang dùng</Badge>}</span>
        {user.mustChangePassword && (
          <span className="ml-3">
            <Badge tone="amber">Chờ người dùng đổi mật khẩu</Badge>
          </span>
        )}
        {user.isSelf && <span className="ml-3">(tài khoản của bạn)</span>}
      </RecordHeader>
      <Card title="Thông tin tài khoản">
        <GridForm action={updateUserAction} id={user.id} aria-label="Sửa thông tin tài khoản">
          <div className="flex flex-col gap-1">
            <span className="text-sm font-medium text-slate-700">Tên đăng nhập</span>
            <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-700">{user.username}</p>
          </div>
          <TextField name="displayName" label="Họ tên hiển thị" required maxLength={120} defaultValue={user.displayName} autoComplete="off" />
          <UserScopeFields
            clusters={clusters}
            units={units.map(({ value, label }) => ({ value, label }))}
            defaultRole={user.role}
            defaultClusterId={user.clusterId ?? undefined}
            defaultUnitId={user.unitId ?? undefined}
            roleLocked={user.isSelf}
          />
        </GridForm>
        <p className="mt-4 text-xs text-slate-500">
          Tạo lúc {formatDateTime(user.createdAt)} · Cập nhật lúc {formatDateTime(user.updatedAt)} · Vai trò hiện tại: {ROLE_LABELS[user.role]}
        </p>
      </Card>
      <UserEmailCard actor={actor} userId={user.id} />
      <Card title="Đặt lại mật khẩu">
        <ActionForm action={resetUserPasswordAction} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label="Đặt lại mật khẩu">
          <input type="hidden" name="id" value={user.id} />
          <TextField
            name="password"
            label="Mật khẩu mới"
            type="password"
            required
            maxLength={200}
            autoComplete="new-password"
            hint={`${PASSWORD_RULES} Người dùng phải đổi mật khẩu này ở lần đăng nhập tới.`}
          />
          <TextField name="confirmPassword" label="Nhập lại mật khẩu mới" type="password" required maxLength={200} autoComplete="new-password" />
          <div className="sm:col-span-2">
            <SubmitButton variant="secondary" confirm={`Đặt lại mật khẩu cho tài khoản “${user.username}”?`}>
              Đặt lại mật khẩu
            </SubmitButton>
          </div>
        </ActionForm>
      </Card>
      <Card title="Trạng thái">
        {user.isSelf ? (
          <p className="text-sm text-slate-600">Bạn không thể tự khóa tài khoản của chính mình.</p>
        ) : (
          <ActionForm action={setUserDisabledAction} aria-label="Khóa hoặc mở khóa tài khoản">
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
            {user.disabled ? (
              <SubmitButton variant="secondary" confirm={`Mở khóa tài khoản “${user.username}”?`}>
                Mở khóa tài khoản
              </SubmitButton>
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-600">Tài khoản bị khóa không đăng nhập được nữa; phiên đang mở cũng mất hiệu lực ngay.</p>
                <SubmitButton variant="danger" confirm={`Khóa tài khoản “${user.username}”? Người dùng sẽ không đăng nhập được nữa.`}>
                  Khóa tài khoản
                </SubmitButton>
              </div>
            )}
          </ActionForm>
        )}
      </Card>
    </div>
  );
}

export default pageOr404(EditUserPage);
