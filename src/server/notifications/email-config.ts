// SMTP_URL: when set and valid, notifications are also sent by e-mail. Unset: nothing is sent, nothing
// fails. Invalid: a clear warning at start-up (never a crash), and e-mail stays off.

export type EmailConfig =
  | { enabled: true; url: string; from: string; appUrl: string | null }
  | { enabled: false; reason: "unset" | "invalid"; warning?: string };

/** smtp://user:pass@host:587, smtps://host:465 (credentials URL-encoded). */
export function parseSmtpUrl(raw: string | undefined): { ok: true; url: string } | { ok: false; message: string } | null {
  const text = (raw ?? "").trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `SMTP_URL không hợp lệ ("${redact(text)}"): cần dạng smtp://tài-khoản:mật-khẩu@máy-chủ:587 hoặc smtps://máy-chủ:465.` };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    return { ok: false, message: `SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// (đang là "${url.protocol}//").` };
  }
  if (!url.hostname) return { ok: false, message: "SMTP_URL thiếu tên máy chủ thư (ví dụ smtp://mail.example.vn:587)." };
  if (url.port && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) return { ok: false, message: `SMTP_URL: cổng "${url.port}" không hợp lệ.` };
  return { ok: true, url: text };
}

/** The URL without its password, for messages. */
function redact(text: string): string {
  return text.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

export function emailConfig(env: Record<string, string | undefined> = process.env): EmailConfig {
  const parsed = parseSmtpUrl(env.SMTP_URL);
  if (parsed === null) return { enabled: false, reason: "unset" };
  if (!parsed.ok) return { enabled: false, reason: "invalid", warning: `${parsed.message} Thư điện tử sẽ không được gửi.` };
  const appUrl = (env.AUTH_URL ?? "").trim().replace(/\/+$/, "") || null;
  const host = appUrl ? safeHost(appUrl) : null;
  return { enabled: true, url: parsed.url, from: env.SMTP_FROM?.trim() || `"Sổ Thi đua" <no-reply@${host ?? "localhost"}>`, appUrl };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
