import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../support/server.js";
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
  spaNavigate,
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
  const network = (await (await apiFetch(server.url, "/api/v1/network")).json()) as NetworkPayload;
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
    const url = `${server.url}/wall?views=state,worst&every=1&lang=en`;
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
    await page.locator(".wall[data-slide=worst]").waitFor({ timeout: 3000 });
    await page.locator(".wall[data-slide=state]").waitFor({ timeout: 3000 });
    expect(await banner.innerText()).toMatch(/These numbers are from (\d+ sec ago|now)\./);
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
    const views = `views=state,${discom.id},worst,charts`;
    const page = await openPage(browser, `${server.url}/wall?${views}&every=0.1&lang=en`, {
      width: 1366,
      height: 768,
    });
    await waitLive(page);
    const cdp = await page.context().newCDPSession(page);
    const rotations = await page.evaluateHandle(() => {
      const counter = { n: 0 };
      new MutationObserver(() => counter.n++).observe(document.querySelector(".wall")!, {
        attributes: true,
        attributeFilter: ["data-slide-index"],
      });
      return counter;
    });
    const count = () => rotations.evaluate((c) => c.n);
    // To measure, the same wall is told (in its address, as a kiosk would be) to stay on one slide
    // for a day: the same slide each time, nothing churning while the garbage is collected.
    const measure = async () => {
      await spaNavigate(page, `/wall?${views}&every=86400&lang=en`);
      // Counted once the slide's data has arrived, so a late chart is not mistaken for a leak.
      // Rotating ten times a second runs into the server's limit on resubscribing: the wall must
      // not call that offline, and must ask again by itself once the limit allows (within 10 s).
      await page.waitForLoadState("networkidle");
      await page.waitForFunction(
        () =>
          document.querySelector(".wall[data-status=live]") !== null &&
          document.querySelector(".wall__main .panel-state, .map-panel__state") === null,
        undefined,
        { timeout: 20_000 },
      );
      // The map slide keeps drawing (labels thinned by zoom, markers) for a moment after its data
      // arrives: wait until the page's element count holds still before counting.
      // Place names and feeder-group numbers are redrawn from the data each time the map idles
      // (how many fit depends on the moment's counts and collisions), so they are left out of the
      // count of elements on the page; the DOM counter below still holds them.
      const elements = () =>
        page.evaluate(
          () =>
            document.getElementsByTagName("*").length -
            document.querySelectorAll(".leaflet-place-labels-pane *, .leaflet-feeder-labels-pane *")
              .length,
        );
      let attached = await elements();
      for (let settled = 0; settled < 3;) {
        await page.waitForTimeout(250);
        const now = await elements();
        settled = now === attached ? settled + 1 : 0;
        attached = now;
      }
      // Blink frees detached nodes lazily (its own collector runs after V8's, on idle time), so
      // one reading may still hold the slide before last; the least of six readings, spaced
      // out, is what is really still held.
      const readings: { heap: number; nodes: number; listeners: number }[] = [];
      for (let i = 0; i < 6; i++) {
        await cdp.send("HeapProfiler.collectGarbage");
        await page.waitForTimeout(300);
        await cdp.send("HeapProfiler.collectGarbage");
        const dom = await cdp.send("Memory.getDOMCounters");
        const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
        readings.push({ heap, nodes: dom.nodes, listeners: dom.jsEventListeners });
      }
      const least = (key: "heap" | "nodes" | "listeners") =>
        Math.min(...readings.map((r) => r[key]));
      const slide = await page.locator(".wall").getAttribute("data-slide-index");
      await spaNavigate(page, `/wall?${views}&every=0.1&lang=en`);
      return {
        slide,
        heap: least("heap"),
        nodes: least("nodes"),
        listeners: least("listeners"),
        attached,
      };
    };
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(24);
    const baseline = await measure();
    const from = await count();
    await expect.poll(count, { timeout: 40_000, interval: 250 }).toBeGreaterThanOrEqual(from + 100);
    const end = await measure();
    console.log(`wall after ${await count()} rotations:`, JSON.stringify({ baseline, end }));
    expect(end.slide).toBe(baseline.slide);
    expect(end.attached).toBeLessThanOrEqual(baseline.attached * 1.05 + 20);
    // Blink sometimes still holds one slide drawn earlier (the readings come in two modes, about
    // 480 nodes and 800 listeners or 740 and 2,100, whichever the rotations ended on, and do not
    // grow with them): the bound allows one such slide, while a leak of even a few nodes or a
    // dozen listeners per rotation, over a hundred rotations, still fails.
    const oneHeldSlide = { nodes: 300, listeners: 1_400 };
    expect(end.nodes).toBeLessThanOrEqual(baseline.nodes * 1.1 + oneHeldSlide.nodes);
    expect(end.listeners).toBeLessThanOrEqual(baseline.listeners * 1.1 + oneHeldSlide.listeners);
    expect(end.heap).toBeLessThanOrEqual(baseline.heap * 1.3 + 3_000_000);
    await page.context().close();
  }, 150_000);

  it("writes screenshots of every slide at three sizes in English and Hindi", async () => {
    // One page, moved between slides and languages without reloads: 24 screenshots in seconds.
    const page = await openPage(browser, `${server.url}/wall?views=state&lang=en`, SIZES[0]);
    await waitLive(page);
    await page.locator(".map-legend").waitFor();
    // An outage while watching: the alarm and the pulsing marker show on the network's slide.
    await causeOutage(server.url, feeders[60]);
    await page.locator(".alarm--incident").waitFor();
    await page.locator(".incident-marker").first().waitFor();
    for (const viewport of SIZES) {
      await page.setViewportSize(viewport);
      for (const lang of ["en", "hi"]) {
        for (const view of ["state", discom.id, "worst", "charts"]) {
          await spaNavigate(page, `/wall?views=${view}&lang=${lang}`);
          await page.locator(`html[lang=${lang}]`).waitFor();
          if (view === "worst") {
            await page.locator("[data-chart=worst] .recharts-surface").first().waitFor();
          } else if (view === "charts") {
            await page.locator("[data-chart=hourly] .recharts-surface").first().waitFor();
            await page.locator("[data-chart=sla] .recharts-surface").first().waitFor();
          } else {
            const slide = view === "state" ? "state" : "unit";
            await page.locator(`.wall[data-slide=${slide}][data-status=live]`).waitFor();
            await page.waitForFunction(() => !document.querySelector(".map-panel__state"));
            // Within a resubscribe the server asked to wait for (see the rate limit above).
            await expect.poll(() => openTiles(page), { timeout: 15_000 }).toBeGreaterThan(0);
          }
          await page.waitForTimeout(150);
          const slide = view === discom.id ? "unit" : view;
          const name = `wall-${slide}-${viewport.width}x${viewport.height}-${lang}`;
          await shot(page, name, viewport.width < 600);
        }
      }
    }
    await page.context().close();
  }, 90_000);
});
