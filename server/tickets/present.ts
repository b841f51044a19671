import {
  CATEGORY_IDS,
  type CategoryId,
  type Channel,
  type SlaState,
  type Status,
} from "../../shared/domain.js";
import type {
  ReportView,
  TicketEventType,
  TicketEventView,
  TicketSummary,
} from "../../shared/tickets.js";
import type { EventRow, ReportRow, TicketRow } from "../store/store.js";
import type { Disclosure } from "../policies/index.js";

/** Presenters own the wire shape: rows never go over the wire, and personal data is masked here. */

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  return digits.length <= 4 ? "••••" : "•".repeat(digits.length - 4) + digits.slice(-4);
}

/** Hides long digit runs (phones, accounts) in free text shown on shared screens. */
export function maskDigits(text: string): string {
  return text.replace(/\+?\d[\d -]{6,}\d/g, (m) => {
    const d = m.replace(/\D/g, "");
    return "•".repeat(Math.max(0, d.length - 4)) + d.slice(-4);
  });
}

/**
 * Report text for a viewer who may not see personal data: every run of five or more digits
 * (phones, account numbers, PIN codes, house numbers in an address) keeps only its last two.
 */
export function maskPersonalText(text: string): string {
  return text.replace(/\+?\d[\d -]{3,}\d/g, (m) => {
    const d = m.replace(/\D/g, "");
    return d.length < 5 ? m : "•".repeat(d.length - 2) + d.slice(-2);
  });
}

export function maskAccount(account: string | null): string | null {
  return account ? "•".repeat(Math.max(0, account.length - 4)) + account.slice(-4) : null;
}

export function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return maskDigits(line.length > 160 ? line.slice(0, 157) + "…" : line);
}

export function presentTicket(t: TicketRow): TicketSummary {
  return {
    number: t.number,
    seq: t.last_seq,
    status: t.status as Status,
    category: t.category as CategoryId | null,
    channel: t.channel as Channel,
    feederId: t.feeder_id,
    path: JSON.parse(t.path) as string[],
    districtId: t.district_id,
    needsTriage: t.needs_triage === 1,
    slaState: t.sla_state as SlaState,
    createdAt: t.created_at,
    dueAt: t.due_at,
    updatedAt: t.updated_at,
    excerpt: t.excerpt,
    reportCount: t.report_count,
    assigneeId: t.assignee_id,
    escalationLevel: t.escalation_level,
    incidentId: t.incident_id,
    confidence: t.confidence,
    suggestedCategory: (CATEGORY_IDS as readonly string[]).includes(t.suggested_category ?? "")
      ? (t.suggested_category as CategoryId)
      : null,
  };
}

/** A report as a viewer may see it: in full for those who work tickets, else masked. */
export function presentReport(r: ReportRow, disclosure: Disclosure = "masked"): ReportView {
  const full = disclosure === "full";
  return {
    id: r.id,
    channel: r.channel as Channel,
    externalId: r.external_id,
    text: full ? r.text : maskPersonalText(r.text),
    receivedAt: r.received_at,
    consumerAccount: full ? r.consumer_account : maskAccount(r.consumer_account),
    phone: full ? r.phone : maskPhone(r.phone),
    lat: r.lat,
    lon: r.lon,
  };
}

export function presentEvent(e: EventRow, ticketNumber: string): TicketEventView {
  return {
    seq: Number(e.seq),
    ticketNumber,
    type: e.type as TicketEventType,
    at: e.at,
    actor: e.actor,
    data: JSON.parse(e.data) as Record<string, unknown>,
  };
}

/** The answer to a filed report, the same on every channel that answers in JSON. */
export function presentFiled(
  filed: {
    ticket: TicketRow;
    report: ReportRow;
    created: boolean;
    change: unknown;
  },
  disclosure: Disclosure = "masked",
) {
  const duplicate = filed.change === null;
  return {
    status: duplicate ? 200 : 201,
    body: {
      ticket: presentTicket(filed.ticket),
      report: presentReport(filed.report, disclosure),
      created: filed.created,
      duplicate,
    },
  };
}
