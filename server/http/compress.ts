import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Compression without a dependency: brotli (or gzip) for JSON answers of the API and for the
 * built client's text assets. Answers smaller than this are sent as they are (the headers would
 * cost more than they save).
 */
const MIN_BYTES = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

type Encoding = "br" | "gzip";

function chooseEncoding(req: Request): Encoding | null {
  const chosen = req.acceptsEncodings("br", "gzip");
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/**
 * res.json compressed for clients that accept it. A fast brotli level: API answers are made per
 * request, so compressing them must cost less than sending the bytes would.
 */
export function compressJson(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const encoding = chooseEncoding(req);
    if (!encoding) return next();
    const plain = res.json.bind(res);
    res.json = (body: unknown) => {
      const text = JSON.stringify(body);
      if (text === undefined || res.headersSent) return plain(body);
      // Small: sent as it is, without encoding it a second time.
      if (Buffer.byteLength(text) < MIN_BYTES)
        return res.set("Content-Type", "application/json; charset=utf-8").send(text);
      const input = Buffer.from(text);
      const work =
        encoding === "br"
          ? brotli(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
          : gzip(input, { level: 6 });
      work.then(
        (out) => {
          res
            .set("Content-Type", "application/json; charset=utf-8")
            .set("Content-Encoding", encoding)
            .append("Vary", "Accept-Encoding")
            .set("Content-Length", String(out.length))
            .end(out);
        },
        () => plain(body),
      );
      return res;
    };
    next();
  };
}

const TEXT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Vite names built assets `name-<hash>.ext`: their content never changes under that name. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * The built client's text assets, compressed once at their best brotli level and kept in memory,
 * with a year's immutable caching for the hashed ones. Anything else falls through to
 * express.static.
 */
export function compressedAssets(dir: string): RequestHandler {
  // Compressed on the thread pool, once per file version: the event loop keeps serving meanwhile.
  const cache = new Map<
    string,
    { mtimeMs: number; ready: Promise<{ br: Buffer; gzip: Buffer }> }
  >();
  const compressed = (file: string, mtimeMs: number) => {
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      const ready = fs.promises.readFile(file).then(async (raw) => ({
        br: await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        gzip: await gzip(raw, { level: 9 }),
      }));
      entry = { mtimeMs, ready };
      cache.set(file, entry);
      ready.catch(() => cache.delete(file));
    }
    return entry.ready;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const type = TEXT_TYPES[path.extname(req.path)];
    const encoding = chooseEncoding(req);
    if (!type || !encoding || req.path.includes("..")) return next();
    const file = path.join(dir, req.path);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return next();
    }
    if (!stat.isFile() || stat.size < MIN_BYTES) return next();
    compressed(file, stat.mtimeMs).then((entry) => {
      const body = encoding === "br" ? entry.br : entry.gzip;
      res
        .set("Content-Type", type)
        .set("Content-Encoding", encoding)
        .set("Vary", "Accept-Encoding")
        .set("Content-Length", String(body.length))
        .set(
          "Cache-Control",
          HASHED.test(req.path) ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        );
      if (req.method === "HEAD") return void res.end();
      res.end(body);
    }, next);
  };
}
