// The proposal dossier's Word documents (issue 14; docs/domain.md §9): the cluster's tờ trình to the
// Ministry office, the lists of proposed collectives and individuals with each item's evidence (the
// round's aggregate vote result — never a ballot, docs/security-voting.md —, the eligibility check at
// the time of proposal, the unit's score and rank), the disclosure notice to the member units, and the
// objections with their answers. Built from what the dossier page shows; nothing is typed again.
import { Paragraph, Table } from "docx";
import {
  COMMENDATION_FORMS,
  eligibilityEvidenceLines,
  isCommendationForm,
  isOfficerKind,
  ITEM_KINDS,
  ITEM_STATUSES,
  OBJECTION_ANSWERS,
  reportEvidenceText,
  voteEvidenceText,
  type ItemKind,
  type ItemStatus,
  type ObjectionAnswer,
} from "@/domain/awards";
import { formatDate } from "@/lib/format";
import { DOSSIER_DOCUMENT_NAMES, type DossierDocumentData, type DossierDocumentKind } from "@/server/queries/dossiers/documents";
import { center, grid, LANDSCAPE, layoutRow, packDocument, para, run, signature } from "./docx-parts";

type Item = DossierDocumentData["items"][number];
const DOTS = "…………";

/** What is proposed: the title's or the form's name. */
export const proposalName = (i: Pick<Item, "title" | "commendationForm" | "titleCode">) =>
  i.title?.name ?? (i.commendationForm && isCommendationForm(i.commendationForm) ? COMMENDATION_FORMS[i.commendationForm].label : (i.titleCode ?? ""));
const subjectName = (i: Item) => (i.officer ? `${i.officer.rank} ${i.officer.fullName}` : i.unit.name);
/** Items that go to the Ministry: everything but the withdrawn. */
const live = (items: Item[]) => items.filter((i) => i.status !== "WITHDRAWN");

function heading(d: DossierDocumentData, numberLine: string): Table {
  const date = d.today.split("-");
  return layoutRow([
    {
      width: 42,
      children: [
        center([run("BỘ CÔNG AN", { size: 24 })]),
        center([run(d.year.cluster.name.toUpperCase(), { bold: true, size: 24 })]),
        center([run(d.blockName, { italics: true, size: 22 })], 80),
        center([run(numberLine, { size: 24 })]),
      ],
    },
    {
      width: 58,
      children: [
        center([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24 })]),
        center([run("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true })], 120),
        center([run(`Hà Nội, ngày ${date[2]} tháng ${date[1]} năm ${date[0]}`, { italics: true })]),
      ],
    },
  ]);
}

function signer(d: DossierDocumentData): Table {
  return layoutRow([
    { width: 50, children: [para([run("Nơi nhận:", { bold: true, italics: true, size: 22 })]), para([run("- Như trên;", { size: 22 })]), para([run("- Các đơn vị thành viên Cụm;", { size: 22 })]), para([run("- Lưu: Cụm.", { size: 22 })])] },
    { width: 50, children: [center([run(`TM. ${d.year.cluster.name.toUpperCase()}`, { bold: true })]), ...signature("ĐƠN VỊ CỤM TRƯỞNG", d.chairUnitName ?? "", { gap: 1400 })] },
  ]);
}

/** Counts by kind and name: "2 Cờ thi đua của Bộ Công an". */
function tally(items: Item[]): string[] {
  const byKind = new Map<ItemKind, Map<string, number>>();
  for (const i of items) {
    const k = i.kind as ItemKind;
    const m = byKind.get(k) ?? new Map<string, number>();
    m.set(proposalName(i), (m.get(proposalName(i)) ?? 0) + 1);
    byKind.set(k, m);
  }
  return (Object.keys(ITEM_KINDS) as ItemKind[])
    .filter((k) => byKind.has(k))
    .map((k) => `- ${ITEM_KINDS[k]}: ${[...byKind.get(k)!].map(([name, n]) => `${n} ${name}`).join("; ")}.`);
}

function disclosureLine(d: DossierDocumentData): string {
  if (!d.disclosureEndsOn) return "Danh sách đề nghị chưa được công khai.";
  const answered = d.objections.filter((o) => o.answer).length;
  return (
    `Danh sách đề nghị đã được công khai tới các đơn vị thành viên Cụm từ ngày ${formatDate(d.disclosedAt)} đến hết ngày ${formatDate(d.disclosureEndsOn)} (${d.disclosureDays} ngày làm việc). ` +
    (d.objections.length ? `Có ${d.objections.length} ý kiến của các đơn vị; đã trả lời ${answered}/${d.objections.length} ý kiến (danh sách kèm theo).` : "Không có ý kiến nào của các đơn vị.")
  );
}

function memo(d: DossierDocumentData): (Paragraph | Table)[] {
  const items = live(d.items);
  const collective = items.filter((i) => !isOfficerKind(i.kind as ItemKind)).length;
  return [
    heading(d, `Số: ${d.memoNo ?? `${DOTS}/TTr`}`),
    center([run("TỜ TRÌNH", { bold: true, size: 30 })], 40),
    center([run(`Về việc đề nghị khen thưởng năm ${d.year.year}`, { bold: true })], 200),
    center([run("Kính gửi: Thường trực Hội đồng Thi đua – Khen thưởng Bộ Công an", { bold: false })], 200),
    para(
      `Căn cứ Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành; căn cứ kết quả Hội nghị tổng kết công tác thi đua, khen thưởng năm ${d.year.year} của ${d.year.cluster.name} và kết quả bình xét, suy tôn bằng phiếu kín của các đơn vị thành viên,`,
      { indent: true },
    ),
    para(`${d.year.cluster.name} kính đề nghị Bộ trưởng Bộ Công an xem xét, khen thưởng (hoặc trình cấp có thẩm quyền khen thưởng) cho ${collective} tập thể và ${items.length - collective} cá nhân, cụ thể:`, { indent: true }),
    ...(items.length ? tally(items).map((t) => para(t, { indent: true })) : [para([run("Hồ sơ chưa có đề nghị nào.", { italics: true })], { indent: true })]),
    para(disclosureLine(d), { indent: true }),
    para("Hồ sơ kèm theo: danh sách tập thể, cá nhân được đề nghị (kèm kết quả bỏ phiếu và điều kiện của từng trường hợp), thông báo công khai, tổng hợp ý kiến và trả lời, biên bản hội nghị tổng kết.", { indent: true }),
    para(`${d.year.cluster.name} kính trình Thường trực Hội đồng Thi đua – Khen thưởng Bộ xem xét, quyết định./.`, { indent: true, after: 240 }),
    signer(d),
  ];
}

function evidenceLines(i: Item): string[] {
  const e = i.evidence;
  return [
    ...(e.vote ? [`${e.vote.roundTitle}: ${voteEvidenceText(e.vote)}`] : []),
    ...(reportEvidenceText(e.report) ? [reportEvidenceText(e.report)] : []),
    ...eligibilityEvidenceLines(e.eligibility),
  ];
}

const statusText = (i: Item) => `${ITEM_STATUSES[i.status as ItemStatus]}${i.decision ? ` (QĐ số ${i.decision.number})` : ""}`;

function list(d: DossierDocumentData, officers: boolean): (Paragraph | Table)[] {
  const items = live(d.items).filter((i) => isOfficerKind(i.kind as ItemKind) === officers);
  const what = officers ? "CÁ NHÂN" : "TẬP THỂ";
  const rows = items.map((i, n) =>
    officers
      ? [String(n + 1), i.officer ? `${i.officer.rank} ${i.officer.fullName}` : "", i.officer?.position ?? "", i.unit.name, proposalName(i), evidenceLines(i), statusText(i)]
      : [String(n + 1), i.unit.name, proposalName(i), evidenceLines(i), statusText(i)],
  );
  return [
    center([run(`DANH SÁCH ${what} ĐỀ NGHỊ KHEN THƯỞNG NĂM ${d.year.year}`, { bold: true, size: 28 })]),
    center([run(`(Kèm theo Tờ trình số ${d.memoNo ?? DOTS} của ${d.year.cluster.name})`, { italics: true })], 200),
    items.length
      ? officers
        ? grid(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Đề nghị", "Kết quả bỏ phiếu, điều kiện", "Trạng thái"], [5, 16, 12, 16, 15, 26, 10], rows)
        : grid(["STT", "Đơn vị", "Đề nghị", "Kết quả bỏ phiếu, điểm, điều kiện", "Trạng thái"], [5, 22, 18, 43, 12], rows)
      : para([run(`Không có ${officers ? "cá nhân" : "tập thể"} nào được đề nghị.`, { italics: true })]),
    para(`Tổng số: ${items.length} ${officers ? "cá nhân" : "tập thể"}.`, { before: 120 }),
  ];
}

function notice(d: DossierDocumentData): (Paragraph | Table)[] {
  const items = live(d.items);
  return [
    heading(d, `Số: ${DOTS}/TB`),
    center([run("THÔNG BÁO", { bold: true, size: 30 })], 40),
    center([run(`Công khai danh sách đề nghị khen thưởng năm ${d.year.year}`, { bold: true })], 200),
    para(`Thực hiện quy định về công khai danh sách đề nghị khen thưởng, ${d.year.cluster.name} thông báo tới các đơn vị thành viên danh sách tập thể, cá nhân được đề nghị khen thưởng năm ${d.year.year} như sau:`, { indent: true, after: 120 }),
    items.length
      ? grid(["STT", "Tập thể, cá nhân", "Đơn vị", "Đề nghị"], [7, 35, 30, 28], items.map((i, n) => [String(n + 1), subjectName(i), i.unit.name, proposalName(i)]))
      : para([run("Chưa có đề nghị nào.", { italics: true })]),
    para(
      d.disclosureEndsOn
        ? `Thời gian công khai: ${d.disclosureDays} ngày làm việc, từ ngày ${formatDate(d.disclosedAt)} đến hết ngày ${formatDate(d.disclosureEndsOn)} (không tính thứ Bảy, Chủ nhật và ngày lễ, Tết).`
        : "Thời gian công khai: theo thông báo của Cụm.",
      { indent: true, before: 160 },
    ),
    para("Ý kiến của đơn vị (nếu có) đối với từng trường hợp được gửi trên hệ thống Sổ Thi đua, tại trang Hồ sơ đề nghị khen thưởng, kèm lý do và tài liệu (nếu có), trong thời gian công khai. Cụm trả lời từng ý kiến trước khi gửi hồ sơ về Bộ.", { indent: true, after: 240 }),
    signer(d),
  ];
}

function objections(d: DossierDocumentData): (Paragraph | Table)[] {
  const byId = new Map(d.items.map((i) => [i.id, i]));
  const rows = d.objections.map((o, n) => {
    const item = byId.get(o.itemId);
    return [
      String(n + 1),
      item ? `${proposalName(item)} — ${subjectName(item)}` : "",
      `${o.unit.name} (${o.authorName}), ngày ${formatDate(o.createdAt)}`,
      [o.reason, ...(o.fileName ? [`Tài liệu kèm theo: ${o.fileName}`] : [])],
      o.answer ? [OBJECTION_ANSWERS[o.answer as ObjectionAnswer], o.answerText ?? "", `${o.answeredByName ?? ""}, ngày ${formatDate(o.answeredAt)}`] : ["Chưa trả lời"],
    ];
  });
  return [
    center([run(`TỔNG HỢP Ý KIẾN VÀ TRẢ LỜI VỀ DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM ${d.year.year}`, { bold: true, size: 28 })]),
    center([run(d.year.cluster.name, { italics: true })], 200),
    rows.length ? grid(["STT", "Đề nghị", "Đơn vị góp ý", "Nội dung ý kiến", "Trả lời của Cụm"], [5, 25, 20, 25, 25], rows) : para([run("Không có ý kiến nào trong thời gian công khai.", { italics: true })]),
    para(`Tổng số: ${d.objections.length} ý kiến; đã trả lời ${d.objections.filter((o) => o.answer).length}.`, { before: 120 }),
  ];
}


/** One of the dossier's documents as a .docx (the lists and the objections in landscape). */
export function buildDossierDocx(d: DossierDocumentData, kind: DossierDocumentKind): Promise<Buffer> {
  const title = `${DOSSIER_DOCUMENT_NAMES[kind]} năm ${d.year.year} – ${d.year.cluster.name}`;
  switch (kind) {
    case "memo":
      return packDocument(title, memo(d));
    case "notice":
      return packDocument(title, notice(d));
    case "collectives":
      return packDocument(title, list(d, false), LANDSCAPE);
    case "individuals":
      return packDocument(title, list(d, true), LANDSCAPE);
    case "objections":
      return packDocument(title, objections(d), LANDSCAPE);
  }
}
