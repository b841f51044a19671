import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { apiFetch, startTestServer, type TestServer } from "../support/server.js";
import {
  assertBuilt,
  causeOutage,
  digits,
  HOUR,
  launch,
  openPage,
  seed,
  shot,
} from "./screens-helpers.js";

/**
 * The control room on a generated network of 20,000 feeders (NETWORK_FEEDERS=20000): the map must
 * draw and pan smoothly, and the control room's own controls must work.
 */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let network: NetworkPayload;
let feeders: Unit[];

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({
    clock,
    config: { NETWORK_FEEDERS: 20_000, NETWORK_CONSUMERS: 40_000 },
  });
  browser = await launch();
  network = (await (await apiFetch(server.url, "/api/v1/network")).json()) as NetworkPayload;
  feeders = network.units.filter((u) => u.kind === "feeder");
  // Old open tickets owe lakhs of rupees; many current ones light up thousands of feeders.
  clock.offset = -20 * 24 * HOUR;
  await seed(server.url, feeders, 200, { offset: 11, parallel: 16 });
  clock.offset = 0;
  await seed(server.url, feeders, 1000, { offset: 12, parallel: 16 });
  await server.app.sweeper.runOnce();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const map = (page: Page) => page.locator(".map-panel .leaflet-container");
const zoomOf = async (page: Page) => Number(await map(page).getAttribute("data-zoom"));

async function openControlRoom(query: string, viewport = { width: 1920, height: 1080 }) {
  const page = await openPage(browser, `${server.url}/${query}`, viewport);
  page.setDefaultTimeout(20_000);
  await page.locator(".badge[data-status=live]").waitFor();
  await page.waitForFunction(() => !document.querySelector(".map-panel__state"));
  await map(page).and(page.locator("[data-feeder-circles]")).waitFor();
  return page;
}

describe("the map with 20,000 feeders", () => {
  it("draws every feeder on one canvas in milliseconds and stays smooth while panning and zooming", async () => {
    const page = await openControlRoom("?lang=en");
    const draw = async () => ({
      ms: Number(await map(page).getAttribute("data-feeder-draw-ms")),
      circles: Number(await map(page).getAttribute("data-feeder-circles")),
      idle: Number(await map(page).getAttribute("data-feeder-idle")),
    });
    const first = await draw();
    // Zoomed out, a thousand active feeders merge into tens of circles that never touch.
    expect(first.circles).toBeGreaterThan(20);
    expect(first.circles).toBeLessThan(1500);
    expect(first.idle).toBeGreaterThan(1000);

    // Count long frames while the map is dragged and wheel-zoomed.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = (await map(page).boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const draws: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let s = 1; s <= 10; s++) await page.mouse.move(cx + s * 25, cy + s * 8);
      await page.mouse.up();
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(450);
      draws.push((await draw()).ms);
    }
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(450);
    draws.push((await draw()).ms);
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const long = frames.filter((f) => f > 100).length;
    console.log(
      "20k feeders:",
      JSON.stringify({
        firstDraw: first,
        drawsMs: draws,
        frames: frames.length,
        p95FrameMs: p95.toFixed(1),
        longFrames: long,
      }),
    );
    // Timings are reported above, not asserted (speed belongs to measurement, not to pass/fail);
    // what is asserted is that the map kept drawing frames through the drags and zooms.
    expect(frames.length).toBeGreaterThan(10);
    expect(draws).toHaveLength(4);
    await page.context().close();
  }, 90_000);
});

describe("the control room's controls", () => {
  it("zooms to a picked unit or a clicked district, switches shading, and remembers both in the address", async () => {
    const page = await openControlRoom("?lang=en", { width: 1366, height: 768 });
    const start = await zoomOf(page);
    expect(await page.locator(".map-panel").getAttribute("data-shading")).toBe("per10k");
    expect(await page.locator(".map-legend").innerText()).toContain(
      "Open tickets per 10,000 consumers",
    );

    await page.getByRole("radio", { name: "open tickets" }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("shade")).toBe("absolute");
    expect(await page.locator(".map-legend").innerText()).toContain("Open tickets per district");

    const discom =
      network.units.find((u) => u.id === "PuVVNL") ??
      network.units.find((u) => u.kind === "discom")!;
    await page.getByTestId("unit-picker").selectOption(discom.id);
    await expect.poll(() => new URL(page.url()).searchParams.get("unit")).toBe(discom.id);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(start + 0.5);
    expect(await page.getByRole("link", { name: "Open drill-down →" }).getAttribute("href")).toBe(
      `/units/${discom.id}`,
    );

    // Back to the whole network, then a click on a district zooms to it.
    await page.getByTestId("unit-picker").selectOption("");
    await expect.poll(() => zoomOf(page)).toBeLessThan(start + 0.3);
    await page.reload();
    await page.locator(".badge[data-status=live]").waitFor();
    await expect
      .poll(() => page.locator(".map-panel").getAttribute("data-shading"))
      .toBe("absolute");
    await map(page).and(page.locator("[data-zoom]")).waitFor();
    // The district shapes mount a few dozen per frame after the map (turns.ts): a click before
    // the one under the pointer is drawn lands on the bare map.
    await page.locator(".leaflet-container[data-districts-drawn]").waitFor();
    const before = await zoomOf(page);
    const box = (await map(page).boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.42, box.y + box.height * 0.5);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(before + 1);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(() => zoomOf(page)).toBeLessThan(before + 0.3);
    await page.context().close();
  }, 60_000);

  it("raises an alarm for a new outage, with a pulsing marker and an optional sound, and opens a ticket from the feed", async () => {
    const page = await openControlRoom("?lang=en");
    expect(await page.locator(".alarms").getAttribute("data-alarms")).toBe("0");
    const sound = page.getByTestId("alarm-sound");
    expect(await sound.getAttribute("aria-pressed")).toBe("false");
    await sound.click();
    expect(await sound.getAttribute("aria-pressed")).toBe("true");

    await causeOutage(server.url, feeders[4321]);
    const alarm = page.locator(".alarm--incident").first();
    await alarm.waitFor();
    // The alarm appears with the incident and fills in its count as the reports are joined.
    await expect
      .poll(() => alarm.innerText(), { timeout: 15_000 })
      .toContain(`${feeders[4321].name}: 8 reports`);
    await page.locator(".incident-marker").first().waitFor();
    expect(await page.locator(".map-legend").innerText()).toContain("Feeder outage (incident)");
    await shot(page, "control-room-alarm-1920x1080-en");

    // The sound choice is remembered; dismissing clears the alarm.
    await page.getByRole("button", { name: "Dismiss this alarm" }).first().click();
    await expect.poll(() => page.locator(".alarms").getAttribute("data-alarms")).toBe("0");

    const row = page.locator(".feed-row").first();
    const number = await row.getAttribute("data-ticket");
    await row.locator(".feed-row__open").click();
    await page.waitForURL(`**/tickets/${number}`);
    await page.goBack();
    await page.locator(".badge[data-status=live]").waitFor();
    expect(await page.getByTestId("alarm-sound").getAttribute("aria-pressed")).toBe("true");
    await page.context().close();
  }, 60_000);

  it("can be worked from the keyboard alone", async () => {
    const page = await openControlRoom("?lang=en", { width: 1366, height: 768 });
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return "";
          return (
            el.dataset.testid ??
            (el.getAttribute("type") === "radio" ? `radio:${el.getAttribute("value")}` : null) ??
            (el.classList.contains("feed-row__open") ? "feed-link" : null) ??
            (el.classList.contains("leaflet-container") ? "map" : null) ??
            el.textContent?.trim().slice(0, 30) ??
            el.tagName
          );
        }),
      );
    }
    for (const expected of [
      "unit-picker",
      "radio:per10k",
      "map",
      "Reset view",
      "alarm-sound",
      "feed-link",
    ]) {
      expect([...reached], expected).toContain(expected);
    }
    // Arrow keys switch the shading like any radio group; Enter on a feed row opens its ticket.
    await page.locator("input[value=per10k]").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => new URL(page.url()).searchParams.get("shade")).toBe("absolute");
    const link = page.locator(".feed-row__open").first();
    const href = await link.getAttribute("href");
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${href}`);
    await page.context().close();
  }, 60_000);

  it("speaks Hindi with Indian digit grouping in tiles and charts", async () => {
    const page = await openControlRoom("?lang=en");
    const owed = page.locator("[data-tile=compensation] .tile__value");
    await expect.poll(async () => digits(await owed.innerText())).toBeGreaterThanOrEqual(100_000);
    const en = await owed.innerText();
    // Lakhs: ₹1,23,456 rather than ₹123,456.
    expect(en).toMatch(/^₹\d{1,2},\d{2},\d{3}$/);
    expect(await page.locator("[data-tile=open] .tile__value").innerText()).toMatch(
      /^\d{1,2},\d{3}$/,
    );
    await page.locator("[data-chart=hourly] .recharts-surface").first().waitFor();

    await page.getByTestId("lang-toggle").click();
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    expect(await page.locator("[data-tile=compensation] .tile__label").innerText()).toBe(
      "देय क्षतिपूर्ति",
    );
    expect(await page.locator("[data-tile=breached] .tile__label").innerText()).toBe(
      "समय सीमा पार",
    );
    expect(await owed.innerText()).toBe(en);
    expect(await page.locator("[data-chart=hourly] h2").innerText()).toBe("आज प्रति घंटा शिकायतें");
    expect(await page.locator("[data-chart=worst] h2").innerText()).toBe("10 सबसे पीछे खंड");
    expect(await page.locator(".map-legend").innerText()).toContain(
      "प्रति 10,000 उपभोक्ता खुली शिकायतें",
    );
    expect(await page.locator("[data-chart=categories]").innerText()).toContain(
      "बिजली आपूर्ति बाधित",
    );
    await causeOutage(server.url, feeders[9876]);
    await page.locator(".alarm--incident").first().waitFor();
    expect(await page.locator(".alarm--incident").first().innerText()).toContain("शिकायतें");
    await shot(page, "control-room-alarm-1920x1080-hi");
    await page.context().close();
  }, 60_000);
});
