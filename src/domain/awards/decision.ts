// Recording a decision (docs/domain.md §4 step 7, §9): which items it approves, and what that writes.
import { DECISION_LEVELS, decisionLevelFor, ITEM_KINDS, type DecisionLevel, type DossierStatus, type ItemKind } from "./catalogue";

export type DecisionItem = { id: string; kind: ItemKind; status: string; titleCode: string | null; commendationForm: string | null; label?: string };

export type DecisionPlan =
  | { ok: false; message: string }
  | { ok: true; approve: DecisionItem[]; notApproved: DecisionItem[]; remaining: DecisionItem[] };

/**
 * A decision approves some PROPOSED items of an ACCEPTED dossier, each of its level (the Government
 * flag and CSTĐ toàn quốc: the Prime Minister…). `closeRemaining`: the items left out are recorded as
 * not approved; otherwise they stay proposed for a later decision.
 */
export function planDecision(d: {
  dossierStatus: DossierStatus;
  level: DecisionLevel;
  items: readonly DecisionItem[];
  approvedIds: readonly string[];
  closeRemaining: boolean;
}): DecisionPlan {
  if (d.dossierStatus === "RETURNED") return { ok: false, message: "Hồ sơ đã bị trả lại cho cụm; chỉ ghi quyết định cho hồ sơ đã tiếp nhận." };
  if (d.dossierStatus !== "ACCEPTED") return { ok: false, message: "Hồ sơ chưa được tiếp nhận; chỉ ghi quyết định cho hồ sơ đã tiếp nhận." };
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const chosen = [...new Set(d.approvedIds)].map((id) => byId.get(id));
  if (chosen.some((i) => !i)) return { ok: false, message: "Có đề nghị không thuộc hồ sơ này." };
  const approve = chosen as DecisionItem[];
  if (approve.length === 0) return { ok: false, message: "Hãy chọn ít nhất một đề nghị được khen thưởng theo quyết định." };
  const settled = approve.find((i) => i.status !== "PROPOSED");
  if (settled) return { ok: false, message: `${settled.label ?? "Một đề nghị"} đã được giải quyết hoặc đã rút; không thể ghi vào quyết định này.` };
  const wrongLevel = approve.find((i) => decisionLevelFor(i) !== d.level);
  if (wrongLevel) {
    return {
      ok: false,
      message: `${wrongLevel.label ?? ITEM_KINDS[wrongLevel.kind]} thuộc thẩm quyền ${DECISION_LEVELS[decisionLevelFor(wrongLevel)]}, không phải ${DECISION_LEVELS[d.level]}.`,
    };
  }
  const chosenIds = new Set(approve.map((i) => i.id));
  const rest = d.items.filter((i) => i.status === "PROPOSED" && !chosenIds.has(i.id));
  return d.closeRemaining ? { ok: true, approve, notApproved: rest, remaining: [] } : { ok: true, approve, notApproved: [], remaining: rest };
}
