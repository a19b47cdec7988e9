// Finds a Chromium for the browser tests, in this order: Playwright's own build; the system one
// (Debian's /usr/bin/chromium); installing one (apt-get as root, else `npx playwright install`).
// Fails with instructions only when none of these works.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
// The closed network here refuses Chromium's background connections; the sandbox needs a non-root user.
const SYSTEM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export type BrowserChoice = { executablePath?: string; args: string[]; source: string };

function playwrightChromium(): string | null {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const systemChromium = () => SYSTEM_CHROMIUM.find(existsSync) ?? null;

function tryInstall(): void {
  const isRoot = process.getuid?.() === 0;
  try {
    if (isRoot && existsSync("/usr/bin/apt-get")) {
      console.log("[e2e] Không có Chromium: cài gói chromium của Debian (apt-get)…");
      execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
      return;
    }
    console.log("[e2e] Không có Chromium: thử `npx playwright install chromium`…");
    execSync("npx playwright install chromium", { stdio: "inherit" });
  } catch {
    // Reported below with instructions.
  }
}

export function findBrowser(): BrowserChoice {
  const own = playwrightChromium();
  if (own) return { args: [], source: `Playwright Chromium (${own})` };
  let system = systemChromium();
  if (!system) {
    tryInstall();
    const installed = playwrightChromium();
    if (installed) return { args: [], source: `Playwright Chromium (${installed})` };
    system = systemChromium();
  }
  if (system) return { executablePath: system, args: SYSTEM_ARGS, source: `system Chromium (${system})` };
  throw new Error(
    "Không tìm thấy trình duyệt Chromium cho kiểm thử end-to-end.\n" +
      "Cài một trong hai: `sudo apt-get install chromium` (Debian/Ubuntu) hoặc `npx playwright install chromium` (cần Internet).",
  );
}
