import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import type { TicketSummary } from "../../shared/tickets.js";
import { signedInContext } from "./screens-helpers.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../support/server.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(ROOT, "screenshots");
const HOUR = 3600_000;

/** Real time shifted by `offset`, so reports can be filed "hours ago" and age into SLA states. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let units: Map<string, Unit>;
let feeders: Unit[];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist/client/index.html"))) {
    throw new Error("dist/client is not built: the vitest globalSetup builds it");
  }
  server = await startTestServer({ clock });
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
  const network = (await (await apiFetch(server.url, "/api/v1/network")).json()) as NetworkPayload;
  units = new Map(network.units.map((u) => [u.id, u]));
  feeders = network.units.filter((u) => u.kind === "feeder");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await signedInContext(browser, server.url, viewport, "control");
  const page = await context.newPage();
  // Generous: other browser tests may be running beside this one on the same CPUs.
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}${url}`);
  return page;
}

let phone = 9_100_000_000;
/** Files a report on a feeder (by its point) and returns the ticket it made or joined. */
async function fileOn(
  feeder: Unit | null,
  text: string,
  extra: object = {},
): Promise<TicketSummary> {
  const where = feeder ? { lat: feeder.lat, lon: feeder.lon } : {};
  const res = await postReport(server.url, {
    channel: "call_centre",
    text,
    phone: String(phone++),
    ...where,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.ticket as unknown as TicketSummary;
}

async function getTicket(number: string): Promise<TicketSummary> {
  const res = await apiFetch(server.url, `/api/v1/tickets/${number}`);
  return ((await res.json()) as { ticket: TicketSummary }).ticket;
}

describe("an engineer's day in the browser", () => {
  it("drills from the state to a feeder, opens its ticket and assigns, starts and resolves it", async () => {
    const ticket = await fileOn(
      feeders[7],
      "Transformer burnt near the school, no supply since 5 am",
      { category: "supply_cut" },
    );
    expect(ticket.feederId).toBeTruthy();
    const feeder = units.get(ticket.feederId!)!;
    const trail = feeder.path; // network, state, discom, zone, circle, division, subdivision, substation, feeder

    const page = await open("/?lang=en");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Network" })
      .click();
    await page.locator("h1", { hasText: "Whole network" }).waitFor();
    for (const id of trail.slice(1)) {
      await page.locator(`.children__table tr[data-unit="${id}"] a`).click();
      await page.locator("h1", { hasText: units.get(id)!.name }).waitFor();
      if (id === trail[5]) {
        // The table is live: a new report on the feeder shows in its sub-division's row at once.
        const row = page.locator(`.children__table tr[data-unit="${trail[6]}"] td`).first();
        const before = Number(await row.innerText());
        await fileOn(feeder, "Wire snapped near the pump house", { category: "pole_wire" });
        await expect
          .poll(async () => Number(await row.innerText()), { timeout: 5000 })
          .toBe(before + 1);
        // Back up to the circle by its breadcrumb, then down again: both ways must work.
        await page.locator(`.crumbs a[data-unit="${trail[4]}"]`).click();
        await page.locator("h1", { hasText: units.get(trail[4])!.name }).waitFor();
        await page.locator(`.children__table tr[data-unit="${id}"] a`).click();
        await page.locator("h1", { hasText: units.get(id)!.name }).waitFor();
      }
    }
    expect(new URL(page.url()).pathname).toBe(`/units/${feeder.id}`);
    await page.locator(".incident-panel").waitFor();

    await page.locator(`.ticket-table tr[data-ticket="${ticket.number}"] a`).click();
    await page.locator("h1", { hasText: ticket.number }).waitFor();

    // Reassign to the sub-division's officer, with a reason.
    const officers = (await (
      await apiFetch(server.url, `/api/v1/officers?unit=${trail[5]}`)
    ).json()) as {
      officers: Array<{ id: string; unit_id: string; name: string; designation: string }>;
    };
    const sdo = officers.officers.find((o) => o.unit_id === trail[6])!;
    await page.locator('[data-action-tab="assign"]').click();
    await page
      .locator("#assign-officer option", { hasText: sdo.name })
      .first()
      .waitFor({ state: "attached" });
    await page.selectOption("#assign-officer", sdo.id);
    if (await page.locator("#assign-reason").count()) {
      await page.fill("#assign-reason", "Feeder work is with the SDO's team today");
    }
    await page.locator('form[data-action="assign"] button[type=submit]').click();
    await page
      .locator(".timeline__title", { hasText: `Assigned to ${sdo.name}, ${sdo.designation}` })
      .waitFor();
    expect((await getTicket(ticket.number)).assigneeId).toBe(sdo.id);

    await page.locator('[data-action-tab="start"]').click();
    await page.fill("#action-start-note", "Crew on the way");
    await page.locator('form[data-action="start"] button[type=submit]').click();
    await page.locator('.ticket-header [data-status="in_progress"]').waitFor();

    // A too-short note is refused next to its field, in words, before anything is sent.
    await page.locator('[data-action-tab="resolve"]').click();
    await page.fill("#action-resolve-note", "ok");
    await page.locator('form[data-action="resolve"] button[type=submit]').click();
    await page.locator(".field__error", { hasText: "resolution note is required" }).waitFor();
    await page.fill(
      "#action-resolve-note",
      "Replaced the burnt 100 kVA transformer; supply restored",
    );
    await page.locator('form[data-action="resolve"] button[type=submit]').click();
    await page.locator('.ticket-header [data-status="resolved"]').waitFor();
    const timeline = await page.locator(".timeline__list").innerText();
    expect(timeline).toContain("Status: In progress");
    expect(timeline).toContain("Crew on the way");
    expect(timeline).toContain("Replaced the burnt 100 kVA transformer");
    expect((await getTicket(ticket.number)).status).toBe("resolved");
    // Resolved work can only be closed, reopened or merged now.
    const tabs = await page
      .locator("[data-action-tab]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action-tab")));
    expect(tabs).toEqual(["confirm_otp", "reopen", "note", "merge"]);
    await page.context().close();
  });

  it("categorises and places an unplaceable report from the triage queue", async () => {
    const ticket = await fileOn(null, "Please help, very urgent, nobody is picking up the phone", {
      channel: "x",
    });
    expect(ticket.needsTriage).toBe(true);
    const feeder = feeders[21];
    const page = await open("/triage?lang=en");
    const card = page.locator(`.triage-card[data-ticket="${ticket.number}"]`);
    await card.waitFor();
    // The categoriser could not tell what this is about, so the card asks for a category too.
    await card.getByLabel("Pole / wire").check();
    await card.locator('form[data-action="categorise"] button[type=submit]').click();
    await card.locator('form[data-action="categorise"]').waitFor({ state: "detached" });
    const search = card.locator('form[data-action="place"] input[type=search]');
    await search.fill(feeder.name);
    await card.locator(`input[type=radio][value="${feeder.id}"]`).check();
    await search.press("Enter");
    await card.waitFor({ state: "detached" });
    await page.locator(".triage-page__done", { hasText: ticket.number }).waitFor();
    const placed = await getTicket(ticket.number);
    expect(placed.feederId).toBe(feeder.id);
    expect(placed.category).toBe("pole_wire");
    expect(placed.needsTriage).toBe(false);
    await page.context().close();
  });

  it("registers a call on an officer's number from the quick-entry form", async () => {
    const feeder = feeders[40];
    const division = units.get(feeder.path[5])!;
    const page = await open("/intake?lang=en");
    await page.fill("#intake-office", division.name.slice(-12));
    await page.locator(".office-hit", { hasText: division.name }).first().click();
    await page.locator("#intake-officer option").nth(1).waitFor({ state: "attached" });
    const officerId = await page.locator("#intake-officer option").nth(1).getAttribute("value");
    await page.selectOption("#intake-officer", officerId!);
    await page.fill("#intake-phone", "9811122233");
    await page.fill("#intake-text", "Meter reading not taken for three months, bill on average");
    await page.locator(".intake-form button[type=submit]").first().click();
    const filed = page.locator("[data-filed]");
    await filed.waitFor();
    const number = await filed.getAttribute("data-filed");
    await filed.getByRole("link").click();
    await page.locator("h1", { hasText: number! }).waitFor();
    expect(await page.locator(".ticket-header").innerText()).toContain("Officer's phone");
    await page.context().close();
  });
});

describe("screenshots of the operations screens", () => {
  it("writes the drill-down, ticket, triage and quick-entry screens at three sizes in two languages", async () => {
    // Reports of the last day and a half on a handful of feeders, so every SLA state shows.
    const busy = feeders.filter((_, i) => i % 9 === 0).slice(0, 24);
    for (const [hoursAgo, n] of [
      [30, 10],
      [5, 12],
      [0, 24],
    ] as const) {
      clock.offset = -hoursAgo * HOUR;
      for (let i = 0; i < n; i++) {
        const f = busy[(i * 5 + hoursAgo) % busy.length];
        const texts = [
          "बिजली सुबह से नहीं है, कोई सुनवाई नहीं",
          "Pole leaning on the road, wires hanging",
        ];
        await fileOn(f, texts[i % 2], { category: i % 2 ? "pole_wire" : "supply_cut" });
      }
    }
    clock.offset = 0;
    // An outage: many supply-cut reports on one feeder at once.
    const outage = busy[3];
    let outageTicket: TicketSummary | null = null;
    for (let i = 0; i < 8; i++) {
      outageTicket = await fileOn(outage, "Light gayi hai poore mohalle ki, transformer se awaaz", {
        category: "supply_cut",
      });
    }
    await server.app.outages.settle();
    for (const text of ["Kab aayegi light? 3 ghante ho gaye", "Bill galat aaya hai is mahine"]) {
      await fileOn(null, text, { channel: "x" });
    }
    await server.app.sweeper.runOnce();
    const division = units.get(outage.path[5])!;
    const pages: Array<[string, string, string]> = [
      ["drilldown-division", `/units/${division.id}`, ".children__table"],
      ["drilldown-feeder", `/units/${outage.id}`, ".incident"],
      ["ticket", `/tickets/${outageTicket!.number}`, ".timeline__item"],
      ["triage", "/triage", ".triage-card"],
      ["intake", "/intake", ".intake-form"],
    ];
    fs.mkdirSync(SHOTS, { recursive: true });
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ];
    for (const viewport of sizes) {
      for (const lang of ["en", "hi"]) {
        const page = await open(`/?lang=${lang}`, viewport);
        for (const [name, url, ready] of pages) {
          await page.goto(`${server.url}${url}?lang=${lang}`);
          await page.locator(ready).first().waitFor();
          await page.waitForFunction(
            () => !document.querySelector(".panel-state:not(.panel-state--error)"),
          );
          await page.waitForTimeout(400);
          const file = `ops-${name}-${viewport.width}x${viewport.height}-${lang}.png`;
          await page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
          expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        }
        await page.context().close();
      }
    }
    const written = fs.readdirSync(SHOTS).filter((f) => f.startsWith("ops-") && f.endsWith(".png"));
    expect(written.length).toBeGreaterThanOrEqual(30);
  }, 480_000);
});
