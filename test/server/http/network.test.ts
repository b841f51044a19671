import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkPayload } from "../../../shared/network.js";
import { compactNetworkSchema, decodeNetwork } from "../../../shared/network-compact.js";
import { DEMO_INTAKE_KEY, sessionFor, sessionHeaders } from "../../support/auth.js";
import { startTestServer, type TestServer } from "../../support/server.js";

/** The compact network the screens load: encoded once, versioned, precompressed, revalidated. */
let server: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-client-"));
  fs.writeFileSync(
    path.join(clientDir, "index.html"),
    "<!doctype html><html><head><title>Nigrani</title></head><body></body></html>",
  );
  server = await startTestServer({ config: { CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

/**
 * A raw GET as the control room (fetch would decompress and hide the encoding and the bytes on
 * the wire); `signedIn: false` for a visitor without a session.
 */
async function get(
  pathAndQuery: string,
  headers: Record<string, string> = {},
  signedIn = true,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const session = signedIn ? sessionHeaders(await sessionFor(server.url, "control")) : {};
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}${pathAndQuery}`, { headers: { ...session, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject);
  });
}

const versionOf = async (pagePath: string) => {
  const page = (await get(pagePath)).body.toString();
  return /<meta name="nigrani-network" content="([^"]+)"/.exec(page)?.[1];
};

describe("GET /api/v1/network/compact", () => {
  it("decodes, brotli-compressed, to the same units as the plain document", async () => {
    const res = await get("/api/v1/network/compact", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    const text = zlib.brotliDecompressSync(res.body).toString();
    const plain = await get("/api/v1/network");
    expect(res.body.length).toBeLessThan(plain.body.length / 4);
    const decoded = await decodeNetwork(compactNetworkSchema.parse(JSON.parse(text)));
    const full = JSON.parse(plain.body.toString()) as NetworkPayload;
    expect(decoded.units.map((u) => [u.id, u.parentId, u.path, u.kind, u.name])).toStrictEqual(
      full.units.map((u) => [u.id, u.parentId, u.path, u.kind, u.name]),
    );
    expect(decoded.units.length).toBe(server.app.network.units.size);
  });

  it("falls back to gzip, then to plain JSON", async () => {
    const gz = await get("/api/v1/network/compact", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await get("/api/v1/network/compact", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  it("answers 304 to its ETag, and is revalidated unless asked for under its version", async () => {
    const first = await get("/api/v1/network/compact");
    const etag = first.headers.etag!;
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await get("/api/v1/network/compact", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const stale = await get("/api/v1/network/compact", { "if-none-match": '"older"' });
    expect(stale.status).toBe(200);
  });

  it("is named by version in the page, preloaded on the map screens, cached for a year", async () => {
    const version = await versionOf("/");
    expect(version).toBeTruthy();
    expect(await versionOf("/track")).toBe(version);
    const home = (await get("/")).body.toString();
    expect(home).toContain(
      `rel="preload" as="fetch" crossorigin href="/api/v1/network/compact?v=${version}"`,
    );
    expect((await get("/track")).body.toString()).not.toContain('rel="preload"');
    expect((await get("/", {}, false)).body.toString()).not.toContain('rel="preload"');
    expect((await get("/api/v1/network/compact", {}, false)).status).toBe(401);
    const pinned = await get(`/api/v1/network/compact?v=${version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(pinned.headers.etag).toBe(`"${version}"`);
    // An old page's version is not the current document: never cached under it for good.
    const old = await get("/api/v1/network/compact?v=someoldversion");
    expect(old.headers["cache-control"]).toBe("no-cache");
  });

  it("is for people signed in: an intake key, which may only file, is refused", async () => {
    for (const p of ["/api/v1/network", "/api/v1/network/compact"]) {
      expect((await get(p, { "x-api-key": DEMO_INTAKE_KEY }, false)).status, p).toBe(404);
      expect((await get(p)).status, p).toBe(200);
    }
  });
});
