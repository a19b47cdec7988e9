"use client";
// Role and scope of an account: a secretariat picks a cluster, a unit officer or head picks a member
// unit (the cluster follows from it), an admin has no scope. Only the fields of the chosen role show;
// the server decides again from the role.
import { useState } from "react";
import { SelectField } from "@/components/form";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/permissions";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UserScopeFields({
  clusters,
  units,
  defaultRole,
  defaultClusterId,
  defaultUnitId,
  roleLocked,
}: {
  clusters: { value: string; label: string }[];
  units: { value: string; label: string }[];
  defaultRole?: Role;
  defaultClusterId?: string;
  defaultUnitId?: string;
  /** The admin editing their own account cannot change their role. */
  roleLocked?: boolean;
}) {
  const [role, setRole] = useState<string>(defaultRole ?? "");
  return (
    <div
      className="contents"
      onChange={(e) => {
        const el: EventTarget = e.target;
        if (el instanceof HTMLSelectElement && el.name === "role") setRole(el.value);
      }}
    >
      {roleLocked ? (
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-700">Vai trò</span>
          <input type="hidden" name="role" value={defaultRole} />
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
            {defaultRole ? ROLE_LABELS[defaultRole] : ""} <span className="text-slate-500">(bạn không thể tự đổi vai trò của mình)</span>
          </p>
        </div>
      ) : (
        <SelectField name="role" label="Vai trò" required options={ROLE_OPTIONS} placeholder="— Chọn vai trò —" defaultValue={defaultRole} />
      )}
      {role === "SECRETARIAT" && (
        <SelectField name="clusterId" label="Cụm thi đua" required options={clusters} placeholder="— Chọn cụm —" defaultValue={defaultClusterId} />
      )}
      {(role === "UNIT_OFFICER" || role === "UNIT_HEAD") && (
        <SelectField
          name="unitId"
          label="Đơn vị"
          required
          options={units}
          placeholder="— Chọn đơn vị —"
          defaultValue={defaultUnitId}
          hint="Đơn vị thành viên của cụm; cụm thi đua lấy theo đơn vị."
        />
      )}
      {role === "ADMIN" && <p className="self-end pb-2 text-sm text-slate-600">Quản trị không gắn với cụm hay đơn vị.</p>}
      {role === "MINISTRY" && <p className="self-end pb-2 text-sm text-slate-600">Thường trực Hội đồng TĐKT Bộ nhận hồ sơ của mọi cụm; không gắn với cụm hay đơn vị.</p>}
    </div>
  );
}
