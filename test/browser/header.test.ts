import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";
import { assertBuilt, launch, openPage } from "./screens-helpers.js";

/**
 * The header is one row at laptop and wall widths whatever the connection says: a second row
 * while "Connecting" that went away once live moved the whole control room down and back (layout
 * shift), and a wide badge wrapped it at 1920 px in English.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  server = await startTestServer();
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Header {
  height: number;
  /** How much of the links is scrolled out of sight (0: every link shows whole). */
  hidden: number;
}

async function header(page: Page): Promise<Header> {
  await page.locator(".app-nav a").first().waitFor();
  return page.evaluate(`(() => {
    const nav = document.querySelector(".app-nav");
    return {
      height: Math.round(document.querySelector(".app-header").getBoundingClientRect().height),
      hidden: nav.scrollWidth - nav.clientWidth,
    };
  })()`);
}

describe("the header", () => {
  for (const width of [1366, 1920])
    for (const lang of ["en", "hi"])
      it(`keeps one height from "Connecting" to "Live" at ${width} px in ${lang}, every link showing once live`, async () => {
        const url = `${server.url}/?lang=${lang}`;
        const connecting = await openPage(browser, `${server.url}/about?lang=${lang}`, {
          width,
          height: 900,
        });
        // The socket is answered by no server: the badge stays "Connecting".
        await connecting.routeWebSocket(/socket\.io/, () => {});
        await connecting.goto(url);
        await connecting.locator(".badge[data-status=connecting]").waitFor();
        const before = await header(connecting);
        await connecting.context().close();

        const live = await openPage(browser, url, { width, height: 900 });
        await live.locator(".badge[data-status=live]").waitFor({ timeout: 20_000 });
        const after = await header(live);
        await live.context().close();

        expect(after.height).toBe(before.height);
        expect(after.height).toBeLessThan(70);
        expect(after.hidden).toBe(0);
      }, 60_000);
});
