import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserView } from "../../shared/access.js";
import { apiFetch, apiJson, startTestServer, type TestServer } from "../support/server.js";
import { assertBuilt, feedersOf, launch, seed, shot, SIZES } from "./screens-helpers.js";

/**
 * Sign-in as each demo user sees it against the real server: the guard, /login, the header and
 * navigation per role, the admin screens (users, keys, audit), the wall's round trip.
 */

let server: TestServer;
let browser: Browser;
let users: Map<string, UserView>;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
  const list = await apiJson<{ users: UserView[] }>(server.url, "/api/v1/users", "GET");
  users = new Map(list.body.users.map((u) => [u.username, u]));
  // Enough audit entries for two pages (each refusal is one, and cheap: no password hashing),
  // and one failed sign-in with a script for a username.
  for (let i = 0; i < 55; i++) await apiFetch(server.url, "/api/v1/users", { as: "minister" });
  await fetch(`${server.url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "<script>alert(1)</script>", password: "not it" }),
  });
  await seed(server.url, await feedersOf(server.url), 12);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A signed-out browser at `path`; `changes` collects [method, path, X-CSRF-Token] of API changes. */
async function open(path: string, viewport: { width: number; height: number } = SIZES[1]) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const changes: Array<[string, string, string | null]> = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (req.method() !== "GET" && url.pathname.startsWith("/api/v1/"))
      changes.push([req.method(), url.pathname, req.headers()["x-csrf-token"] ?? null]);
  });
  await page.goto(`${server.url}${path}`);
  return { context, page, changes };
}

async function signIn(page: Page, username: string, password = "demo") {
  await page.getByLabel(/^(Username|उपयोगकर्ता नाम)$/).fill(username);
  await page.getByLabel(/^(Password|पासवर्ड)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|साइन इन)$/ }).click();
}

const navLinks = (page: Page) =>
  page.locator(".app-nav a").evaluateAll((as) => as.map((a) => a.textContent?.trim() ?? ""));

const unitOf = (username: string) => users.get(username)?.unitId ?? "missing";

const ALL = [
  "Control room",
  "Network",
  "Triage",
  "Quick entry",
  "Notices",
  "Admin",
  "Summary",
  "Wall mode",
  "About",
];

describe("signing in", () => {
  it("sends a signed-out person to /login, names the demo users and brings them back", async () => {
    const { context, page } = await open("/triage");
    await page.waitForURL(/\/login\?next=%2Ftriage$/);
    const box = page.getByRole("complementary", { name: "Demo users" });
    for (const u of ["admin", "control", "minister", "agent", "se.gorakhpur", "xen.varanasi"])
      await box.getByText(u, { exact: true }).waitFor();
    await signIn(page, "control", "wrong password");
    await page.getByRole("alert").getByText("Wrong username or password.").waitFor();
    await signIn(page, "control");
    await page.waitForURL(/\/triage$/);
    const control = users.get("control")!;
    await expect(page.locator(".user-box__name").textContent()).resolves.toBe(control.name);
    await expect(page.locator(".user-box__scope").textContent()).resolves.toBe(
      `Control room · ${control.unitName}`,
    );
    await context.close();
  });

  it("shows each role only its screens and lands it on its own page", async () => {
    const expected: Record<string, { path: RegExp; nav: string[] }> = {
      admin: { path: /\/$/, nav: ALL },
      control: { path: /\/$/, nav: ALL },
      minister: { path: /\/summary$/, nav: ["Summary", "About"] },
      agent: { path: /\/intake$/, nav: ["Quick entry", "About"] },
      "se.gorakhpur": {
        path: new RegExp(`/units/${unitOf("se.gorakhpur")}$`),
        nav: ["My unit", "Triage", "Notices", "Admin", "About"],
      },
      "xen.varanasi": {
        path: new RegExp(`/units/${unitOf("xen.varanasi")}$`),
        nav: ["My unit", "Triage", "Notices", "Admin", "About"],
      },
    };
    for (const [username, want] of Object.entries(expected)) {
      const { context, page } = await open("/login");
      await signIn(page, username);
      await page.waitForURL(want.path);
      await page.locator(".user-box").waitFor();
      expect(await navLinks(page), username).toEqual(want.nav);
      // A screen outside the role goes back to the role's landing page.
      await page.goto(`${server.url}/admin/users`);
      if (username === "admin")
        await page.getByRole("heading", { name: "Users", exact: true }).waitFor();
      else await page.waitForURL(want.path);
      await context.close();
    }
  });

  it("keeps the wall in kiosk mode through sign-in", async () => {
    const wall = "/wall?views=state,worst&every=30&lang=hi";
    const { context, page } = await open(wall);
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole("heading", { name: "साइन इन करें" }).waitFor();
    await signIn(page, "control");
    await page.waitForURL((url) => `${url.pathname}${url.search}` === wall);
    await page.locator(".wall").first().waitFor();
    await expect(page.locator(".app-header").count()).resolves.toBe(0);
    await context.close();
  });

  it("goes to /login and back when the session ends, and signs out on request", async () => {
    const { context, page, changes } = await open("/login?next=%2Fadmin%2Fkeys");
    await signIn(page, "admin");
    await page.waitForURL(/\/admin\/keys$/);
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    // The server forgets nothing here; the browser losing its cookie ends the session just the same.
    await context.clearCookies();
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/login\?next=%2Faudit$/);
    await page.getByText("Your session has ended").waitFor();
    await signIn(page, "admin");
    await page.waitForURL(/\/audit$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login$/);
    const signOut = changes.filter(([m, p]) => m === "DELETE" && p === "/api/v1/session");
    expect(signOut).toHaveLength(1);
    expect(signOut[0][2]).toMatch(/.{16,}/);
    // Signed out for real: the server no longer knows this browser.
    await page.goto(`${server.url}/audit`);
    await page.waitForURL(/\/login\?next=%2Faudit$/);
    await context.close();
  });
});

describe("administration", () => {
  let context: BrowserContext;
  let page: Page;
  let changes: Array<[string, string, string | null]>;

  beforeAll(async () => {
    ({ context, page, changes } = await open("/login?next=%2Fadmin%2Fusers"));
    await signIn(page, "admin");
    await page.waitForURL(/\/admin\/users$/);
  });
  afterAll(() => context?.close());

  it("creates a user after showing what is wrong, with the CSRF token", async () => {
    await page.getByRole("button", { name: "New user" }).click();
    await page.getByRole("button", { name: "Create user" }).click();
    await page.locator("#user-password-error").getByText("must be at least 8 characters").waitFor();
    await expect(page.locator("#user-username-error").textContent()).resolves.toContain("2 to 40");
    await page.locator('input[name="username"]').fill("sdo.sadar");
    await page.locator('input[name="name"]').fill("SDO Sadar");
    const xen = users.get("xen.varanasi")!;
    await page.getByLabel("Unit", { exact: true }).fill(xen.unitName.slice(0, 8));
    await page.locator(".adm-picker__hit").first().click();
    await page.locator('input[name="password"]').fill("password123");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.locator("#user-password-error").getByText("is too common or too weak").waitFor();
    await page.locator('input[name="password"]').fill("a long sadar passphrase 2026");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByText("sdo.sadar can now sign in.").waitFor();
    const creates = changes.filter(([m, p]) => m === "POST" && p === "/api/v1/users");
    expect(creates).toHaveLength(2);
    for (const [, , token] of creates) expect(token).toMatch(/.{16,}/);
  });

  it("changes a role, disables a user and enables them again", async () => {
    await page.getByRole("button", { name: "Change role or unit: sdo.sadar" }).click();
    const form = page.getByRole("form", { name: "Change role or unit: sdo.sadar" });
    await form.getByLabel("Role").selectOption("call_centre");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByText("sdo.sadar was changed.").waitFor();
    await page.getByRole("button", { name: "Disable: sdo.sadar" }).click();
    await page.getByText("sdo.sadar is disabled and signed out everywhere.").waitFor();
    await page.getByRole("button", { name: "Enable: sdo.sadar" }).click();
    await page.getByText("sdo.sadar can sign in again.").waitFor();
  });

  it("shows a new key's secret once and revokes it", async () => {
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    await page.locator('input[name="name"]').fill("1912 CRM");
    await page.getByLabel("WhatsApp").check();
    await page.locator('input[name="ratePerMinute"]').fill("0");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.locator("#key-rate-error").waitFor();
    await page.locator('input[name="ratePerMinute"]').fill("120");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = await page.getByTestId("key-secret").textContent();
    expect(secret?.length).toBeGreaterThanOrEqual(20);
    await page.getByText("you will not see this again").waitFor();
    await page.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByTestId("key-secret").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Revoke: 1912 CRM" }).click();
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await page.getByText("1912 CRM was revoked.").waitFor();
    // The revoked key files nothing.
    const res = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": secret ?? "" },
      body: JSON.stringify({ channel: "call_centre", text: "No power since morning" }),
    });
    expect(res.status).toBe(401);
  });

  it("filters and pages the audit log, showing scripts as text", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByText("50 entries shown").waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByText(/^(5[1-9]|[6-9]\d|1\d\d) entries shown$/).waitFor();
    await page.getByLabel("What").selectOption("sign_in_failed");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.locator(".acc-audit").getByText("user:<script>alert(1)</script>").waitFor();
    await expect(
      page.evaluate(() => document.querySelectorAll("main script").length),
    ).resolves.toBe(0);
    const kinds = await page.locator(".acc-kind").allTextContents();
    expect(new Set(kinds)).toEqual(new Set(["Failed sign-in"]));
  });
});

describe("screenshots", () => {
  for (const size of SIZES) {
    for (const lang of ["en", "hi"] as const) {
      const tag = `${size.width}x${size.height}-${lang}`;
      it(`of sign-in, the admin screens and a minister's page at ${tag}`, async () => {
        const { context, page } = await open(`/login?lang=${lang}&next=%2Fadmin%2Fusers`, size);
        await signIn(page, "nobody");
        await page.getByRole("alert").waitFor();
        await page.locator(".login__demo").waitFor();
        await shot(page, `access-login-${tag}`, true);
        await signIn(page, "admin");
        await page.waitForURL(/\/admin\/users/);
        await page.getByRole("button", { name: /New user|नया उपयोगकर्ता/ }).click();
        await page.getByRole("button", { name: /Create user|उपयोगकर्ता बनाएँ/ }).click();
        await page.locator("#user-password-error").waitFor();
        await page.locator(".acc-users tbody tr").first().waitFor();
        await shot(page, `access-users-${tag}`, true);
        await page.getByRole("link", { name: /API keys|API कुंजियाँ/ }).click();
        await page.getByRole("heading", { name: /^(API keys|API कुंजियाँ)$/ }).waitFor();
        await page.locator('input[name="name"]').fill(`Open311 ${tag}`);
        await page.getByRole("button", { name: /Create key|कुंजी बनाएँ/ }).click();
        await page.getByTestId("key-secret").waitFor();
        await shot(page, `access-keys-${tag}`, true);
        await page.getByRole("link", { name: /Audit log|ऑडिट लॉग/ }).click();
        await page.locator(".acc-audit tbody tr").first().waitFor();
        await shot(page, `access-audit-${tag}`);
        await page.getByRole("button", { name: /Sign out|साइन आउट/ }).click();
        await page.waitForURL(/\/login/);
        await signIn(page, "minister");
        await page.waitForURL(/\/summary/);
        await page.locator(".user-box").waitFor();
        await page.locator(".summary-page__title").waitFor();
        await shot(page, `access-minister-${tag}`);
        await context.close();
      });
    }
  }
});
