// What axe does not measure (issue 13, item 9): where focus goes after a refused form, field errors
// tied to their field, the focus outline on the red header, the dashboard on a 390 px phone, and its
// charts drawn only when scrolled to.
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused element, described for a failure message; "BODY" when focus was lost. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName}${el.id ? `#${el.id}` : ""} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}` : "none";
});

test("a refused login by the button keeps focus on the form, not on <body>", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("thuky.cum2");
  await page.getByLabel("Mật khẩu").fill("not-the-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const form = page.getByRole("form", { name: "Đăng nhập" });
  await expect(form.getByRole("alert")).toBeVisible();
  expect(await focused(page)).not.toMatch(/^BODY/);
  expect(await form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
});

test("a refused “Mở lại đăng ký” takes focus to the field in error, whose message is its description", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, "thuky.cum2");
  await page.goto("/registration");
  await page.getByRole("link", { name: /^Xem đăng ký của / }).first().click();
  const form = page.getByRole("form", { name: "Mở lại đăng ký" });
  const reason = form.getByLabel("Lý do mở lại");
  await reason.fill("");
  await form.getByRole("button", { name: "Mở lại đăng ký" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  // The error under the textarea is tied to it (TextAreaField): a screen reader reads it with the field.
  const describedBy = (await reason.getAttribute("aria-describedby"))!;
  expect(describedBy).toBeTruthy();
  await expect(reason).toHaveAccessibleDescription((await page.locator(`[id="${describedBy}"]`).innerText()).trim());
});

test("the focus outline on the red header and nav is clearly visible (at least 3:1)", async ({ page }) => {
  await login(page, "thuky.cum2");
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  const targets = [page.getByRole("banner").getByRole("link", { name: "Sổ Thi đua" }), page.getByTestId("current-user"), nav.getByRole("link").nth(1)];
  for (const target of targets) {
    // Keyboard focus (Tab) shows :focus-visible; reach the element by tabbing from the one before it.
    await target.evaluate((el) => (el as HTMLElement).focus());
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
    const { outline, style, width, background } = await target.evaluate((el) => {
      const s = getComputedStyle(el);
      // The colour the outline is drawn on: the nearest ancestor with a background.
      let bg = "rgba(0, 0, 0, 0)";
      for (let a: Element | null = el.parentElement; a && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); a = a.parentElement) bg = getComputedStyle(a).backgroundColor;
      return { outline: s.outlineColor, style: s.outlineStyle, width: parseFloat(s.outlineWidth), background: bg };
    });
    expect(style).not.toBe("none");
    expect(width).toBeGreaterThanOrEqual(2);
    expect(contrast(outline, background), `outline ${outline} on ${background}`).toBeGreaterThanOrEqual(3);
  }
});

test("the dashboard on a 390 px phone: no sideways scroll, charts drawn only when scrolled to", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await login(page, "thuky.cum2");
  const chartCode: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/_next/static/chunks/")) chartCode.push(r.url());
  });
  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Nothing drawn below the fold yet: no chart in the page.
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  const loadedAtStart = chartCode.length;
  // Scrolled to the bottom, every chart is drawn, and the page still fits the phone's width.
  const charts = page.locator("figure.chart-frame");
  const count = await charts.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect(charts.nth(i).locator(".recharts-wrapper")).toHaveCount(1);
  }
  expect(chartCode.length, "the charts' code loads when they are scrolled to").toBeGreaterThan(loadedAtStart);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});
