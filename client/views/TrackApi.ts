import type { CategoryId, SlaState, Status } from "../../shared/domain.js";

/**
 * The public /api/v1/track calls. Every failure comes back as a `TrackError` whose `kind` the page
 * turns into a sentence in the reader's language (the server's messages are English).
 */

/** What a consumer sees about their ticket (server: tickets/present-public.ts). */
export interface PublicTicket {
  number: string;
  status: Status;
  closure: string | null;
  category: CategoryId | null;
  createdAt: string;
  dueAt: string | null;
  slaState: SlaState;
  place: {
    feeder: { en: string; hi: string } | null;
    district: { en: string; hi: string } | null;
  };
  awaitingFeedback: boolean;
  timeline: PublicEvent[];
}

export interface PublicEvent {
  at: string;
  type: string;
  data: Record<string, unknown>;
}

export type TrackErrorKind =
  | "not_found"
  | "rate_limited"
  | "invalid"
  | "not_awaiting"
  | "wrong_otp"
  | "otp_locked"
  | "network"
  | "server";

export class TrackError extends Error {
  constructor(
    readonly kind: TrackErrorKind,
    message: string,
    /** Seconds to wait, from Retry-After, for rate_limited. */
    readonly retryAfter: number | null = null,
    /** OTP tries left, for wrong_otp. */
    readonly attemptsLeft: number | null = null,
  ) {
    super(message);
    this.name = "TrackError";
  }
}

/** Ticket numbers are printed upper-case; people type them any way. */
export function normaliseNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

// The rules of shared/schemas.ts (trackLookupSchema), restated so this public page, opened on
// phones, does not load the schema library.
export const TICKET_NUMBER = /^[A-Z0-9]{2,5}-\d{6}$/;
const PHONE4 = /^\d{4}$/;

/** Field problems to show before asking the server. */
export function checkLookup(number: string, phone4: string): { number?: true; phone4?: true } {
  const out: { number?: true; phone4?: true } = {};
  if (!TICKET_NUMBER.test(number)) out.number = true;
  if (!PHONE4.test(phone4)) out.phone4 = true;
  return out;
}

async function call(url: string, init?: RequestInit): Promise<PublicTicket> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (err) {
    throw new TrackError("network", err instanceof Error ? err.message : String(err));
  }
  const body = (await res.json().catch(() => null)) as {
    ticket?: PublicTicket;
    error?: { code?: string; message?: string };
    attemptsLeft?: number;
  } | null;
  if (res.ok && body?.ticket) return body.ticket;
  const message = body?.error?.message ?? `HTTP ${res.status}`;
  if (res.status === 404) throw new TrackError("not_found", message);
  if (res.status === 429) {
    const retry = Number(res.headers.get("Retry-After"));
    throw new TrackError("rate_limited", message, Number.isFinite(retry) && retry > 0 ? retry : 60);
  }
  if (res.status === 400) throw new TrackError("invalid", message);
  if (res.status === 409) throw new TrackError("not_awaiting", message);
  if (res.status === 422)
    throw new TrackError("wrong_otp", message, null, body?.attemptsLeft ?? null);
  if (res.status === 423) throw new TrackError("otp_locked", message);
  throw new TrackError("server", message);
}

/**
 * How a consumer proves a ticket is theirs: the last 4 phone digits are enough to read its status;
 * answering "fixed?" needs the link token from their message or the 6-digit code sent with it.
 */
export type TrackKey = { phone4: string } | { token: string };

export function lookupTicket(number: string, key: TrackKey): Promise<PublicTicket> {
  const q =
    "token" in key
      ? `t=${encodeURIComponent(key.token)}`
      : `phone4=${encodeURIComponent(key.phone4)}`;
  return call(`/api/v1/track/${encodeURIComponent(number)}?${q}`);
}

export const OTP = /^\d{6}$/;
/** The token in a /track link: 22 base64url characters. */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export interface FeedbackInput {
  proof: { otp: string } | { token: string };
  resolved: boolean;
  rating?: number;
  comment?: string;
}

export function sendFeedback(number: string, input: FeedbackInput): Promise<PublicTicket> {
  const body = {
    ...input.proof,
    resolved: input.resolved,
    ...(input.rating ? { rating: input.rating } : {}),
    ...(input.comment?.trim() ? { comment: input.comment.trim().slice(0, 1000) } : {}),
  };
  return call(`/api/v1/track/${encodeURIComponent(number)}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
