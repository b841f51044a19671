/**
 * Measures the control room (`/`, desktop 1920x1080) in headless Chromium against a test server
 * seeded with more than 10,000 open tickets: total blocking time (long tasks over 50 ms, summed
 * beyond their first 50 ms, as Lighthouse counts it), LCP, CLS, and bytes transferred (all and the
 * network document alone). Not a test: a figure to compare before and after a change.
 *
 *   npx tsx scripts/measure-control-room.ts [feeders=3000] [tickets=10500] [runs=3]
 *
 * Needs the client built (`npx vite build`). CPU is not throttled: on a shared machine the
 * figures vary with its load, so compare runs made one after another.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession } from "playwright-core";
import type { NetworkPayload } from "../shared/network.js";
import { signIn } from "../test/support/auth.js";
import { apiFetch, startTestServer } from "../test/support/server.js";
import {
  assertBuilt,
  launch,
  seedBusyDay,
  signedInContext,
} from "../test/browser/screens-helpers.js";

const [feeders = 3000, tickets = 10_500, runs = 3] = process.argv.slice(2).map(Number);

interface Figures {
  tbtMs: number;
  longestTaskMs: number;
  lcpMs: number;
  cls: number;
  bytes: number;
  networkDocBytes: number;
  readyMs: number;
}

/** Installed before any page script runs: collects long tasks, LCP and layout shifts. */
const OBSERVE = `
  window.__perf = { long: [], lcp: 0, cls: 0 };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __perf.long.push(e.duration); })
    .observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __perf.lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) __perf.cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

/**
 * Where the main thread's time went: the profile goes to a file and test/bench/profile-top.ts
 * (the bench's reader) prints its top functions, by self time or with PROFILE=total inclusive.
 */
function printProfile(profile: unknown): void {
  const file = path.join(os.tmpdir(), `control-room-${Date.now()}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  const total = process.env.PROFILE === "total";
  const reader = fileURLToPath(new URL("../test/bench/profile-top.ts", import.meta.url));
  const args = ["--import", "tsx", reader, file, `--n=${total ? 60 : 25}`];
  console.error(
    execFileSync(process.execPath, total ? [...args, "--total"] : args, { encoding: "utf8" }),
  );
  console.error(`(profile kept in ${file})`);
}

async function main(): Promise<void> {
  assertBuilt();
  // MEASURE_DATA_DIR keeps the seeded store between runs (seed once, measure before and after).
  const dataDir = process.env.MEASURE_DATA_DIR;
  const seeded = !!dataDir && fs.existsSync(path.join(dataDir, "seeded"));
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const server = await startTestServer({
    config: { NETWORK_FEEDERS: feeders, NETWORK_CONSUMERS: feeders * 20 },
    ...(dataDir ? { dataDir, keepData: true } : {}),
  });
  const browser = await launch();
  try {
    const network = (await (
      await apiFetch(server.url, "/api/v1/network")
    ).json()) as NetworkPayload;
    const feederUnits = network.units.filter((u) => u.kind === "feeder");
    if (!seeded) {
      console.error(`seeding ${tickets} tickets on ${feederUnits.length} feeders...`);
      await seedBusyDay(server, feederUnits, tickets, 50);
      if (dataDir) fs.writeFileSync(path.join(dataDir, "seeded"), "");
    }
    const results: Figures[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await signedInContext(browser, server.url, { width: 1920, height: 1080 });
      const page = await context.newPage();
      await page.addInitScript(OBSERVE);
      const cdp: CDPSession = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      let bytes = 0;
      let networkDocBytes = 0;
      const urls = new Map<string, string>();
      cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
      cdp.on("Network.loadingFinished", (e) => {
        bytes += e.encodedDataLength;
        if (/\/api\/v1\/network/.test(urls.get(e.requestId) ?? ""))
          networkDocBytes += e.encodedDataLength;
      });
      // PROFILE=1: where the main thread's time goes (self time per function, top 25).
      if (process.env.PROFILE) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
        await cdp.send("Profiler.start");
      }
      const start = Date.now();
      await page.goto(`${server.url}/`);
      await page.locator(".badge[data-status=live]").waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !document.querySelector(".map-panel__state"), null, {
        timeout: 60_000,
      });
      await page.locator("[data-feeder-circles]").waitFor({ timeout: 60_000 });
      const readyMs = Date.now() - start;
      if (process.env.PROFILE) printProfile((await cdp.send("Profiler.stop")).profile);
      // Lighthouse's window: until the main thread has been quiet for a while.
      await page.waitForTimeout(3000);
      const perf = (await page.evaluate("window.__perf")) as {
        long: number[];
        lcp: number;
        cls: number;
      };
      results.push({
        tbtMs: Math.round(perf.long.reduce((s, d) => s + Math.max(0, d - 50), 0)),
        longestTaskMs: Math.round(Math.max(0, ...perf.long)),
        lcpMs: Math.round(perf.lcp),
        cls: Number(perf.cls.toFixed(4)),
        bytes,
        networkDocBytes,
        readyMs,
      });
      console.error(JSON.stringify(results.at(-1)));
      await page.context().close();
    }
    const median = (k: keyof Figures) =>
      results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
    const keys: (keyof Figures)[] = [
      "tbtMs",
      "longestTaskMs",
      "lcpMs",
      "cls",
      "bytes",
      "networkDocBytes",
      "readyMs",
    ];
    console.log(
      JSON.stringify({
        feeders,
        tickets,
        runs,
        median: Object.fromEntries(keys.map((k) => [k, median(k)])),
      }),
    );
    // HOLD_SECONDS: keep the seeded server up for a by-hand Lighthouse run against it.
    const hold = Number(process.env.HOLD_SECONDS ?? 0);
    if (hold > 0) {
      const session = await signIn(server.url, "control");
      console.log(JSON.stringify({ url: server.url, cookie: session.cookie }));
      await new Promise((resolve) => setTimeout(resolve, hold * 1000));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
