// Sends one e-mail of the outbox (EmailDelivery) through SMTP_URL, recording the attempt. Called by the
// "email.send" job: a failure throws so that the queue retries it with back-off; the last attempt's
// failure marks the delivery FAILED (listed for the admin at /admin/deliveries).
import nodemailer, { type Transporter } from "nodemailer";
import { prisma } from "@/server/db";
import { emailConfig } from "./email-config";

let cached: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return cached.transport;
}

/** Sends the delivery unless it is already settled. `lastAttempt`: a failure now is final. */
export async function sendDelivery(deliveryId: string, lastAttempt: boolean): Promise<"sent" | "skipped"> {
  const d = await prisma.emailDelivery.findUnique({ where: { id: deliveryId } });
  if (!d || d.status === "SENT" || d.status === "FAILED") return "skipped";
  const config = emailConfig();
  try {
    if (!config.enabled) throw new Error(config.reason === "invalid" ? (config.warning ?? "SMTP_URL không hợp lệ.") : "Chưa cấu hình SMTP_URL.");
    await transportFor(config.url).sendMail({ from: config.from, to: d.toAddress, subject: d.subject, text: d.text, html: d.html });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await prisma.emailDelivery.update({
      where: { id: d.id },
      data: { attempts: { increment: 1 }, lastError: message, ...(lastAttempt ? { status: "FAILED", failedAt: new Date() } : {}) },
    });
    throw error;
  }
  await prisma.emailDelivery.update({ where: { id: d.id }, data: { attempts: { increment: 1 }, status: "SENT", sentAt: new Date(), lastError: null } });
  return "sent";
}
