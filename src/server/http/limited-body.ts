// Upload bodies read with a byte counter (route handlers: evidence files, the Excel import).
//
// Content-Length alone is not a limit: a chunked request (Transfer-Encoding: chunked) has none, and
// request.formData() reads whatever arrives, however long. Here the body is read chunk by chunk, and
// nothing more is kept as soon as the count passes the limit; a Content-Length over the limit is
// refused before the first byte is read. At most `limit` bytes are ever held, and the multipart form is
// parsed only from what was kept.
//
// Past the limit the handler answers at once (413) while what the client is still sending is read and
// thrown away for a short while (LINGER_*), then the stream is cancelled: closing a connection with
// unread data in it resets it, and the client would see "connection reset" instead of the answer.

export type LimitedForm = { ok: true; form: FormData } | { ok: false; status: 400 | 413 };

/** The request's body, at most `limit` bytes of it, or "too-large" as soon as it has more. */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too-large"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return "too-large";
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void linger(reader);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** After a refusal: what is still arriving, discarded; at most this much more, for at most this long. */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2_000;

async function linger(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  const stop = setTimeout(() => void reader.cancel().catch(() => {}), LINGER_MS);
  try {
    let discarded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
      if (discarded > LINGER_BYTES) break;
    }
    await reader.cancel();
  } catch {
    // cancelled by the timer, or the client went away
  } finally {
    clearTimeout(stop);
  }
}

/** A multipart (or urlencoded) form of at most `limit` bytes: 413 beyond it, 400 when it does not parse. */
export async function readFormWithin(request: Request, limit: number): Promise<LimitedForm> {
  let body: Uint8Array<ArrayBuffer> | "too-large";
  try {
    body = await readBodyWithin(request, limit);
  } catch {
    return { ok: false, status: 400 }; // the client went away mid-body
  }
  if (body === "too-large") return { ok: false, status: 413 };
  try {
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, status: 400 };
  }
}

/** Room for the multipart framing and the small fields around one file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;
