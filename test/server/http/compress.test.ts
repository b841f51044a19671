import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFetch, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;
let clientDir: string;
const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `feeder ${i}`))};\n`;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-client-"));
  fs.mkdirSync(path.join(clientDir, "assets"));
  fs.writeFileSync(path.join(clientDir, "assets", "ControlRoom-TCij4ss3.js"), script);
  fs.writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>Nigrani</title>");
  server = await startTestServer({ config: { CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe("compression and caching", () => {
  it("sends a hashed asset brotli-compressed with a year's immutable caching", async () => {
    const res = await fetch(`${server.url}/assets/ControlRoom-TCij4ss3.js`, {
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(Number(res.headers.get("content-length"))).toBeLessThan(script.length / 3);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe(script);
  });

  it("falls back to gzip, and to the plain file for a client that accepts neither", async () => {
    const gz = await fetch(`${server.url}/assets/ControlRoom-TCij4ss3.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(await gz.text()).toBe(script);
    const plain = await fetch(`${server.url}/assets/ControlRoom-TCij4ss3.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("keeps index.html revalidated on every load", async () => {
    const res = await fetch(`${server.url}/summary`);
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  it("compresses a large API answer and leaves it readable", async () => {
    const res = await apiFetch(server.url, "/api/v1/stats/hourly", {
      headers: { "accept-encoding": "br" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    const body = (await res.json()) as { today: unknown[] };
    expect(body.today).toHaveLength(24);
  });
});
