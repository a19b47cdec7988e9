// Deadlines the secretariat manages and phases that gate work (issue 13), in the browser, on the demo's
// open year whatever it is: the secretariat reopens registration for every unit at once and a unit
// registers; an action outside the year's phase is refused with the phase and who can change it, then
// allowed by the secretariat's override, which the audit log records. Named to run last: reopening
// every unit's registration would change what the registration specs expect of the demo year.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, openLatestYearPage } from "./helpers";

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

test("the secretariat reopens registration for all units at once, and a unit registers", async ({ browser }) => {
  test.setTimeout(120_000);
  const secretariat = await signedIn(browser, "thuky.cum2");
  const year = await openLatestYearPage(secretariat);

  // Every deadline of the year says where it stands (open, N days left, or passed N days ago).
  await expect(secretariat.getByRole("form", { name: "Thiết lập năm thi đua" }).getByTestId("deadline-status").first()).toHaveText(
    /^(đang mở, còn \d+ ngày|đang mở, hôm nay là ngày cuối|đã hết hạn \d+ ngày trước)$/,
  );

  const form = secretariat.getByRole("form", { name: "Mở lại đăng ký thi đua cho các đơn vị" });
  await form.getByLabel(/^Tất cả đơn vị \(\d+\)$/).check();
  const until = await form.getByLabel("Mở lại đến hết ngày").inputValue(); // a week from today, as the form proposes
  await form.getByLabel("Lý do mở lại").fill("Gia hạn chung theo đề nghị của các đơn vị");
  await form.getByRole("button", { name: "Mở lại đăng ký" }).click();
  await expect(form.getByRole("status")).toContainText(new RegExp(`Đã mở lại đăng ký thi đua năm ${year} cho tất cả \\d+ đơn vị đến hết ngày ${until}\\.`));
  await expect(form.getByText(`Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao — đang mở lại đến ${until}`)).toBeVisible();

  // The unit's officer finds the registration open again, with its reason, and registers the unit's title.
  const officer = await signedIn(browser, "canbo.anm");
  await officer.goto("/registration");
  await expect(officer.getByTestId("registration-window")).toContainText(`Thư ký cụm đã mở lại đăng ký cho đơn vị đến hết ngày ${until}.`);
  await expect(officer.getByText("Gia hạn chung theo đề nghị của các đơn vị")).toBeVisible();
  const target = officer.getByRole("form", { name: "Danh hiệu đăng ký của đơn vị" });
  const select = target.getByLabel("Danh hiệu đăng ký của đơn vị");
  const title = (await select.inputValue()) === "DV_QUYET_THANG" ? "Đơn vị tiên tiến" : "Đơn vị Quyết thắng";
  await select.selectOption({ label: title });
  await target.getByRole("button", { name: "Lưu danh hiệu đơn vị" }).click();
  await expect(target.getByRole("status")).toContainText(`Đã lưu danh hiệu đăng ký của đơn vị: ${title}.`);

  // One audit entry for the whole act.
  await secretariat.goto("/audit");
  await expect(secretariat.getByTestId("audit-table").getByText("Mở lại đăng ký thi đua cho nhiều đơn vị").first()).toBeVisible();
});

test("an action outside its phase is refused with its reason, then allowed by the secretariat's audited override", async ({ browser }) => {
  test.setTimeout(120_000);
  const ROUND = "Suy tôn thử ngoài giai đoạn";
  const secretariat = await signedIn(browser, "thuky.cum2");
  await openLatestYearPage(secretariat);
  const phase = (await secretariat.locator('[aria-current="step"]').innerText()).replace(/^\d+\.\s*/, "");
  // Start from the rule itself: an override another spec left for this action is revoked first.
  const overrides = secretariat.getByTestId("phase-overrides");
  const left = secretariat.getByRole("form", { name: "Thu hồi cho phép: Chuẩn bị các vòng bỏ phiếu" });
  if (await left.count()) {
    await left.getByRole("button", { name: "Thu hồi" }).click();
    await expect(left).toHaveCount(0);
  }
  await expect(secretariat.getByTestId("phase-rule-votePreparation")).toContainText("Ngoài giai đoạn");

  // Preparing a conference vote in this phase: refused, naming the phase and who can change it.
  await secretariat.goto("/conference");
  const create = async () => {
    const form = secretariat.getByRole("form", { name: "Tạo vòng suy tôn" });
    await form.getByLabel("Danh hiệu suy tôn").selectOption("CO_BCA");
    await form.getByLabel("Số suất").fill("1");
    await form.getByRole("checkbox").first().check();
    await form.getByLabel("Tên vòng bỏ phiếu").fill(ROUND);
    await form.getByRole("button", { name: "Tạo vòng suy tôn" }).click();
    return form;
  };
  const refused = await create();
  await expect(refused.getByRole("alert")).toContainText(
    `đang ở giai đoạn “${phase}”; “Chuẩn bị các vòng bỏ phiếu” chỉ làm trong giai đoạn “Chấm điểm”, “Hội nghị tổng kết”. Thư ký cụm có thể chuyển giai đoạn hoặc cho phép làm việc này ngoài giai đoạn`,
  );

  // The secretariat allows it for the year, with a reason.
  await openLatestYearPage(secretariat);
  const grant = secretariat.getByRole("form", { name: "Cho phép làm ngoài giai đoạn" });
  await grant.getByLabel("Việc được cho phép").selectOption("votePreparation");
  await grant.getByLabel("Lý do cho phép").fill("Chuẩn bị sớm danh sách suy tôn cho hội nghị");
  await grant.getByRole("button", { name: "Cho phép" }).click();
  await expect(overrides).toContainText("Chuẩn bị các vòng bỏ phiếu");
  await expect(overrides).toContainText("Lý do: Chuẩn bị sớm danh sách suy tôn cho hội nghị");
  await expect(overrides.getByText("Đang áp dụng, đến khi thu hồi").first()).toBeVisible();
  await expect(secretariat.getByTestId("phase-rule-votePreparation")).toContainText("Được cho phép ngoài giai đoạn");

  // Now the round is created; it is then deleted (a draft), leaving the conference as it was.
  await secretariat.goto("/conference");
  await create();
  await expect(secretariat).toHaveURL(/\/conference\/rounds\/[0-9a-f-]{36}$/);
  await expect(secretariat.getByRole("heading", { level: 1, name: ROUND })).toBeVisible();
  await secretariat.getByRole("form", { name: `Xóa vòng bỏ phiếu ${ROUND}` }).getByRole("button", { name: "Xóa" }).click();
  await expect(secretariat).toHaveURL(/\/conference(\?.*)?$/);

  // The override is in the audit log, with its reason; revoking it is too.
  await secretariat.goto("/audit");
  await expect(secretariat.getByTestId("audit-table").getByText("Cho phép làm ngoài giai đoạn").first()).toBeVisible();
  await openLatestYearPage(secretariat);
  const revoke = secretariat.getByRole("form", { name: "Thu hồi cho phép: Chuẩn bị các vòng bỏ phiếu" });
  await revoke.getByLabel("Lý do thu hồi (không bắt buộc)").fill("Đã chuẩn bị xong");
  await revoke.getByRole("button", { name: "Thu hồi" }).click();
  await expect(overrides).toContainText("Đã thu hồi");
  await expect(secretariat.getByTestId("phase-rule-votePreparation")).toContainText("Ngoài giai đoạn");
});
