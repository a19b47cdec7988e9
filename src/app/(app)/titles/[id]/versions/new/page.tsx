import type { Metadata } from "next";
import { GridForm } from "@/components/form";
import { Card, EmptyState, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { titleRuleVersions } from "@/server/queries/title-rules";
import { createRuleVersionAction } from "../../../actions";
import { RuleVersionFields } from "../../../_sections/rule-version-fields";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm phiên bản quy tắc" };

async function NewVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const page = await titleRuleVersions(actor, (await params).id);
  const last = page.versions.at(-1);
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={`Thêm phiên bản quy tắc: ${page.title.name}`} backHref={`/titles/${page.title.id}`} backLabel={page.title.name} />
      {!page.shape ? (
        <EmptyState title="Danh hiệu này không theo quy tắc xét nào của hệ thống." />
      ) : (
        <Card>
          <GridForm action={createRuleVersionAction} resetOnSuccess submitLabel="Thêm phiên bản" aria-label="Thêm phiên bản quy tắc">
            <input type="hidden" name="titleId" value={page.title.id} />
            <RuleVersionFields
              shape={page.shape}
              closedYears={page.closedYears}
              defaults={{ params: last?.params, legalLaw: last?.legalLaw, legalCircular: last?.legalCircular }}
            />
          </GridForm>
        </Card>
      )}
    </div>
  );
}

export default pageOr404(NewVersionPage);
