import { randomUUID } from "node:crypto";
import type { CategoryId, Channel } from "../../shared/domain.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { Clock } from "../clock/clock.js";
import type { TicketChange } from "../events/bus.js";
import type { Network } from "../network/loaded-network.js";
import type { ReportRow, StoreTx, TicketRow } from "../store/store.js";
import { excerptOf } from "./present.js";
import { deadlineFor, slaStateAt, type SlaLimit } from "./sla.js";
import { writeChange, type TicketWriter } from "./writer.js";

export interface TicketContext {
  writer: TicketWriter;
  network: Network;
  clock: Clock;
  slaLimits: SlaLimit[];
}

/** What triage decided about a new report. */
export interface TriageResult {
  category: CategoryId | null;
  confidence: number;
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
}

export interface FiledReport {
  ticket: TicketRow;
  report: ReportRow;
  created: boolean;
  change: TicketChange | null;
}

/** Window within which the same consumer's report of the same problem joins their open ticket. */
export const DUPLICATE_WINDOW_MS = 48 * 3_600_000;

/**
 * Files a report: returns the ticket it already belongs to (idempotent retry or redelivery), joins
 * the consumer's open ticket for the same problem, or creates a new ticket. One transaction.
 */
export function fileReport(ctx: TicketContext, r: ReportToFile): Promise<FiledReport> {
  return ctx.writer.commit(async (tx) => {
    const existing = await findExisting(tx, r);
    if (existing) {
      const ticket = await tx.getTicket(existing.ticket_id);
      if (!ticket) throw new Error(`report ${existing.id} points at a missing ticket`);
      return { ticket, report: existing, created: false, change: null };
    }
    const now = ctx.clock.now();
    const at = now.toISOString();
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
    id: `rep_${randomUUID()}`,
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
  const after: TicketRow = { ...open, report_count: open.report_count + 1, updated_at: at };
  const change = await writeChange(tx, open, after, [
    {
      type: "report_attached",
      at,
      actor: null,
      data: { reportId: report.id, channel: r.input.channel },
    },
  ]);
  return { ticket: change.after, report, created: false, change };
}

async function create(
  ctx: TicketContext,
  tx: StoreTx,
  r: ReportToFile,
  now: Date,
): Promise<FiledReport> {
  const at = now.toISOString();
  const { category, confidence, feeder, districtId, placedBy } = r.triage;
  const needsTriage = category === null || feeder === null;
  const path = feeder ? feeder.path : [ROOT_UNIT_ID];
  const deadline = deadlineFor(ctx.slaLimits, category, feeder, at);
  const draft = {
    number: `TMP-${randomUUID()}`,
    status: "new",
    category,
    confidence,
    channel: r.input.channel as Channel,
    feeder_id: feeder?.id ?? null,
    path: JSON.stringify(path),
    district_id: feeder?.districtId ?? districtId,
    needs_triage: needsTriage ? 1 : 0,
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
  };
  const id = await tx.insertTicket(draft);
  const circle = feeder ? ctx.network.circleOf(feeder) : undefined;
  const ticket: TicketRow = { ...draft, id, number: ticketNumber(circle?.code, id) };
  const report = await insertReport(tx, r, id, at);
  const change = await writeChange(tx, null, ticket, [
    {
      type: "created",
      at,
      actor: null,
      data: {
        reportId: report.id,
        channel: r.input.channel,
        category,
        confidence,
        feederId: feeder?.id ?? null,
        placedBy,
      },
    },
  ]);
  return { ticket: change.after, report, created: true, change };
}

/** Human-readable ticket number: the circle's code and the ticket key, e.g. LKO-000123. */
export function ticketNumber(prefix: string | undefined, id: number): string {
  return `${prefix ?? "NGR"}-${String(id).padStart(6, "0")}`;
}

export function normalisePhone(phone: string | undefined | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  // Indian mobiles: keep the 10-digit national number so +91 / 0 prefixes match the same person.
  return digits.length > 10 && (digits.startsWith("91") || digits.startsWith("0"))
    ? digits.slice(-10)
    : digits;
}

/** Moves a ticket's SLA state to what the clock says now (called by the clock sweep). */
export function refreshSla(
  ctx: TicketContext,
  ticketId: number,
): Promise<{ change: TicketChange | null }> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicket(ticketId);
    if (!t) return { change: null };
    const now = ctx.clock.now();
    const state = slaStateAt({ dueAt: t.due_at, atRiskAt: t.at_risk_at }, now);
    if (state === t.sla_state) return { change: null };
    const at = now.toISOString();
    const change = await writeChange(tx, t, { ...t, sla_state: state, updated_at: at }, [
      { type: "sla_changed", at, actor: null, data: { from: t.sla_state, to: state } },
    ]);
    return { change };
  });
}
