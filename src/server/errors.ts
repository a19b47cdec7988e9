import type { ImportError } from "@/domain/excel-rows";

// The refusals every layer below the pages shares: a command rolls back on them, a query turns
// NotFoundError into the page's 404. Messages are what the user reads.

export const NOT_FOUND = "Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.";
export const NOT_SIGNED_IN = "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
export const INVALID_INPUT = "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.";

/** A refusal with a message for the user (and optionally per field); the transaction is rolled back. */
export class UserError extends Error {
  constructor(message: string, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }
}

/** No such record, or not the actor's to see: one answer for both, so nothing leaks about other units. */
export class NotFoundError extends UserError {
  constructor() {
    super(NOT_FOUND);
  }
}

/** What the user reads when a file has errors in its rows (none of it is saved). */
export const rowErrorsMessage = (n: number) =>
  `Tệp có ${n.toLocaleString("vi-VN")} lỗi; chưa có dữ liệu nào được lưu. Hãy sửa các lỗi dưới đây rồi nhập lại.`;

/** A file refused: every problem, by sheet, row and column (the import form lists them). */
export class RowErrorsError extends UserError {
  constructor(readonly rows: ImportError[]) {
    super(rowErrorsMessage(rows.length));
  }
}

/**
 * Refuses when any field has an error: the one error itself when there is only one, else `message`
 * (default: the generic "check the marked fields").
 */
export function throwIfErrors(errors: Record<string, string[]>, message?: string) {
  const first = Object.values(errors)[0]?.[0];
  if (first) throw new UserError(message ?? (Object.keys(errors).length === 1 ? first : INVALID_INPUT), errors);
}

/** Refuses with NotFoundError: what a read says when the record is missing or not the actor's. */
export function notFound(): never {
  throw new NotFoundError();
}
