/**
 * Channel identifiers and phone numbers in each channel's own style. Every id must be unique
 * across restarts, because intake treats a repeated (channel, externalId) as a redelivery.
 */
import { istDay } from "../../shared/domain.js";
import type { Channel } from "../../shared/domain.js";
import { phoneSchema } from "../../shared/schemas.js";
import type { Rng } from "./random.js";

/** X's snowflake epoch (ms); ids encode their creation time like real tweet ids. */
const TWITTER_EPOCH = 1288834974657n;
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX = "0123456789abcdef";

function chars(rng: Rng, alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}

/** Keeps 1912 docket numbers strictly increasing within an IST day. */
export interface DocketState {
  day: string;
  last: number;
}

export function newDocketState(): DocketState {
  return { day: "", last: -1 };
}

/**
 * The docket's serial is the tenth of a second of the IST day, bumped past the previous one, so
 * dockets never repeat within a run and a restarted simulator (later in time) cannot reuse one.
 */
function docket(atMs: number, state: DocketState): string {
  const day = istDay(atMs);
  const msOfDay = (atMs + 330 * 60_000) % 86_400_000;
  let serial = Math.floor(msOfDay / 100);
  if (state.day === day && serial <= state.last) serial = state.last + 1;
  state.day = day;
  state.last = serial;
  return `1912-${day.replaceAll("-", "")}-${String(serial % 1_000_000).padStart(6, "0")}`;
}

export function externalIdFor(
  channel: Channel,
  atMs: number,
  rng: Rng,
  dockets: DocketState,
): string | undefined {
  switch (channel) {
    case "call_centre":
      return docket(atMs, dockets);
    case "x": {
      const ms = BigInt(Math.floor(atMs));
      const low = BigInt(rng.int(0, (1 << 22) - 1));
      return (((ms - TWITTER_EPOCH) << 22n) | low).toString();
    }
    case "whatsapp":
      return `wamid.HBgM${chars(rng, B64URL, 40)}`;
    case "facebook":
      return `10${rng.digits(13)}_${rng.int(1, 9)}${rng.digits(15)}`;
    case "instagram":
      return `179${rng.digits(16)}`;
    case "app":
      return `app-${chars(rng, HEX, 16)}`;
    case "portal":
      return `WEB/${istDay(atMs).slice(0, 4)}/${rng.digits(10)}`;
    case "open311":
      return `311-${rng.digits(10)}`;
    default:
      // Officers' phones and counters have no message id of their own.
      return undefined;
  }
}

/**
 * A fake mobile in the 9000xxxxxx block (not a real person's number). Ten-digit form; channels
 * format it their own way.
 */
export function fakeMobile(rng: Rng): string {
  return `9000${rng.digits(6)}`;
}

/** The last ten digits of a consumer's phone, or null when it is not a usable mobile number. */
export function tenDigits(phone: string | undefined | null): string | null {
  if (!phone || !phoneSchema.safeParse(phone).success) return null;
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 10 ? digits.slice(-10) : null;
}

/** How each channel hands us the number: caller id, WhatsApp wa_id, a form field. */
export function formatPhone(channel: Channel, ten: string): string {
  if (channel === "whatsapp") return `91${ten}`;
  if (channel === "app" || channel === "portal" || channel === "open311") return `+91 ${ten}`;
  return ten;
}

/** "90XXXXXX56": how 1912 agents note a mobile in the free text. */
export function maskedMobile(ten: string): string {
  return `${ten.slice(0, 2)}XXXXXX${ten.slice(-2)}`;
}
