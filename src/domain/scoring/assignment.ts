// Cross-scoring assignment (chấm chéo): every participating unit scores k other units' reports.
//  - never its own report;
//  - every report gets exactly k scorers and every unit scores exactly k reports (a circulant design:
//    the units are put in a seeded random order around a circle and each scores the next k);
//  - deterministic: the same units (in any input order) and the same seed give the same assignment.

export type Assignment = { scorerUnitId: string; reportUnitId: string };
export type AssignmentResult = { ok: true; assignments: Assignment[]; order: string[] } | { ok: false; message: string };

/** mulberry32: a small deterministic generator (seeded; the same seed, the same sequence). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the seeded generator. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function generateAssignment(unitIds: readonly string[], scorersPerReport: number, seed: number): AssignmentResult {
  const units = [...new Set(unitIds)].sort();
  const n = units.length;
  const k = scorersPerReport;
  if (!Number.isInteger(k) || k < 1) return { ok: false, message: "Số đơn vị chấm chéo mỗi báo cáo phải là số nguyên từ 1 trở lên." };
  if (n < 2) return { ok: false, message: "Cần ít nhất 2 đơn vị có báo cáo đã được chấp nhận để chấm chéo." };
  if (k > n - 1) {
    return {
      ok: false,
      message: `Với ${n} đơn vị tham gia, mỗi báo cáo chỉ có thể có tối đa ${n - 1} đơn vị chấm chéo (đơn vị không tự chấm báo cáo của mình).`,
    };
  }
  const order = seededShuffle(units, seed);
  const assignments: Assignment[] = [];
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= k; d++) assignments.push({ scorerUnitId: order[i]!, reportUnitId: order[(i + d) % n]! });
  }
  return { ok: true, assignments, order };
}
