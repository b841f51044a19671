import type { z } from "zod";
import {
  open311PostSchema,
  open311RequestsQuerySchema,
  type Open311Post,
} from "../../../shared/channels.js";
import { CATEGORIES } from "../../../shared/domain.js";
import { MAX_REPORT_TEXT, reportInputSchema, type ReportInput } from "../../../shared/schemas.js";
import type { Store, TicketRow } from "../../store/store.js";
import { ingestReport, type IntakeContext } from "../ingest.js";
import { OPEN311_CLOSED_STATUSES, istDateTime } from "./present.js";
import { UNCLASSIFIED, findService } from "./services.js";

/** An Open311 error: the HTTP status and the `[{ code, description }]` it answers with. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly descriptions: string[],
  ) {
    super(descriptions.join("; "));
  }
}

/** Open311 wants one description per problem; name the field unless the message already does. */
function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const field = i.path.join(".");
    return !field || i.message.startsWith(field) ? i.message : `${field}: ${i.message}`;
  });
}

export const MAX_REQUESTS = 1000;
const WINDOW_MS = 90 * 24 * 3_600_000;

/**
 * Who an `api_key` stands for (the intake key's actor), or null when it is missing, unknown,
 * revoked, over its rate or not allowed to file on Open311.
 */
export type Open311KeyCheck = (given: string | undefined) => Promise<string | null>;

const REFUSED = "Invalid api_key received -- can't proceed with create_request.";

/** The form as a report: the description and any address in the text, the point, the account. */
export function reportFromForm(form: Open311Post): ReportInput {
  const parts = [
    form.description?.trim(),
    form.address_string ? `Address: ${form.address_string.trim()}` : undefined,
    form.address_id ? `Address id: ${form.address_id.trim()}` : undefined,
  ].filter((p): p is string => Boolean(p));
  const category = form.service_code === UNCLASSIFIED ? undefined : form.service_code;
  const text = parts.length
    ? parts.join("\n")
    : `${category ? CATEGORIES[category].en : "Electricity complaint"} (Open311)`;
  const parsed = reportInputSchema.safeParse({
    channel: "open311",
    text: text.slice(0, MAX_REPORT_TEXT),
    ...(category ? { category } : {}),
    ...(form.lat !== undefined && form.long !== undefined
      ? { lat: Number(form.lat), lon: Number(form.long) }
      : {}),
    ...(form.account_id ? { consumerAccount: form.account_id } : {}),
    ...(form.phone ? { phone: form.phone } : {}),
  });
  if (!parsed.success) throw new Open311Error(400, describe(parsed.error));
  return parsed.data;
}

/** POST requests.fmt: validate the form, file it, answer with the ticket number. */
export async function createServiceRequest(
  ctx: IntakeContext,
  fields: Record<string, string>,
  opts: { checkKey: Open311KeyCheck; idempotencyKey: string | null },
) {
  // The key is checked before anything else in the form is looked at.
  const actor = await opts.checkKey(fields.api_key);
  if (!actor) throw new Open311Error(403, [REFUSED]);
  // The spec's 404 is for an unknown resource; a service code we do not offer is one.
  if (fields.service_code && !findService(fields.service_code))
    throw new Open311Error(404, [`service_code ${fields.service_code} is not a known service`]);
  const parsed = open311PostSchema.safeParse(fields);
  if (!parsed.success) throw new Open311Error(400, describe(parsed.error));
  const input = reportFromForm(parsed.data);
  // Everything the client sent is kept for audit, except the key that authorised it.
  const raw: Record<string, string> = { ...fields };
  delete raw.api_key;
  const filed = await ingestReport(ctx, input, {
    raw,
    actor,
    idempotencyKey: opts.idempotencyKey ? `open311:${opts.idempotencyKey}` : null,
  });
  const due = istDateTime(filed.ticket.due_at);
  return {
    service_request_id: filed.ticket.number,
    service_notice: due ? `Registered as ${filed.ticket.number}; expected by ${due}.` : null,
    account_id: parsed.data.account_id ?? null,
  };
}

/** GET requests.fmt: ids override every other filter; otherwise a window of at most 90 days. */
export async function findServiceRequests(
  store: Store,
  query: Record<string, string>,
  now: Date,
): Promise<TicketRow[]> {
  const parsed = open311RequestsQuerySchema.safeParse(query);
  if (!parsed.success) throw new Open311Error(400, describe(parsed.error));
  const q = parsed.data;
  if (q.service_request_id) {
    const numbers = [
      ...new Set(
        q.service_request_id
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (numbers.length > MAX_REQUESTS)
      throw new Open311Error(400, [`service_request_id: at most ${MAX_REQUESTS} ids`]);
    return store.ticketsForOpen311({ numbers, limit: MAX_REQUESTS });
  }
  const codes =
    q.service_code
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  const unknown = codes.filter((c) => !findService(c));
  if (unknown.length)
    throw new Open311Error(400, [`service_code ${unknown.join(", ")} is not a known service`]);
  const uncategorised = codes.includes(UNCLASSIFIED);
  const categories = codes.filter((c) => c !== UNCLASSIFIED);
  const startMs = q.start_date ? Date.parse(q.start_date) : undefined;
  const endMs = q.end_date
    ? Date.parse(q.end_date)
    : startMs !== undefined
      ? Math.min(startMs + WINDOW_MS, now.getTime())
      : now.getTime();
  const fromMs = startMs ?? endMs - WINDOW_MS;
  if (fromMs > endMs) throw new Open311Error(400, ["start_date must be before end_date"]);
  if (endMs - fromMs > WINDOW_MS)
    throw new Open311Error(400, ["start_date and end_date may not span more than 90 days"]);
  const wanted = new Set(q.status?.split(","));
  const statuses =
    wanted.size === 1
      ? wanted.has("closed")
        ? { in: OPEN311_CLOSED_STATUSES }
        : { notIn: OPEN311_CLOSED_STATUSES }
      : undefined;
  return store.ticketsForOpen311({
    from: new Date(fromMs).toISOString(),
    // end_date is inclusive in the spec's wording ("latest datetime to include").
    to: new Date(endMs + 1).toISOString(),
    categories,
    uncategorised,
    statuses,
    limit: MAX_REQUESTS,
  });
}
