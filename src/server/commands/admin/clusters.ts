import { z } from "zod";
import { codeField, idField, requiredText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { defineCommand } from "../command";
import { fieldError, enabledAccountsIn, codeUnique, optionalFlag, requiredFlag, createdRow, savedRow, storedRowCommand } from "./shared";

const clusterSnapshot = (c: { code: string; name: string; blockId: string; active: boolean }) => ({
  code: c.code,
  name: c.name,
  blockId: c.blockId,
  active: c.active,
});

async function requireBlock(tx: Tx, blockId: string) {
  const block = await tx.block.findUnique({ where: { id: blockId }, select: { id: true } });
  if (!block) throw fieldError("blockId", "Khối thi đua không tồn tại.");
}

const clusterFields = {
  code: codeField("Mã cụm"),
  name: requiredText("Tên cụm", 200),
  blockId: idField("Khối thi đua"),
};

/** A cluster may stop only when nothing active is left in it. */
async function assertClusterCanStop(tx: Tx, clusterId: string) {
  const [units, accounts] = await Promise.all([
    tx.unit.count({ where: { clusterId, parentId: null, active: true } }),
    enabledAccountsIn(tx, { clusterId }),
  ]);
  if (units > 0 || accounts > 0) {
    const parts = [units > 0 ? `${units} đơn vị đang hoạt động` : null, accounts > 0 ? `${accounts} tài khoản đang sử dụng` : null].filter(Boolean);
    throw fieldError("active", `Không thể ngừng hoạt động cụm khi còn ${parts.join(" và ")}. Hãy ngừng hoạt động các đơn vị và khóa các tài khoản trước.`);
  }
}

export const createCluster = defineCommand({
  name: "cluster.create",
  label: "Thêm cụm thi đua",
  permission: "cluster.manage",
  input: z.object(clusterFields),
  target: async () => ({}),
  async run(tx, input) {
    await requireBlock(tx, input.blockId);
    const cluster = await tx.cluster.create({ data: { code: input.code, name: input.name, blockId: input.blockId } });
    return createdRow("Cluster", cluster.id, `Đã tạo cụm “${cluster.name}”.`, clusterSnapshot(cluster));
  },
  uniqueFields: codeUnique,
});

/** A stored cluster, filed under itself. */
const storedCluster = storedRowCommand("cluster.manage", "Cluster", (tx, id) => tx.cluster.findUniqueOrThrow({ where: { id } }), (id) => ({ clusterId: id }));

export const updateCluster = storedCluster({
  name: "cluster.update",
  label: "Sửa cụm thi đua",
  input: z.object({ id: idField("Cụm"), ...clusterFields, active: optionalFlag }),
  async run(tx, input, before) {
    await requireBlock(tx, input.blockId);
    const active = input.active ?? before.active;
    if (before.active && !active) await assertClusterCanStop(tx, input.id);
    const after = await tx.cluster.update({
      where: { id: input.id },
      data: { code: input.code, name: input.name, blockId: input.blockId, active },
    });
    return savedRow("Cluster", after.id, clusterSnapshot(before), clusterSnapshot(after));
  },
  uniqueFields: codeUnique,
});

export const setClusterActive = storedCluster({
  name: "cluster.setActive",
  label: "Bật/tắt cụm thi đua",
  input: z.object({ id: idField("Cụm"), active: requiredFlag("Trạng thái") }),
  async run(tx, input, before) {
    if (before.active && !input.active) await assertClusterCanStop(tx, input.id);
    const after = await tx.cluster.update({ where: { id: input.id }, data: { active: input.active } });
    return {
      data: { id: after.id },
      message: after.active ? `Đã kích hoạt lại cụm “${after.name}”.` : `Đã ngừng hoạt động cụm “${after.name}”.`,
      audit: { entityType: "Cluster", entityId: after.id, before: clusterSnapshot(before), after: clusterSnapshot(after) },
    };
  },
});
