// Revocation (thu hồi; Luật Thi đua, khen thưởng 2022, chương VII): what later records relied on a
// revoked award, so that the secretariat can act on them (docs/domain.md §3 rules). Pure.
import { collectiveLevel, individualLevel, type CollectiveTitle, type IndividualTitle } from "../eligibility";

export type RevokedAward =
  | { kind: "OFFICER_TITLE"; year: number; title: IndividualTitle }
  | { kind: "UNIT_TITLE"; year: number; title: CollectiveTitle }
  | { kind: "COMMENDATION"; year: number };

export type LaterRecord = { id: string; kind: "OFFICER_TITLE" | "UNIT_TITLE" | "DOSSIER_ITEM"; year: number; title: string; subject: string };

export type Dependant = LaterRecord & { why: string };

/**
 * The later records (the same officer's or unit's titles awarded or proposed) whose prerequisites read
 * the revoked award under the default rules:
 * - an officer's CSTĐCS (or higher) in Y is one of the 3 consecutive CSTĐCS years of a CSTĐ CAND in
 *   Y+1 or Y+2, and of a CSTĐ toàn quốc up to Y+5 (two cycles);
 * - an officer's CSTĐ CAND in Y is the first of the two times of a CSTĐ toàn quốc in Y+3;
 * - an officer's title of year Y counts in the unit's collective title of Y (the CST share, one
 *   CSTĐCS), given as the unit's record of that year;
 * - a unit's Ministry flag in Y is the standard of the Government flag in Y.
 * Commendations are prerequisites of no default rule: none.
 */
export function dependantsOf(revoked: RevokedAward, later: readonly LaterRecord[]): Dependant[] {
  const out: Dependant[] = [];
  for (const r of later) {
    const why = reliance(revoked, r);
    if (why) out.push({ ...r, why });
  }
  return out.sort((a, b) => a.year - b.year || a.subject.localeCompare(b.subject));
}

function reliance(revoked: RevokedAward, r: LaterRecord): string | null {
  const gap = r.year - revoked.year;
  if (revoked.kind === "OFFICER_TITLE") {
    const level = individualLevel(revoked.title);
    if (r.kind === "UNIT_TITLE") return gap === 0 ? "Danh hiệu tập thể cùng năm tính cả danh hiệu cá nhân bị thu hồi." : null;
    const laterLevel = individualLevel(r.title as IndividualTitle);
    if (level >= 2 && laterLevel === 3 && gap >= 1 && gap <= 2) return "Chuỗi 03 năm Chiến sĩ thi đua cơ sở có năm bị thu hồi.";
    if (level >= 2 && laterLevel === 4 && gap >= 1 && gap <= 5) return "Hai chu kỳ Chiến sĩ thi đua CAND có năm bị thu hồi.";
    if (level >= 3 && laterLevel === 4 && gap === 3) return "Lần Chiến sĩ thi đua CAND trước đó đã bị thu hồi.";
    return null;
  }
  if (revoked.kind === "UNIT_TITLE" && r.kind !== "OFFICER_TITLE") {
    if (collectiveLevel(revoked.title) === 3 && r.title === "CO_CP" && gap === 0) return "Tiêu chuẩn Cờ thi đua của Bộ Công an đã bị thu hồi.";
  }
  return null;
}
