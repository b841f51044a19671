import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { signedInContext } from "./screens-helpers.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../support/server.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(ROOT, "screenshots");
const HOUR = 3600_000;

/** Real time shifted by `offset`, so reports can be filed "hours ago" and then age into SLA states. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let feeders: Unit[];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist/client/index.html"))) {
    throw new Error(
      "dist/client is not built: the vitest globalSetup (test/support/global-setup.ts) builds it",
    );
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
  feeders = network.units.filter((u) => u.kind === "feeder");
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openControlRoom(
  query: string,
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const context = await signedInContext(browser, server.url, viewport, "control");
  const page = await context.newPage();
  await page.goto(`${server.url}/${query}`);
  await page.locator(".badge[data-status=live]").waitFor({ timeout: 15_000 });
  return page;
}

async function openCount(page: Page): Promise<number> {
  const text = await page.locator("[data-tile=open] .tile__value").innerText();
  return Number(text.replace(/[^0-9]/g, ""));
}

const TEXTS = [
  {
    text: "No power since 6 am in our colony, transformer burnt",
    category: "supply_cut",
    channel: "call_centre",
  },
  { text: "बिजली सुबह से नहीं है, कोई सुनवाई नहीं हो रही", category: "supply_cut", channel: "whatsapp" },
  { text: "Pole gir gaya hai road par, taar latak rahe hain", category: "pole_wire", channel: "x" },
  {
    text: "Meter bahut tez chal raha hai, bill double aaya",
    category: "meter_jumping",
    channel: "app",
  },
  { text: "बिल गलत आया है, रीडिंग नहीं ली गई", category: "bill_generation", channel: "portal" },
  {
    text: "Meter reading not taken for three months",
    category: "meter_reading",
    channel: "officer_phone",
  },
] as const;

/** Files reports spread over the network, some "hours ago" so the map shows every SLA state. */
async function seedReports(count: number, hoursAgo: number): Promise<void> {
  clock.offset = -hoursAgo * HOUR;
  for (let i = 0; i < count; i++) {
    const f = feeders[(i * 37 + hoursAgo * 11) % feeders.length];
    const t = TEXTS[(i + hoursAgo) % TEXTS.length];
    const res = await postReport(server.url, { ...t, lat: f.lat, lon: f.lon });
    expect(res.status).toBe(201);
  }
  clock.offset = 0;
}

describe("control room in a browser", () => {
  it("shows a new report in the live feed and the open tickets going up", async () => {
    const page = await openControlRoom("?lang=en");
    const before = await openCount(page);
    const feeder = feeders[3];
    const res = await postReport(server.url, {
      channel: "whatsapp",
      text: "Browser check: no supply on our street since morning",
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
    });
    expect(res.status).toBe(201);
    const row = page.locator(`.feed-row[data-ticket="${res.body.ticket?.number}"]`);
    await row.waitFor({ timeout: 5000 });
    expect(await row.innerText()).toContain("Browser check: no supply");
    expect(await row.innerText()).toContain("WhatsApp");
    expect(await row.innerText()).toContain("Supply cut");
    await expect.poll(() => openCount(page), { timeout: 5000 }).toBe(before + 1);
    await page.context().close();
  });

  it("catches up on what it missed after the server drops the connection", async () => {
    const page = await openControlRoom("?lang=en");
    // Live can be shown a moment before the snapshot's counts are drawn: start from the store's.
    const before = server.app.projections.counts("network").open;
    await expect.poll(() => openCount(page), { timeout: 15_000 }).toBe(before);
    server.app.io.of("/live").disconnectSockets(true);
    await page.locator(".badge[data-status=reconnecting]").waitFor({ timeout: 15_000 });
    expect(await page.locator(".badge").innerText()).toContain("data is stale");
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "Missed while offline: pole leaning on the main road",
      category: "pole_wire",
      lat: feeders[5].lat,
      lon: feeders[5].lon,
    });
    await page.locator(".badge[data-status=live]").waitFor({ timeout: 15_000 });
    await page
      .locator(`.feed-row[data-ticket="${res.body.ticket?.number}"]`)
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => openCount(page), { timeout: 15_000 }).toBe(before + 1);
    await page.context().close();
  });

  it("speaks Hindi from ?lang=hi and switches with one click, remembering the choice", async () => {
    const page = await openControlRoom("?lang=hi");
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    expect(await page.locator("[data-tile=open] .tile__label").innerText()).toBe("खुली शिकायतें");
    expect(await page.locator(".badge").innerText()).toContain("लाइव");
    expect(await page.locator("#feed-title").innerText()).toBe("लाइव शिकायतें");

    await page.getByTestId("lang-toggle").click();
    expect(await page.locator("[data-tile=open] .tile__label").innerText()).toBe("Open tickets");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");

    await page.getByTestId("lang-toggle").click();
    await page.goto(`${server.url}/`);
    await page.locator(".badge[data-status=live]").waitFor();
    expect(await page.locator("[data-tile=open] .tile__label").innerText()).toBe("खुली शिकायतें");
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    await page.context().close();
  });

  it("writes screenshots of the control room and the About page", async () => {
    await seedReports(12, 30);
    await seedReports(10, 4);
    await seedReports(30, 0);
    for (let i = 0; i < 3; i++) {
      await postReport(server.url, { channel: "x", text: "Light nahi hai, kab aayegi? @discom" });
    }
    await server.app.sweeper.runOnce();
    fs.mkdirSync(SHOTS, { recursive: true });
    const sizes = [
      { width: 1920, height: 1080 },
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ];
    for (const viewport of sizes) {
      for (const lang of ["en", "hi"]) {
        const page = await openControlRoom(`?lang=${lang}`, viewport);
        await page.locator(".map-legend").waitFor();
        // Generous: in the full suite another file's browser shares the two cores, and once a
        // first row took longer than Playwright's default 30 s to appear.
        await page.locator(".feed-row").first().waitFor({ timeout: 60_000 });
        await page.waitForFunction(() => !document.querySelector(".map-panel__state"));
        await page.waitForTimeout(500);
        const name = `control-room-${viewport.width}x${viewport.height}-${lang}`;
        await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
        if (viewport.width < 600)
          await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), fullPage: true });

        await page
          .getByRole("link", { name: lang === "en" ? "About" : "परिचय" })
          .first()
          .click();
        await page.locator(".about__table").waitFor();
        expect(await page.locator("h1").innerText()).toBe(
          lang === "en" ? "About Nigrani" : "निगरानी का परिचय",
        );
        await page.screenshot({
          path: path.join(SHOTS, `about-${viewport.width}x${viewport.height}-${lang}.png`),
          fullPage: true,
        });
        await page.context().close();
      }
    }
    expect(fs.readdirSync(SHOTS).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(
      14,
    );
  }, 180_000);
});
