import fs from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShutdownListResponse, ShutdownResponse } from "../../shared/notices.js";
import type { Unit } from "../../shared/network.js";
import { apiJson, startTestServer, type TestServer } from "../support/server.js";
import {
  assertBuilt,
  causeOutage,
  feedersOf,
  HOUR,
  launch,
  openPage,
  seed,
  shot,
  SIZES,
} from "./screens-helpers.js";

/**
 * The notices screen (schedule a planned shutdown, see notices per outage) and the control-room
 * map telling planned from unplanned outages, in both languages at three sizes.
 */
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let server: TestServer;
let browser: Browser;
let feeders: Unit[];
let planned: Unit;

beforeAll(async () => {
  assertBuilt();
  // On the real clock: without this, from 22:00 to 07:00 IST (the default quiet hours) the
  // notices wait and the screen rightly shows none told yet (quiet hours: outage-notices.test.ts).
  server = await startTestServer({ config: { NOTICE_QUIET_HOURS: "off" } });
  browser = await launch();
  feeders = await feedersOf(server.url);
  await seed(server.url, feeders, 60, { offset: 3 });
  // An unplanned outage (inferred from eight calls) and a planned shutdown under way elsewhere.
  await causeOutage(server.url, feeders[5]);
  await server.app.outages.settle();
  await server.app.notices.outages.settle();
  planned = feeders[40];
  const res = await apiJson<ShutdownResponse>(server.url, "/api/v1/shutdowns", "POST", {
    feederIds: [planned.id, feeders[41].id],
    reason: "Transformer maintenance",
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
  });
  if (res.status !== 201) throw new Error(`shutdown: HTTP ${res.status}`);
  await server.app.sweeper.runOnce();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openNotices(lang: "en" | "hi", viewport: { width: number; height: number }) {
  const page = await openPage(browser, `${server.url}/notices?lang=${lang}`, viewport);
  await page.locator("[data-incident]").first().waitFor();
  await page.locator("[data-shutdown]").first().waitFor();
  return page;
}

async function axeViolations(page: Page, selector: string) {
  // Evaluated rather than added as a script tag: the app's CSP rightly refuses inline scripts.
  await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: string,
          ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(sel);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
}

describe("the notices screen", () => {
  it("schedules a shutdown from the form: checks fields first, then lists it with its notices", async () => {
    const page = await openNotices("en", { width: 1366, height: 768 });
    // Nothing chosen: each field says what it needs, and nothing is sent.
    await page.getByRole("button", { name: "Schedule and notify consumers" }).click();
    await expect.poll(() => page.locator(".notices-form .field__error").count()).toBeGreaterThan(0);
    await expect(page.locator(".notices-form").innerText()).resolves.toContain(
      "Choose at least one feeder",
    );

    const feeder = feeders[77];
    await page.getByLabel("Find a feeder").fill(feeder.name);
    await page.locator(`.adm-picker__hit[data-unit="${feeder.id}"]`).click();
    await expect(page.locator(`.notices-chip[data-feeder="${feeder.id}"]`).count()).resolves.toBe(
      1,
    );
    await page.getByLabel("Reason (consumers read this)").fill("Line shifting for road widening");
    await page.getByRole("button", { name: "Schedule and notify consumers" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Shutdown SHD-.* scheduled/ })
      .waitFor();
    const card = page.locator(".notices-list [data-shutdown]").filter({ hasText: feeder.name });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain("Line shifting for road widening");
    await expect(card.innerText()).resolves.toContain("Scheduled");
    await page.context().close();
  });

  it("shows per outage who was told and the calls saved, and passes axe", async () => {
    const page = await openNotices("hi", { width: 1366, height: 768 });
    const outage = page.locator("[data-incident]").first();
    // Everyone on the feeder and the eight callers were planned and handed to the outbox.
    const told = Number((await outage.locator("[data-count=told]").innerText()).replace(/\D/g, ""));
    expect(told).toBeGreaterThanOrEqual(8);
    await expect(outage.innerText()).resolves.toContain("बची कॉलें");
    const violations = await axeViolations(page, ".notices-page");
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.context().close();
  });

  it("looks right at three sizes in both languages", async () => {
    for (const lang of ["en", "hi"] as const) {
      for (const size of SIZES) {
        const page = await openNotices(lang, size);
        await page.evaluate(() => document.fonts.ready);
        // Nothing sticks out sideways on any size.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await shot(page, `notices-${lang}-${size.width}x${size.height}`, size.width === 390);
        await page.context().close();
      }
    }
  });
});

describe("the control-room map", () => {
  it("draws planned shutdowns apart from unplanned outages, with both in the legend, in both languages", async () => {
    const legend = {
      en: ["Unplanned outage (inferred)", "Planned shutdown"],
      hi: ["अनियोजित आउटेज (अनुमानित)", "नियोजित कटौती"],
    };
    for (const lang of ["en", "hi"] as const) {
      for (const size of SIZES) {
        const page = await openPage(browser, `${server.url}/?lang=${lang}`, size);
        await page.locator(".badge[data-status=live]").waitFor({ timeout: 15_000 });
        await page.locator(".shutdown-marker").first().waitFor();
        await page.locator(".incident-marker").first().waitFor();
        // One marker per feeder of every shutdown not yet over (the form test adds one).
        const current = await apiJson<ShutdownListResponse>(
          server.url,
          "/api/v1/shutdowns?current=true",
          "GET",
        );
        const expected = current.body.shutdowns.reduce((n, s) => n + s.feeders.length, 0);
        expect(expected).toBeGreaterThanOrEqual(2);
        expect(await page.locator(".shutdown-marker").count()).toBe(expected);
        const name = lang === "hi" ? planned.nameHi : planned.name;
        const title = `${legend[lang][1]}: ${name}`;
        expect(await page.locator(`.shutdown-marker[title="${title}"]`).count()).toBe(1);
        const text = await page.locator(".map-legend").innerText();
        for (const label of legend[lang]) expect(text).toContain(label);
        await page.locator(".map-legend").scrollIntoViewIfNeeded();
        await shot(page, `notices-map-${lang}-${size.width}x${size.height}`);
        await page.context().close();
      }
    }
  });
});
