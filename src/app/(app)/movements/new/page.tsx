// Launching a movement or drive (docs/domain.md §10): the secretariat for its cluster, the admin for a
// block or the whole Ministry.
import type { Metadata } from "next";
import { MOVEMENT_MAX_FIGURES } from "@/domain/movements";
import { Card, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { launchOptions } from "@/server/queries/movements";
import { pageOr404 } from "@/app/not-found-boundary";
import { launchMovementAction } from "../actions";
import { MovementForm } from "../_sections/movement-form";

export const metadata: Metadata = { title: "Phát động phong trào thi đua" };

async function NewMovementPage() {
  const actor = await requireActor();
  const options = await launchOptions(actor);
  return (
    <div className="space-y-6">
      <RecordHeader title="Phát động phong trào thi đua" backHref="/movements" backLabel="Phong trào thi đua" />
      <Card>
        <MovementForm action={launchMovementAction} scopes={options.scopes} blocks={options.blocks} maxFigures={MOVEMENT_MAX_FIGURES} />
      </Card>
    </div>
  );
}

export default pageOr404(NewMovementPage);
