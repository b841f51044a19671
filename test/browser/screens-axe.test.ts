import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoUser } from "../support/auth.js";
import type { NetworkPayload } from "../../shared/network.js";
import { apiFetch, startTestServer, type TestServer } from "../support/server.js";
import {
  assertBuilt,
  causeOutage,
  launch,
  ROOT,
  seed,
  signedInContext,
} from "./screens-helpers.js";

/**
 * axe-core (the engine behind Lighthouse's accessibility audit) on every screen, in both
 * languages: no serious or critical violation anywhere, with data on the screens.
 */
const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

let server: TestServer;
let browser: Browser;
let circleId: string;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
  const network = (await (await apiFetch(server.url, "/api/v1/network")).json()) as NetworkPayload;
  const feeders = network.units.filter((u) => u.kind === "feeder");
  await seed(server.url, feeders, 120, { parallel: 8 });
  await causeOutage(server.url, feeders[7]);
  circleId = network.units.find((u) => u.kind === "circle" && feeders[7].path.includes(u.id))!.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Screen {
  path: string;
  as: DemoUser | null;
  /** Shown once the screen has drawn its data. */
  ready: string;
}

const screens = (): Screen[] => [
  { path: "/", as: "control", ready: ".map-panel .leaflet-container[data-feeder-circles]" },
  { path: "/summary", as: "minister", ready: ".summary-tile, [data-tile]" },
  { path: "/track", as: null, ready: "form" },
  { path: `/units/${circleId}`, as: "control", ready: ".map-panel .leaflet-container[data-zoom]" },
  { path: "/scorecards", as: "admin", ready: "table" },
  { path: "/settings", as: "admin", ready: "table" },
  { path: "/officers", as: "admin", ready: "table" },
  { path: "/about", as: "control", ready: "h1" },
  {
    path: "/wall?views=state,charts&every=600",
    as: "control",
    ready: ".map-panel .leaflet-container[data-zoom]",
  },
  { path: "/login", as: null, ready: "form" },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the debugger protocol, so the page's CSP (scripts only from here) allows it.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> };
    };
    const result = await w.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

describe("axe on every screen", () => {
  for (const lng of ["en", "hi"] as const) {
    it(`finds no serious or critical violation on any screen in ${lng}`, async () => {
      const found: string[] = [];
      for (const screen of screens()) {
        const url = `${server.url}${screen.path}${screen.path.includes("?") ? "&" : "?"}lang=${lng}`;
        const context = await signedInContext(
          browser,
          server.url,
          { width: 1366, height: 768 },
          screen.as,
        );
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        page.setDefaultNavigationTimeout(60_000);
        await page.goto(url);
        await page
          .locator(screen.ready)
          .first()
          // Rendered is enough for an audit (whether the map shows is the map tests' business);
          // a loaded machine can take a while to lay out a map over 10,000 tickets.
          .waitFor({ state: "attached", timeout: 60_000 })
          .catch((err: Error) => {
            throw new Error(`${screen.path}: ${err.message}`);
          });
        // Let live data and lazily loaded panels (charts) settle before the audit.
        await page.waitForTimeout(1500);
        const bad = (await axe(page)).filter(
          (v) => v.impact === "serious" || v.impact === "critical",
        );
        for (const v of bad)
          found.push(
            `${screen.path} [${lng}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
              .map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`)
              .join("\n    ")}`,
          );
        await context.close();
      }
      expect(found, found.join("\n")).toEqual([]);
    }, 300_000);
  }
});
