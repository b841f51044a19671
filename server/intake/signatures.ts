import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signature checks shared by the channels. Every comparison is constant-time so a caller
 * cannot learn the expected value byte by byte from response times.
 */

/** Constant-time string equality; unequal lengths are refused before comparing. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  if (x.length !== y.length) return false;
  return timingSafeEqual(x, y);
}

export function hmacSha256(secret: string, data: Buffer | string): Buffer {
  return createHmac("sha256", secret).update(data).digest();
}

/**
 * Checks a `sha256=<digest>` header against the HMAC-SHA256 of the raw body. Meta encodes the
 * digest in hex (X-Hub-Signature-256), X in base64 (x-twitter-webhooks-signature).
 */
export function verifySha256Header(
  header: string | undefined,
  raw: Buffer,
  secret: string,
  encoding: "hex" | "base64",
): boolean {
  if (!header || !header.startsWith("sha256=")) return false;
  const given = header.slice("sha256=".length).trim();
  const expected = hmacSha256(secret, raw).toString(encoding);
  // Meta documents lowercase hex; accept either case rather than refuse a real delivery.
  return safeEqual(encoding === "hex" ? given.toLowerCase() : given, expected);
}
