import { TicketError } from "../tickets/context.js";
import type { ErrorRequestHandler, Request, Response, NextFunction, RequestHandler } from "express";
import type { Logger } from "pino";
import type { z } from "zod";
import { fieldErrors, type ApiError } from "../../shared/schemas.js";
import { isStorageFault } from "../store/faults.js";

/** An error with an HTTP status, a stable code and a human message (and fields for 400s). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
    /** Sent with the answer (a 429's Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Parses with a shared schema or throws a 400 naming each bad field and why. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = "request",
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  const summary = Object.entries(fields)
    .map(([f, why]) => `${f} ${why}`)
    .join("; ");
  throw new HttpError(400, "invalid_input", `invalid ${what}: ${summary}`, fields);
}

/** Lets async route handlers throw; Express 5 forwards rejected promises, this keeps types tidy. */
export function route(
  fn: (req: Request, res: Response) => Promise<unknown> | unknown,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await fn(req, res);
    } catch (err) {
      next(err);
    }
  };
}

function ticketRefusal(err: TicketError): HttpError {
  const fields = err.extra.fields as Record<string, string> | undefined;
  return new HttpError(err.status, err.code, err.message, fields, err.extra);
}

/** What an error is answered with: status, the JSON body and any headers (Retry-After). */
export interface Problem {
  status: number;
  body: { error: ApiError["error"] } & Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The one mapping from a thrown error to its answer, for the error handler and the report lane
 * (report-lane.ts): a refusal or bad input as its 4xx, a storage fault as 503 with Retry-After,
 * anything else a logged 500.
 */
export function problemOf(thrown: unknown, log: Logger, url: string): Problem {
  let err = thrown;
  const problem = (
    status: number,
    error: ApiError["error"],
    extra?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Problem => ({ status, body: { error, ...extra }, headers });
  // A command's refusal (a ticket's state does not allow it, an OTP is wrong) is the caller's
  // to show, whichever route ran the command: converted here, once.
  if (err instanceof TicketError) err = ticketRefusal(err);
  if (err instanceof HttpError) {
    if (err.status >= 500) log.error({ err, url }, err.message);
    return problem(
      err.status,
      { code: err.code, message: err.message, fields: err.fields },
      err.extra,
      err.headers,
    );
  }
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === "entity.parse.failed") {
    return problem(400, {
      code: "invalid_json",
      message: "the body is not valid JSON",
      fields: { "(body)": "is not valid JSON" },
    });
  }
  if (e.type === "entity.too.large") {
    return problem(413, { code: "too_large", message: "the body is too large" });
  }
  if (e.status && e.status >= 400 && e.status < 500) {
    return problem(e.status, { code: "bad_request", message: e.message ?? "bad request" });
  }
  if (isStorageFault(err)) {
    log.error({ err, url }, "storage fault; answered 503");
    return problem(
      503,
      {
        code: "unavailable",
        message: "storage is unavailable for a moment; nothing was changed, try again",
      },
      undefined,
      { "Retry-After": "5" },
    );
  }
  log.error({ err, url }, "unhandled error");
  return problem(500, { code: "internal", message: "something went wrong; it has been logged" });
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    const { status, body, headers } = problemOf(thrown, log, req.originalUrl);
    if (headers) res.set(headers);
    res.status(status).json(body);
  };
}

/** The largest body an API route reads, in bytes (a report is a few hundred). */
export const BODY_LIMIT = 64 * 1024;
