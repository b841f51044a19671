import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postReport, startTestServer, type TestServer } from "../support/server.js";
import { assertBuilt, launch, signedInContext, spaNavigate } from "./screens-helpers.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The live socket's frames as the page sends and receives them. */
async function pageWithFrames(path: string): Promise<{
  page: Page;
  sent: string[];
  received: string[];
}> {
  const context = await signedInContext(browser, server.url, { width: 1366, height: 768 });
  const page = await context.newPage();
  const sent: string[] = [];
  const received: string[] = [];
  page.on("websocket", (ws) => {
    ws.on("framesent", (f) => sent.push(String(f.payload)));
    ws.on("framereceived", (f) => received.push(String(f.payload)));
  });
  await page.goto(`${server.url}${path}`);
  return { page, sent, received };
}

const subscribes = (sent: string[]) => sent.filter((f) => f.includes('"subscribe"'));
const deltas = (received: string[]) => received.filter((f) => f.includes('["delta",'));

async function report(i: number): Promise<void> {
  const f = server.app.network.feeders[i];
  const res = await postReport(server.url, {
    channel: "whatsapp",
    text: `Shanti Devi, no supply since noon (${i})`,
    lat: f.lat,
    lon: f.lon,
    category: "supply_cut",
  });
  expect(res.status).toBe(201);
}

describe("the screens' live level", () => {
  it("/summary takes summary-sized live data even for the control room; / takes the stream", async () => {
    const { page, sent, received } = await pageWithFrames("/summary");
    await vi.waitFor(() => expect(subscribes(sent).length).toBeGreaterThan(0), { timeout: 15_000 });
    expect(subscribes(sent).every((f) => f.includes('"level":"counts"'))).toBe(true);
    await report(1);
    await vi.waitFor(() => expect(deltas(received).length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    for (const frame of received) {
      expect(frame).not.toContain("Shanti");
      expect(frame).not.toMatch(/"(number|ticketNumber|excerpt)":/);
    }

    // The control room, in the same tab: it asks for all its role allows and gets the feed.
    await spaNavigate(page, "/");
    await vi.waitFor(
      () => expect(subscribes(sent).some((f) => !f.includes('"level"'))).toBe(true),
      { timeout: 10_000 },
    );
    await report(2);
    await vi.waitFor(
      () => expect(deltas(received).some((f) => f.includes('"ticketNumber":'))).toBe(true),
      { timeout: 10_000 },
    );
    await page.context().close();
  }, 60_000);

  it("the wall asks for counts", async () => {
    const { page, sent } = await pageWithFrames("/wall?views=state,worst&every=30");
    await vi.waitFor(() => expect(subscribes(sent).length).toBeGreaterThan(0), { timeout: 15_000 });
    expect(subscribes(sent).every((f) => f.includes('"level":"counts"'))).toBe(true);
    await page.context().close();
  }, 30_000);
});
