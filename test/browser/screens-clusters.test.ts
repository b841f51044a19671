import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";
import {
  apart,
  assertBuilt,
  type Box,
  causeOutage,
  feedersOf,
  launch,
  SIZES,
  seedInProcess,
  shot,
  signedInContext,
} from "./screens-helpers.js";

/**
 * The map at a state's scale: 20,000 feeders and more than 10,000 open tickets. Feeders group into
 * circles whose numbers never overlap, at any zoom and screen size; an optional tile layer
 * (MAP_TILE_URL) is drawn under the labelled base with its credit.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({
    config: { NETWORK_FEEDERS: 20_000, NETWORK_CONSUMERS: 40_000 },
  });
  browser = await launch();
  const feeders = await feedersOf(server.url);
  await seedInProcess(server, feeders, 10_200);
  for (let i = 0; i < 5; i++) await causeOutage(server.url, feeders[i * 3989 + 11]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const map = (page: Page) => page.locator(".map-panel .leaflet-container");

/** Opens a page with generous timeouts: these tests run on a busy, shared machine. */
async function visit(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await signedInContext(browser, url, viewport, "control");
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  await page.goto(url);
  return page;
}

async function openMap(path: string, viewport: { width: number; height: number }) {
  const page = await visit(`${server.url}${path}`, viewport);
  await page.waitForFunction(() => !document.querySelector(".map-panel__state"));
  await page.locator(".map-panel .feeder-label").first().waitFor();
  return page;
}

/** The numbers on the map as the page lays them out, within the map's own box. */
async function clusterLabels(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const frame = document.querySelector(".map-panel .leaflet-container")!.getBoundingClientRect();
    return [...document.querySelectorAll(".map-panel .feeder-label")]
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? "" };
      })
      .filter(
        (r) =>
          r.x + r.width > frame.x &&
          r.x < frame.x + frame.width &&
          r.y + r.height > frame.y &&
          r.y < frame.y + frame.height,
      );
  });
}

function overlapping(boxes: readonly Box[]): [Box, Box] | null {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (!apart(boxes[i], boxes[j])) return [boxes[i], boxes[j]];
  return null;
}

/** Open tickets a label stands for ("1.2k" is 1,150 to 1,249). */
const atLeast = (text: string) =>
  text.endsWith("k") ? (Number(text.slice(0, -1)) - 0.05) * 1000 : Number(text);

describe("feeders grouped at 10,000 open tickets", () => {
  it("never draws two numbers over each other, at any screen size or zoom", async () => {
    for (const size of SIZES) {
      const page = await openMap("/?lang=en", size);
      const zooms: number[] = [];
      for (let step = 0; step < 3; step++) {
        // Let the live counts settle and the canvas redraw after the zoom.
        await page.waitForTimeout(600);
        const labels = await clusterLabels(page);
        expect(Number(await map(page).getAttribute("data-feeder-circles"))).toBeGreaterThan(0);
        expect(overlapping(labels), `${size.width}px, step ${step}`).toBeNull();
        zooms.push(Number(await map(page).getAttribute("data-zoom")));
        if (step === 0) {
          expect(labels.length, `${size.width}px`).toBeGreaterThan(5);
          // The whole network in view: the groups hold all 10,200 seeded tickets and more.
          const shown = labels.reduce((sum, l) => sum + atLeast(l.text), 0);
          expect(shown).toBeGreaterThan(5000);
          await shot(page, `map-clusters-${size.width}x${size.height}-en`);
        }
        await page.locator(".map-panel .leaflet-control-zoom-in").click();
        await expect
          .poll(async () => Number(await map(page).getAttribute("data-zoom")))
          .toBeGreaterThan(zooms.at(-1)! + 0.5);
      }
      await page.context().close();
    }
  }, 180_000);

  it("keeps the wall's larger numbers apart too", async () => {
    const page = await openMap("/wall?views=state&every=600&lang=hi", {
      width: 1920,
      height: 1080,
    });
    const labels = await clusterLabels(page);
    expect(labels.length).toBeGreaterThan(0);
    expect(overlapping(labels)).toBeNull();
    await shot(page, "map-clusters-wall-1920x1080-hi");
    await page.context().close();
  }, 60_000);

  it("draws no tiles without MAP_TILE_URL: the labelled base stands alone", async () => {
    const page = await openMap("/?lang=en", { width: 1366, height: 768 });
    expect(await page.locator(".map-panel .leaflet-tile").count()).toBe(0);
    expect(Number(await map(page).getAttribute("data-place-labels"))).toBeGreaterThan(5);
    await page.context().close();
  }, 60_000);
});

describe("MAP_TILE_URL", () => {
  it("draws the configured tiles under the base, credited, and the CSP lets them load", async () => {
    // A tile server of our own: every tile is a 1x1 grey PNG; requests are counted.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    const requested: string[] = [];
    const tiles = http.createServer((req, res) => {
      requested.push(req.url ?? "");
      res.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" });
      res.end(png);
    });
    await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
    const port = (tiles.address() as AddressInfo).port;
    const tiled = await startTestServer({
      config: {
        MAP_TILE_URL: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`,
        MAP_TILE_ATTRIBUTION: "Tiles © Test & Co",
      },
    });
    try {
      const page = await visit(`${tiled.url}/?lang=en`, { width: 1366, height: 768 });
      await page.locator(".map-panel .leaflet-tile-loaded").first().waitFor();
      expect(requested.some((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
      expect(await page.locator(".leaflet-control-attribution").innerText()).toContain(
        "Tiles © Test & Co",
      );
      // The base's own names are still drawn over the tiles.
      await expect
        .poll(async () => Number(await map(page).getAttribute("data-place-labels")))
        .toBeGreaterThan(5);
      await page.context().close();
    } finally {
      await tiled.close();
      await new Promise((resolve) => tiles.close(resolve));
    }
  }, 90_000);
});
