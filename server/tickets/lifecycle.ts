import { trackUrl } from "./otp.js";
import { canTransition, type CategoryId, type Status } from "../../shared/domain.js";
import { OFFICER_ROLES, type OfficerRole } from "../officers/roles.js";
import { fixedLimit } from "../store/limit.js";
import type { NewEvent, StoreTx, TicketRow } from "../store/store.js";
import { TicketError, type TicketContext } from "./context.js";
import { escalationText, feedbackRequestText } from "./messages.js";
import { enqueueMessage, replyChannel } from "../outbox/outbox.js";
import { notifyOfficer } from "./routing.js";
import { ruleFor } from "./settings.js";
import { deadlineFor, slaStateAt } from "./sla.js";

/** Shared steps of the ticket commands: checked transitions, deadlines and the escalation ladder. */

export interface Step {
  patch: Partial<TicketRow>;
  events: NewEvent[];
}

export function requireTransition(t: TicketRow, to: Status, verb: string): void {
  if (!canTransition(t.status as Status, to)) {
    throw new TicketError(
      409,
      "invalid_transition",
      `cannot ${verb} ticket ${t.number}: it is ${t.status}`,
      {
        status: t.status,
      },
    );
  }
}

export function statusStep(
  t: TicketRow,
  to: Status,
  at: string,
  actor: string | null,
  data: Record<string, unknown> = {},
): Step {
  return {
    patch: { status: to, updated_at: at },
    events: [{ type: "status_changed", at, actor, data: { from: t.status, to, ...data } }],
  };
}

/** Recomputes due time and SLA state after the category or feeder changed (the clock keeps its start). */
export function deadlineStep(ctx: TicketContext, t: TicketRow): Partial<TicketRow> {
  const feeder = t.feeder_id ? ctx.network.unit(t.feeder_id) : null;
  const d = deadlineFor(
    ctx.settings.get().slaLimits,
    t.category as CategoryId | null,
    feeder ?? null,
    t.created_at,
  );
  return {
    due_at: d.dueAt,
    at_risk_at: d.atRiskAt,
    sla_state: slaStateAt(d, ctx.clock.now()),
    next_escalation_at: t.escalation_level === 0 ? d.dueAt : t.next_escalation_at,
  };
}

/** The role a ticket starts with on the ladder (JE for technical, SDO for commercial by default). */
export function startRole(ctx: TicketContext, t: TicketRow): OfficerRole {
  const path = JSON.parse(t.path) as string[];
  const rule = t.category
    ? ruleFor(ctx.settings.get().routing, t.category as CategoryId, path)
    : undefined;
  return rule?.role ?? "je";
}

/** Hours the regulator allows this ticket; each further escalation comes after another such period. */
export function allowedMs(t: TicketRow): number {
  return t.due_at
    ? Math.max(3_600_000, Date.parse(t.due_at) - Date.parse(t.created_at))
    : 24 * 3_600_000;
}

/**
 * One step up the ladder (JE -> SDO -> XEN -> SE -> CE -> MD): an event naming the officer now
 * answerable, who is notified through the outbox. Null at the top of the ladder or off the network.
 */
export async function escalationStep(
  ctx: TicketContext,
  tx: StoreTx,
  t: TicketRow,
  reason: string,
  actor: string | null,
): Promise<Step | null> {
  if (!t.feeder_id) return null;
  const start = OFFICER_ROLES.indexOf(startRole(ctx, t));
  const level = t.escalation_level + 1;
  const role = OFFICER_ROLES[start + level];
  if (!role) return null;
  const path = JSON.parse(t.path) as string[];
  const officer = ctx.officers.acting(ctx.officers.holder(ctx.network, path, role));
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (officer)
    await notifyOfficer(
      ctx,
      tx,
      officer.id,
      t,
      escalationText(t.number, level, reason),
      "escalation_notice",
    );
  return {
    patch: {
      escalation_level: level,
      updated_at: at,
      next_escalation_at: new Date(now.getTime() + allowedMs(t)).toISOString(),
    },
    events: [
      {
        type: "escalated",
        at,
        actor,
        data: { level, role, officerId: officer?.id ?? null, reason },
      },
    ],
  };
}

/** Merges steps into one patch and one event list, in order. */
export function combine(
  t: TicketRow,
  ...steps: Array<Step | null>
): { after: TicketRow; events: NewEvent[] } {
  let after = t;
  const events: NewEvent[] = [];
  for (const s of steps) {
    if (!s) continue;
    after = { ...after, ...s.patch };
    events.push(...s.events);
  }
  return { after, events };
}

/**
 * Resolving: the ticket waits for the consumer's confirmation until `confirm_by`; the officer who
 * held it is recorded as the one who resolved it (false closures count against them).
 */
export function resolveStep(
  ctx: TicketContext,
  t: TicketRow,
  note: string,
  at: string,
  actor: string,
  data: Record<string, unknown> = {},
): Step {
  requireTransition(t, "resolved", "resolve");
  const window = ctx.settings.get().confirmWindowHours * 3_600_000;
  return {
    patch: {
      status: "resolved",
      updated_at: at,
      resolved_at: at,
      first_resolved_at: t.first_resolved_at ?? at,
      resolved_by: t.assignee_id ?? actor,
      resolution_note: note,
      confirm_by: new Date(Date.parse(at) + window).toISOString(),
      // OTP tries are not reset: they count over the ticket's life, or a resolve/reopen cycle
      // would give a guesser five more tries each time.
    },
    events: [
      {
        type: "status_changed",
        at,
        actor,
        data: { from: t.status, to: "resolved", note, resolvedBy: t.assignee_id ?? actor, ...data },
      },
    ],
  };
}

/** Asks the consumer, on the channel they used last, whether the problem is fixed. */
export async function askFeedback(
  ctx: TicketContext,
  tx: StoreTx,
  t: TicketRow,
  at: string,
  kind: "feedback_request" | "incident_notice" = "feedback_request",
): Promise<void> {
  // The consumer hears back where they last wrote or called about this ticket, not where it began.
  const last = await tx.kysely
    .selectFrom("reports")
    .select("channel")
    .where("ticket_id", "=", t.id)
    .orderBy("received_at", "desc")
    .orderBy("created_at", "desc")
    .limit(fixedLimit(1))
    .executeTakeFirst();
  const channel = replyChannel(last?.channel ?? t.channel, t.phone);
  // Messenger, Instagram and X direct-message consumers are addressed by their conversation's id.
  const conversation =
    channel === "facebook" || channel === "instagram" || channel === "x"
      ? await tx.kysely
          .selectFrom("conversations")
          .select("address")
          .where("channel", "=", channel)
          .where("ticket_id", "=", t.id)
          .executeTakeFirst()
      : undefined;
  const link = trackUrl(ctx.publicUrl, ctx.otpSecret, t.number);
  const body = feedbackRequestText(t.number, link);
  await enqueueMessage(
    tx.kysely,
    {
      ticketId: t.id,
      channel: channel ?? "log",
      recipient:
        (conversation && channel === "x" ? `dm:${conversation.address}` : conversation?.address) ??
        t.phone ??
        "unknown",
      kind,
      body,
      params: { ticketNumber: t.number, trackUrl: link },
    },
    at,
  );
}
