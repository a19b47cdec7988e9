// Accessibility of every page of every role, measured with axe (WCAG 2.0/2.1 A and AA rules): a page
// fails on any serious or critical violation; lesser ones are listed in the report.
//
// The pages come from the app's routes (src/app/(app)/**/page.tsx and /login): PAGES below says which
// roles open each route, and the first test fails when a route has no entry, so a new page cannot be
// left out. Each role then walks its pages in one browser context, starting from its home page and
// following the links the pages show, so dynamic routes are visited with real ids of the demo data
// (no id or year is written here). A route a role should open but whose link was never met fails too.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { isFileRoute } from "../../src/lib/security-headers";
import { axeFindings, FAILING_IMPACTS, type AxeFinding } from "./axe";
import { login } from "./helpers";

type Role = "admin" | "secretariat" | "officer" | "head" | "ministry";
const ACCOUNTS: Record<Role, string> = { admin: "admin", secretariat: "thuky.cum2", officer: "canbo.ktnv", head: "lanhdao.ktnv", ministry: "vanphong.bo" };
const ALL: Role[] = ["admin", "secretariat", "officer", "head", "ministry"];
const CLUSTER_ROLES: Role[] = ["secretariat", "officer", "head"];

/**
 * Every page of the app and the roles that open it. Each listed role must reach the page through the
 * links it is shown; a role not listed may still meet the page, and it is checked then too. `via`
 * derives the page from another one when no plain link leads to it: a suffix of that page's URL (the
 * ballot, a report's print view), or a URL read from that page (a notification opens through a form).
 * `foundOn` names the route whose other pages may list it (another unit's page), opened to find it.
 * `unmet` says why no role can be required to reach a page with the demo data: it is checked when met.
 */
const PAGES: Record<string, { roles: Role[]; via?: { route: string; suffix?: string; read?: (page: Page) => Promise<string | null> }; foundOn?: string; unmet?: string }> = {
  "/login": { roles: [] }, // visited signed out, below
  "/change-password": { roles: [] }, // visited by a new account, below
  "/": { roles: ALL },
  "/account": { roles: ALL },
  "/admin/clusters": { roles: ["admin"] },
  "/admin/clusters/[id]": { roles: ["admin"] },
  "/admin/clusters/blocks/[id]": { roles: ["admin"] },
  "/admin/clusters/blocks/new": { roles: ["admin"] },
  "/admin/clusters/new": { roles: ["admin"] },
  "/admin/deliveries": { roles: ["admin"] },
  "/admin/holidays": { roles: ["admin"] },
  "/admin/units": { roles: ["admin"] },
  "/admin/units/[id]": { roles: ["admin"] },
  "/admin/units/new": { roles: ["admin"] },
  "/admin/users": { roles: ["admin"] },
  "/admin/users/[id]": { roles: ["admin"] },
  "/admin/users/new": { roles: ["admin"] },
  "/agreement": { roles: CLUSTER_ROLES }, // the cluster's joint agreement (issue 17)
  "/audit": { roles: ["admin", "secretariat"] },
  "/audit/security": { roles: ["admin"] },
  "/cluster": { roles: ["secretariat"] },
  "/cluster/criteria": { roles: ["secretariat"] },
  "/cluster/criteria/[yearId]": { roles: ["secretariat"] },
  "/cluster/years/[id]": { roles: ["secretariat"] },
  "/commendations": { roles: ALL },
  "/commendations/import": { roles: ["secretariat"] },
  // Movements and drives (issue 17): the demo's Vì An ninh Tổ quốc (open) and the two 2021 drives (closed).
  "/movements": { roles: ALL },
  "/movements/new": { roles: ["admin", "secretariat"] },
  "/movements/[id]": { roles: ALL },
  // The demo's open movement is Ministry-wide: the admin edits it (a secretariat edits its cluster's own).
  "/movements/[id]/edit": { roles: ["admin"] },
  "/conference": { roles: CLUSTER_ROLES },
  "/dossiers": { roles: ALL },
  // The demo's 2021 dossier of Cụm thi đua số 2, accepted with its decisions.
  "/dossiers/[id]": { roles: ["secretariat", "ministry"] },
  "/conference/rounds/[id]": { roles: CLUSTER_ROLES },
  "/conference/rounds/[id]/screen": { roles: CLUSTER_ROLES },
  "/conference/rounds/[id]/vote": { roles: ["head"], via: { route: "/conference/rounds/[id]", suffix: "/vote" } },
  "/notifications": { roles: ALL },
  // A notification opens through a form, at its subject's page (this one when it has none): read its id.
  // The secretariat has the reminder job's digest from the start.
  "/notifications/[id]": {
    roles: ["secretariat"],
    via: { route: "/notifications", read: async (page) => {
      const id = page.getByTestId("notification-item").locator('input[name="notificationId"]').first();
      return (await id.count()) ? `/notifications/${await id.inputValue()}` : null;
    } },
  },
  "/notifications/settings": { roles: ALL },
  "/officers": { roles: CLUSTER_ROLES },
  "/officers/[id]": { roles: CLUSTER_ROLES },
  "/officers/new": { roles: ["officer"] },
  "/overview": { roles: ["admin", "secretariat", "head"] },
  "/overview/ministry": { roles: ["admin"] },
  // Listed on a unit's page, for a head only on their own unit's: other units' pages are opened to find it.
  "/overview/officers/[officerId]": { roles: ["admin", "secretariat", "head"], foundOn: "/overview/units/[unitId]" },
  "/overview/units/[unitId]": { roles: ["admin", "secretariat", "head"] },
  "/registration": { roles: CLUSTER_ROLES },
  "/registration/import": { roles: ["officer"] },
  "/registration/units/[unitId]": { roles: ["secretariat"] },
  "/reports": { roles: CLUSTER_ROLES },
  "/reports/[id]": { roles: CLUSTER_ROLES },
  "/reports/[id]/print": { roles: CLUSTER_ROLES, via: { route: "/reports/[id]", suffix: "/print" } },
  // Linked from the scoring page of the year of the report: the report's own URL leads there sooner.
  "/reports/[id]/scores": { roles: ["secretariat"], via: { route: "/reports/[id]", suffix: "/scores" } },
  "/reports/criteria/[yearId]": { roles: CLUSTER_ROLES },
  "/reports/cross": { roles: ["officer"] },
  "/reports/cross/[id]": { roles: ["officer"] },
  "/reports/scoring/[yearId]": { roles: ["secretariat"] },
  "/reports/scoring/[yearId]/ranking": { roles: ["secretariat"] },
  "/results": { roles: CLUSTER_ROLES },
  "/results/units/[unitId]": { roles: CLUSTER_ROLES },
  "/titles": { roles: ALL },
  "/titles/[id]": { roles: ["admin"] },
  "/titles/new": { roles: ["admin"] },
  "/titles/[id]/versions/new": { roles: ["admin"] },
  "/titles/[id]/versions/[versionId]": { roles: ["admin"] },
};

/** The app's page routes, read from the file system: "/officers/[id]" for src/app/(app)/officers/[id]/page.tsx. */
function appRoutes(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../src/app");
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
        const segments = path
          .relative(appDir, dir)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("_") && !s.startsWith("@"));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir);
  return routes.sort();
}

const ROUTES = appRoutes();
/** Route patterns as regular expressions over a URL's path, static segments before dynamic ones. */
const MATCHERS = ROUTES.map((route) => ({
  route,
  dynamic: route.split("/").filter((s) => s.startsWith("[")).length,
  re: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
})).sort((a, b) => a.dynamic - b.dynamic);
const routeOf = (pathname: string) => MATCHERS.find((m) => m.re.test(pathname))?.route ?? null;

type Finding = AxeFinding & { url: string; route: string };

async function checkPage(page: Page, url: string, route: string): Promise<Finding[]> {
  return (await axeFindings(page)).map((f) => ({ ...f, url, route }));
}

function report(findings: Finding[]) {
  for (const f of findings) {
    test.info().annotations.push({ type: `axe ${f.impact}`, description: `${f.route} (${f.url}): ${f.rule} × ${f.nodes} — ${f.help} — ${f.targets.join(", ")}` });
  }
  const serious = findings.filter((f) => FAILING_IMPACTS.has(f.impact));
  expect(serious.map((f) => `${f.url}: ${f.rule} (${f.impact}) × ${f.nodes} — ${f.help} — ${f.targets.join(", ")}`), "serious or critical axe violations").toEqual([]);
}

/** Loads `url`; axe reads the page as the server sent it (every page renders on the server). */
async function load(page: Page, url: string) {
  return page.goto(url, { waitUntil: "load" });
}

/**
 * Where the page leads, in document order: its same-origin links to pages of the app, and the URLs its
 * pickers (GET forms: a year, a unit) would open, one per option of each <select>.
 */
async function pageLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const picks = await page.locator("form").evaluateAll((forms) =>
    (forms as HTMLFormElement[])
      // getAttribute: a field named "action" or "method" shadows the form's own properties.
      .filter((f) => (f.getAttribute("method") ?? "get").toLowerCase() === "get" && !/^javascript:/i.test(f.getAttribute("action") ?? ""))
      .flatMap((f) => {
        const hidden = [...f.querySelectorAll<HTMLInputElement>("input[type=hidden][name]")].map((i) => [i.name, i.value] as const);
        return [...f.querySelectorAll<HTMLSelectElement>("select[name]")].flatMap((select) =>
          [...select.options]
            .filter((o) => o.value && !o.selected)
            .map((o) => {
              const url = new URL(f.getAttribute("action") || location.href, location.href);
              url.search = "";
              for (const [k, v] of hidden) url.searchParams.set(k, v);
              url.searchParams.set(select.name, o.value);
              return url.href;
            }),
        );
      }),
  );
  const out: string[] = [];
  for (const href of [...hrefs, ...picks]) {
    const u = new URL(href);
    // A file route (a download: /dossiers/register looks like /dossiers/[id]) is not a page.
    if (u.origin !== origin || isFileRoute(u.pathname) || !routeOf(u.pathname)) continue;
    u.hash = "";
    out.push(u.pathname + u.search);
  }
  return [...new Set(out)];
}

test("every page route has an entry in the accessibility walk", () => {
  expect(ROUTES.filter((r) => !(r in PAGES)), "routes without an entry in PAGES (tests/e2e/a11y.spec.ts)").toEqual([]);
  expect(Object.keys(PAGES).filter((r) => !ROUTES.includes(r)), "entries in PAGES for routes that no longer exist").toEqual([]);
});

test("the login page has no serious accessibility violation", async ({ page }) => {
  await load(page, "/login");
  report(await checkPage(page, "/login", "/login"));
});

test("the first-login password page has no serious accessibility violation", async ({ browser }) => {
  // A new account the admin creates must set its own password first (/change-password).
  const username = `a11y.${Date.now().toString(36)}`;
  const password = `Kiem-tra-${Date.now().toString(36)}-A1`;
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await login(adminPage, "admin");
  await adminPage.goto("/admin/users/new");
  const form = adminPage.getByRole("form", { name: "Thêm tài khoản" });
  await form.getByLabel("Tên đăng nhập").fill(username);
  await form.getByLabel("Họ tên hiển thị").fill("Kiểm tra trợ năng");
  await form.getByLabel("Vai trò").selectOption({ label: "Thư ký cụm" });
  await form.getByLabel("Cụm thi đua").selectOption({ index: 1 });
  await form.getByLabel("Mật khẩu ban đầu").fill(password);
  await form.getByLabel("Nhập lại mật khẩu").fill(password);
  await form.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(form.getByRole("status")).toBeVisible();
  await admin.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await load(page, "/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Đổi mật khẩu", exact: true })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/change-password");
  report(await checkPage(page, "/change-password", "/change-password"));
  await context.close();
});

/**
 * Loads a role may spend on another query string of a page already checked (another year, another
 * filter) to find links to the routes it has not met yet.
 */
const DISCOVERY_BUDGET = 16;
/** Loads of links to a route that did not open (an error, a redirect) before that route is given up. */
const ATTEMPTS_PER_ROUTE = 2;

for (const role of ALL) {
  test(`every page of the ${role} (${ACCOUNTS[role]}) has no serious accessibility violation`, async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const started = Date.now();
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, ACCOUNTS[role]);
    const origin = new URL(baseURL!).origin;
    const routeOfUrl = (url: string) => routeOf(new URL(url, origin).pathname)!;

    const expected = Object.entries(PAGES).filter(([, p]) => p.roles.includes(role)).map(([r]) => r);
    const checked = new Map<string, string>(); // route → the URL checked
    const attempts = new Map<string, number>();
    const problems: string[] = []; // links that did not open the page they name
    const loadedPaths = new Set<string>();
    const seen = new Set<string>(["/"]);
    const queue: string[] = ["/"];
    const findings: Finding[] = [];
    let loads = 0;
    let extraLoads = 0;

    const settled = (route: string) => checked.has(route) || (attempts.get(route) ?? 0) >= ATTEMPTS_PER_ROUTE;
    /** The next URL to load: a link to a route not checked yet, else another query string of a page already seen. */
    const next = (): string | null => {
      let i = queue.findIndex((u) => !settled(routeOfUrl(u)));
      if (i < 0) {
        const missing = expected.filter((r) => !settled(r));
        if (!missing.length || extraLoads >= DISCOVERY_BUDGET) return null;
        // The pages under which a missing route lives: "/reports" for "/reports/[id]/print".
        const parents = new Set(missing.map((r) => r.slice(0, r.search(/\/\[|$/)) || "/"));
        const foundOn = new Set(missing.map((r) => PAGES[r]!.foundOn));
        // Another page of the route a missing one is listed on (PAGES foundOn); then another year of a
        // parent page (older years hold the finished reports, rounds and scores), another year of any
        // page, another filter; never another page of a list.
        const variant = (u: string) => {
          const url = new URL(u, origin);
          if (url.searchParams.has("page")) return 9;
          if (!loadedPaths.has(url.pathname)) return foundOn.has(routeOfUrl(u)) ? 0 : 9;
          if (!url.search) return 9;
          const year = url.searchParams.has("year");
          return parents.has(url.pathname) ? (year ? 1 : 2) : year ? 3 : 4;
        };
        for (const rank of [0, 1, 2, 3, 4]) if ((i = queue.findIndex((u) => variant(u) === rank)) >= 0) break;
        if (i < 0) return null;
        extraLoads++;
      }
      return queue.splice(i, 1)[0]!;
    };

    const visit = async (url: string) => {
      const route = routeOfUrl(url);
      attempts.set(route, (attempts.get(route) ?? 0) + 1);
      loads++;
      const response = await load(page, url);
      const status = response?.status() ?? 0;
      const landed = new URL(page.url());
      loadedPaths.add(landed.pathname);
      if (status >= 400 || routeOf(landed.pathname) !== route) problems.push(`${url} → ${status} ${landed.pathname}`);
      else if (!checked.has(route)) checked.set(route, url);
      const found = await checkPage(page, url, route);
      findings.push(...found);
      if (process.env.A11Y_VERBOSE) console.log(`[a11y] ${role} ${status} ${url} (${route}) ${found.map((f) => f.rule).join(" ")}`);
      for (const link of await pageLinks(page, origin)) {
        if (seen.has(link)) continue;
        seen.add(link);
        queue.push(link);
      }
      // Routes with no link of their own, from the page they belong to.
      for (const [other, p] of Object.entries(PAGES)) {
        if (p.via?.route !== route || !p.roles.includes(role) || settled(other)) continue;
        const derived = p.via.suffix ? `${landed.pathname}${p.via.suffix}` : await p.via.read?.(page);
        if (derived && !seen.has(derived)) {
          seen.add(derived);
          queue.unshift(derived);
        }
      }
    };

    for (let url = next(); url; url = next()) await visit(url);
    await context.close();

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const summary = `${role}: ${loads} page loads (${extraLoads} to find links), ${checked.size} routes, ${seconds} s`;
    test.info().annotations.push({ type: "walk", description: `${summary}: ${[...checked.values()].join(" ")}` });
    console.log(`[a11y] ${summary}`);
    for (const p of problems) console.log(`[a11y] ${role} link that did not open its page: ${p}`);
    for (const f of findings) console.log(`[a11y] ${role} ${f.impact} ${f.rule} ×${f.nodes} ${f.url} — ${f.targets.join(", ")}`);
    const unmet = Object.entries(PAGES).filter(([r, p]) => p.unmet && !checked.has(r)).map(([r]) => r);
    if (unmet.length) console.log(`[a11y] ${role}: not met (see PAGES): ${unmet.join(", ")}`);
    report(findings);
    expect(expected.filter((r) => !checked.has(r)), `pages of the ${role} not reached through links (${problems.join("; ") || "no link met"})`).toEqual([]);
  });
}
