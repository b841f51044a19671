import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { trackToken } from "../../server/tickets/otp.js";
import { signedInContext } from "./screens-helpers.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../support/server.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(ROOT, "screenshots");
const HOUR = 3600_000;
// Lets a run use a private build while someone else rebuilds dist/client.
const CLIENT_DIR = process.env.NIGRANI_TEST_CLIENT_DIR ?? path.join(ROOT, "dist/client");

/** Real time shifted by `offset`, so tickets can be filed "hours ago" and breach their limits. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let feeders: Unit[];

interface SettingsBody {
  settings: { slaLimits: Array<{ category: string; urbanHours: number; verified: boolean }> };
}

async function api<T>(pathname: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await apiFetch(server.url, pathname, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function open(route: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  // Settings are the administrator's; scorecards and officers open for them too.
  const context = await signedInContext(browser, server.url, viewport, "admin");
  const page = await context.newPage();
  await page.goto(`${server.url}${route}`);
  return page;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(CLIENT_DIR, "index.html"))) {
    throw new Error(`${CLIENT_DIR} is not built: the vitest globalSetup builds dist/client`);
  }
  server = await startTestServer({ clock, config: { CLIENT_DIR } });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const network = await api<NetworkPayload>("/api/v1/network");
  feeders = network.units.filter((u) => u.kind === "feeder");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("settings in a browser", () => {
  it("changes the urban hours of a category, saves, and the API returns the new value", async () => {
    const page = await open("/settings?lang=en");
    const row = page.locator('.adm-limits tr[data-category="pole_wire"]');
    await row.waitFor();
    expect(await row.locator(".adm-badge").innerText()).toContain("Not verified");
    expect(
      await page.locator('.adm-limits tr[data-category="supply_cut"] .adm-badge').innerText(),
    ).toContain("Verified");

    const urban = page.locator('input[name="slaLimits.1.urbanHours"]');
    await urban.fill("0");
    expect(await row.innerText()).toContain("Must be more than 0.");
    await page.getByTestId("save-settings").click();
    expect(await page.getByTestId("settings-status").innerText()).toContain("Fix the marked field");
    expect(await urban.getAttribute("aria-invalid")).toBe("true");

    await urban.fill("5");
    await page.getByTestId("save-settings").click();
    await page.getByText("Settings saved.").waitFor();
    const after = await api<SettingsBody>("/api/v1/settings");
    const pole = after.settings.slaLimits.find((l) => l.category === "pole_wire");
    expect(pole?.urbanHours).toBe(5);
    expect(pole?.verified).toBe(false);
    await page.context().close();
  });

  it("shows the server's field errors next to the field it refused", async () => {
    const page = await open("/settings?lang=hi");
    await page.locator('.adm-limits tr[data-category="meter_reading"]').waitFor();
    await page.route("**/api/v1/settings", (route) =>
      route.request().method() === "PUT"
        ? route.fulfill({
            status: 400,
            contentType: "application/json",
            body: JSON.stringify({
              error: {
                code: "invalid_input",
                message: "invalid settings: slaLimits.3.ruralHours Too big",
                fields: { "slaLimits.3.ruralHours": "Too big" },
              },
            }),
          })
        : route.continue(),
    );
    await page.locator('input[name="slaLimits.3.ruralHours"]').fill("200");
    await page.getByTestId("save-settings").click();
    const cell = page.locator('.adm-limits tr[data-category="meter_reading"]');
    await cell.getByText("सर्वर ने अस्वीकार किया: Too big").waitFor();
    expect(await page.getByTestId("settings-status").innerText()).toContain("सर्वर ने सेटिंग्स");
    await page.context().close();
  });
});

describe("scorecards and officers in a browser", () => {
  it("shows the officer holding a ticket created through the API, and drills into a unit", async () => {
    const feeder = feeders[7];
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "No supply since morning, transformer burnt",
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
    });
    expect(res.status).toBe(201);
    const number = res.body.ticket?.number ?? "";
    const detail = await api<{ assignee?: { id: string; name: string } | null }>(
      `/api/v1/tickets/${number}`,
    );
    const officer = detail.assignee;
    expect(officer).toBeTruthy();
    const placed = feeders.find((f) => f.id === res.body.ticket?.feederId) ?? feeder;
    // The division two levels above the feeder's substation: its table lists sub-divisions.
    const division = placed.path[placed.path.length - 4];
    const subdivision = placed.path[placed.path.length - 3];

    const page = await open(`/scorecards?unit=${division}&lang=en`);
    const officerRow = page.locator(`[data-table="officers"] tr[data-row="${officer?.id}"]`);
    await officerRow.waitFor();
    expect(await officerRow.innerText()).toContain(officer?.name);
    await page.locator('[data-preset="7"]').click();
    await page.waitForURL(/from=.*&to=/);

    await page.locator(`[data-table="units"] tr[data-row="${subdivision}"] a`).click();
    await page.waitForURL(new RegExp(`unit=${subdivision}`));
    expect(new URL(page.url()).searchParams.get("from")).toBeTruthy();
    await page.locator(`[data-table="officers"] tr[data-row="${officer?.id}"]`).waitFor();
    expect(await page.locator(".adm-crumbs__current").innerText()).toBeTruthy();
    await page.context().close();
  });

  it("marks an officer on leave with a stand-in and back", async () => {
    const feeder = feeders[11];
    const subdivision = feeder.path[feeder.path.length - 3];
    const page = await open(`/officers?unit=${subdivision}&lang=en`);
    const row = page.locator('tr[data-on-leave="false"]').filter({ hasText: "JE ·" }).first();
    await row.waitFor();
    const id = (await row.getAttribute("data-officer")) ?? "";
    await row.getByRole("button", { name: /^Mark on leave: / }).click();
    const select = page.getByTestId("stand-in");
    await select.waitFor();
    const standIn = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(standIn ?? "");
    await page.getByRole("button", { name: "Confirm leave" }).click();
    await page.locator(`tr[data-officer="${id}"][data-on-leave="true"]`).waitFor();
    const list = await api<{
      officers: Array<{ id: string; on_leave: number; stand_in_id: string }>;
    }>(`/api/v1/officers?unit=${subdivision}`);
    const saved = list.officers.find((o) => o.id === id);
    expect(saved?.on_leave).toBeTruthy();
    expect(saved?.stand_in_id).toBe(standIn);

    await page
      .locator(`tr[data-officer="${id}"]`)
      .getByRole("button", { name: /back from leave/ })
      .click();
    await page.locator(`tr[data-officer="${id}"][data-on-leave="false"]`).waitFor();
    await page.context().close();
  });
});

/** Tickets over the last days: some late, some resolved, confirmed, refused or left unanswered. */
async function seed(): Promise<void> {
  const texts = ["Light nahi hai", "Pole gir gaya", "Meter tez chal raha", "बिल गलत आया"];
  const categories = ["supply_cut", "pole_wire", "meter_jumping", "bill_generation"] as const;
  const numbers: string[] = [];
  // One discom, so its scorecard (the screenshot) has every kind of figure.
  const local = feeders.filter((f) => f.path[2] === feeders[0].path[2]);
  for (let i = 0; i < 60; i++) {
    clock.offset = -((i % 6) * 20 + 1) * HOUR;
    const f = local[(i * 17) % local.length];
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: texts[i % 4],
      category: categories[i % 4],
      phone: `98765${String(10000 + i)}`,
      lat: f.lat,
      lon: f.lon,
    });
    if (res.body.ticket) numbers.push(res.body.ticket.number);
  }
  clock.offset = 0;
  const act = (n: string, body: unknown) =>
    apiFetch(server.url, `/api/v1/tickets/${n}/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  for (const [i, n] of numbers.entries()) {
    if (i % 3 === 0) continue;
    await act(n, { type: "start" });
    const r = await act(n, { type: "resolve", note: "Fixed at site, supply restored" });
    if (!r.ok || i % 3 !== 1) continue;
    await fetch(`${server.url}/api/v1/track/${n}/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The consumer's link token: staff-visible digits no longer confirm a fix.
      body: JSON.stringify({
        token: trackToken(server.app.config.OTP_SECRET, n),
        resolved: i % 5 !== 0,
      }),
    });
  }
  // Past the confirmation window: the unanswered resolutions close as unconfirmed.
  clock.offset = 80 * HOUR;
  await server.app.sweeper.runOnce();
  clock.offset = 0;
}

describe("admin screenshots", () => {
  it("writes the three screens at three sizes in English and Hindi", async () => {
    await seed();
    fs.mkdirSync(SHOTS, { recursive: true });
    const discom = feeders[0].path[2];
    const views = [
      { name: "settings", route: "/settings", ready: 'tr[data-category="supply_cut"]' },
      {
        name: "scorecards",
        route: `/scorecards?unit=${discom}`,
        ready: '[data-table="officers"] tbody tr',
      },
      {
        name: "officers",
        route: `/officers?unit=${feeders[0].path[5]}`,
        ready: "tr[data-officer]",
      },
    ];
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ];
    for (const viewport of sizes) {
      for (const lang of ["en", "hi"]) {
        for (const v of views) {
          const sep = v.route.includes("?") ? "&" : "?";
          const page = await open(`${v.route}${sep}lang=${lang}`, viewport);
          await page.locator(v.ready).first().waitFor();
          await page.waitForTimeout(300);
          const file = `admin-${v.name}-${viewport.width}x${viewport.height}-${lang}`;
          await page.screenshot({ path: path.join(SHOTS, `${file}.png`) });
          // The full page also shows what opens: a limit's source, an officer's leave form.
          if (v.name === "settings") {
            await page
              .locator('.adm-limits tr[data-category="pole_wire"] .adm-link-button')
              .click();
          }
          if (v.name === "officers") {
            await page.locator(`tr[data-on-leave="false"] button`).last().click();
            await page.locator(".adm-leave select, .adm-leave .adm-empty").first().waitFor();
          }
          await page.screenshot({ path: path.join(SHOTS, `${file}-full.png`), fullPage: true });
          await page.context().close();
        }
      }
    }
    expect(
      fs.readdirSync(SHOTS).filter((f) => f.startsWith("admin-")).length,
    ).toBeGreaterThanOrEqual(36);
  }, 240_000);
});
