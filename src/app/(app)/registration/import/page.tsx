import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { SHEET_DEFS } from "@/domain/excel-rows";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { MAX_IMPORT_BYTES } from "@/server/excel/import";
import { importPageContext } from "@/server/queries/results";
import { ImportForm } from "./import-form";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Nhập dữ liệu từ Excel" };

/** The unit officer's import of officers, registrations and results from the template workbook. */
async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const requested = Array.isArray(sp.year) ? sp.year[0] : sp.year;
  const { unit, years, selected } = await importPageContext(actor, requested);

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Nhập dữ liệu từ Excel"
        description={`${unit.name} · ${unit.clusterName}`}
        actions={
          <a
            href="/registration/template"
            download
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            Tải tệp mẫu (.xlsx)
          </a>
        }
      />

      <Card title="Cách nhập">
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>
            Tải tệp mẫu, điền vào các trang {SHEET_DEFS.map((s) => `“${s.name}”`).join(", ")} (không cần dùng cả ba; trang “Hướng dẫn” trong tệp mô tả từng cột).
          </li>
          <li>Chọn năm thi đua và tải tệp lên. Hệ thống kiểm tra từng dòng: nếu có lỗi, không dòng nào được lưu và các lỗi được liệt kê theo trang, dòng, cột.</li>
          <li>Cán bộ được nhận diện theo Mã cán bộ: mã đã có thì cập nhật, mã mới thì thêm. Nhập lại cùng một tệp không làm thay đổi gì.</li>
        </ol>
      </Card>

      {!selected ? (
        <EmptyState title="Không có năm thi đua nào đang mở.">Dữ liệu chỉ nhập được vào năm thi đua chưa khóa sổ.</EmptyState>
      ) : (
        <>
          <ImportForm
            years={years.map((y) => ({ id: y.id, label: `Năm ${y.year} — ${PHASE_LABELS[y.phase]}` }))}
            defaultYearId={selected.id}
            maxBytes={MAX_IMPORT_BYTES}
          />
          <Card title="Năm thi đua đang mở nhận gì">
            <ul className="space-y-2 text-sm">
              {years.map((y) => (
                <li key={y.id}>
                  <span className="font-medium">Năm {y.year}</span> ({PHASE_LABELS[y.phase]}): cán bộ — được nhập; đăng ký danh hiệu —{" "}
                  {y.registrations ? <span className="text-slate-600">{y.registrations}</span> : "được nhập"}; kết quả —{" "}
                  {y.results ? <span className="text-slate-600">chưa nhận (từ giai đoạn “{PHASE_LABELS.REPORTING}”)</span> : "được nhập (chờ Thư ký cụm xác nhận)"}.
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/registration" className="text-brand-700 underline">
          Về trang đăng ký thi đua
        </Link>
        <Link href="/officers" className="text-brand-700 underline">
          Về danh sách cán bộ
        </Link>
      </p>
    </div>
  );
}

export default pageOr404(ImportPage);
