// Editing an open movement (docs/domain.md §10): its manager only.
import type { Metadata } from "next";
import { MOVEMENT_MAX_FIGURES } from "@/domain/movements";
import { formatDate } from "@/lib/format";
import { Card, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { notFound } from "@/server/errors";
import { movementDetail } from "@/server/queries/movements";
import { pageOr404 } from "@/app/not-found-boundary";
import { updateMovementAction } from "../../actions";
import { MovementForm } from "../../_sections/movement-form";

export const metadata: Metadata = { title: "Sửa phong trào thi đua" };

async function EditMovementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const detail = await movementDetail(actor, id);
  if (!detail.canManage) notFound();
  const m = detail.movement;
  return (
    <div className="space-y-6">
      <RecordHeader title={`Sửa: ${m.name}`} backHref={`/movements/${m.id}`} backLabel={m.name} />
      <Card>
        <MovementForm
          action={updateMovementAction}
          movement={{
            id: m.id,
            name: m.name,
            purpose: m.purpose,
            fromDate: formatDate(m.fromDate),
            toDate: formatDate(m.toDate),
            figures: m.figures.map((f) => ({ figureId: f.id, label: f.label, unitLabel: f.unitLabel })),
          }}
          maxFigures={MOVEMENT_MAX_FIGURES}
        />
      </Card>
    </div>
  );
}

export default pageOr404(EditMovementPage);
