import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload } from "../../shared/network.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { fakeAccess, type DemoUser, type FakeAccess } from "./access-fake.js";
import { assertBuilt, feedersOf, launch, seed, shot, SIZES } from "./screens-helpers.js";

/**
 * Sign-in as each demo user sees it: the guard, /login, the header and navigation per role, the
 * admin screens. The real server serves every screen; sessions, users, keys and the audit log come
 * from access-fake.ts until the server side of issue 8 is merged.
 */

let server: TestServer;
let browser: Browser;
let demo: DemoUser[];

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
  const network = (await (await fetch(`${server.url}/api/v1/network`)).json()) as NetworkPayload;
  const circle =
    network.units.find((u) => u.kind === "circle" && /gorakhpur/i.test(u.name)) ??
    network.units.find((u) => u.kind === "circle");
  const division =
    network.units.find((u) => u.kind === "division" && /varanasi/i.test(u.name)) ??
    network.units.find((u) => u.kind === "division");
  if (!circle || !division) throw new Error("the test network has no circle or division");
  demo = [
    {
      username: "admin",
      role: "admin",
      unitId: "network",
      unitName: "Whole network",
      name: "Administrator",
    },
    {
      username: "control",
      role: "control_room",
      unitId: "network",
      unitName: "Whole network",
      name: "Control Room Desk",
    },
    {
      username: "minister",
      role: "minister",
      unitId: "network",
      unitName: "Whole network",
      name: "Energy Minister",
    },
    {
      username: "agent",
      role: "call_centre",
      unitId: "network",
      unitName: "Whole network",
      name: "1912 Agent",
    },
    {
      username: "se.gorakhpur",
      role: "officer",
      unitId: circle.id,
      unitName: circle.name,
      name: "SE Gorakhpur",
    },
    {
      username: "xen.varanasi",
      role: "officer",
      unitId: division.id,
      unitName: division.name,
      name: "XEN Varanasi",
    },
  ];
  await seed(server.url, await feedersOf(server.url), 30);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport: { width: number; height: number } = SIZES[1]) {
  const context = await browser.newContext({ viewport });
  const fake = await fakeAccess(context, demo);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}${path}`);
  return { context, fake, page };
}

async function signIn(page: Page, username: string, password = "demo") {
  await page.getByLabel(/^(Username|उपयोगकर्ता नाम)$/).fill(username);
  await page.getByLabel(/^(Password|पासवर्ड)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|साइन इन)$/ }).click();
}

const navLinks = (page: Page) =>
  page.locator(".app-nav a").evaluateAll((as) => as.map((a) => a.textContent?.trim() ?? ""));

describe("signing in", () => {
  it("sends a signed-out person to /login, names the demo users and brings them back", async () => {
    const { context, page } = await open("/triage");
    await page.waitForURL(/\/login\?next=%2Ftriage$/);
    const box = page.getByRole("complementary", { name: "Demo users" });
    await box.getByText("xen.varanasi", { exact: true }).waitFor();
    for (const u of demo)
      await expect(box.getByText(u.username, { exact: true }).count()).resolves.toBe(1);
    await signIn(page, "control", "wrong");
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Wrong username or password.",
    );
    await signIn(page, "slow");
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Try again in 2 minutes.",
    );
    await signIn(page, "control");
    await page.waitForURL(/\/triage$/);
    await expect(page.locator(".user-box__name").textContent()).resolves.toBe("Control Room Desk");
    await expect(page.locator(".user-box__scope").textContent()).resolves.toBe(
      "Control room · Whole network",
    );
    await context.close();
  });

  it("shows each role only its screens and lands it on its own page", async () => {
    const expected: Record<string, { path: RegExp; nav: string[] }> = {
      admin: {
        path: /\/$/,
        nav: [
          "Control room",
          "Network",
          "Triage",
          "Quick entry",
          "Admin",
          "Summary",
          "Wall",
          "About",
        ],
      },
      control: {
        path: /\/$/,
        nav: [
          "Control room",
          "Network",
          "Triage",
          "Quick entry",
          "Admin",
          "Summary",
          "Wall",
          "About",
        ],
      },
      minister: { path: /\/summary$/, nav: ["Summary", "About"] },
      agent: { path: /\/intake$/, nav: ["Quick entry", "About"] },
      "se.gorakhpur": {
        path: new RegExp(`/units/${demo[4].unitId}$`),
        nav: ["My unit", "Triage", "Admin", "About"],
      },
      "xen.varanasi": {
        path: new RegExp(`/units/${demo[5].unitId}$`),
        nav: ["My unit", "Triage", "Admin", "About"],
      },
    };
    for (const u of demo) {
      const { context, page } = await open("/login");
      await signIn(page, u.username);
      await page.waitForURL(expected[u.username].path);
      await page.locator(".user-box").waitFor();
      const nav = await navLinks(page);
      expect(nav, u.username).toEqual(expected[u.username].nav);
      // A screen outside the role goes back to the role's landing page.
      await page.goto(`${server.url}/admin/users`);
      if (u.role === "admin") await page.getByRole("heading", { name: "Users" }).waitFor();
      else await page.waitForURL(expected[u.username].path);
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
    const { context, fake, page } = await open("/login?next=%2Fadmin%2Fkeys");
    await signIn(page, "admin");
    await page.waitForURL(/\/admin\/keys$/);
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    fake.expire();
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/login\?next=%2Faudit$/);
    await page.getByText("Your session has ended").waitFor();
    await signIn(page, "admin");
    await page.waitForURL(/\/audit$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login$/);
    expect(fake.changes.filter(([m, p]) => m === "DELETE" && p === "/api/v1/session")).toHaveLength(
      1,
    );
    await context.close();
  });
});

describe("administration", () => {
  let context: BrowserContext;
  let fake: FakeAccess;
  let page: Page;

  beforeAll(async () => {
    ({ context, fake, page } = await open("/login?next=%2Fadmin%2Fusers"));
    await signIn(page, "admin");
    await page.waitForURL(/\/admin\/users$/);
  });
  afterAll(() => context?.close());

  it("creates a user after showing what is wrong, sending the CSRF token", async () => {
    await page.getByRole("button", { name: "New user" }).click();
    await page.getByRole("button", { name: "Create user" }).click();
    await page.locator("#user-password-error").getByText("must be at least 8 characters").waitFor();
    await expect(page.locator("#user-username-error").textContent()).resolves.toContain("2 to 40");
    await page.locator('input[name="username"]').fill("sdo.sadar");
    await page.locator('input[name="name"]').fill("SDO Sadar");
    await page.getByLabel("Unit", { exact: true }).fill(demo[5].unitName.slice(0, 6));
    await page.locator(".adm-picker__hit").first().click();
    await page.locator('input[name="password"]').fill("password123");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.locator("#user-password-error").getByText("is too common or too weak").waitFor();
    await page.locator('input[name="password"]').fill("a long sadar passphrase");
    await page.getByRole("button", { name: "Create user" }).click();
    await page.getByText("sdo.sadar can now sign in.").waitFor();
    const creates = fake.changes.filter(([m, p]) => m === "POST" && p === "/api/v1/users");
    expect(creates.map(([, , token]) => token)).toEqual([
      "csrf-token-from-the-fake",
      "csrf-token-from-the-fake",
    ]);
  });

  it("disables a user and changes a role", async () => {
    await page.getByRole("button", { name: "Disable: agent" }).click();
    await page.getByText("agent is disabled and signed out everywhere.").waitFor();
    await page.getByRole("button", { name: "Change role or unit: minister" }).click();
    await page
      .getByRole("form", { name: "Change role or unit: minister" })
      .getByLabel("Role")
      .selectOption("control_room");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("minister was changed.").waitFor();
  });

  it("shows a new key's secret once and revokes a key", async () => {
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "API keys" }).waitFor();
    await page.locator('input[name="name"]').fill("1912 CRM");
    await page.getByLabel("WhatsApp").check();
    await page.locator('input[name="ratePerMinute"]').fill("0");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.locator("#key-rate-error").waitFor();
    await page.locator('input[name="ratePerMinute"]').fill("120");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("key-secret").textContent()).resolves.toBe(
      "nk_live_9c2e7d41f0a86b35c1d9e4f7a2b60c83",
    );
    await page.getByText("you will not see this again").waitFor();
    await page.getByRole("button", { name: "I have stored it" }).click();
    await expect(page.getByTestId("key-secret").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Revoke: Simulator" }).click();
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await page.getByText("Simulator was revoked.").waitFor();
    const revoke = fake.changes.find(([m, p]) => m === "DELETE" && p === "/api/v1/keys/1");
    expect(revoke?.[2]).toBe("csrf-token-from-the-fake");
  });

  it("filters and pages the audit log, showing scripts as text", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByText("50 entries shown").waitFor();
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByText("70 entries shown").waitFor();
    await page.getByText("That is all.").waitFor();
    await page.getByLabel("What").selectOption("sign_in_failed");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.getByText("10 entries shown").waitFor();
    await page.getByText("username: <script>alert(1)</script>").first().waitFor();
    await expect(
      page.evaluate(() => document.querySelectorAll("main script").length),
    ).resolves.toBe(0);
  });
});

describe("screenshots", () => {
  it("of sign-in, the admin screens and a minister's header at three sizes in both languages", async () => {
    for (const size of SIZES) {
      for (const lang of ["en", "hi"] as const) {
        const tag = `${size.width}x${size.height}-${lang}`;
        const { context, page } = await open(`/login?lang=${lang}&next=%2Fadmin%2Fusers`, size);
        await signIn(page, "nobody");
        await page.getByRole("alert").waitFor();
        await shot(page, `access-login-${tag}`, true);
        await signIn(page, "admin");
        await page.waitForURL(/\/admin\/users/);
        await page.getByRole("button", { name: /New user|नया उपयोगकर्ता/ }).click();
        await page.getByRole("button", { name: /Create user|उपयोगकर्ता बनाएँ/ }).click();
        await page.locator("#user-password-error").waitFor();
        await shot(page, `access-users-${tag}`, true);
        await page.getByRole("link", { name: /API keys|API कुंजियाँ/ }).click();
        await page.getByRole("heading", { name: /^(API keys|API कुंजियाँ)$/ }).waitFor();
        await page.locator('input[name="name"]').fill("1912 CRM");
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
        await shot(page, `access-minister-${tag}`);
        await context.close();
      }
    }
  });
});
