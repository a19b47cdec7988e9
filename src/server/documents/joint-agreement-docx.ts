// The cluster's joint agreement (giao ước thi đua) as a Word document (docs/domain.md §10): the
// administrative heading, the title, the place and date, the commitments as written, and one signature
// column per member unit (name, position), two to a row.
import { Paragraph, Table } from "docx";
import type { JointAgreementPage } from "@/server/queries/joint-agreement";
import { center, layoutRow, longDate, packDocument, para, run } from "./docx-parts";

type Data = { year: NonNullable<JointAgreementPage["year"]>; agreement: NonNullable<JointAgreementPage["agreement"]> };

const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function signer(s: Data["agreement"]["signatories"][number]): Paragraph[] {
  return [
    center([run(`ĐẠI DIỆN ${s.unitName.toUpperCase()}`, { bold: true, size: 22 })]),
    center([run(s.position, { size: 22 })]),
    center([run("(Ký, ghi rõ họ tên)", { italics: true, size: 20 })], 1200),
    center([run(s.name, { bold: true })], 240),
  ];
}

export async function buildJointAgreementDocx({ year, agreement }: Data): Promise<Buffer> {
  const dateLine = `${agreement.place || "…………"}, ${longDate(isoOf(agreement.signedOn))}`;
  const rows: Table[] = [];
  for (let i = 0; i < agreement.signatories.length; i += 2) {
    rows.push(layoutRow(agreement.signatories.slice(i, i + 2).map((s) => ({ width: 50, children: signer(s) }))));
  }
  const body: (Paragraph | Table)[] = [
    layoutRow([
      { width: 45, children: [center([run("BỘ CÔNG AN", { size: 24 })]), center([run(year.clusterName.toUpperCase(), { bold: true, size: 24 })])] },
      {
        width: 55,
        children: [
          center([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24 })]),
          center([run("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true })], 120),
          center([run(dateLine, { italics: true })]),
        ],
      },
    ]),
    center([run("GIAO ƯỚC THI ĐUA", { bold: true, size: 30 })], 40),
    center([run(agreement.title, { bold: true })], 240),
    ...(agreement.status === "DRAFT" ? [center([run("(Dự thảo)", { italics: true })], 200)] : []),
    ...agreement.commitments.split("\n").filter((line) => line.trim()).map((line) => para(line, { indent: true })),
    para(`Giao ước gồm ${agreement.signatories.length} đơn vị ký kết.`, { before: 200, after: 240, indent: true }),
    ...rows,
  ];
  return packDocument(`${agreement.title} – ${year.clusterName}`, body);
}
