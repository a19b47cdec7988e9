import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui";
import { COMMENDATION_SHEET } from "@/domain/excel-rows";
import { roleMay } from "@/domain/permissions";
import { requireActor } from "@/server/auth/current";
import { notFound } from "@/server/errors";
import { MAX_IMPORT_BYTES } from "@/server/excel/import";
import { pageOr404 } from "@/app/not-found-boundary";
import { CommendationImportForm } from "./import-form";

export const metadata: Metadata = { title: "Nhập sổ khen thưởng từ Excel" };

/** The secretariat's import of commendations decided outside the dossier flow. */
async function CommendationImportPage() {
  const actor = await requireActor();
  if (!roleMay(actor, "commendation.enter") || !actor.clusterId) notFound();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Nhập sổ khen thưởng từ Excel"
        description="Khen thưởng đã có quyết định ngoài hồ sơ đề nghị (quyết định trước khi dùng phần mềm, Giấy khen của thủ trưởng đơn vị…)."
        actions={
          <a href="/commendations/template" download className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
            Tải tệp mẫu (.xlsx)
          </a>
        }
      />
      <Card title="Cách nhập">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>Tải tệp mẫu và điền trang “{COMMENDATION_SHEET.name}”, mỗi dòng một khen thưởng (trang “Hướng dẫn” mô tả từng cột).</li>
          <li>Tải tệp lên. Hệ thống kiểm tra từng dòng: nếu có lỗi, không dòng nào được lưu và các lỗi được liệt kê theo dòng, cột.</li>
          <li>Khen thưởng đã có trong sổ (cùng đối tượng, hình thức, số quyết định) hoặc thuộc năm đã khóa sổ bị báo lỗi.</li>
        </ol>
      </Card>
      <CommendationImportForm maxBytes={MAX_IMPORT_BYTES} />
    </div>
  );
}

export default pageOr404(CommendationImportPage);
