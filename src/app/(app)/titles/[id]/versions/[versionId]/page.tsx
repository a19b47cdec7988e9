import type { Metadata } from "next";
import { GridForm } from "@/components/form";
import { Card, EmptyState, RecordHeader } from "@/components/ui";
import { yearsLabel } from "@/domain/eligibility";
import { requireActor } from "@/server/auth/current";
import { titleRuleVersion } from "@/server/queries/title-rules";
import { updateRuleVersionAction } from "../../../actions";
import { RuleVersionFields } from "../../../_sections/rule-version-fields";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa phiên bản quy tắc" };

async function EditVersionPage({ params }: { params: Promise<{ id: string; versionId: string }> }) {
  const actor = await requireActor();
  const { id, versionId } = await params;
  const page = await titleRuleVersion(actor, id, versionId);
  const v = page.version;
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={`${page.title.name}: phiên bản ${yearsLabel(v)}`} backHref={`/titles/${page.title.id}`} backLabel={page.title.name} />
      {!page.shape ? (
        <EmptyState title="Danh hiệu này không theo quy tắc xét nào của hệ thống." />
      ) : (
        <Card>
          <GridForm action={updateRuleVersionAction} id={v.id} aria-label="Sửa phiên bản quy tắc">
            <input type="hidden" name="titleId" value={page.title.id} />
            <RuleVersionFields shape={page.shape} closedYears={page.closedYears} defaults={v} />
          </GridForm>
        </Card>
      )}
    </div>
  );
}

export default pageOr404(EditVersionPage);
