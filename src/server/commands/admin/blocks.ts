import { z } from "zod";
import { codeField, idField, requiredText } from "@/domain/validation";
import { defineCommand } from "../command";
import { codeUnique, createdRow, savedRow, storedRowCommand } from "./shared";

const blockSnapshot = (b: { code: string; name: string }) => ({ code: b.code, name: b.name });

const blockInput = z.object({ code: codeField("Mã khối"), name: requiredText("Tên khối", 200) });

export const createBlock = defineCommand({
  name: "block.create",
  label: "Thêm khối thi đua",
  permission: "block.manage",
  input: blockInput,
  target: async () => ({}),
  async run(tx, input) {
    const block = await tx.block.create({ data: { code: input.code, name: input.name } });
    return createdRow("Block", block.id, `Đã tạo khối “${block.name}”.`, blockSnapshot(block));
  },
  uniqueFields: codeUnique,
});

const storedBlock = storedRowCommand("block.manage", "Block", (tx, id) => tx.block.findUniqueOrThrow({ where: { id } }));

export const updateBlock = storedBlock({
  name: "block.update",
  label: "Sửa khối thi đua",
  input: blockInput.extend({ id: idField("Khối") }),
  async run(tx, input, before) {
    const after = await tx.block.update({ where: { id: input.id }, data: { code: input.code, name: input.name } });
    return savedRow("Block", after.id, blockSnapshot(before), blockSnapshot(after));
  },
  uniqueFields: codeUnique,
});
