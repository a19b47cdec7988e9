// What the audit log keeps of a result row: the fields recording, verifying and amending a result read
// back for the entry, and the shape of those entries ({ before, after }), which the history of a
// result and the amendment's review rely on. Shared by the results commands and the closed-year
// amendment, so both record the same fields.
import { z } from "zod";

export const OFFICER_RESULT_AUDIT = { id: true, officerId: true, year: true, rating: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true, verified: true } as const;
export const UNIT_RESULT_AUDIT = { id: true, emulationYearId: true, unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true } as const;

const decision = { awardedTitleCode: z.string().nullable(), decisionNo: z.string().nullable(), decisionDate: z.date().nullable(), decisionSigner: z.string().nullable() };
const officerResultRow = z.strictObject({ id: z.string().min(1), officerId: z.string().min(1), year: z.number().int(), rating: z.string().nullable(), ...decision, verified: z.boolean() });
const unitResultRow = z.strictObject({ id: z.string().min(1), emulationYearId: z.string().min(1), unitId: z.string().min(1), ...decision });

/** result.record: the row before (none for a first entry) and after. */
export const officerResultAuditPayload = z.object({ before: officerResultRow.nullable(), after: officerResultRow });
/** result.unit: the unit's row before (none for a first entry) and after. */
export const unitResultAuditPayload = z.object({ before: unitResultRow.nullable(), after: unitResultRow });

/** The amending decision and reason, kept with the corrected row. */
const amendment = z.strictObject({
  reason: z.string().min(1),
  decision: z.strictObject({ number: z.string().min(1), date: z.string().min(1), signer: z.string().min(1) }),
  amendedBy: z.string(),
});
/** year.amendClosed: an officer's or a unit's result row, before and after (with the amendment). */
export const amendmentAuditPayload = z.union([
  z.object({ before: officerResultRow.nullable(), after: officerResultRow.extend({ amendment }) }),
  z.object({ before: unitResultRow.nullable(), after: unitResultRow.extend({ amendment }) }),
]);
