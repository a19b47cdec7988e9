import type { Metadata } from "next";
import { roleMay } from "@/domain/permissions";
import { requireActor } from "@/server/auth/current";
import { parseRegistrationParams, unitRegistrationPage } from "@/server/queries/registration";
import { UnitRegistrationView } from "../../unit-view";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Đăng ký thi đua của đơn vị" };

/**
 * One unit's registration, opened from the secretariat's board (read-only for the secretariat and
 * admins, who may reopen it or record its agreement); 404 for anyone who may not view that unit.
 */
async function UnitRegistrationPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [{ unitId }, query] = await Promise.all([params, searchParams]);
  const data = await unitRegistrationPage(actor, { ...parseRegistrationParams(query), unitId });
  return (
    <UnitRegistrationView
      data={data}
      basePath={`/registration/units/${data.unit.id}`}
      backHref={roleMay(actor, "registration.board") ? "/registration" : undefined}
    />
  );
}

export default pageOr404(UnitRegistrationPage);
