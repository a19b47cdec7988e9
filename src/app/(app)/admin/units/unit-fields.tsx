"use client";
// Cluster and parent pickers for a unit: the parent list follows the chosen cluster, since a sub-unit
// must hang under a member unit of its own cluster (the server checks this again).
import { useState } from "react";
import { SelectField } from "@/components/form";

export type ParentOption = { value: string; label: string; clusterId: string };

export function UnitPlacementFields({
  clusters,
  parents,
  defaultClusterId,
  defaultParentId,
  parentLocked,
}: {
  clusters: { value: string; label: string }[];
  parents: ParentOption[];
  defaultClusterId?: string;
  defaultParentId?: string;
  /** When the unit already has dependants its level cannot change: show the parent read-only. */
  parentLocked?: string;
}) {
  const [clusterId, setClusterId] = useState(defaultClusterId ?? "");
  const options = parents.filter((p) => p.clusterId === clusterId);
  return (
    <div
      className="contents"
      onChange={(e) => {
        const el: EventTarget = e.target;
        if (el instanceof HTMLSelectElement && el.name === "clusterId") setClusterId(el.value);
      }}
    >
      <SelectField name="clusterId" label="Cụm thi đua" required options={clusters} placeholder="— Chọn cụm —" defaultValue={defaultClusterId} />
      {parentLocked !== undefined ? (
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-700">Đơn vị cấp trên</span>
          <input type="hidden" name="parentId" value={defaultParentId ?? ""} />
          <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{parentLocked}</p>
        </div>
      ) : (
        <SelectField
          // Re-mount when the cluster changes so the choice resets to one of that cluster's units.
          key={clusterId}
          name="parentId"
          label="Đơn vị cấp trên"
          options={options}
          placeholder="Không có — đơn vị thành viên của cụm"
          defaultValue={options.some((o) => o.value === defaultParentId) ? defaultParentId : undefined}
          hint="Chỉ chọn khi đây là đơn vị trực thuộc (phòng, đội) của một đơn vị thành viên."
        />
      )}
    </div>
  );
}
