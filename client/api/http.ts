import { localisedMessage } from "./messages.js";

/**
 * The one way the client calls the REST API: JSON in and out, and every failure as an
 * `ApiRequestError` carrying the server's code, message, field errors and extra top-level fields
 * (`status` on a 409, `attemptsLeft` on a wrong OTP), so forms can show them next to their fields.
 * Every change carries the session's CSRF token; a 401 `unauthenticated` ends the session here, so
 * the router's guard sends the person to /login and back.
 */
import { csrfToken, sessionEnded } from "../app/session.js";

export class ApiRequestError extends Error {
  constructor(
    /** HTTP status, or 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    readonly extra: Readonly<Record<string, unknown>> = {},
    /** Seconds the server asked us to wait (`Retry-After` on 429 and 503), or null. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
  [key: string]: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringFields(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, why] of Object.entries(v)) if (typeof why === "string") out[k] = why;
  return out;
}

/** Builds the error a failed response stands for, whatever its body looks like. */
export function errorFromResponse(
  status: number,
  body: unknown,
  retryAfterHeader: string | null = null,
): ApiRequestError {
  const b: ErrorBody = isRecord(body) ? body : {};
  const e = isRecord(b.error) ? b.error : {};
  const extra = Object.fromEntries(Object.entries(b).filter(([k]) => k !== "error"));
  const code = typeof e.code === "string" ? e.code : `http_${status}`;
  return new ApiRequestError(
    status,
    code,
    localisedMessage(code, typeof e.message === "string" ? e.message : `HTTP ${status}`),
    stringFields(e.fields),
    extra,
    parseRetryAfter(retryAfterHeader),
  );
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Whether an answer means the session is over. The session endpoints themselves answer 401 as
 * part of signing in (no session yet, wrong password), so only other paths end one.
 */
export function endsSession(path: string, err: ApiRequestError): boolean {
  if (err.status !== 401 || err.code !== "unauthenticated") return false;
  return !new URL(path, "http://nigrani.invalid").pathname.startsWith(SESSION_PATH);
}

export const SESSION_PATH = "/api/v1/session";

/** Fetches `path` as JSON; resolves with the parsed body of a 2xx, rejects with ApiRequestError. */
export async function apiFetch<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const token = method === "GET" ? null : csrfToken();
  if (token) headers["x-csrf-token"] = token;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    // The browser's own words ("Failed to fetch") are English whatever the screen's language.
    const raw = err instanceof Error ? err.message : String(err);
    throw new ApiRequestError(0, "network", localisedMessage("network", raw));
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = errorFromResponse(res.status, body, res.headers.get("retry-after"));
    if (endsSession(path, err)) sessionEnded();
    throw err;
  }
  return body as T;
}

/** A query string from the defined, non-empty values (`?a=1&b=x`, or "" when none). */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

/** A message to show for any failure. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
