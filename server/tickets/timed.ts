import type { TicketChange } from "../events/bus.js";
import type { Store } from "../store/store.js";
import type { SweepTask } from "../clock/sweeper.js";
import type { TicketContext } from "./context.js";
import { combine, escalationStep } from "./lifecycle.js";
import { slaStateAt } from "./sla.js";
import { writeChange } from "./writer.js";

/**
 * What the clock does to tickets: SLA states move on as deadlines pass, breached tickets climb the
 * escalation ladder once per allowed period, and resolved tickets nobody confirmed close as
 * "closed unconfirmed". Each is a command like any other: one transaction, events, live push.
 */

const ACTIVE = ["new", "assigned", "in_progress", "reopened"];

export function refreshSla(
  ctx: TicketContext,
  ticketId: number,
): Promise<{ changes: TicketChange[] }> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicket(ticketId);
    if (!t || !ACTIVE.includes(t.status)) return { changes: [] };
    const now = ctx.clock.now();
    const state = slaStateAt({ dueAt: t.due_at, atRiskAt: t.at_risk_at }, now);
    if (state === t.sla_state) return { changes: [] };
    const at = now.toISOString();
    const change = await writeChange(tx, t, { ...t, sla_state: state, updated_at: at }, [
      { type: "sla_changed", at, actor: null, data: { from: t.sla_state, to: state } },
    ]);
    return { changes: [change] };
  });
}

export function escalateIfDue(
  ctx: TicketContext,
  ticketId: number,
): Promise<{ changes: TicketChange[] }> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicket(ticketId);
    const now = ctx.clock.now();
    if (
      !t ||
      !ACTIVE.includes(t.status) ||
      !t.next_escalation_at ||
      Date.parse(t.next_escalation_at) > now.getTime()
    ) {
      return { changes: [] };
    }
    const step = await escalationStep(ctx, tx, t, "time limit passed", null);
    if (!step) {
      // Top of the ladder: stop sweeping this ticket.
      const change = await writeChange(tx, t, { ...t, next_escalation_at: null }, []);
      return { changes: [change] };
    }
    const { after, events } = combine(t, step);
    return { changes: [await writeChange(tx, t, after, events)] };
  });
}

export function closeUnconfirmed(
  ctx: TicketContext,
  ticketId: number,
): Promise<{ changes: TicketChange[] }> {
  return ctx.writer.commit(async (tx) => {
    const t = await tx.getTicket(ticketId);
    const now = ctx.clock.now();
    if (!t || t.status !== "resolved" || !t.confirm_by || Date.parse(t.confirm_by) > now.getTime())
      return { changes: [] };
    const at = now.toISOString();
    const change = await writeChange(
      tx,
      t,
      { ...t, status: "closed", closure: "unconfirmed", closed_at: at, updated_at: at },
      [
        {
          type: "status_changed",
          at,
          actor: null,
          data: { from: "resolved", to: "closed", closure: "unconfirmed" },
        },
      ],
    );
    return { changes: [change] };
  });
}

/** The clock's sweep tasks, each reading what is due from the store (so a restart loses nothing). */
export function lifecycleSweeps(ctx: TicketContext, store: Store): SweepTask[] {
  const batch = async (ids: () => Promise<number[]>, run: (id: number) => Promise<unknown>) => {
    for (;;) {
      const due = await ids();
      // Queued together, the commands share the writer's group commits instead of one fsync each
      // (a storm can breach hundreds of tickets in one sweep); each still re-reads its ticket.
      await Promise.all(due.map(run));
      if (due.length < 500) return;
    }
  };
  const now = () => ctx.clock.now().toISOString();
  return [
    {
      name: "sla",
      run: () =>
        batch(
          async () => (await store.ticketsDueForSla(now(), 500)).map((t) => t.id),
          (id) => refreshSla(ctx, id),
        ),
    },
    {
      name: "escalation",
      run: () =>
        batch(
          () => store.ticketsDueFor("next_escalation_at", ACTIVE, now(), 500),
          (id) => escalateIfDue(ctx, id),
        ),
    },
    {
      name: "unconfirmed",
      run: () =>
        batch(
          () => store.ticketsDueFor("confirm_by", ["resolved"], now(), 500),
          (id) => closeUnconfirmed(ctx, id),
        ),
    },
  ];
}
