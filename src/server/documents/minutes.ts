// The minutes (biên bản) of a year-end conference as a Word document: date, place, who chaired, the
// units present, each round with its candidates, ballots issued and returned, totals and outcome,
// and the signature block. Only closed rounds carry figures; a round still open is listed as such.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from "docx";
import { ballotMode, candidateStatusLabel, ROUND_KIND_LABELS } from "@/domain/voting";
import type { MinutesData, MinutesRound } from "@/server/queries/votes";
import { center, layoutRow, longDate, packDocument, para, run, signature, thin, type Align } from "./docx-parts";

export type MinutesMeta = {
  /** yyyy-mm-dd; falls back to the year's conference date, then to the first round's opening day. */
  date?: string | null;
  /** Địa danh on the date line ("Hà Nội"). */
  city?: string | null;
  place?: string | null;
  meetingChair?: string | null;
  secretary?: string | null;
};

const DOTS = "………………………………";

function isoOf(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  // The calendar day in Hà Nội (UTC+7).
  return new Date(value.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const dmy = (iso: string) => iso.split("-").reverse().join("/");

function cell(text: string, opts: { bold?: boolean; align?: Align; width?: number } = {}) {
  return new TableCell({
    children: [new Paragraph({ children: [run(text, { bold: opts.bold, size: 24 })], alignment: opts.align ?? AlignmentType.LEFT, spacing: { before: 40, after: 40 } })],
    verticalAlign: VerticalAlign.CENTER,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { left: 80, right: 80 },
  });
}

const GRID = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function resultsTable(round: MinutesRound): Table {
  const r = round.results!;
  const verdict = ballotMode(round.kind, round.isRunoff) === "VERDICT";
  const header = verdict
    ? ["STT", "Đơn vị", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Kết quả"]
    : ["STT", "Đơn vị", "Số phiếu bầu", "Không bầu", "Tỷ lệ", "Kết quả"];
  const widths = [7, 43, 11, 12, 11, 16];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, align: AlignmentType.CENTER, width: widths[i] })) }),
      ...r.rows.map(
        (row, i) =>
          new TableRow({
            children: [
              cell(String(i + 1), { align: AlignmentType.CENTER, width: widths[0] }),
              cell(row.name, { width: widths[1] }),
              cell(String(row.approvals), { align: AlignmentType.CENTER, width: widths[2] }),
              cell(String(verdict ? row.disapprovals : row.blank), { align: AlignmentType.CENTER, width: widths[3] }),
              cell(row.share, { align: AlignmentType.CENTER, width: widths[4] }),
              cell(candidateStatusLabel(row.status, round.kind), { align: AlignmentType.CENTER, width: widths[5] }),
            ],
          }),
      ),
    ],
  });
}

function outcomeText(round: MinutesRound, year: number): string {
  const r = round.results!;
  const verb =
    round.kind === "ACCLAIM"
      ? `được suy tôn${round.titleName ? ` ${round.titleName}` : ""}`
      : `trúng cử ${round.kind === "CHAIR_ELECTION" ? "Cụm trưởng" : "Cụm phó"} năm ${year + 1}`;
  const parts: string[] = [];
  if (r.elected.length) parts.push(`${r.elected.map((e) => e.name).join("; ")} ${verb}.`);
  if (r.runoff) {
    parts.push(
      r.runoff.reason === "TIE"
        ? `Các đơn vị ${r.runoff.candidates.map((c) => c.name).join("; ")} bằng phiếu cho ${r.runoff.seats} suất còn lại; Hội nghị tiến hành bỏ phiếu lại.`
        : `Chưa có đơn vị đạt tỷ lệ phiếu cần thiết; Hội nghị tiến hành bỏ phiếu lại giữa các đơn vị: ${r.runoff.candidates.map((c) => c.name).join("; ")}.`,
    );
  } else if (!r.elected.length) parts.push("Không có đơn vị nào đạt tỷ lệ phiếu cần thiết.");
  else if (r.unfilledSeats > 0) parts.push(`Còn ${r.unfilledSeats} suất không có đơn vị đạt tỷ lệ.`);
  return parts.join(" ");
}

function roundSection(round: MinutesRound, index: number, year: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(para([run(`${index}. ${round.title}`, { bold: true }), run(` (${ROUND_KIND_LABELS[round.kind]}${round.isRunoff ? ", bỏ phiếu lại" : ""})`, { italics: true })], { before: 120 }));
  const mode = ballotMode(round.kind, round.isRunoff);
  out.push(
    para(
      `- Số suất: ${round.seats}. Tỷ lệ để được ${round.kind === "ACCLAIM" ? "suy tôn" : "bầu"}: ${round.thresholdLabel.toLowerCase()} hợp lệ. Cách bỏ phiếu: ${
        mode === "VERDICT" ? "đồng ý hoặc không đồng ý với từng đơn vị" : `chọn tối đa ${round.seats} đơn vị`
      }.`,
    ),
  );
  out.push(para(`- Danh sách đơn vị (${round.candidates.length}): ${round.candidates.map((c, i) => `${i + 1}) ${c.name}${c.note ? ` – ${c.note}` : ""}`).join("; ")}.`));
  if (round.state !== "CLOSED" || !round.results) {
    out.push(para([run("- Vòng bỏ phiếu chưa kết thúc tại thời điểm lập biên bản; kết quả chưa được công bố.", { italics: true })]));
    return out;
  }
  const r = round.results;
  out.push(
    para(
      `- Số phiếu phát ra: ${round.electorateSize}; số phiếu thu về: ${r.ballots}; số đơn vị đã bỏ phiếu: ${r.voted}` +
        (r.consistent ? " (khớp với số phiếu thu về)." : ` (KHÔNG khớp với số phiếu thu về: ${r.ballots}).`),
    ),
  );
  out.push(para(`- Kết quả kiểm phiếu (cần ít nhất ${r.votesNeeded}/${r.ballots} phiếu):`, { after: 60 }));
  out.push(resultsTable(round));
  out.push(para([run("- Kết quả: ", { bold: true }), run(outcomeText(round, year))], { before: 80 }));
  return out;
}

function signatureBlock(meta: MinutesMeta): Table {
  return layoutRow([
    { children: signature("THƯ KÝ HỘI NGHỊ", meta.secretary || "", { gap: 1400 }) },
    { children: signature("CHỦ TRÌ HỘI NGHỊ", meta.meetingChair || "", { gap: 1400 }) },
  ]);
}

function headerBlock(data: MinutesData, dateLine: string): Table {
  return layoutRow([
    {
      width: 45,
      children: [center([run("BỘ CÔNG AN", { size: 24 })]), center([run(data.clusterName.toUpperCase(), { bold: true, size: 24 })]), center([run(data.blockName, { italics: true, size: 22 })])],
    },
    {
      width: 55,
      children: [
        center([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24 })]),
        center([run("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true })], 120),
        center([run(dateLine, { italics: true })]),
      ],
    },
  ]);
}

export async function buildMinutesDocx(data: MinutesData, meta: MinutesMeta = {}): Promise<Buffer> {
  const firstOpened = data.rounds.map((r) => r.openedAt).find(Boolean) ?? null;
  const date = (meta.date && isoOf(meta.date)) || data.conferenceDate || isoOf(firstOpened);
  const city = meta.city?.trim() || "Hà Nội";
  const absent = data.members.filter((m) => !data.unitsPresent.includes(m));
  const closed = data.rounds.filter((r) => r.state === "CLOSED");

  const body: (Paragraph | Table)[] = [
    headerBlock(data, `${city}, ${longDate(date)}`),
    center([run("BIÊN BẢN", { bold: true, size: 30 })], 40),
    center([run(`Hội nghị tổng kết công tác thi đua, khen thưởng năm ${data.year}`, { bold: true })], 20),
    center([run("(Bình xét, suy tôn đơn vị dẫn đầu; bầu Cụm trưởng, Cụm phó)", { italics: true })], 200),
    para([run("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", { bold: true })], { before: 120 }),
    para(`- Thời gian: ${date ? `ngày ${dmy(date)}` : DOTS}.`),
    para(`- Địa điểm: ${meta.place?.trim() || DOTS}.`),
    para(`- Chủ trì hội nghị: ${meta.meetingChair?.trim() || DOTS}${data.chairName ? ` (đơn vị Cụm trưởng năm ${data.year}: ${data.chairName})` : ""}.`),
    para(`- Thư ký hội nghị: ${meta.secretary?.trim() || DOTS}.`),
    para(
      `- Thành phần: đại biểu của ${data.unitsPresent.length}/${data.members.length} đơn vị thành viên ${data.clusterName}` +
        (data.unitsPresent.length ? `: ${data.unitsPresent.map((n, i) => `${i + 1}) ${n}`).join("; ")}.` : "."),
    ),
    ...(absent.length ? [para(`- Vắng: ${absent.join("; ")}.`)] : []),
    para([run("II. NỘI DUNG VÀ KẾT QUẢ BỎ PHIẾU", { bold: true })], { before: 120 }),
    para(
      "Hội nghị tiến hành bỏ phiếu kín trên hệ thống Sổ Thi đua; mỗi đơn vị thành viên có một phiếu, do lãnh đạo đơn vị bỏ. Phiếu không ghi tên người bỏ phiếu; kết quả chỉ được công bố sau khi kết thúc từng vòng bỏ phiếu.",
      { indent: true },
    ),
    ...(data.rounds.length === 0 ? [para([run("Chưa có vòng bỏ phiếu nào được tổ chức.", { italics: true })])] : data.rounds.flatMap((r, i) => roundSection(r, i + 1, data.year))),
    para([run("III. KẾT LUẬN", { bold: true })], { before: 200 }),
    para(
      closed.length
        ? `Hội nghị đã tiến hành ${closed.length} vòng bỏ phiếu với kết quả như trên. Biên bản được lập và thông qua tại hội nghị; các đại biểu nhất trí với nội dung biên bản.`
        : "Biên bản được lập tại hội nghị.",
      { indent: true, after: 240 },
    ),
    signatureBlock(meta),
  ];

  return packDocument(`Biên bản hội nghị tổng kết năm ${data.year} – ${data.clusterName}`, body);
}
