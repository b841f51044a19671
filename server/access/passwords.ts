import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { MAX_PASSWORD, MIN_PASSWORD } from "../../shared/access.js";

/**
 * Password hashes: scrypt (N=2^15, r=8, p=1, 64-byte key, 16-byte salt), stored with their
 * parameters so they can be raised later without invalidating existing hashes.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 64;
// N=2^15 with r=8 needs 32 MiB; Node's default ceiling is exactly 32 MiB, so leave headroom.
const MAXMEM = 64 * 1024 * 1024;

function derive(
  password: string,
  salt: Buffer,
  opts: ScryptOptions,
  keylen: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keylen, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P, maxmem: MAXMEM }, KEYLEN);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(
    password,
    Buffer.from(salt, "base64"),
    { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM },
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString("hex"));
  return decoy;
}

let common: Set<string> | null = null;
/** The 10,000 most common passwords (zxcvbn-ts's ranked list), loaded on first use (ASVS 6.2.4). */
async function commonPasswords(): Promise<Set<string>> {
  if (common) return common;
  const mod = (await import("@zxcvbn-ts/language-common")) as {
    dictionary: Record<string, string[]>;
  };
  common = new Set(mod.dictionary["passwords-common"].slice(0, 10_000));
  return common;
}

/** Why a new password is refused, or null. Length and the common list only: no composition rules (ASVS 6.2.5). */
export async function passwordProblem(password: string, username?: string): Promise<string | null> {
  if (password.length < MIN_PASSWORD) return `must be at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `must be at most ${MAX_PASSWORD} characters`;
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower))
    return "is one of the most common passwords; choose another";
  if (username && lower.includes(username.toLowerCase())) return "must not contain the username";
  return null;
}
