// The kinds and states of a vote round and their Vietnamese names. No imports: the client-side
// dashboard view uses them without pulling in the settings' zod schemas.
export const ROUND_KINDS = ["ACCLAIM", "CHAIR_ELECTION", "DEPUTY_ELECTION"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_STATES = ["DRAFT", "OPEN", "CLOSED"] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  ACCLAIM: "Bình xét, suy tôn",
  CHAIR_ELECTION: "Bầu Cụm trưởng",
  DEPUTY_ELECTION: "Bầu Cụm phó",
};

export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  DRAFT: "Đang chuẩn bị",
  OPEN: "Đang bỏ phiếu",
  CLOSED: "Đã kết thúc",
};
