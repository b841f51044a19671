import { otpSentFor } from "../support/app.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unit } from "../../shared/network.js";
import type { SummaryStats } from "../../client/stats/types.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../support/server.js";
import {
  assertBuilt,
  digits,
  feedersOf,
  HOUR,
  launch,
  openPage,
  seed,
  shot,
  SIZES,
  spaNavigate,
} from "./screens-helpers.js";

/** Real time shifted by `offset`, so reports can be filed weeks ago and be late now. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

let server: TestServer;
let browser: Browser;
let feeders: Unit[];

const en = {
  count: new Intl.NumberFormat("en-IN"),
  rupees: new Intl.NumberFormat("en-IN", {
    style: "currency",
    currency: "INR",
    maximumFractionDigits: 0,
  }),
  pct: new Intl.NumberFormat("en-IN", { style: "percent", maximumFractionDigits: 1 }),
};
const pct = (v: number | null) => (v === null ? "–" : en.pct.format(v / 100));

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer({ clock });
  browser = await launch();
  feeders = await feedersOf(server.url);
  // Weeks-old open tickets are long past their limit and owe compensation; the rest are today's.
  clock.offset = -20 * 24 * HOUR;
  await seed(server.url, feeders, 150, { offset: 1 });
  clock.offset = -5 * HOUR;
  await seed(server.url, feeders, 30, { offset: 2 });
  clock.offset = 0;
  await seed(server.url, feeders, 40, { offset: 3 });
  await server.app.sweeper.runOnce();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function action(number: string, body: unknown): Promise<void> {
  const res = await apiFetch(server.url, `/api/v1/tickets/${number}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
}

async function fileWithPhone(phone: string, feeder: Unit): Promise<string> {
  const res = await postReport(server.url, {
    channel: "whatsapp",
    text: "Light nahi hai kal raat se, pura mohalla andhere mein hai",
    category: "supply_cut",
    lat: feeder.lat,
    lon: feeder.lon,
    phone,
  });
  expect(res.status).toBe(201);
  return res.body.ticket!.number;
}

async function lookUp(page: Page, phone4: string): Promise<void> {
  await page.getByLabel(/Last 4 digits|अंतिम 4 अंक/).fill(phone4);
  await page.getByRole("button", { name: /Show status|स्थिति देखें/ }).click();
}

describe("the minister's summary in a browser", () => {
  it("shows the API's numbers on every tile, in Indian grouping, in English and Hindi", async () => {
    const page = await openPage(browser, `${server.url}/summary?lang=en`, {
      width: 1024,
      height: 1366,
    });
    await page.locator(".summary-tile[data-unit=network]").waitFor({ timeout: 15_000 });
    const api = (await (await apiFetch(server.url, "/api/v1/summary")).json()) as SummaryStats;
    expect(api.tiles.length).toBeGreaterThanOrEqual(4);
    expect(await page.locator(".summary-tile").count()).toBe(api.tiles.length);
    for (const tile of api.tiles) {
      const card = page.locator(`.summary-tile[data-unit="${tile.unitId}"]`);
      const figure = (id: string) =>
        card.locator(`[data-figure=${id}] .summary-figure__value`).innerText();
      const rate = (id: string) =>
        card.locator(`[data-rate=${id}] .summary-rate__value`).innerText();
      expect(await figure("received"), tile.unitId).toBe(en.count.format(tile.receivedToday));
      expect(await figure("open"), tile.unitId).toBe(en.count.format(tile.open));
      expect(await figure("breached"), tile.unitId).toBe(en.count.format(tile.breached));
      expect(await rate("within-limit"), tile.unitId).toBe(pct(tile.resolvedWithinLimitPct));
      expect(await rate("confirmed"), tile.unitId).toBe(pct(tile.confirmedClosurePct));
      expect(await rate("false-closures"), tile.unitId).toBe(en.count.format(tile.falseClosures));
      expect(await rate("compensation"), tile.unitId).toBe(en.rupees.format(tile.compensationOwed));
      const trend = await card.locator("[data-figure=open] .trend").innerText();
      expect(trend).toContain({ up: "up", down: "down", flat: "steady" }[tile.trend.open]);
    }
    // Weeks of lateness add up to lakhs: 1,23,456 grouping, not 123,456.
    const network = api.tiles.find((t) => t.unitId === "network")!;
    expect(network.compensationOwed).toBeGreaterThanOrEqual(100_000);
    const owed = await page
      .locator(".summary-tile[data-unit=network] [data-rate=compensation] .summary-rate__value")
      .innerText();
    expect(owed).toMatch(/^₹\d{1,2},\d{2},\d{3}$/);

    // One click on the language switch: Hindi labels, the same Indian grouping.
    await page.getByTestId("lang-toggle").click();
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    await expect.poll(() => page.locator("h1").innerText()).toBe("मंत्री के लिए सारांश");
    const hiCard = page.locator(".summary-tile[data-unit=network]");
    expect(await hiCard.locator("[data-figure=open] .summary-figure__label").innerText()).toBe(
      "खुली",
    );
    expect(await hiCard.locator(".summary-tile__name").innerText()).toBe("संपूर्ण नेटवर्क");
    expect(await hiCard.locator("[data-rate=compensation] .summary-rate__value").innerText()).toBe(
      owed,
    );
    expect(await page.locator("body").innerText()).not.toMatch(/\b\d{10}\b/);

    // A tap on a discom's tile opens its drill-down.
    const discom = api.tiles.find((t) => t.kind === "discom")!;
    await page.locator(`.summary-tile[data-unit="${discom.unitId}"]`).click();
    await page.waitForURL(`**/units/${discom.unitId}`);
    await page.context().close();
  });

  it("writes screenshots of the summary at three sizes in English and Hindi", async () => {
    const page = await openPage(browser, `${server.url}/summary?lang=en`, SIZES[0]);
    for (const viewport of SIZES) {
      await page.setViewportSize(viewport);
      for (const lang of ["en", "hi"]) {
        await spaNavigate(page, `/summary?lang=${lang}`);
        await page.locator(`html[lang=${lang}]`).waitFor();
        await page.locator(".summary-tile[data-unit=network]").waitFor();
        await shot(
          page,
          `summary-${viewport.width}x${viewport.height}-${lang}`,
          viewport.width < 600,
        );
      }
    }
    await page.context().close();
  });
});

describe("the public track page in a browser", () => {
  it("looks a complaint up, and after the officer resolves it takes the consumer's 'not fixed'", async () => {
    const number = await fileWithPhone("9876501234", feeders[11]);
    const page = await openPage(browser, `${server.url}/track?n=${number.toLowerCase()}&lang=en`, {
      width: 390,
      height: 844,
    });
    await page.getByRole("heading", { name: "Track your complaint" }).waitFor();
    // A public page: no control-room navigation, no connection badge.
    expect(await page.locator(".app-nav, .badge").count()).toBe(0);
    expect(await page.getByLabel("Complaint number").inputValue()).toBe(number);

    await lookUp(page, "0000");
    await page.locator("[data-problem=not_found]").waitFor();
    expect(await page.locator("[data-problem=not_found]").innerText()).toContain(
      "We could not find a complaint with this number and these phone digits",
    );

    await lookUp(page, "1234");
    await page.getByTestId("track-status").waitFor();
    expect(await page.locator("[data-problem]").count()).toBe(0);
    expect(await page.locator(".track-timeline").innerText()).toContain(
      "Complaint received via WhatsApp",
    );
    expect(await page.locator(".track-feedback").count()).toBe(0);

    await action(number, { type: "start", note: "Lineman sent" });
    await action(number, { type: "resolve", note: "Fuse replaced at the pole" });
    await lookUp(page, "1234");
    await expect
      .poll(() => page.getByTestId("track-status").innerText())
      .toBe("Resolved, awaiting consumer");
    expect(await page.locator(".track-timeline").innerText()).toContain(
      "Marked as fixed by the officer: “Fuse replaced at the pole”",
    );

    await page.getByRole("radio", { name: "No, not fixed" }).check();
    await page.getByRole("radio", { name: "2 poor" }).check();
    await page.getByLabel("Anything to add? (optional)").fill("Still no light in the evening");
    // The phone digits showed the status; answering needs the code only the consumer was sent.
    const otpField = page.getByLabel("The 6-digit code from your complaint message");
    await otpField.fill("000000");
    await page.getByRole("button", { name: "Send answer" }).click();
    const problem = page.locator(".track-feedback [data-problem]");
    await problem.waitFor();
    expect(await problem.getAttribute("data-problem")).toBe("wrong_otp");
    expect(await problem.innerText()).toContain("tries left");
    const row = await server.app.store.getTicketByNumber(number);
    await otpField.fill(await otpSentFor(server.app, row!.id));
    await page.getByRole("button", { name: "Send answer" }).click();
    await page.locator(".track-thanks").waitFor();
    expect(await page.locator(".track-thanks").innerText()).toContain(
      "We have reopened your complaint",
    );
    expect(await page.getByTestId("track-status").innerText()).toBe("Reopened");
    expect(await page.locator(".track-timeline").innerText()).toContain(
      "You said it is not fixed. Rating: 2 of 5.",
    );
    expect(await page.locator("body").innerText()).not.toContain("9876501234");

    const detail = (await (await apiFetch(server.url, `/api/v1/tickets/${number}`)).json()) as {
      ticket: { status: string };
    };
    expect(detail.ticket.status).toBe("reopened");

    // The timeline follows the language switch.
    await page.getByTestId("lang-toggle").click();
    expect(await page.getByTestId("track-status").innerText()).toBe("पुनः खोली गई");
    expect(await page.locator(".track-timeline").innerText()).toContain(
      "आपने बताया कि समस्या ठीक नहीं हुई। रेटिंग: 5 में से 2।",
    );
    await page.context().close();
  });

  it("writes screenshots of a complaint awaiting confirmation at three sizes in both languages", async () => {
    const number = await fileWithPhone("9123405678", feeders[23]);
    await action(number, { type: "start" });
    await action(number, { type: "resolve", note: "Transformer fuse changed, supply restored" });
    const page = await openPage(browser, `${server.url}/track?n=${number}&lang=en`, SIZES[2]);
    await shot(page, "track-390x844-en-form");
    await lookUp(page, "5678");
    await page.locator(".track-feedback").waitFor();
    // One lookup; the language switch and the window size change around it.
    for (const viewport of SIZES) {
      await page.setViewportSize(viewport);
      for (const lang of ["en", "hi"]) {
        if ((await page.locator("html").getAttribute("lang")) !== lang) {
          await page.getByTestId("lang-toggle").click();
          await page.locator(`html[lang=${lang}]`).waitFor();
        }
        await shot(
          page,
          `track-${viewport.width}x${viewport.height}-${lang}`,
          viewport.width < 600,
        );
      }
    }
    await page.context().close();
  });

  it("says plainly how long to wait when too many lookups were made", async () => {
    const number = await fileWithPhone("9000012345", feeders[31]);
    // Use up this address's lookups (30 a minute), as someone guessing digits would.
    let limited = false;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await fetch(
        `${server.url}/api/v1/track/${number}?phone4=${String(i).padStart(4, "0")}`,
      );
      limited = res.status === 429;
    }
    expect(limited).toBe(true);
    const page = await openPage(browser, `${server.url}/track?n=${number}&lang=en`, {
      width: 390,
      height: 844,
    });
    await lookUp(page, "2345");
    const problem = page.locator("[data-problem=rate_limited]");
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toContain("Too many attempts");
    expect(digits(text)).toBeGreaterThan(0);
    expect(text).toMatch(/wait \d+ seconds/);
    await shot(page, "track-390x844-en-rate-limited");
    await page.context().close();
  });
});
