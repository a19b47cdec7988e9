// The app shell's navigation, derived from the permission table so it always follows the role.
import { roleMay, type Actor, type Permission } from "@/domain/permissions";

export type NavItem = { href: string; label: string };

const ITEMS: { href: string; label: string; permission?: Permission; roles?: Actor["role"][] }[] = [
  { href: "/", label: "Trang chủ" },
  { href: "/overview", label: "Tổng quan cụm", permission: "cluster.overview" },
  { href: "/cluster", label: "Cụm thi đua", permission: "year.manage" },
  { href: "/conference", label: "Hội nghị tổng kết", permission: "vote.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/officers", label: "Cán bộ, chiến sĩ", permission: "officer.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/registration", label: "Đăng ký thi đua", permission: "registration.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/reports", label: "Báo cáo, chấm điểm", permission: "report.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/agreement", label: "Giao ước thi đua", permission: "agreement.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/results", label: "Kết quả thi đua", permission: "results.view", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] },
  { href: "/dossiers", label: "Hồ sơ khen thưởng", roles: ["SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD", "MINISTRY", "ADMIN"] },
  { href: "/commendations", label: "Sổ khen thưởng", permission: "commendation.view" },
  { href: "/movements", label: "Phong trào thi đua", permission: "movement.view" },
  { href: "/admin/clusters", label: "Khối & cụm", permission: "cluster.manage" },
  { href: "/admin/units", label: "Đơn vị", permission: "unit.manage" },
  { href: "/admin/users", label: "Tài khoản", permission: "user.manage" },
  { href: "/titles", label: "Danh hiệu thi đua", permission: "title.view" },
  { href: "/audit", label: "Nhật ký hệ thống", permission: "audit.view" },
  { href: "/admin/holidays", label: "Ngày nghỉ", permission: "holiday.manage" },
  { href: "/admin/deliveries", label: "Thư gửi lỗi", permission: "delivery.view" },
];

export function navigationFor(actor: Actor): NavItem[] {
  return ITEMS.filter((i) => (!i.permission || roleMay(actor, i.permission)) && (!i.roles || i.roles.includes(actor.role))).map(
    ({ href, label }) => ({ href, label }),
  );
}
