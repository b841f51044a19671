import type { AddressInfo } from "node:net";
import express, { type RequestHandler } from "express";
import { describe, expect, it } from "vitest";
import { testConfig } from "../../../server/config.js";
import { helmetFor, securityHeaders } from "../../../server/http/security-headers.js";

/** The headers a tiny app with `middleware` answers GET / with. */
async function headersWith(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get("/", (_req, res) => void res.send("ok"));
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== "date" && k !== "etag") out[k] = v;
    });
    return out;
  } finally {
    server.close();
  }
}

describe("security headers", () => {
  for (const NODE_ENV of ["test", "production"] as const) {
    it(`are exactly the ones helmet sets on each request (${NODE_ENV})`, async () => {
      const config = {
        ...testConfig({
          MAP_TILE_URL: "https://tiles.example/{z}/{x}/{y}.png",
          MAP_TILE_ATTRIBUTION: "Tiles example",
        }),
        NODE_ENV,
      };
      const fixed = await headersWith(securityHeaders(config));
      expect(fixed).toEqual(await headersWith(helmetFor(config)));
      expect(fixed["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(fixed["x-content-type-options"]).toBe("nosniff");
      expect(fixed["x-powered-by"]).toBeUndefined();
    });
  }
});
