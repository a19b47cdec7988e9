// The pieces both Word documents (the conference minutes, a unit's report) are built from: Times New
// Roman 13 text, paragraphs, the borderless layout rows of the heading and signature blocks, a thin grid
// line, the signature column and the document itself (A4 margins of an administrative text).
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ParagraphChild } from "docx";

export const FONT = "Times New Roman";
export const SIZE = 26; // 13 pt, in half-points

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? SIZE, bold: opts.bold, italics: opts.italics, underline: opts.underline ? {} : undefined });

export function para(children: ParagraphChild[] | string, opts: { align?: Align; before?: number; after?: number; indent?: boolean; size?: number } = {}) {
  return new Paragraph({
    children: typeof children === "string" ? [run(children, { size: opts.size })] : children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 80, line: 300 },
    indent: opts.indent ? { firstLine: 567 } : undefined,
  });
}

/** "ngày 19 tháng 11 năm 2021", as an administrative text dates itself; dotted blanks when the day is not known. */
export const longDate = (iso: string | null) => {
  if (!iso) return "ngày ………… tháng ………… năm ……………";
  const [y, m, d] = iso.split("-");
  return `ngày ${d} tháng ${m} năm ${y}`;
};

export const center = (children: ParagraphChild[] | string, after = 0) => para(children, { align: AlignmentType.CENTER, after });

export const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/** A full-width table of one row without borders: columns side by side (heading, signatures); width in percent. */
export function layoutRow(columns: { width?: number; children: (Paragraph | Table)[] }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: columns.map(
          (c) =>
            new TableCell({
              width: c.width ? { size: c.width, type: WidthType.PERCENTAGE } : undefined,
              borders: TableBorders.NONE,
              children: c.children,
            }),
        ),
      }),
    ],
  });
}

/** Who signs: the title, "(Ký, ghi rõ họ tên)", room to sign (`gap`, in twips), the name. */
export function signature(title: string, name: string, opts: { gap: number; noteSize?: number }): Paragraph[] {
  return [center([run(title, { bold: true })]), center([run("(Ký, ghi rõ họ tên)", { italics: true, size: opts.noteSize })], opts.gap), center([run(name, { bold: true })])];
}

/** The .docx of a document: author "Sổ Thi đua", Times New Roman 13 by default, the administrative margins. */
export function packDocument(
  title: string,
  children: (Paragraph | Table)[],
  size?: { width: number; height: number; orientation: (typeof PageOrientation)[keyof typeof PageOrientation] },
): Promise<Buffer> {
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  const doc = new Document({
    creator: "Sổ Thi đua",
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: size ? { size, margin } : { margin } }, children }],
  });
  return Packer.toBuffer(doc);
}

const GRID = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
/** An A4 page turned sideways (wide lists). */
export const LANDSCAPE = { width: 16838, height: 11906, orientation: PageOrientation.LANDSCAPE };

function cell(lines: string | string[], opts: { bold?: boolean; align?: Align; width?: number } = {}) {
  const texts = typeof lines === "string" ? [lines] : lines.length ? lines : [""];
  return new TableCell({
    children: texts.map((t) => new Paragraph({ children: [run(t, { bold: opts.bold, size: 22 })], alignment: opts.align ?? AlignmentType.LEFT, spacing: { before: 30, after: 30 } })),
    verticalAlign: VerticalAlign.CENTER,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { left: 70, right: 70 },
  });
}

/** A ruled table: its header row repeated on every page, the first column centred; widths in percent. */
export function grid(headers: string[], widths: number[], rows: (string | string[])[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { bold: true, align: AlignmentType.CENTER, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { width: widths[i], align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })) })),
    ],
  });
}
