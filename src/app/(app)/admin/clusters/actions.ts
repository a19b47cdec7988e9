"use server";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { createBlock, createCluster, setClusterActive, updateBlock, updateCluster } from "@/server/commands/admin";

const LIST = "/admin/clusters";
const idOf = (formData: FormData) => String(formData.get("id") ?? "");

export async function createBlockAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createBlock, formData, [LIST]);
}

export async function updateBlockAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateBlock, formData, [LIST, `${LIST}/blocks/${idOf(formData)}`]);
}

export async function createClusterAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createCluster, formData, [LIST]);
}

export async function updateClusterAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateCluster, formData, [LIST, `${LIST}/${idOf(formData)}`]);
}

export async function setClusterActiveAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(setClusterActive, formData, [LIST, `${LIST}/${idOf(formData)}`]);
}
