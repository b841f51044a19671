import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { postReport, startTestServer, type TestServer } from "../support/server.js";
import {
  assertBuilt,
  causeOutage,
  digits,
  HOUR,
  launch,
  openPage,
  seed,
  shot,
  SIZES,
} from "./screens-helpers.js";

const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let feeders: Unit[];
let discom: Unit;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({ clock, keepData: true });
  browser = await launch();
  const network = (await (await fetch(`${server.url}/api/v1/network`)).json()) as NetworkPayload;
  feeders = network.units.filter((u) => u.kind === "feeder");
  // The discom with the most feeders in this small network, so its slide has something to show.
  const perDiscom = new Map<string, number>();
  for (const f of feeders) perDiscom.set(f.path[2], (perDiscom.get(f.path[2]) ?? 0) + 1);
  const busiest = [...perDiscom].sort((a, b) => b[1] - a[1])[0][0];
  discom = network.units.find((u) => u.id === busiest)!;
  clock.offset = -30 * HOUR;
  await seed(server.url, feeders, 20, { offset: 5 });
  clock.offset = -4 * HOUR;
  await seed(server.url, feeders, 20, { offset: 6 });
  clock.offset = 0;
  await seed(server.url, feeders, 40, { offset: 7 });
  await server.app.sweeper.runOnce();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTiles(page: Page): Promise<number> {
  return digits(await page.locator("[data-tile=open] .tile__value").innerText());
}

async function waitLive(page: Page, timeout = 15_000): Promise<void> {
  await page.locator(".wall[data-status=live]").waitFor({ timeout });
}

describe("wall mode in a browser", () => {
  it("stays a kiosk, says loudly when it is not live and how old its numbers are, and recovers by itself", async () => {
    const url = `${server.url}/wall?views=state,worst&every=2&lang=en`;
    const page = await openPage(browser, url, { width: 1920, height: 1080 });
    await waitLive(page);
    // No controls, no links, no navigation: nothing on a wall leads away from it.
    expect(await page.locator("a[href], nav, button, input, select").count()).toBe(0);
    expect(await page.getByTestId("stale-banner").count()).toBe(0);
    await page.locator(".wall[data-slide=state]").waitFor();
    await expect.poll(() => openTiles(page)).toBeGreaterThan(0);
    const before = await openTiles(page);

    const port = Number(new URL(server.url).port);
    await server.close();
    const banner = page.getByTestId("stale-banner");
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toMatch(/NOT LIVE|OFFLINE/);
    // It keeps rotating while offline, and the banner says how old the numbers are.
    await page.locator(".wall[data-slide=worst]").waitFor({ timeout: 5000 });
    await page.locator(".wall[data-slide=state]").waitFor({ timeout: 5000 });
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toMatch(
      /These numbers are from \d+ sec ago\./,
    );
    await shot(page, "wall-1920x1080-en-stale");

    // The server comes back on the same port with the same data; the wall reconnects on its own.
    server = await startTestServer({
      clock,
      dataDir: server.dataDir,
      keepData: true,
      config: { PORT: port },
    });
    await waitLive(page, 30_000);
    expect(await banner.count()).toBe(0);
    await page.locator(".wall[data-slide=state]").waitFor({ timeout: 5000 });
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "After the restart: no supply in sector 4",
      category: "supply_cut",
      lat: feeders[40].lat,
      lon: feeders[40].lon,
    });
    expect(res.status).toBe(201);
    await expect.poll(() => openTiles(page), { timeout: 10_000 }).toBe(before + 1);
    expect(page.url()).toBe(url);

    // A reload (kiosks reload) comes back to the same playlist, live.
    await page.reload();
    await waitLive(page);
    expect(page.url()).toBe(url);
    expect(await page.locator("a[href], nav, button").count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("keeps its DOM and JS heap flat over a hundred rotations", async () => {
    const page = await openPage(
      browser,
      `${server.url}/wall?views=state,${discom.id},worst,charts&every=0.3&lang=en`,
      { width: 1366, height: 768 },
    );
    await waitLive(page);
    const cdp = await page.context().newCDPSession(page);
    const rotations = await page.evaluateHandle(() => {
      const counter = { n: 0 };
      const wall = document.querySelector(".wall")!;
      new MutationObserver(() => counter.n++).observe(wall, {
        attributes: true,
        attributeFilter: ["data-slide-index"],
      });
      return counter;
    });
    const count = () => rotations.evaluate((c) => c.n);
    // Node counts differ from slide to slide, and the wall keeps rotating while we measure: sample
    // every 50 ms in the page and keep the largest count seen on each slide.
    await page.evaluate(() => {
      const w = window as unknown as { __maxNodes: Record<string, number> };
      w.__maxNodes = {};
      setInterval(() => {
        const slide = document.querySelector(".wall")?.getAttribute("data-slide-index") ?? "?";
        const n = document.getElementsByTagName("*").length;
        w.__maxNodes[slide] = Math.max(w.__maxNodes[slide] ?? 0, n);
      }, 50);
    });
    const takeMaxNodes = () =>
      page.evaluate(() => {
        const w = window as unknown as { __maxNodes: Record<string, number> };
        const out = w.__maxNodes;
        w.__maxNodes = {};
        return out;
      });
    /** After a full garbage collection; the smallest of a few readings, whichever slide shows. */
    const measure = async () => {
      let heap = Infinity;
      let nodes = Infinity;
      let listeners = Infinity;
      for (let i = 0; i < 5; i++) {
        await cdp.send("HeapProfiler.collectGarbage");
        heap = Math.min(heap, (await cdp.send("Runtime.getHeapUsage")).usedSize);
        const dom = await cdp.send("Memory.getDOMCounters");
        nodes = Math.min(nodes, dom.nodes);
        listeners = Math.min(listeners, dom.jsEventListeners);
        await page.waitForTimeout(150);
      }
      return { heap, nodes, listeners };
    };
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    await takeMaxNodes();
    await expect.poll(count, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(24);
    const baseline = { ...(await measure()), dom: await takeMaxNodes() };
    await expect.poll(count, { timeout: 40_000, interval: 500 }).toBeGreaterThanOrEqual(84);
    await takeMaxNodes();
    await expect.poll(count, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(100);
    const end = { ...(await measure()), dom: await takeMaxNodes() };
    console.log(`wall after ${await count()} rotations:`, JSON.stringify({ baseline, end }));
    for (const [slide, n] of Object.entries(end.dom)) {
      if (baseline.dom[slide] !== undefined)
        expect(n, `DOM nodes on slide ${slide}`).toBeLessThanOrEqual(baseline.dom[slide] * 1.1 + 50);
    }
    expect(end.nodes).toBeLessThanOrEqual(baseline.nodes * 1.25 + 500);
    expect(end.listeners).toBeLessThanOrEqual(baseline.listeners * 1.1 + 50);
    expect(end.heap).toBeLessThanOrEqual(baseline.heap * 1.3 + 3_000_000);
    await page.context().close();
  }, 90_000);

  it("writes screenshots of every slide at three sizes in English and Hindi", async () => {
    for (const viewport of SIZES) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      for (const lang of ["en", "hi"]) {
        for (const view of ["state", discom.id, "worst", "charts"]) {
          await page.goto(`${server.url}/wall?views=${view}&lang=${lang}`);
          await waitLive(page);
          if (view === "worst") await page.locator("[data-chart=worst] .recharts-surface").first().waitFor();
          else if (view === "charts")
            await page.locator("[data-chart=hourly] .recharts-surface").first().waitFor();
          else {
            await page.locator(".map-legend").waitFor();
            await page.waitForFunction(() => !document.querySelector(".map-panel__state"));
            await expect.poll(() => openTiles(page)).toBeGreaterThan(0);
          }
          if (view === "state" && viewport.width === 1920) {
            // An outage while watching: the alarm and the pulsing marker.
            await causeOutage(server.url, feeders[lang === "en" ? 60 : 120]);
            await page.locator(".alarm--incident").waitFor();
            await page.locator(".incident-marker").first().waitFor();
          }
          await page.waitForTimeout(300);
          const slide = view === discom.id ? "unit" : view;
          const name = `wall-${slide}-${viewport.width}x${viewport.height}-${lang}`;
          await shot(page, name);
          if (viewport.width < 600) await shot(page, `${name}-full`, true);
        }
      }
      await context.close();
    }
  }, 150_000);
});
