// The e-mail of a notification, in Vietnamese: plain text and simple HTML, with a link into the app.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderEmail(displayName: string, n: { title: string; body: string; href: string | null }, appUrl: string | null) {
  const link = appUrl ? `${appUrl}${n.href ?? "/notifications"}` : null;
  const settings = appUrl ? `${appUrl}/notifications/settings` : null;
  const subject = `[Sổ Thi đua] ${n.title}`.slice(0, 300);
  const text = [
    `Kính gửi đồng chí ${displayName},`,
    "",
    n.title,
    "",
    n.body,
    "",
    link ? `Xem trong Sổ Thi đua: ${link}` : "Vui lòng đăng nhập Sổ Thi đua để xem chi tiết.",
    "",
    "—",
    "Thư gửi tự động từ Sổ Thi đua; vui lòng không trả lời thư này.",
    settings ? `Tắt nhận thư thông báo: ${settings}` : "Có thể tắt nhận thư thông báo tại trang Thông báo của Sổ Thi đua.",
  ].join("\n");
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1e293b; line-height: 1.5">
<p>Kính gửi đồng chí ${escapeHtml(displayName)},</p>
<p><strong>${escapeHtml(n.title)}</strong></p>
<p>${escapeHtml(n.body).replace(/\n/g, "<br>")}</p>
${link ? `<p><a href="${escapeHtml(link)}" style="color: #b91c1c">Xem trong Sổ Thi đua</a></p>` : "<p>Vui lòng đăng nhập Sổ Thi đua để xem chi tiết.</p>"}
<hr style="border: none; border-top: 1px solid #e2e8f0">
<p style="font-size: 12px; color: #64748b">Thư gửi tự động từ Sổ Thi đua; vui lòng không trả lời thư này.
${settings ? `<a href="${escapeHtml(settings)}">Tắt nhận thư thông báo</a>.` : ""}</p>
</body></html>`;
  return { subject, text, html };
}
