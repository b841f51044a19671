import type { PublicOutages, WhoToCall } from "../../shared/public.js";
import { normaliseNumber, TICKET_NUMBER } from "./TrackApi.js";

/**
 * The public outage API as the /outages page calls it: plain fetches (no session, no schema
 * library on a phone), each failure a `PublicError` whose kind the page words in its language.
 */

export type PublicErrorKind =
  | "invalid_account"
  | "invalid_ticket"
  | "invalid_place"
  | "not_found"
  | "rate_limited"
  | "network"
  | "server";

export class PublicError extends Error {
  constructor(
    readonly kind: PublicErrorKind,
    message: string,
    /** Seconds to wait, from Retry-After, for rate_limited. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "PublicError";
  }
}

export const OUTAGES_URL = "/api/v1/public/outages";
export const OUTAGES_GEOJSON_URL = "/api/v1/public/outages.geojson";

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new PublicError("network", err instanceof Error ? err.message : String(err));
  }
  if (res.ok) return (await res.json()) as T;
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  const message = body?.error?.message ?? `HTTP ${res.status}`;
  if (res.status === 404) throw new PublicError("not_found", message);
  if (res.status === 429)
    throw new PublicError("rate_limited", message, Number(res.headers.get("retry-after")) || 60);
  if (res.status === 400) {
    const field = Object.keys(body?.error?.fields ?? {})[0];
    const kind =
      field === "ticket"
        ? "invalid_ticket"
        : field === "place"
          ? "invalid_place"
          : "invalid_account";
    throw new PublicError(kind, message);
  }
  throw new PublicError("server", message);
}

export function fetchOutages(signal?: AbortSignal): Promise<PublicOutages> {
  return getJson<PublicOutages>(OUTAGES_URL, signal);
}

export type LookupBy = "account" | "ticket" | "place";

// The rules of shared/public.ts (whoToCallQuerySchema), restated so the page need not load zod.
const RULES: Record<LookupBy, RegExp> = {
  account: /^[0-9]{10}$/,
  ticket: TICKET_NUMBER,
  place: /^.{2,80}$/u,
};

/** The value as the server expects it: digits only for an account, upper case for a ticket. */
export function normaliseLookup(by: LookupBy, value: string): string {
  if (by === "account") return value.replace(/[\s-]/g, "");
  if (by === "ticket") return normaliseNumber(value);
  return value.trim().replace(/\s+/g, " ");
}

/** The field problem to show before asking the server, or null. */
export function checkLookup(by: LookupBy, value: string): PublicErrorKind | null {
  return RULES[by].test(value) ? null : `invalid_${by}`;
}

export function lookupWhoToCall(by: LookupBy, value: string): Promise<WhoToCall> {
  return getJson<WhoToCall>(`/api/v1/public/who-to-call?${new URLSearchParams({ [by]: value })}`);
}
