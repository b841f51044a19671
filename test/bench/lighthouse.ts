/**
 * Lighthouse 12 performance of the three screens issue #9 names, on a server seeded with 10,500
 * open tickets and 50 outages (the control room's worst case on this machine, not a handful):
 * `/` with the desktop preset, `/summary` and `/track` with the mobile default (4x CPU, slow 4G,
 * simulated). Each screen is run `runs` times; the median run's figures are reported, with the
 * spread of scores, because one run on a shared machine moves by several points.
 *
 * Needs Debian's Chromium (never downloaded) and a production build of the client (React's
 * development build is several times slower and was once measured by mistake: see
 * isDevelopmentBuild).
 */
import lighthouse, { desktopConfig } from "lighthouse";
import { launch as launchChrome } from "chrome-launcher";
import type { NetworkPayload } from "../../shared/network.js";
import { signIn } from "../support/auth.js";
import { apiFetch, startTestServer } from "../support/server.js";
import { assertBuilt, seedBusyDay } from "../browser/screens-helpers.js";

export interface LighthouseFigures {
  path: string;
  form: "desktop" | "mobile";
  /** The median run's score (0-100), and the lowest and highest of the runs. */
  score: number;
  min: number;
  max: number;
  tbt_ms: number;
  lcp_ms: number;
  cls: number;
  /** Runs that could not measure the page (Lighthouse's runtimeError), left out of the figures. */
  failed: number;
}

const SCREENS: { path: string; form: "desktop" | "mobile"; as: "control" | "minister" | null }[] = [
  { path: "/", form: "desktop", as: "control" },
  { path: "/summary", form: "mobile", as: "minister" },
  // The consumer's page: no sign-in.
  { path: "/track", form: "mobile", as: null },
];

export async function lighthouseFigures(opts: {
  feeders: number;
  tickets: number;
  outages: number;
  runs: number;
}): Promise<LighthouseFigures[]> {
  assertBuilt();
  const server = await startTestServer({
    config: { NETWORK_FEEDERS: opts.feeders, NETWORK_CONSUMERS: opts.feeders * 20 },
  });
  const chrome = await launchChrome({
    chromePath: "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const network = (await (
      await apiFetch(server.url, "/api/v1/network")
    ).json()) as NetworkPayload;
    const feeders = network.units.filter((u) => u.kind === "feeder");
    await seedBusyDay(server, feeders, opts.tickets, opts.outages);
    const out: LighthouseFigures[] = [];
    const failed: string[] = [];
    const only = process.env.BENCH_LIGHTHOUSE_PATHS?.split(",");
    for (const screen of SCREENS.filter((x) => !only || only.includes(x.path))) {
      const cookie = screen.as ? (await signIn(server.url, screen.as)).cookie : undefined;
      const runs: Omit<LighthouseFigures, "min" | "max" | "failed">[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const result = await lighthouse(
          `${server.url}${screen.path}`,
          {
            port: chrome.port,
            onlyCategories: ["performance"],
            extraHeaders: cookie ? { Cookie: cookie } : undefined,
            logLevel: "error",
          },
          screen.form === "desktop" ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`lighthouse gave no result for ${screen.path}`);
        const { lhr } = result;
        // A run that could not measure (no paint, a navigation error) scores 0: say why, and leave
        // it out of the median rather than report a page that never loaded as a slow one.
        if (lhr.runtimeError) {
          failed.push(`${screen.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          console.error(`lighthouse ${screen.path}: ${lhr.runtimeError.code}`, lhr.runWarnings);
          continue;
        }
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        runs.push({
          path: screen.path,
          form: screen.form,
          score: Math.round((lhr.categories.performance.score ?? 0) * 100),
          tbt_ms: Math.round(audit("total-blocking-time")),
          lcp_ms: Math.round(audit("largest-contentful-paint")),
          cls: Number(audit("cumulative-layout-shift").toFixed(3)),
        });
      }
      if (runs.length === 0) throw new Error(`no Lighthouse run of ${screen.path} measured`);
      const sorted = [...runs].sort((a, b) => a.score - b.score);
      const median = sorted[Math.floor(sorted.length / 2)];
      out.push({
        ...median,
        min: sorted[0].score,
        max: sorted[sorted.length - 1].score,
        failed: opts.runs - runs.length,
      });
    }
    if (failed.length) console.error(`lighthouse runs that failed:\n${failed.join("\n")}`);
    return out;
  } finally {
    chrome.kill();
    await server.close();
  }
}
