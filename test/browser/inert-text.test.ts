import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackToken } from "../../server/tickets/otp.js";
import { apiJson, postReport, startTestServer, type TestServer } from "../support/server.js";
import { assertBuilt, launch, openPage } from "./screens-helpers.js";

/**
 * Report text is the consumer's, not ours: a script in it must stay text on every screen that
 * shows it (React escapes it; the CSP would block an inline script that slipped through).
 */
const PAYLOAD =
  `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>` +
  `<svg onload="window.__pwned=1"></svg> javascript:alert(1) बिजली नहीं है`;

let server: TestServer;
let browser: Browser;
let placed: string;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  const f = server.app.network.feeders[7];
  placed = (
    await postReport(server.url, {
      channel: "call_centre",
      text: PAYLOAD,
      category: "supply_cut",
      lat: f.lat,
      lon: f.lon,
      phone: "9811122233",
    })
  ).body.ticket!.number;
  // And one the triage queue shows (no place, no category).
  await postReport(server.url, { channel: "x", text: PAYLOAD });
  await apiJson(server.url, `/api/v1/tickets/${placed}/actions`, "POST", {
    type: "note",
    text: PAYLOAD,
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path: string, as: "control" | "admin" | null = "control"): Promise<Page> {
  const page = await openPage(browser, `${server.url}${path}`, { width: 1366, height: 768 }, as);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.waitForLoadState("networkidle");
  expect(dialogs).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  return page;
}

describe("a script in report text", () => {
  it("stays text on the ticket page, where the report and the note are shown", async () => {
    const page = await visit(`/tickets/${placed}`);
    await page.getByText("javascript:alert(1)").first().waitFor();
    expect(await page.locator("img[src='x'], svg[onload]").count()).toBe(0);
    await page.context().close();
  });

  it("stays text on the control room's feed, the triage queue and the drill-down", async () => {
    for (const path of ["/", "/triage", `/units/${server.app.network.feeders[7].path[2]}`]) {
      const page = await visit(path);
      expect(await page.locator("img[src='x'], svg[onload]").count()).toBe(0);
      await page.context().close();
    }
  });

  it("stays text on the consumer's /track page", async () => {
    const token = trackToken(server.app.config.OTP_SECRET, placed);
    const page = await visit(`/track?n=${placed}&t=${token}`, null);
    await page.getByTestId("track-status").waitFor();
    expect(await page.locator("img[src='x'], svg[onload]").count()).toBe(0);
    await page.context().close();
  });

  it("is refused by the content security policy if it ever reached the page as markup", async () => {
    const page = await visit("/about", null);
    const csp = await page.evaluate(async () =>
      (await fetch("/about")).headers.get("content-security-policy"),
    );
    expect(csp).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__pwned = 1";
      document.body.appendChild(s);
      return (window as unknown as { __pwned?: number }).__pwned;
    });
    expect(ran).toBeUndefined();
    await page.context().close();
  });
});
