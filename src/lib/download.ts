// Every file the app sends (stored evidence and scans, generated workbooks and documents) is a
// download: "attachment" with an ASCII fallback name and the UTF-8 one, never cached, never sniffed. The
// proxy adds the sandboxing Content-Security-Policy of file routes (src/lib/security-headers.ts).

import { FILE_CSP } from "./security-headers";

/** The headers of a stored file's response (and of its 404): not cached, not sniffed, sandboxed. */
export const STORED_FILE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": FILE_CSP,
} as const;

/** Content-Disposition for a download: always "attachment", with an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;%]/g, "_");
  // RFC 5987 allows fewer characters than encodeURIComponent leaves alone: ' ( ) * must be escaped too.
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii || "tep"}"; filename*=UTF-8''${utf8}`;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A generated file (workbook, document) as a download response. */
export function downloadResponse(body: Uint8Array, fileName: string, contentType: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
