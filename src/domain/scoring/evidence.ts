// Evidence files (tài liệu minh chứng): PDF or images only, size-limited. The type is decided from the
// file's first bytes (its signature), never from the name or the browser's claim alone; the name's
// extension and any declared type must agree with it. Files are always served as downloads.

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_MAX_FILES_PER_CRITERION = 10;

export const EVIDENCE_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  "image/png": { label: "PNG", extensions: ["png"], signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"], signature: [0xff, 0xd8, 0xff] },
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

/** For <input accept>. */
export const EVIDENCE_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
export const EVIDENCE_RULE_TEXT = `Tệp PDF, PNG hoặc JPEG, tối đa ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB mỗi tệp.`;

export function sniffContentType(head: Uint8Array): EvidenceContentType | null {
  for (const [type, def] of Object.entries(EVIDENCE_TYPES) as [EvidenceContentType, (typeof EVIDENCE_TYPES)[EvidenceContentType]][]) {
    if (def.signature.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}

/** A file name safe to store and show: no folders, no control or reserved characters, at most 200 characters, NFC. */
export function safeFileName(name: string): string {
  const base = name.toWellFormed().normalize("NFC").split(/[\\/]/).pop() ?? "";
  // Bidirectional controls go too: "mc\u202efdp.exe" would display as "mcexe.pdf".
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export type EvidenceCheck = { ok: true; contentType: EvidenceContentType; fileName: string } | { ok: false; message: string };

/** Checks one uploaded file: present, not empty, within the size limit, a real PDF/PNG/JPEG with a matching name. */
export function checkEvidenceFile(file: { name: string; size: number; declaredType?: string | null; head: Uint8Array }): EvidenceCheck {
  const fileName = safeFileName(file.name);
  if (file.size <= 0) return { ok: false, message: "Tệp rỗng; vui lòng chọn tệp khác." };
  if (file.size > EVIDENCE_MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1).replace(".", ",");
    return { ok: false, message: `Tệp "${fileName}" có dung lượng ${mb} MB, vượt quá giới hạn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.` };
  }
  const sniffed = sniffContentType(file.head);
  const ext = (fileName.split(".").pop() ?? "").toLowerCase();
  if (!sniffed) return { ok: false, message: `Tệp "${fileName}" không phải PDF, PNG hoặc JPEG. ${EVIDENCE_RULE_TEXT}` };
  const def = EVIDENCE_TYPES[sniffed];
  if (!(def.extensions as readonly string[]).includes(ext)) {
    return { ok: false, message: `Tên tệp "${fileName}" không khớp với nội dung (${def.label}); phần mở rộng phải là .${def.extensions.join(" hoặc .")}.` };
  }
  const declared = (file.declaredType ?? "").toLowerCase();
  if (declared && declared !== "application/octet-stream" && declared !== sniffed && !(sniffed === "image/jpeg" && declared === "image/jpg")) {
    return { ok: false, message: `Tệp "${fileName}" không đúng định dạng khai báo. ${EVIDENCE_RULE_TEXT}` };
  }
  return { ok: true, contentType: sniffed, fileName: fileName || `minh-chung.${def.extensions[0]}` };
}
