import { TextField } from "@/components/form";

/** A decision's number, date (dd/mm/yyyy) and signer, as the results forms ask for them. */
export function DecisionInputs({ numberLabel = "Số quyết định", numberPlaceholder, signerPlaceholder }: { numberLabel?: string; numberPlaceholder: string; signerPlaceholder: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <TextField name="decisionNo" label={numberLabel} maxLength={60} placeholder={numberPlaceholder} />
      <TextField name="decisionDate" label="Ngày quyết định" maxLength={10} placeholder="dd/mm/yyyy" />
      <TextField name="decisionSigner" label="Người ký" maxLength={120} placeholder={signerPlaceholder} />
    </div>
  );
}
