import { describe, expect, it } from "vitest";
import { checkEvidenceFile, EVIDENCE_MAX_BYTES, safeFileName } from "@/domain/scoring";
import { attachmentDisposition } from "@/lib/download";

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const HTML = new TextEncoder().encode("<html><script>alert(1)</script>");

describe("evidence files", () => {
  it.each([
    ["Quyết định khen thưởng.pdf", PDF, "application/pdf", "application/pdf"],
    ["anh.PNG", PNG, "image/png", "image/png"],
    ["anh.jpg", JPEG, "image/jpeg", "image/jpeg"],
    ["anh.jpeg", JPEG, "", "image/jpeg"],
    ["scan.pdf", PDF, "application/octet-stream", "application/pdf"],
  ])("accepts %s", (name, head, declared, type) => {
    expect(checkEvidenceFile({ name, size: 1000, declaredType: declared, head })).toEqual({ ok: true, contentType: type, fileName: name });
  });

  it.each([
    ["trang.html", HTML, "text/html", 'Tệp "trang.html" không phải PDF, PNG hoặc JPEG. Tệp PDF, PNG hoặc JPEG, tối đa 5 MB mỗi tệp.'],
    ["gia-mao.pdf", HTML, "application/pdf", 'Tệp "gia-mao.pdf" không phải PDF, PNG hoặc JPEG. Tệp PDF, PNG hoặc JPEG, tối đa 5 MB mỗi tệp.'],
    ["anh.pdf", PNG, "image/png", 'Tên tệp "anh.pdf" không khớp với nội dung (PNG); phần mở rộng phải là .png.'],
    ["tai-lieu.pdf", PDF, "text/html", 'Tệp "tai-lieu.pdf" không đúng định dạng khai báo. Tệp PDF, PNG hoặc JPEG, tối đa 5 MB mỗi tệp.'],
  ])("refuses %s", (name, head, declared, message) => {
    expect(checkEvidenceFile({ name, size: 1000, declaredType: declared, head })).toEqual({ ok: false, message });
  });

  it("refuses empty and oversized files", () => {
    expect(checkEvidenceFile({ name: "a.pdf", size: 0, head: new Uint8Array() })).toEqual({ ok: false, message: "Tệp rỗng; vui lòng chọn tệp khác." });
    expect(checkEvidenceFile({ name: "lon.pdf", size: EVIDENCE_MAX_BYTES + 1, head: PDF })).toEqual({
      ok: false,
      message: 'Tệp "lon.pdf" có dung lượng 5,0 MB, vượt quá giới hạn 5 MB.',
    });
    expect(checkEvidenceFile({ name: "vua.pdf", size: EVIDENCE_MAX_BYTES, head: PDF }).ok).toBe(true);
  });

  it("file names lose folders and unsafe characters", () => {
    expect(safeFileName("C:\\Users\\x\\Báo cáo.pdf")).toBe("Báo cáo.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('a"b<c>.pdf')).toBe("abc.pdf");
    expect(safeFileName(`${"x".repeat(300)}.pdf`)).toHaveLength(200);
    expect(safeFileName(`${"x".repeat(300)}.pdf`).endsWith(".pdf")).toBe(true);
  });

  it("downloads are always attachments, with an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentDisposition("Quyết định số 12.pdf")).toBe(
      `attachment; filename="Quyet dinh so 12.pdf"; filename*=UTF-8''${encodeURIComponent("Quyết định số 12.pdf")}`,
    );
  });
});
