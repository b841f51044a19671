import fs from "node:fs";
import path from "node:path";
import express, { Router } from "express";
import { compressedAssets } from "./compress.js";

/**
 * Serves the built SPA; any other GET that is not an API path gets index.html (client routes).
 * `headTags` adds tags to index.html's head per request (the network's version, so the client
 * can fetch the network under a URL the browser may cache for good).
 */
export function staticRouter(
  clientDir: string,
  opts: { headTags?: (req: express.Request, res: express.Response) => string } = {},
): Router {
  const router = Router();
  const dir = path.resolve(clientDir);
  const index = path.join(dir, "index.html");
  let html: { mtimeMs: number; text: string } | null = null;
  router.use(compressedAssets(dir));
  router.use(express.static(dir, { index: false, maxAge: "1h", setHeaders: cacheHeaders }));
  router.get(/^\/(?!api\/|socket\.io\/|webhooks\/|open311\/|healthz|metrics).*/, (req, res) => {
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type("text/plain")
        .send("The client is not built yet: run `npm run build` (npm start does it).");
      return;
    }
    res.set("Cache-Control", "no-cache");
    if (!opts.headTags) return void res.sendFile(index);
    const mtimeMs = fs.statSync(index).mtimeMs;
    if (html?.mtimeMs !== mtimeMs) html = { mtimeMs, text: fs.readFileSync(index, "utf8") };
    res.type("html").send(html.text.replace("</head>", `${opts.headTags(req, res)}</head>`));
  });
  return router;
}

/** Hashed build output never changes under its name; HTML must always be revalidated. */
function cacheHeaders(res: express.Response, file: string): void {
  if (file.endsWith(".html")) res.set("Cache-Control", "no-cache");
  else if (/[\\/]assets[\\/].+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file))
    res.set("Cache-Control", "public, max-age=31536000, immutable");
}
