// The cluster's joint emulation agreement (giao ước thi đua) of one year (docs/domain.md §10, "Joint
// agreement"): the commitments, the date and place of signing, and one signatory (name, position) for
// each member unit. A draft may be incomplete; recorded as signed it must be whole. Pure rules.
import { displayIsoDate } from "./vietnam-calendar";

export const JOINT_AGREEMENT_STATUS_LABELS = { DRAFT: "Dự thảo", SIGNED: "Đã ký kết" } as const;
/** An open year's agreement is edited on its page during the conference; the amendment is for a closed year. */
export const AGREEMENT_AMEND_ONLY_CLOSED = "Chỉ giao ước của năm đã khóa sổ mới cần sửa đổi; năm đang mở hãy soạn thảo, ghi nhận trên trang giao ước thi đua.";

export type JointAgreementStatus = keyof typeof JOINT_AGREEMENT_STATUS_LABELS;

/** The heading a new agreement starts with. */
export const defaultAgreementTitle = (year: number) => `Giao ước thi đua năm ${year}`;

export type AgreementDraft = {
  place: string | null;
  signedOn: string | null;
  signatories: { unitId: string; name: string; position: string }[];
};

export type FieldErrors = Record<string, string[]>;

/** A signatory field's form name (one pair per member unit). */
export const signatoryField = (part: "name" | "position", unitId: string) => `signer_${part}_${unitId}`;

/**
 * What is wrong with the agreement for the year, as field errors (empty: none). Always: the signing date
 * inside the year and not after today; a signatory only for a member unit, with both name and position.
 * Recorded as signed: the place, the date and every member unit's signatory are required.
 */
export function agreementErrors(
  draft: AgreementDraft,
  ctx: { year: number; todayIso: string; memberUnits: { id: string; name: string }[]; signed: boolean },
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (draft.signedOn) {
    if (Number(draft.signedOn.slice(0, 4)) !== ctx.year) add("signedOn", `Ngày ký giao ước thi đua năm ${ctx.year} phải trong năm ${ctx.year}.`);
    else if (draft.signedOn > ctx.todayIso) add("signedOn", `Ngày ký (${displayIsoDate(draft.signedOn)}) không được sau hôm nay (${displayIsoDate(ctx.todayIso)}).`);
  }
  const members = new Set(ctx.memberUnits.map((u) => u.id));
  for (const s of draft.signatories) {
    if (!members.has(s.unitId)) add("signatories", "Người ký phải là đại diện của một đơn vị thành viên của cụm.");
    else if (!s.name) add(signatoryField("name", s.unitId), "Vui lòng nhập họ tên người ký.");
    else if (!s.position) add(signatoryField("position", s.unitId), "Vui lòng nhập chức vụ người ký.");
  }
  if (ctx.signed) {
    if (!draft.place) add("place", "Địa điểm ký là bắt buộc khi ghi nhận đã ký kết.");
    if (!draft.signedOn) add("signedOn", "Ngày ký là bắt buộc khi ghi nhận đã ký kết.");
    const signedUnits = new Set(draft.signatories.map((s) => s.unitId));
    for (const u of ctx.memberUnits) {
      if (!signedUnits.has(u.id)) add(signatoryField("name", u.id), `Chưa có người ký của ${u.name}.`);
    }
  }
  return errors;
}
