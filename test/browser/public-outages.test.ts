import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unit } from "../../shared/network.js";
import type { PublicOutages } from "../../shared/public.js";
import { apiJson, startTestServer, type TestServer } from "../support/server.js";
import { consumerOn, raiseOutageOn } from "../server/public/support.js";
import { assertBuilt, launch, openPage, ROOT, shot, SIZES } from "./screens-helpers.js";

/**
 * The public /outages page in Chromium, signed out: what it shows against the feed, search by
 * place in both scripts, who to call, what a phone downloads, axe, and screenshots at three sizes
 * in both languages.
 */
let server: TestServer;
let browser: Browser;
let outageFeeders: Unit[];
let account: string;
let je: { name: string; phone: string };
let sdoPhone: string;

const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

async function open(viewport: { width: number; height: number }, query = "") {
  // The page's CSP allows no inline script; axe is injected as one, so the tests bypass it.
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/outages${query}`);
  await page.locator("[data-outage]").first().waitFor();
  return page;
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const r = await axe.run({ runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
  const { app } = server;
  // Outages in three different districts.
  const seen = new Set<string>();
  outageFeeders = app.network.feeders
    .filter((f) => f.districtId && !seen.has(f.districtId) && seen.add(f.districtId))
    .slice(0, 3);
  for (const f of outageFeeders) await raiseOutageOn(server.url, app, f, 3);
  const home = outageFeeders[0];
  account = (await consumerOn(app, home, 0.95)).account;
  const officer = app.officers.holder(app.network, home.path, "je")!;
  je = { name: officer.name, phone: officer.phone };
  sdoPhone = app.officers.holder(app.network, home.path, "sdo")!.phone;
  await apiJson(server.url, `/api/v1/officers/${officer.id}/public-phone`, "PUT", { public: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("/outages", () => {
  it("lists every current outage by district, with the feed's figures", async () => {
    const feed = (await (
      await fetch(`${server.url}/api/v1/public/outages`)
    ).json()) as PublicOutages;
    const page = await open({ width: 1366, height: 768 }, "?lang=en");
    expect(await page.locator("[data-outage]").count()).toBe(feed.outages.length);
    expect(await page.locator("[data-district]").count()).toBe(3);
    const headline = await page.getByTestId("headline").innerText();
    expect(headline).toContain(`${feed.totals.outages} power cuts`);
    expect(headline).toContain(
      `${new Intl.NumberFormat("en-IN").format(feed.totals.consumersAffected)} consumers`,
    );
    for (const o of feed.outages) {
      const card = page.locator(`[data-outage="${o.id}"]`);
      await expect(card.innerText()).resolves.toContain(o.feeders[0].name.en);
      await expect(card.innerText()).resolves.toContain("Restoration time not yet known");
    }
    // Desktop shows the map at once, one marker per feeder that is off.
    await page.locator(".incident-marker").first().waitFor();
    expect(await page.locator(".leaflet-marker-icon.incident-marker").count()).toBe(
      feed.totals.feeders,
    );
    await page.context().close();
  });

  it("finds outages by a district's Hindi name and by a feeder's English name", async () => {
    const page = await open({ width: 390, height: 844 }, "?lang=hi");
    const target = outageFeeders[1];
    const district = server.app.network.districts.get(target.districtId!)!;
    await page.getByTestId("outage-search").fill(district.nameHi);
    await expect.poll(() => page.locator("[data-district]").count()).toBe(1);
    expect(await page.locator("[data-district]").getAttribute("data-district")).toBe(district.id);
    await page.getByTestId("outage-search").fill(target.name.toLowerCase());
    await expect.poll(() => page.locator("[data-outage]").count()).toBe(1);
    await page.getByTestId("outage-search").fill("Nowhere-at-all");
    await expect.poll(() => page.locator("[data-outage]").count()).toBe(0);
    await expect(page.locator(".outages__results").innerText()).resolves.toContain("1912");
    await page.context().close();
  });

  it("tells a consumer who to call from their account number, with only published numbers", async () => {
    const page = await open({ width: 390, height: 844 }, "?lang=en");
    await page.getByTestId("call-value").fill(account);
    await page.getByRole("button", { name: "Find" }).click();
    const result = page.getByTestId("call-result");
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain(outageFeeders[0].name);
    expect(text).toContain(je.name);
    expect(text).toContain(je.phone);
    expect(text).not.toContain(sdoPhone);
    expect(text).toContain("Number not published: call 1912");
    expect(text).toContain("There is a power cut on your feeder now");
    await shot(page, "outages-call-390-en", true);
    await page.context().close();
  });

  it("keeps a phone's first load small: no Leaflet until the map is asked for", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const loaded: { url: string; bytes: number }[] = [];
    page.on("requestfinished", (req) => {
      void req
        .sizes()
        .then((s) =>
          loaded.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize }),
        );
    });
    await page.goto(`${server.url}/outages?lang=hi`, { waitUntil: "networkidle" });
    await page.locator("[data-outage]").first().waitFor();
    const total = loaded.reduce((n, r) => n + r.bytes, 0);
    const scripts = loaded.filter((r) => r.url.endsWith(".js"));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `/outages on a phone: ${loaded.length} requests, ${kb(total)} transferred:\n` +
        loaded.map((r) => `  ${kb(r.bytes).padStart(9)}  ${new URL(r.url).pathname}`).join("\n"),
    );
    expect(scripts.some((r) => /OutageMap|PlaceLabels|leaflet/i.test(r.url))).toBe(false);
    expect(loaded.some((r) => r.url.includes("districts.geojson"))).toBe(false);
    // The page's own chunk is a small part of what the phone fetched.
    // Its code, its style and its strings (a chunk the officers' screen shares).
    const own = loaded.filter((r) => /\/assets\/(Outages|outages-i18n)-/.test(r.url));
    expect(own.map((r) => path.extname(new URL(r.url).pathname)).sort()).toEqual([
      ".css",
      ".js",
      ".js",
    ]);
    expect(own.reduce((n, r) => n + r.bytes, 0)).toBeLessThan(16 * 1024);

    const before = loaded.length;
    await page.getByRole("button", { name: "नक्शा दिखाएँ" }).click();
    await page.locator(".leaflet-marker-icon.incident-marker").first().waitFor();
    await page.locator(".place-label").first().waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const map = loaded.slice(before);
    console.log(
      `the map, on request: ${map.length} requests, ${kb(map.reduce((n, r) => n + r.bytes, 0))}:\n` +
        map.map((r) => `  ${kb(r.bytes).padStart(9)}  ${new URL(r.url).pathname}`).join("\n"),
    );
    expect(map.some((r) => r.url.includes("districts.geojson"))).toBe(true);
    await shot(page, "outages-390-hi-map");
    await context.close();
  });

  it("passes axe on a phone and on a desktop", async () => {
    for (const viewport of [SIZES[2], SIZES[0]]) {
      const page = await open(viewport, "?lang=hi");
      expect(await axeViolations(page), `${viewport.width}`).toEqual([]);
      await page.context().close();
    }
  });

  it("takes screenshots at three sizes in both languages", async () => {
    for (const size of SIZES) {
      for (const lang of ["en", "hi"] as const) {
        const page = await open(size, `?lang=${lang}`);
        if (size.width >= 900) await page.locator(".incident-marker").first().waitFor();
        await shot(page, `outages-${size.width}-${lang}`);
        if (size.width < 900) await shot(page, `outages-${size.width}-${lang}-full`, true);
        await page.context().close();
      }
    }
  });
});

describe("/officers: which numbers are public", () => {
  it("lets an administrator publish an officer's number, which who-to-call then shows", async () => {
    const home = outageFeeders[2];
    const sdo = server.app.officers.holder(server.app.network, home.path, "sdo")!;
    const lookup = async () =>
      (await (
        await fetch(
          `${server.url}/api/v1/public/who-to-call?account=${(await consumerOn(server.app, home, 0.4)).account}`,
        )
      ).json()) as { officers: { role: string; phone: string | null }[] };
    expect((await lookup()).officers.find((o) => o.role === "sdo")?.phone).toBeNull();

    const page = await openPage(
      browser,
      `${server.url}/officers?unit=${sdo.unit_id}&lang=hi`,
      { width: 1366, height: 768 },
      "admin",
    );
    const box = page.locator(`[data-publish="${sdo.id}"]`);
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.getByText("अब जनता को दिखाया जाएगा").waitFor();
    await shot(page, "officers-publish-1366-hi");
    expect((await lookup()).officers.find((o) => o.role === "sdo")?.phone).toBe(sdo.phone);

    await page.reload();
    await expect.poll(() => page.locator(`[data-publish="${sdo.id}"]`).isChecked()).toBe(true);

    // The sub-division's fuse-call centre, set on the same screen.
    await page.getByTestId("fuse-call-phone").fill("05462-220011");
    await page.getByRole("button", { name: "सहेजें" }).click();
    await page.getByText("फ़्यूज़ कॉल नंबर सहेजा गया").waitFor();
    await shot(page, "officers-fuse-call-1366-hi");
    const answer = (await lookup()) as unknown as { fuseCall: { phone: string } | null };
    expect(answer.fuseCall?.phone).toBe("05462-220011");
    await page.context().close();
  });
});
