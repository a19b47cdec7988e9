// Issue 16, e-mail: with SMTP_URL set, notifications also go out by e-mail through the job queue (to a
// real SMTP server started here); a failing server is retried with back-off and then reported to the
// admin; no SMTP_URL: nothing is sent and nothing fails; invalid addresses and SMTP_URLs are refused
// with a clear message.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { setUserEmail, updateMyEmail } from "@/server/commands/notifications";
import { startJobs, type Jobs } from "@/server/jobs/queue";
import { emailConfig, parseSmtpUrl } from "@/server/notifications/email-config";
import { runReminders } from "@/server/notifications/reminders";
import { deliveriesPage } from "@/server/queries/notifications";
import { makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";
import { NotFoundError } from "@/server/errors";

type Received = { to: string; subject: string; text: string; html: string };

async function smtpServer(options: { fail?: boolean } = {}) {
  const received: Received[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      attempts++;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (options.fail) {
          const error = Object.assign(new Error("Hộp thư tạm thời không nhận thư"), { responseCode: 451 });
          return callback(error);
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject: mail.subject ?? "", text: mail.text ?? "", html: String(mail.html ?? "") });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, attempts: () => attempts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let officer: Actor;
let head: Actor;
let admin: Actor;
let yearId: string;

beforeAll(async () => {
  await resetDatabase();
  const cluster = await makeCluster();
  const unit = await makeUnit(cluster.id, "Cục An ninh mạng");
  officer = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
  head = await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit.id });
  admin = await makeActor("ADMIN");
  const settings = { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31" };
  yearId = (await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings } })).id;
  process.env.AUTH_URL = "https://thidua.example.vn";
});

afterEach(() => {
  delete process.env.SMTP_URL;
});

afterAll(async () => {
  delete process.env.AUTH_URL;
  await resetDatabase();
});

async function freshReminders(day: string) {
  await prisma.reminderSent.deleteMany();
  await prisma.emailDelivery.deleteMany();
  await prisma.notification.deleteMany();
  return runReminders({ now: new Date(`${day}T07:00:00+07:00`) });
}

async function until(check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out");
}

describe("e-mail addresses and SMTP_URL", () => {
  it("refuses an invalid address with a field error, stores a valid one, and lets the user turn e-mail off", async () => {
    const bad = await executeCommand(updateMyEmail, officer, { email: "canbo@@bocongan", emailNotifications: "on" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("Địa chỉ thư điện tử không hợp lệ")] } });
    expect(await executeCommand(updateMyEmail, officer, { email: "Can.Bo@BoCongAn.gov.vn", emailNotifications: "on" })).toMatchObject({ ok: true });
    expect(await executeCommand(updateMyEmail, head, { email: "lanh.dao@bocongan.gov.vn" })).toMatchObject({ ok: true }); // box unticked: off
    const stored = await prisma.user.findMany({ where: { id: { in: [officer.userId, head.userId] } }, select: { id: true, email: true, emailNotifications: true } });
    expect(stored.find((u) => u.id === officer.userId)).toMatchObject({ email: "Can.Bo@bocongan.gov.vn", emailNotifications: true });
    expect(stored.find((u) => u.id === head.userId)).toMatchObject({ email: "lanh.dao@bocongan.gov.vn", emailNotifications: false });
    // The admin edits anyone's address; a bad one is refused the same way.
    expect(await executeCommand(setUserEmail, admin, { userId: head.userId, email: "không phải thư" })).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array) } });
  });

  it("reads SMTP_URL: unset is off without a warning, invalid is off with a clear warning, valid is on", () => {
    expect(emailConfig({})).toEqual({ enabled: false, reason: "unset" });
    for (const bad of ["mail.example.vn:587", "http://mail.example.vn", "smtp://", "smtp://mail.example.vn:99999"]) {
      const c = emailConfig({ SMTP_URL: bad });
      expect(c, bad).toMatchObject({ enabled: false, reason: "invalid", warning: expect.stringContaining("SMTP_URL") });
    }
    expect(parseSmtpUrl("smtp://u:secret@mail.example.vn:587")).toEqual({ ok: true, url: "smtp://u:secret@mail.example.vn:587" });
    expect(emailConfig({ SMTP_URL: "smtp://mail.example.vn:587x" })).toMatchObject({ warning: expect.not.stringContaining("secret") });
    expect(emailConfig({ SMTP_URL: "smtps://mail.example.vn", AUTH_URL: "https://thidua.example.vn/" })).toMatchObject({ enabled: true, from: '"Sổ Thi đua" <no-reply@thidua.example.vn>', appUrl: "https://thidua.example.vn" });
  });

  it("without SMTP_URL, notifications are written and no e-mail is queued", async () => {
    const run = await freshReminders("2022-03-24");
    expect(run.notifications).toBe(2);
    expect(await prisma.emailDelivery.count()).toBe(0);
  });
});

describe("sending", () => {
  let jobs: Jobs | undefined;
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
  });

  it("sends each notification once, in Vietnamese, text and HTML, with a link to the app — not to a user who turned e-mail off", async () => {
    const smtp = await smtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      await freshReminders("2022-03-24");
      expect(await prisma.emailDelivery.count()).toBe(1); // the head turned e-mail off
      jobs = await startJobs({ schedule: false, pollingIntervalSeconds: 0.5, dispatchIntervalMs: 250, log: () => undefined });
      await until(async () => (await prisma.emailDelivery.count({ where: { status: "SENT" } })) === 1);
      await new Promise((r) => setTimeout(r, 1000)); // no second copy arrives
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toBe("Can.Bo@bocongan.gov.vn");
      expect(mail.subject).toBe("[Sổ Thi đua] Còn 5 ngày làm việc: gửi đăng ký thi đua năm 2022 (hạn 31/03/2022)");
      expect(mail.text).toContain("Kính gửi đồng chí");
      expect(mail.text).toContain("Cục An ninh mạng chưa gửi đăng ký thi đua.");
      expect(mail.text).toContain("https://thidua.example.vn/registration");
      expect(mail.html).toContain('<a href="https://thidua.example.vn/registration"');
    } finally {
      await smtp.close();
    }
  });

  it("retries a failing SMTP server with back-off, then marks the delivery failed and shows it to the admin", async () => {
    const smtp = await smtpServer({ fail: true });
    try {
      process.env.SMTP_URL = smtp.url;
      await freshReminders("2022-03-24");
      jobs = await startJobs({ schedule: false, pollingIntervalSeconds: 0.5, dispatchIntervalMs: 250, emailRetryLimit: 2, emailRetryDelaySeconds: 1, log: () => undefined });
      await until(async () => (await prisma.emailDelivery.count({ where: { status: "FAILED" } })) === 1, 45_000);
      const d = await prisma.emailDelivery.findFirstOrThrow();
      expect(d.attempts).toBe(3); // the first try and two retries
      expect(smtp.attempts()).toBe(3);
      expect(d.lastError).toContain("451");
      const page = await deliveriesPage(admin, 1);
      expect(page.rows.map((r) => r.toAddress)).toEqual(["Can.Bo@bocongan.gov.vn"]);
      await expect(deliveriesPage(officer, 1)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await smtp.close();
    }
  }, 60_000);

  it("an e-mail written while SMTP_URL was invalid fails clearly, not silently", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await freshReminders("2022-03-24");
    process.env.SMTP_URL = "ftp://nowhere";
    jobs = await startJobs({ schedule: false, pollingIntervalSeconds: 0.5, dispatchIntervalMs: 250, emailRetryLimit: 0, log: () => undefined });
    await until(async () => (await prisma.emailDelivery.count({ where: { status: "FAILED" } })) === 1);
    expect((await prisma.emailDelivery.findFirstOrThrow()).lastError).toContain("SMTP_URL");
    expect(yearId).toBeTruthy();
  });
});
