import { chromium } from "playwright-core";
import { startTestServer, postReport, apiJson } from "./test/support/server.js";
import { signIn } from "./test/support/auth.js";
const server = await startTestServer();
const f = server.app.network.feeders[5];
const r = await postReport(server.url, { channel: "whatsapp", text: "Bijli nahi hai 3 ghante se, transformer jal gaya", category: "supply_cut", lat: f.lat, lon: f.lon, phone: "9876501234" });
const n = r.body.ticket!.number;
await apiJson(server.url, `/api/v1/tickets/${n}/actions`, "POST", { type: "start" });
await apiJson(server.url, `/api/v1/tickets/${n}/actions`, "POST", { type: "resolve", note: "Fuse replaced at the DT" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const [w, h] of [[1366, 768], [390, 844]]) for (const lang of ["en", "hi"]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const s = await signIn(server.url, "control");
  const [name, value] = s.cookie.split("=");
  await ctx.addCookies([{ name, value, url: server.url }]);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/tickets/${n}?lang=${lang}`);
  await page.locator(".messages").waitFor();
  await page.locator(".messages").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/ticket-${w}-${lang}.png`, fullPage: w === 390 ? false : true });
  await ctx.close();
}
await browser.close();
await server.close();
