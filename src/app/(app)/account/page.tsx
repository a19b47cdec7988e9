import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/form";
import { Badge, Card, cellClass, DataTable, DescriptionItem, PageHeader } from "@/components/ui";
import { ROLE_LABELS } from "@/domain/permissions";
import { formatDateTime } from "@/lib/format";
import { currentSessionClaims, requireActor } from "@/server/auth/current";
import { activeSessions } from "@/server/auth/sessions";
import { endOtherSessionsAction } from "./actions";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Tài khoản của tôi" };

export default async function AccountPage() {
  const actor = await requireActor();
  const [claims, sessions] = await Promise.all([currentSessionClaims(), activeSessions(actor.userId)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Tài khoản của tôi" description="Thông tin tài khoản và các phiên đăng nhập đang mở." />
      <Card title="Tài khoản">
        <dl className="grid gap-3 sm:grid-cols-3">
          <DescriptionItem label="Họ tên">{actor.displayName}</DescriptionItem>
          <DescriptionItem label="Tên đăng nhập">{actor.username}</DescriptionItem>
          <DescriptionItem label="Vai trò">{ROLE_LABELS[actor.role]}</DescriptionItem>
        </dl>
      </Card>
      <Card title="Đổi mật khẩu">
        <p className="mb-3 text-sm text-slate-600">Sau khi đổi mật khẩu, các phiên đăng nhập khác của tài khoản (trên máy khác) bị đăng xuất.</p>
        <PasswordForm username={actor.username} />
      </Card>
      <Card title="Phiên đăng nhập">
        <p className="mb-3 text-sm text-slate-600">
          Mỗi lần đăng nhập mở một phiên, kéo dài tối đa 8 giờ. Nếu thấy phiên lạ, hãy đăng xuất các phiên khác và đề nghị quản trị đặt lại mật khẩu.
        </p>
        <div data-testid="session-list">
          <DataTable caption="Các phiên đăng nhập đang mở" headers={["Bắt đầu", "Hết hạn", "Địa chỉ IP", "Trình duyệt", ""]}>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td className={cellClass}>{formatDateTime(s.createdAt)}</td>
                <td className={cellClass}>{formatDateTime(s.expiresAt)}</td>
                <td className={`${cellClass} font-mono text-xs`}>{s.address ?? "—"}</td>
                <td className={`${cellClass} max-w-xs break-words text-xs`}>{s.userAgent ?? "—"}</td>
                <td className={cellClass}>{s.id === claims?.sessionId && <Badge tone="green">Phiên này</Badge>}</td>
              </tr>
            ))}
          </DataTable>
        </div>
        <ActionForm action={endOtherSessionsAction} className="mt-4" aria-label="Đăng xuất các phiên khác">
          <SubmitButton variant="danger" confirm="Đăng xuất khỏi mọi phiên đăng nhập khác của tài khoản này?">
            Đăng xuất các phiên khác
          </SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
