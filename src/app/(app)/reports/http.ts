// Helpers for the route handlers under /reports: same "not found" for missing and forbidden, safe headers.

import { STORED_FILE_HEADERS } from "@/lib/download";

export function notFoundResponse() {
  return new Response("Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.", {
    status: 404,
    headers: { ...STORED_FILE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** Runs a query that may call notFound(); its 404 becomes a plain 404 response. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T | Response> {
  try {
    return await load();
  } catch (error) {
    if (isNotFoundError(error)) return notFoundResponse();
    throw error;
  }
}

/** notFound() from next/navigation throws an error whose digest names the 404 fallback. */
export function isNotFoundError(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest === "NEXT_NOT_FOUND" || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404"));
}
