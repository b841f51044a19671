import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { NetworkPayload, Unit } from "../../shared/network.js";
import { signIn, type DemoUser } from "../support/auth.js";
import { ingestReport } from "../../server/intake/ingest.js";
import { apiFetch, postReport, type TestServer } from "../support/server.js";
import { isDevelopmentBuild } from "../support/global-setup.js";

/** Shared by the screens-*.test.ts browser tests: one way to start chromium, seed and screenshot. */

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SHOTS = path.join(ROOT, "screenshots");
export const HOUR = 3600_000;

export const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, "dist/client/index.html"))) {
    throw new Error("dist/client is not built: the vitest globalSetup builds it");
  }
  if (isDevelopmentBuild(ROOT)) {
    throw new Error("dist/client is React's development build: run `npx vite build` (production)");
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/**
 * A browser context signed in as a demo user (the session cookie the sign-in page would get), or
 * signed out with `as: null`, for the public pages.
 */
export async function signedInContext(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  as: DemoUser | null = "control",
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  if (!as) return context;
  const session = await signIn(new URL(url).origin, as);
  const [name, value] = session.cookie.split("=");
  await context.addCookies([
    { name, value, url: new URL(url).origin, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
  as: DemoUser | null = "control",
): Promise<Page> {
  const context = await signedInContext(browser, url, viewport, as);
  const page = await context.newPage();
  // A failing step names its locator well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return page;
}

export async function feedersOf(url: string): Promise<Unit[]> {
  const network = (await (await apiFetch(url, "/api/v1/network")).json()) as NetworkPayload;
  return network.units.filter((u) => u.kind === "feeder");
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

/**
 * Report `i` of a seed: its feeder (spread over the network by a stride prime to its size) and a
 * text; `parallel` workers take the next index until `count` are filed.
 */
async function seedWith(
  feeders: readonly Unit[],
  count: number,
  opts: { offset?: number; parallel?: number },
  parallelDefault: number,
  file: (i: number, feeder: Unit, text: (typeof TEXTS)[number]) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const f = feeders[(i * 7919 + (opts.offset ?? 0)) % feeders.length];
      await file(i, f, TEXTS[i % TEXTS.length]);
    }
  };
  await Promise.all(Array.from({ length: opts.parallel ?? parallelDefault }, worker));
}

/** Files `count` reports spread over the feeders, `parallel` at a time (the writer groups commits). */
export async function seed(
  url: string,
  feeders: readonly Unit[],
  count: number,
  opts: { offset?: number; parallel?: number } = {},
): Promise<void> {
  await seedWith(feeders, count, opts, 8, async (_i, f, t) => {
    const res = await postReport(url, { ...t, lat: f.lat, lon: f.lon });
    if (res.status !== 201) throw new Error(`seed report: HTTP ${res.status}`);
  });
}

/**
 * Files `count` reports spread over the feeders through the intake itself (the same command path
 * as the HTTP route, without its round trips): 10,000 open tickets in seconds rather than minutes.
 */
export async function seedInProcess(
  server: TestServer,
  feeders: readonly Unit[],
  count: number,
  opts: { offset?: number; parallel?: number } = {},
): Promise<void> {
  await seedWith(feeders, count, opts, 64, async (i, f, t) => {
    // Different phones: each report is its own ticket, not a repeat of the last one.
    await ingestReport(server.app.intake, {
      ...t,
      lat: f.lat,
      lon: f.lon,
      phone: `9${String(300_000_000 + i + 100_000 * (opts.offset ?? 0))}`,
    });
  });
}

/**
 * A control room on a bad day, the load the screen measurements use: `tickets` open tickets over
 * the feeders and `outages` inferred outages spread across the network.
 */
export async function seedBusyDay(
  server: TestServer,
  feeders: readonly Unit[],
  tickets: number,
  outages: number,
): Promise<void> {
  await seedInProcess(server, feeders, tickets);
  for (let i = 0; i < outages; i++)
    await causeOutage(server.url, feeders[(i * 37) % feeders.length]);
}

let outages = 0;

/**
 * Eight supply-cut reports from different consumers on one feeder: the watcher infers an outage.
 * Every call uses new phone numbers, or the reports would join the last outage's tickets.
 */
export async function causeOutage(url: string, feeder: Unit): Promise<void> {
  const base = 43_210 + 100 * outages++;
  for (let i = 0; i < 8; i++) {
    const res = await postReport(url, {
      channel: "call_centre",
      text: `No power in our lane since morning, house ${i + 1}`,
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
      phone: `98765${String(base + i)}`,
    });
    if (res.status !== 201) throw new Error(`outage report: HTTP ${res.status}`);
  }
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A shared 2-core machine under load can starve the renderer for seconds: wait longer than
  // Playwright's default rather than fail a picture of a page that is fine.
  await page.screenshot({
    path: path.join(SHOTS, `${name}.png`),
    fullPage,
    animations: "disabled",
    timeout: 45_000,
  });
}

/** Digits of a figure as shown ("12,34,567" or "₹1,234" -> 1234567 / 1234); NaN for "–". */
export function digits(text: string): number {
  const d = text.replace(/[^0-9]/g, "");
  return d ? Number(d) : NaN;
}

/** Moves the single-page app to `path` without a reload (as its own links do): fast screenshots. */
export async function spaNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** An element's box on the page, with its text. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** The boxes of what a selector matches, as the page lays them out. */
export function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? "" };
    }),
  );
}

/** Two boxes that do not overlap (touching edges is apart). */
export const apart = (a: Box, b: Box): boolean =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
