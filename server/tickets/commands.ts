import { normalisePhone } from "./phone.js";
import type { CategoryId, Channel } from "../../shared/domain.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { TicketChange } from "../events/bus.js";
import {
  enqueueMessage,
  messagingSenderOf,
  replyChannel,
  xDmRecipientOf,
} from "../outbox/outbox.js";
import type { NewEvent, ReportRow, StoreTx, TicketRow } from "../store/store.js";
import type { TicketContext } from "./context.js";
import { askPlacementText, ticketAckText } from "./messages.js";
import { hashOtp, newOtp, trackUrl } from "./otp.js";
import { excerptOf } from "./present.js";
import { notifyOfficer, routeTicket } from "./routing.js";
import { deadlineFor, slaStateAt } from "./sla.js";
import { writeChange } from "./writer.js";
import { newReportId } from "./report-id.js";
import { joinOpenIncident, saveWithChange } from "../incidents/commands.js";
import { getIncident } from "../incidents/incidents.js";
import { languageOf } from "../intake/contacts.js";
import { answerWithNotice } from "../notices/replies.js";
import type { ShutdownRow } from "../notices/schema.js";
import { activeShutdownOn } from "../notices/shutdowns.js";

export type { TicketContext } from "./context.js";

/** What triage decided about a new report. */
export interface TriageResult {
  category: CategoryId | null;
  confidence: number;
  /** The categoriser's best label, kept for the triage queue when it was below the threshold. */
  suggested?: string | null;
  feeder: Unit | null;
  districtId: string | null;
  /** How the report was placed: account, point, text, or not at all. */
  placedBy: "account" | "point" | "text" | null;
}

export interface ReportToFile {
  input: ReportInput;
  idempotencyKey: string | null;
  raw: unknown;
  triage: TriageResult;
  /** Join this ticket instead of looking for one (a reply in a conversation, an incident). */
  joinTicketId?: number;
  /** Who filed it: the signed-in user or intake key (`user:…`, `key:…`), or the channel's webhook. */
  actor?: string;
}

export interface FiledReport {
  ticket: TicketRow;
  report: ReportRow;
  created: boolean;
  /** Null when the report was already known (a retry or a redelivery): nothing changed. */
  change: TicketChange | null;
  changes: TicketChange[];
}

/** Window within which the same consumer's report of the same problem joins their open ticket. */
export const DUPLICATE_WINDOW_MS = 48 * 3_600_000;

/**
 * Files a report: returns the ticket it already belongs to (idempotent retry or redelivery), joins
 * the consumer's open ticket for the same problem, or creates, routes and acknowledges a new
 * ticket. One transaction.
 */
export function fileReport(ctx: TicketContext, r: ReportToFile): Promise<FiledReport> {
  return ctx.writer.commit(async (tx) => {
    const existing = await findExisting(tx, r);
    if (existing) {
      const ticket = await tx.getTicket(existing.ticket_id);
      if (!ticket) throw new Error(`report ${existing.id} points at a missing ticket`);
      return { ticket, report: existing, created: false, change: null, changes: [] };
    }
    const now = ctx.clock.now();
    const at = now.toISOString();
    if (r.joinTicketId !== undefined) {
      const target = await tx.getTicket(r.joinTicketId);
      if (target) return attach(tx, target, r, at);
    }
    const account = r.input.consumerAccount ?? null;
    const phone = normalisePhone(r.input.phone);
    const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
    const open = await tx.findOpenTicketOf({ account, phone }, r.triage.category, since);
    if (open && r.triage.category !== null) return attach(tx, open, r, at);
    return create(ctx, tx, r, now);
  });
}

async function findExisting(tx: StoreTx, r: ReportToFile): Promise<ReportRow | undefined> {
  if (r.idempotencyKey) {
    const byKey = await tx.findReportByIdempotencyKey(r.idempotencyKey);
    if (byKey) return byKey;
  }
  if (r.input.externalId) return tx.findReportByExternalId(r.input.channel, r.input.externalId);
  return undefined;
}

async function insertReport(
  tx: StoreTx,
  r: ReportToFile,
  ticketId: number,
  at: string,
): Promise<ReportRow> {
  const row: ReportRow = {
    id: newReportId(),
    channel: r.input.channel,
    external_id: r.input.externalId ?? null,
    idempotency_key: r.idempotencyKey,
    text: r.input.text,
    received_at: r.input.receivedAt ? new Date(r.input.receivedAt).toISOString() : at,
    consumer_account: r.input.consumerAccount ?? null,
    phone: normalisePhone(r.input.phone),
    lat: r.input.lat ?? null,
    lon: r.input.lon ?? null,
    category_hint: r.input.category ?? null,
    officer_id: r.input.officerId ?? null,
    source_url: r.input.sourceUrl ?? null,
    raw: r.raw === undefined ? null : JSON.stringify(r.raw),
    ticket_id: ticketId,
    created_at: at,
  };
  await tx.insertReport(row);
  return row;
}

async function attach(
  tx: StoreTx,
  open: TicketRow,
  r: ReportToFile,
  at: string,
): Promise<FiledReport> {
  const report = await insertReport(tx, r, open.id, at);
  const after: TicketRow = {
    ...open,
    report_count: open.report_count + 1,
    updated_at: at,
    consumer_account: open.consumer_account ?? r.input.consumerAccount ?? null,
    phone: open.phone ?? normalisePhone(r.input.phone),
  };
  const change = await writeChange(tx, open, after, [
    {
      type: "report_attached",
      at,
      actor: r.actor ?? null,
      data: { reportId: report.id, channel: r.input.channel },
    },
  ]);
  // A report joining a ticket of an open incident grows the incident's report count too.
  const incident = open.incident_id ? await getIncident(tx.kysely, open.incident_id) : undefined;
  if (incident?.status === "open") {
    await saveWithChange(
      tx,
      { ...incident, report_count: incident.report_count + 1 },
      change,
      false,
    );
  }
  return { ticket: change.after, report, created: false, change, changes: [change] };
}

async function create(
  ctx: TicketContext,
  tx: StoreTx,
  r: ReportToFile,
  now: Date,
): Promise<FiledReport> {
  const at = now.toISOString();
  const { category, confidence, feeder, districtId, placedBy } = r.triage;
  const suggested = r.triage.suggested ?? null;
  // Without a feeder, a known district sends the ticket to that district's control room.
  const waitsAt = feeder ?? (districtId ? ctx.network.districtUnit(districtId) : undefined);
  const path = waitsAt ? waitsAt.path : [ROOT_UNIT_ID];
  // No supply inside a planned shutdown is expected: its SLA clock starts when the window ends.
  const shutdown =
    category === "supply_cut" && feeder
      ? await activeShutdownOn(tx.kysely, feeder.id, at)
      : undefined;
  const deadline = deadlineFor(
    ctx.settings.get().slaLimits,
    category,
    feeder,
    shutdown ? shutdown.ends_at : at,
  );
  const id = await tx.reserveTicketId();
  const circle = waitsAt ? ctx.network.circleOf(waitsAt) : undefined;
  const number = ticketNumber(circle?.code, id);
  const otp = newOtp();
  let ticket: TicketRow = {
    id,
    number,
    status: "new",
    category,
    confidence,
    channel: r.input.channel as Channel,
    feeder_id: feeder?.id ?? null,
    path: JSON.stringify(path),
    district_id: feeder?.districtId ?? districtId,
    needs_triage: category === null || feeder === null ? 1 : 0,
    sla_state: slaStateAt(deadline, now),
    created_at: at,
    due_at: deadline.dueAt,
    at_risk_at: deadline.atRiskAt,
    updated_at: at,
    resolved_at: null,
    closed_at: null,
    excerpt: excerptOf(r.input.text),
    report_count: 1,
    assignee_id: null,
    escalation_level: 0,
    incident_id: null,
    consumer_account: r.input.consumerAccount ?? null,
    phone: normalisePhone(r.input.phone),
    last_seq: 0,
    otp_hash: hashOtp(ctx.otpSecret, number, otp),
    otp_attempts: 0,
    resolved_by: null,
    resolution_note: null,
    closure: null,
    confirm_by: null,
    feedback_resolved: null,
    feedback_rating: null,
    false_closures: 0,
    next_escalation_at: deadline.dueAt,
    merged_into: null,
    first_resolved_at: null,
    suggested_category: suggested,
  };
  const report = await insertReport(tx, r, id, at);
  const events: NewEvent[] = [
    {
      type: "created",
      at,
      actor: r.actor ?? null,
      data: {
        reportId: report.id,
        channel: r.input.channel,
        category,
        confidence,
        feederId: feeder?.id ?? null,
        placedBy,
        ...(shutdown ? { shutdownId: shutdown.id } : {}),
      },
    },
  ];
  const routed = routeTicket(ctx, ticket, at);
  if (routed) {
    ticket = { ...ticket, ...routed.patch };
    events.push(...routed.events);
  }
  const substationId = feeder?.parentId ?? undefined;
  const joined = await joinOpenIncident(tx, ticket, substationId, at);
  if (joined) {
    ticket = { ...ticket, ...joined.step.patch };
    events.push(...joined.step.events);
  }
  const change = await writeChange(tx, null, ticket, events);
  if (joined) await saveWithChange(tx, joined.incident, change, false);
  await acknowledge(ctx, tx, change.after, r, { otp, reportId: report.id, shutdown }, at);
  // The officer already knows of a planned shutdown; a complaint inside it is not news to them.
  if (routed && change.after.assignee_id && !shutdown)
    await notifyOfficer(ctx, tx, change.after.assignee_id, change.after);
  return { ticket: change.after, report, created: true, change, changes: [change] };
}

/**
 * Sends the consumer the ticket number and closure OTP on the channel they used, or the notice of
 * the outage or shutdown their complaint is part of.
 */
async function acknowledge(
  ctx: TicketContext,
  tx: StoreTx,
  t: TicketRow,
  r: ReportToFile,
  { otp, reportId, shutdown }: { otp: string; reportId: string; shutdown: ShutdownRow | undefined },
  at: string,
) {
  const channel = replyChannel(r.input.channel, t.phone);
  const recipient =
    channel === "x"
      ? (xDmRecipientOf(r.raw) ?? r.input.externalId ?? "unknown")
      : channel === "facebook" || channel === "instagram"
        ? (messagingSenderOf(r.raw) ?? "unknown")
        : (t.phone ?? "unknown");
  // Part of an announced outage or a planned shutdown: the notice answers it, not a ticket number.
  if (
    channel &&
    (await answerWithNotice(tx.kysely, ctx.network, t, {
      channel,
      recipient,
      language: languageOf(r.input.text) ?? "hi",
      reportId,
      shutdown,
      at,
    }))
  )
    return;
  const link = trackUrl(ctx.publicUrl, ctx.otpSecret, t.number);
  await enqueueMessage(
    tx.kysely,
    {
      ticketId: t.id,
      channel: channel ?? "log",
      recipient,
      kind: "ticket_ack",
      body: ticketAckText(t.number, t.category as CategoryId | null, otp, link),
      params: { ticketNumber: t.number, otp, trackUrl: link },
    },
    at,
  );
  if (t.feeder_id === null && channel === "whatsapp") {
    await enqueueMessage(
      tx.kysely,
      {
        ticketId: t.id,
        channel,
        recipient,
        kind: "ask_placement",
        body: askPlacementText(t.number),
        params: { ticketNumber: t.number },
      },
      at,
    );
  }
}

/** Human-readable ticket number: the circle's code and the ticket key, e.g. LKO-000123. */
export function ticketNumber(prefix: string | undefined, id: number): string {
  return `${prefix ?? "NGR"}-${String(id).padStart(6, "0")}`;
}

export { normalisePhone } from "./phone.js";
