import type { CategoryId } from "../../shared/domain.js";
import type { TicketAction } from "../../shared/schemas.js";
import type { TicketChange } from "../events/bus.js";
import type { StoreTx, TicketRow } from "../store/store.js";
import { TicketError, type TicketContext } from "./context.js";
import {
  askFeedback,
  combine,
  deadlineStep,
  escalationStep,
  requireTransition,
  resolveStep,
  statusStep,
  type Step,
} from "./lifecycle.js";
import { otpMatches } from "./otp.js";
import { notifyOfficer, routeTicket } from "./routing.js";
import { writeChange } from "./writer.js";

export interface ActionResult {
  ticket: TicketRow;
  changes: TicketChange[];
  /** Set when the action was refused after recording something (a wrong OTP is counted). */
  refusal?: TicketError;
}

/**
 * The ticket actions staff take (POST /api/v1/tickets/:number/actions). Each checks the state
 * machine and writes the ticket and its events in one transaction; invalid moves throw 409.
 */
export function applyAction(
  ctx: TicketContext,
  number: string,
  action: TicketAction,
  actor: string,
): Promise<ActionResult> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicketByNumber(number);
    if (!t) throw new TicketError(404, "not_found", `no ticket ${number}`);
    const at = ctx.clock.now().toISOString();
    switch (action.type) {
      case "assign":
        return write(
          tx,
          t,
          assignStep(ctx, t, action.officerId, action.reason, at, actor),
          async (after) => notifyOfficer(ctx, tx, action.officerId, after),
        );
      case "start":
        requireTransition(t, "in_progress", "start");
        return write(
          tx,
          t,
          statusStep(t, "in_progress", at, actor, action.note ? { note: action.note } : {}),
        );
      case "resolve":
        return write(tx, t, resolveStep(ctx, t, action.note, at, actor), async (after) =>
          askFeedback(ctx, tx, after, at),
        );
      case "reopen":
        requireTransition(t, "reopened", "reopen");
        return write(tx, t, {
          ...statusStep(t, "reopened", at, actor, { reason: action.reason }),
          patch: { status: "reopened", updated_at: at, resolved_at: null, confirm_by: null },
        });
      case "note":
        return write(tx, t, {
          patch: { updated_at: at },
          events: [{ type: "note", at, actor, data: { text: action.text } }],
        });
      case "escalate": {
        if (t.status === "resolved" || t.status === "closed" || t.status === "merged") {
          throw new TicketError(
            409,
            "invalid_transition",
            `cannot escalate ticket ${t.number}: it is ${t.status}`,
            { status: t.status },
          );
        }
        const step = await escalationStep(ctx, tx, t, action.reason, actor);
        if (!step)
          throw new TicketError(
            409,
            "top_of_ladder",
            `ticket ${t.number} cannot be escalated further`,
            { status: t.status },
          );
        return write(tx, t, step);
      }
      case "merge":
        return merge(tx, t, action.into, at, actor);
      case "confirm_otp":
        return confirmOtp(ctx, tx, t, action.otp, at, actor);
      case "place":
        return write(tx, t, placeStep(ctx, t, action.feederId, at, actor), async (after) =>
          routeAfterTriage(ctx, tx, after, at),
        );
      case "categorise":
        return write(tx, t, categoriseStep(ctx, t, action.category, at, actor), async (after) =>
          routeAfterTriage(ctx, tx, after, at),
        );
    }
  });
}

async function write(
  tx: StoreTx,
  t: TicketRow,
  step: Step,
  then?: (after: TicketRow) => Promise<unknown>,
): Promise<ActionResult> {
  const { after, events } = combine(t, step);
  const change = await writeChange(tx, t, after, events);
  // A follow-up may write further changes (routing after triage); they are published and the
  // caller gets the ticket as it stands after them, not as it was before the routing.
  const more = await then?.(change.after);
  const followUps = Array.isArray(more) ? (more as TicketChange[]) : [];
  const changes = [change, ...followUps];
  return { ticket: changes[changes.length - 1].after, changes };
}

function assignStep(
  ctx: TicketContext,
  t: TicketRow,
  officerId: string,
  reason: string | undefined,
  at: string,
  actor: string,
): Step {
  const officer = ctx.officers.get(officerId);
  if (!officer) throw new TicketError(422, "unknown_officer", `no officer ${officerId}`);
  const path = JSON.parse(t.path) as string[];
  if (
    !path.includes(officer.unit_id) &&
    !ctx.network.unit(officer.unit_id)?.path.some((id) => path.includes(id) && id !== path[0])
  ) {
    throw new TicketError(
      422,
      "officer_out_of_area",
      `${officer.name} does not serve this ticket's area`,
    );
  }
  if (t.assignee_id && !reason) {
    throw new TicketError(400, "invalid_input", "reassigning needs a reason", {
      fields: { reason: "is required when reassigning" },
    });
  }
  requireTransition(t, "assigned", "assign");
  return {
    patch: { status: "assigned", assignee_id: officer.id, updated_at: at },
    events: [
      {
        type: "assigned",
        at,
        actor,
        data: { officerId: officer.id, from: t.assignee_id, reason: reason ?? null },
      },
    ],
  };
}

async function merge(
  tx: StoreTx,
  t: TicketRow,
  into: string,
  at: string,
  actor: string,
): Promise<ActionResult> {
  requireTransition(t, "merged", "merge");
  const target = await tx.getTicketByNumber(into);
  if (!target || target.id === t.id)
    throw new TicketError(422, "bad_merge_target", `cannot merge ${t.number} into ${into}`);
  if (target.status === "closed" || target.status === "merged") {
    throw new TicketError(
      409,
      "invalid_transition",
      `cannot merge into ${into}: it is ${target.status}`,
      { status: target.status },
    );
  }
  const a = await writeChange(
    tx,
    t,
    { ...t, status: "merged", merged_into: target.number, updated_at: at },
    [{ type: "merged", at, actor, data: { into: target.number, from: t.status } }],
  );
  const b = await writeChange(
    tx,
    target,
    { ...target, report_count: target.report_count + t.report_count, updated_at: at },
    [{ type: "merged", at, actor, data: { absorbed: t.number, reports: t.report_count } }],
  );
  return { ticket: a.after, changes: [a, b] };
}

async function confirmOtp(
  ctx: TicketContext,
  tx: StoreTx,
  t: TicketRow,
  otp: string,
  at: string,
  actor: string,
): Promise<ActionResult> {
  requireTransition(t, "closed", "close");
  const max = ctx.settings.get().otpMaxAttempts;
  const used = t.otp_attempts ?? 0;
  if (used >= max) {
    throw new TicketError(
      423,
      "otp_locked",
      `too many wrong codes for ${t.number}; the consumer's feedback is needed now`,
      { status: t.status },
    );
  }
  if (otpMatches(ctx.otpSecret, t.number, otp, t.otp_hash)) {
    return write(tx, t, {
      patch: { status: "closed", closure: "confirmed_otp", closed_at: at, updated_at: at },
      events: [
        {
          type: "status_changed",
          at,
          actor,
          data: { from: t.status, to: "closed", closure: "confirmed_otp" },
        },
      ],
    });
  }
  const left = max - used - 1;
  const result = await write(tx, t, {
    patch: { otp_attempts: used + 1, updated_at: at },
    events: [{ type: "otp_failed", at, actor, data: { attemptsLeft: left } }],
  });
  return {
    ...result,
    refusal: new TicketError(
      422,
      "wrong_otp",
      `that is not the code ${t.number}'s consumer received`,
      { attemptsLeft: left },
    ),
  };
}

function placeStep(
  ctx: TicketContext,
  t: TicketRow,
  feederId: string,
  at: string,
  actor: string | null,
): Step {
  const feeder = ctx.network.unit(feederId);
  if (!feeder || feeder.kind !== "feeder")
    throw new TicketError(422, "unknown_feeder", `no feeder ${feederId}`);
  if (t.status === "closed" || t.status === "merged") {
    throw new TicketError(
      409,
      "invalid_transition",
      `cannot place ticket ${t.number}: it is ${t.status}`,
      { status: t.status },
    );
  }
  const placed: TicketRow = {
    ...t,
    feeder_id: feeder.id,
    path: JSON.stringify(feeder.path),
    district_id: feeder.districtId,
    needs_triage: t.category === null ? 1 : 0,
  };
  return {
    patch: { ...placed, ...deadlineStep(ctx, placed), updated_at: at },
    events: [
      {
        type: "located",
        at,
        actor,
        data: {
          feederId: feeder.id,
          fromPath: JSON.parse(t.path) as string[],
          by: actor ? "staff" : "consumer",
        },
      },
    ],
  };
}

function categoriseStep(
  ctx: TicketContext,
  t: TicketRow,
  category: CategoryId,
  at: string,
  actor: string,
): Step {
  if (t.status === "closed" || t.status === "merged") {
    throw new TicketError(
      409,
      "invalid_transition",
      `cannot categorise ticket ${t.number}: it is ${t.status}`,
      { status: t.status },
    );
  }
  const next: TicketRow = {
    ...t,
    category,
    confidence: 1,
    needs_triage: t.feeder_id === null ? 1 : 0,
  };
  return {
    patch: { ...next, ...deadlineStep(ctx, next), updated_at: at },
    events: [{ type: "categorised", at, actor, data: { from: t.category, to: category } }],
  };
}

/** After a person placed or categorised a ticket, route it if it is now complete and unassigned. */
async function routeAfterTriage(
  ctx: TicketContext,
  tx: StoreTx,
  t: TicketRow,
  at: string,
): Promise<TicketChange[]> {
  if (t.assignee_id || t.needs_triage) return [];
  const routed = routeTicket(ctx, t, at);
  if (!routed) return [];
  const change = await writeChange(tx, t, { ...t, ...routed.patch }, routed.events);
  if (change.after.assignee_id)
    await notifyOfficer(ctx, tx, change.after.assignee_id, change.after);
  return [change];
}

/** Places a ticket on a feeder from a consumer's answer (account number or location pin). */
export function placeFromConsumer(
  ctx: TicketContext,
  ticketId: number,
  feederId: string,
): Promise<ActionResult> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicket(ticketId);
    if (!t) throw new TicketError(404, "not_found", `no ticket ${ticketId}`);
    const at = ctx.clock.now().toISOString();
    const first = await writeChange(
      tx,
      t,
      combine(t, placeStep(ctx, t, feederId, at, null)).after,
      placeStep(ctx, t, feederId, at, null).events,
    );
    const routed = await routeAfterTriage(ctx, tx, first.after, at);
    const changes = [first, ...routed];
    return { ticket: changes[changes.length - 1].after, changes };
  });
}
