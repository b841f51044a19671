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
  "not_found" | "rate_limited" | "invalid" | "not_awaiting" | "network" | "server";

export class TrackError extends Error {
  constructor(
    readonly kind: TrackErrorKind,
    message: string,
    /** Seconds to wait, from Retry-After, for rate_limited. */
    readonly retryAfter: number | null = null,
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
const NUMBER = /^[A-Z0-9]{2,5}-\d{6}$/;
const PHONE4 = /^\d{4}$/;

/** Field problems to show before asking the server. */
export function checkLookup(number: string, phone4: string): { number?: true; phone4?: true } {
  const out: { number?: true; phone4?: true } = {};
  if (!NUMBER.test(number)) out.number = true;
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
  throw new TrackError("server", message);
}

export function lookupTicket(number: string, phone4: string): Promise<PublicTicket> {
  return call(`/api/v1/track/${encodeURIComponent(number)}?phone4=${encodeURIComponent(phone4)}`);
}

export interface FeedbackInput {
  phone4: string;
  resolved: boolean;
  rating?: number;
  comment?: string;
}

export function sendFeedback(number: string, input: FeedbackInput): Promise<PublicTicket> {
  const body = {
    phone4: input.phone4,
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
