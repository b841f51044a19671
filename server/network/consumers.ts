/**
 * Synthetic consumers: an account number, a feeder, a name and a phone number each, enough for
 * complaints to be placed by account. Account numbers carry a Verhoeff check digit (the scheme
 * Aadhaar uses), so a mistyped digit or two swapped neighbours are caught before any lookup.
 */
import type { Unit } from "../../shared/network.js";
import { deriveSeed, mulberry32 } from "./geo.js";
import { apportion } from "./plan.js";
import { HINDU_NAMES, MUSLIM_NAMES } from "./people.js";
import type { NameGroup } from "./people.js";

export interface Consumer {
  /** 10 digits: 9 derived from the consumer's index, then a Verhoeff check digit. */
  account: string;
  feederId: string;
  name: string;
  nameHi: string;
  /** In the 555 range, which no Indian mobile number uses: safe to show and to call in demos. */
  phone: string;
}

const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function verhoeffCheckDigit(digits: string): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++)
    c = D[c][P[(i + 1) % 8][digits.charCodeAt(digits.length - 1 - i) - 48]];
  return INV[c];
}

/** True for a 10-digit account number whose Verhoeff check digit is right. */
export function isValidAccount(account: string): boolean {
  if (!/^[0-9]{10}$/.test(account)) return false;
  let c = 0;
  for (let i = 0; i < account.length; i++)
    c = D[c][P[i % 8][account.charCodeAt(account.length - 1 - i) - 48]];
  return c === 0;
}

const ACCOUNT_SPACE = 900_000_000;
// Multipliers coprime with their modulus make index -> number a bijection (so numbers are unique)
// while consecutive consumers do not get consecutive, guessable account numbers.
const ACCOUNT_MULT = 735_632_791;
const PHONE_SPACE = 10_000_000;
const PHONE_MULT = 7_654_321;

/** (a * b) mod m without leaving float precision (a, b < 2^30). */
function mulmod(a: number, b: number, m: number): number {
  const hi = Math.floor(a / 32768);
  const lo = a % 32768;
  return (((hi * b) % m) * 32768 + lo * b) % m;
}

/** The account number of the consumer with this index (0-based) under this seed. */
export function accountNumber(index: number, seed: number): string {
  return accountFor(index, deriveSeed(seed, "accounts") % ACCOUNT_SPACE);
}

function accountFor(index: number, offset: number): string {
  const body = String(
    100_000_000 + mulmod((index + offset) % ACCOUNT_SPACE, ACCOUNT_MULT, ACCOUNT_SPACE),
  );
  return body + verhoeffCheckDigit(body);
}

function pick<T>(list: T[], r: number): T {
  return list[Math.floor(r * list.length)];
}

/**
 * Yields `count` consumers spread over the feeders (urban feeders about three times as many),
 * deterministically for a seed. A generator, so 200,000 rows can stream into the store.
 */
export function* generateConsumers(
  units: Unit[],
  opts: { seed: number; count: number },
): Generator<Consumer> {
  const feeders = units.filter((u) => u.kind === "feeder");
  if (!feeders.length || opts.count <= 0) return;
  const rng = mulberry32(deriveSeed(opts.seed, "consumers"));
  const weights = feeders.map((f) => (f.urban ? 3 : 1) * (0.6 + 0.8 * rng()));
  const perFeeder = apportion(Math.floor(opts.count), weights, 0);
  const accountOffset = deriveSeed(opts.seed, "accounts") % ACCOUNT_SPACE;
  const phoneOffset = deriveSeed(opts.seed, "phones") % PHONE_SPACE;
  let index = 0;
  for (let f = 0; f < feeders.length; f++) {
    for (let k = 0; k < perFeeder[f]; k++, index++) {
      const group: NameGroup = rng() < 0.82 ? HINDU_NAMES : MUSLIM_NAMES;
      const female = rng() >= 0.6;
      const given = pick(female ? group.female : group.male, rng());
      let surname = pick(group.surnames, rng());
      if (female && surname.en === "Kumar") surname = { en: "Kumari", hi: "कुमारी" };
      const phone = mulmod((index + phoneOffset) % PHONE_SPACE, PHONE_MULT, PHONE_SPACE);
      yield {
        account: accountFor(index, accountOffset),
        feederId: feeders[f].id,
        name: `${given.en} ${surname.en}`,
        nameHi: `${given.hi} ${surname.hi}`,
        phone: `555${String(phone).padStart(7, "0")}`,
      };
    }
  }
}
