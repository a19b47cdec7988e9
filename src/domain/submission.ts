// A form submission and its answer (issue 18, fault 3; docs/operations.md): every save form sends a
// random submission key, the same one again when the user retries after a lost answer, so the server
// writes once (src/server/commands/submission-key.ts). When no answer came, the outcome is unknown: the
// user is told it may have been saved — never "not saved" unless the server said so.

/** The form field (hidden; multipart field of the import routes) that carries the key. */
export const SUBMISSION_KEY_FIELD = "_submissionKey";

/** Shown when the request was sent but no answer came back (the connection dropped, the server was busy). */
export const OUTCOME_UNKNOWN =
  "Không nhận được trả lời của máy chủ (kết nối bị gián đoạn hoặc hệ thống đang bận). Có thể đã được lưu; tải lại trang để kiểm tra. Nếu chưa thấy thay đổi, hãy gửi lại: gửi lại biểu mẫu này không tạo bản ghi trùng.";

/**
 * A new key: 128 random bits as hex. crypto.getRandomValues, not randomUUID, which browsers give only on
 * HTTPS or localhost (a Ministry intranet may serve plain HTTP to the proxy's address).
 */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
