import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { postReport, startTestServer, type TestServer, apiFetch } from "../support/server.js";
import {
  apart,
  assertBuilt,
  boxesOf,
  causeOutage,
  digits,
  feedersOf,
  launch,
  shot,
  signedInContext,
} from "./screens-helpers.js";

/**
 * What each screen shows must match the store: outages drawn at their feeder, alarms that survive a
 * reload, the triage queue's oldest ticket first, the minister's totals adding up.
 */
let server: TestServer;
let browser: Browser;
let feeders: Unit[];
let outageFeeders: Unit[];

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
  feeders = await feedersOf(server.url);
  // Three outages far apart: west, middle and east of the network.
  const byLon = [...feeders].sort((a, b) => a.lon - b.lon);
  outageFeeders = [byLon[3], byLon[Math.floor(byLon.length / 2)], byLon[byLon.length - 4]];
  for (const f of outageFeeders) await causeOutage(server.url, f);
  // More unplaced complaints than the old client read (1,000 newest): the oldest must still lead.
  let next = 0;
  const worker = async () => {
    while (next < 1050) {
      const i = next++;
      const res = await postReport(server.url, { channel: "app", text: `kuch gadbad hai ${i}` });
      if (res.status !== 201) throw new Error(`seed: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 12 }, worker));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page with generous timeouts: these tests run on a busy, shared machine. */
async function visit(path: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await signedInContext(browser, server.url, viewport, "control");
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Web Mercator pixel position at a zoom (the projection Leaflet draws with). */
function project(u: { lat: number; lon: number }, zoom: number): { x: number; y: number } {
  const size = 256 * 2 ** zoom;
  const phi = (u.lat * Math.PI) / 180;
  return {
    x: ((u.lon + 180) / 360) * size,
    y: ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size,
  };
}

/** Each outage marker's centre on the page, keyed by the feeder named in its title. */
async function markers(page: Page): Promise<Map<string, { x: number; y: number }>> {
  const out = new Map<string, { x: number; y: number }>();
  for (const m of await page.locator(".map-panel .incident-marker").all()) {
    const box = (await m.boundingBox())!;
    const title = (await m.getAttribute("title")) ?? "";
    out.set(title.slice(title.indexOf(":") + 2), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
  }
  return out;
}

async function expectMarkersAtFeeders(page: Page, shown: Unit[]): Promise<void> {
  const map = page.locator(".map-panel .leaflet-container");
  await page.waitForFunction(
    (n) => document.querySelectorAll(".map-panel .incident-marker").length >= n,
    shown.length,
  );
  // Let any fit-to-bounds animation settle before measuring.
  await page.waitForTimeout(600);
  const zoom = Number(await map.getAttribute("data-zoom"));
  const box = (await map.boundingBox())!;
  const at = await markers(page);
  const [a, ...rest] = shown;
  const pa = at.get(a.name)!;
  expect(pa, `marker for ${a.name}`).toBeDefined();
  for (const f of shown) {
    const p = at.get(f.name)!;
    expect(p, `marker for ${f.name}`).toBeDefined();
    expect(p.x).toBeGreaterThan(box.x);
    expect(p.x).toBeLessThan(box.x + box.width);
    expect(p.y).toBeGreaterThan(box.y);
    expect(p.y).toBeLessThan(box.y + box.height);
  }
  // Relative to the first, each marker sits where its feeder projects (within 3 px).
  for (const f of rest) {
    const want = {
      x: project(f, zoom).x - project(a, zoom).x,
      y: project(f, zoom).y - project(a, zoom).y,
    };
    const got = at.get(f.name)!;
    expect(Math.abs(got.x - pa.x - want.x)).toBeLessThan(3);
    expect(Math.abs(got.y - pa.y - want.y)).toBeLessThan(3);
  }
}

describe("outages on the map", () => {
  it("draws each outage marker inside the control room's map at its feeder's position", async () => {
    const page = await visit(`/?lang=en`);
    await page.locator(".badge[data-status=live]").waitFor();
    await expectMarkersAtFeeders(page, outageFeeders);
    await page.context().close();
  });

  it("shows the outages of a circle on its drill-down map", async () => {
    const f = outageFeeders[1];
    const circle = f.path[4];
    const inCircle = outageFeeders.filter((o) => o.path.includes(circle));
    const page = await visit(`/units/${circle}?lang=en`);
    await expectMarkersAtFeeders(page, inCircle);
    // The unit's names make room for the markers: none is drawn under one.
    const map = page.locator(".map-panel .leaflet-container");
    await expect
      .poll(async () => Number(await map.getAttribute("data-place-labels")))
      .toBeGreaterThan(3);
    const names = await boxesOf(page, ".map-panel .place-label__text");
    const marks = await boxesOf(page, ".map-panel .incident-marker");
    for (const n of names)
      for (const m of marks) expect(apart(n, m), `${n.text} under an outage marker`).toBe(true);
    await shot(page, "drill-down-outages-1366x768-en");
    await page.context().close();
  });
});

describe("alarms", () => {
  it("lists the open outages after a reload, and an outage's report count follows new reports", async () => {
    const page = await visit(`/?lang=en`);
    await page.locator(".badge[data-status=live]").waitFor();
    await page.reload();
    await page.locator(".badge[data-status=live]").waitFor();
    const alarms = page.locator("[data-alarm=incident]");
    await expect.poll(() => alarms.count(), { timeout: 10_000 }).toBe(outageFeeders.length);
    const f = outageFeeders[0];
    const row = alarms.filter({ hasText: f.name });
    const before = digits((await row.innerText()).split(":")[1].split("reports")[0]);
    expect(before).toBeGreaterThanOrEqual(8);
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "No power here either",
      category: "supply_cut",
      lat: f.lat,
      lon: f.lon,
      phone: "9876512345",
    });
    expect(res.status).toBe(201);
    await expect
      .poll(async () => digits((await row.innerText()).split(":")[1].split("reports")[0]), {
        timeout: 10_000,
      })
      .toBe(before + 1);
    await page.context().close();
  });
});

describe("the triage queue", () => {
  it("starts with the oldest open ticket that needs triage in the store", async () => {
    const oldest = await server.app.store.kysely
      .selectFrom("tickets")
      .select("number")
      .where("needs_triage", "=", 1)
      .where("status", "in", ["new", "assigned", "in_progress", "resolved", "reopened"])
      .orderBy("created_at", "asc")
      .orderBy("id", "asc")
      .executeTakeFirstOrThrow();
    const page = await visit(`/triage?lang=en`);
    const first = page.locator(".triage-card").first();
    await first.waitFor();
    expect(await first.getAttribute("data-ticket")).toBe(oldest.number);
    await page.context().close();
  });
});

describe("the minister's summary", () => {
  it("adds up: the states plus 'not yet placed' equal the whole network, figure by figure", async () => {
    const page = await visit(`/summary?lang=en`);
    await page.locator(".summary-tile[data-unit=network]").waitFor();
    const figure = async (unit: string, id: string) =>
      digits(
        await page
          .locator(`.summary-tile[data-unit=${unit}] [data-figure=${id}] .summary-figure__value`)
          .innerText(),
      );
    const line = await page.locator("[data-testid=not-placed]").innerText();
    const [received, open, breached] = (line.match(/\d[\d,]*/g) ?? []).map(digits);
    expect(open).toBeGreaterThanOrEqual(1050);
    const unplaced: Record<string, number> = { received, open, breached };
    for (const id of ["received", "open", "breached"]) {
      const states = (await figure("UP", id)) + (await figure("BR", id));
      expect(states + unplaced[id]).toBe(await figure("network", id));
    }
    await page.context().close();
  });
});

describe("place names on the map", () => {
  it("labels districts at the default zoom, without hovering and without a tile server", async () => {
    const page = await visit(`/?lang=hi`);
    const map = page.locator(".map-panel .leaflet-container");
    await expect
      .poll(async () => Number(await map.getAttribute("data-place-labels")), { timeout: 60_000 })
      .toBeGreaterThan(15);
    const names = await page.locator(".place-label__text").allInnerTexts();
    // In the screen's language: every label is a district's Hindi name.
    const network = (await (
      await apiFetch(server.url, "/api/v1/network")
    ).json()) as NetworkPayload;
    const hindi = new Set(network.districts.map((d) => d.nameHi));
    for (const n of names) expect(hindi, n).toContain(n);
    // No two labels overlap.
    const boxes = await boxesOf(page, ".place-label__text");
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(apart(boxes[i], boxes[j]), `${names[i]} / ${names[j]}`).toBe(true);
    await page.context().close();
  });
});
