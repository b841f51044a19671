import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Request, Response } from "express";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface Encoded {
  etag: string;
  body: string;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * Sends a public document with an ETag and shared caching: a client (or a CDN) that polls gets
 * 304 while nothing changed, and each version is compressed once however many ask for it.
 * `maxAgeSeconds` is how stale a cache may serve it before asking again. `version` (the body by
 * default) is what the ETag stands for: a timestamp inside the body need not change it.
 */
export function cacheableSender(contentType: string, maxAgeSeconds: number) {
  let last: Encoded | null = null;
  return async (req: Request, res: Response, body: string, version = body): Promise<void> => {
    const etag = `"${createHash("sha1").update(version).digest("base64url").slice(0, 22)}"`;
    // A version keeps the body it was first sent with, so every encoding of it says the same.
    if (last?.etag !== etag) last = { etag, body };
    res
      .set("ETag", etag)
      .set("Cache-Control", `public, max-age=${maxAgeSeconds}`)
      .set("Vary", "Accept-Encoding")
      .set("Access-Control-Allow-Origin", "*");
    const tags = (req.get("If-None-Match") ?? "").split(",").map((t) => t.trim());
    if (tags.includes(etag) || tags.includes("*")) {
      res.status(304).end();
      return;
    }
    const encoded = last;
    res.type(contentType);
    const encoding = req.acceptsEncodings("br", "gzip");
    if (encoding === "br") {
      encoded.br ??= await brotli(Buffer.from(encoded.body), {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 },
      });
      res.set("Content-Encoding", "br").send(encoded.br);
      return;
    }
    if (encoding === "gzip") {
      encoded.gzip ??= await gzip(Buffer.from(encoded.body));
      res.set("Content-Encoding", "gzip").send(encoded.gzip);
      return;
    }
    res.send(encoded.body);
  };
}
