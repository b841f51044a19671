/**
 * The simulated people in the loop: officers who take up, work and resolve their tickets, the
 * control room clearing the triage queue, crews restoring feeder outages, and consumers who
 * confirm with their OTP, say "not fixed" or never answer. Each acts through the same commands a
 * person would, under an actor name that says it is simulated ("sim:officer:<id>", "sim:consumer").
 *
 * An agenda holds each open ticket's next step and when it is due; it follows the event bus, so a
 * step a real person takes first simply replaces the plan. tick() runs whatever is due by the
 * clock, which the history backfill walks through past days and the live demo runs at SIM_SPEED.
 */
import type { Logger } from "pino";
import { CATEGORY_IDS, type CategoryId } from "../../shared/domain.js";
import { OFFICER_ROLES } from "../../shared/officers.js";
import type { TicketChange } from "../events/bus.js";
import { resolveIncident } from "../incidents/commands.js";
import { openIncidents } from "../incidents/incidents.js";
import type { IntakeContext } from "../intake/ingest.js";
import type { IncidentRow } from "../store/schema.js";
import type { TicketRow } from "../store/store.js";
import { applyAction } from "../tickets/actions.js";
import { TicketError } from "../tickets/context.js";
import { giveFeedback } from "../tickets/feedback.js";
import { startRole } from "../tickets/lifecycle.js";
import * as plan from "./people-plan.js";
import { Rng, hashSeed } from "./random.js";

export const SIM_ACTOR_PREFIX = "sim:";
export const SIM_CONSUMER = "sim:consumer";
export const SIM_CONTROL_ROOM = "sim:control-room";
export const simOfficer = (id: string) => `sim:officer:${id}`;

/** What the simulator knows it sent: the consumer's real problem and feeder, for triage. */
export interface Truth {
  category: CategoryId | null;
  feederId: string;
}

interface Step {
  atMs: number;
  /** The ticket status (or incident state) the step was planned for. */
  status: string;
  run(): Promise<unknown>;
}

const WORKED = ["assigned", "in_progress", "reopened"];
const MAX_TRUTHS = 20_000;

export class SimPeople {
  private readonly agenda = new Map<string, Step>();
  private readonly truths = new Map<number, Truth>();
  /** No step is due before this instant (skips scanning the agenda on quiet ticks). */
  private earliest = Number.POSITIVE_INFINITY;
  /** Actions taken, by kind (for the log and tests). */
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly ctx: IntakeContext,
    private readonly seed: number,
    private readonly log: Logger,
  ) {}

  get pending(): number {
    return this.agenda.size;
  }

  /** Rebuilds the agenda from the store (at start, or after a restart). */
  async load(): Promise<void> {
    const open = await this.ctx.store.kysely
      .selectFrom("tickets")
      .selectAll()
      .where("status", "in", ["new", ...WORKED, "resolved"])
      .execute();
    for (const t of open) this.planTicket(t, Date.parse(t.updated_at));
    for (const i of await openIncidents(this.ctx.store.kysely)) this.planIncident(i);
  }

  /**
   * Learns what a filed report really was. The ticket's first plan was made at commit, before
   * this was known, so a ticket waiting in the triage queue is planned again with it.
   */
  remember(t: TicketRow, truth: Truth): void {
    if (this.truths.size >= MAX_TRUTHS) {
      const oldest = this.truths.keys().next().value;
      if (oldest !== undefined) this.truths.delete(oldest);
    }
    this.truths.set(t.id, truth);
    if (t.status === "new" && t.needs_triage) {
      this.agenda.delete(`t:${t.id}`);
      this.planTicket(t, Date.parse(t.updated_at));
    }
  }

  onChange(change: TicketChange): void {
    const t = change.after;
    this.planTicket(t, Date.parse(t.updated_at));
    const i = change.incident;
    if (i?.status === "open") this.planIncident(i);
    else if (i) this.agenda.delete(`i:${i.id}`);
  }

  /** Runs every step due by now; steps they cause that are already due run in the same call. */
  async tick(): Promise<number> {
    let ran = 0;
    for (let round = 0; round < 5; round++) {
      const now = this.ctx.clock.now().getTime();
      if (now < this.earliest) break;
      const due = [...this.agenda].filter(([, s]) => s.atMs <= now);
      this.earliest = Number.POSITIVE_INFINITY;
      for (const s of this.agenda.values())
        if (s.atMs > now) this.earliest = Math.min(this.earliest, s.atMs);
      if (due.length === 0) break;
      for (const [key] of due) this.agenda.delete(key);
      due.sort((a, b) => a[1].atMs - b[1].atMs);
      const results = await Promise.allSettled(due.map(([, s]) => s.run()));
      for (const r of results) {
        if (r.status === "fulfilled") continue;
        // A person got there first or the state moved on: the plan is simply dropped.
        if (r.reason instanceof TicketError) continue;
        this.log.warn({ err: r.reason }, "simulated person could not act");
      }
      ran += due.length;
    }
    return ran;
  }

  private rng(...parts: (string | number)[]): Rng {
    return new Rng(hashSeed(this.seed, ...parts));
  }

  private count(kind: string): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  private planTicket(t: TicketRow, fromMs: number): void {
    const key = `t:${t.id}`;
    const existing = this.agenda.get(key);
    // A step already planned for this status stands (SLA and escalation events do not move it).
    if (existing && existing.status === t.status) return;
    const step = this.nextStep(t, fromMs);
    if (step) this.schedule(key, step);
    else this.agenda.delete(key);
  }

  private schedule(key: string, step: Step): void {
    this.agenda.set(key, step);
    this.earliest = Math.min(this.earliest, step.atMs);
  }

  private nextStep(t: TicketRow, fromMs: number): Step | null {
    const category = t.category as CategoryId | null;
    if (t.status === "new" && t.needs_triage) return this.triageStep(t, fromMs);
    if (t.status === "resolved") return this.consumerStep(t, fromMs);
    if (!WORKED.includes(t.status) || !category || !t.feeder_id) return null;
    // Tickets on an open feeder outage are fixed with it (the crew restores the feeder).
    if (t.incident_id && this.agenda.has(`i:${t.incident_id}`)) return null;
    const division = this.divisionOf(t);
    const profile = plan.divisionProfile(this.seed, division);
    const actor = this.actorFor(t, profile);
    if (!actor) return null;
    const habit = plan.officerHabit(this.seed, actor.officerId, profile);
    const reopened = (t.false_closures ?? 0) > 0;
    const r = this.rng(t.id, t.status, t.false_closures ?? 0, t.escalation_level);
    if (t.status === "in_progress") {
      const rural = !this.ctx.network.unit(t.feeder_id)?.urban;
      return {
        atMs: plan.fixAt(r, fromMs, category, rural, habit, reopened),
        status: t.status,
        run: () =>
          this.act(
            t.number,
            { type: "resolve", note: plan.fixNote(r, category) },
            actor.name,
            "resolve",
          ),
      };
    }
    return {
      atMs: plan.ackAt(r, fromMs, category, habit, reopened),
      status: t.status,
      run: () =>
        this.act(
          t.number,
          { type: "start", note: plan.startNote(r, category) },
          actor.name,
          "start",
        ),
    };
  }

  /** The officer who works the ticket: its assignee, or (assignee absent) whoever it escalated to. */
  private actorFor(
    t: TicketRow,
    profile: plan.DivisionProfile,
  ): { officerId: string; name: string } | null {
    if (!t.assignee_id) return null;
    if (plan.officerHabit(this.seed, t.assignee_id, profile) !== "absent")
      return { officerId: t.assignee_id, name: simOfficer(t.assignee_id) };
    if (t.escalation_level === 0) return null;
    const roles = OFFICER_ROLES;
    const role = roles[roles.indexOf(startRole(this.ctx, t)) + t.escalation_level];
    const path = JSON.parse(t.path) as string[];
    const senior =
      role && this.ctx.officers.acting(this.ctx.officers.holder(this.ctx.network, path, role));
    // The senior officer takes it up himself, so he is held to the "normal" pace.
    return senior ? { officerId: `${senior.id}:senior`, name: simOfficer(senior.id) } : null;
  }

  private divisionOf(t: TicketRow): string {
    const path = JSON.parse(t.path) as string[];
    return path.find((id) => this.ctx.network.unit(id)?.kind === "division") ?? path[0];
  }

  private consumerStep(t: TicketRow, fromMs: number): Step | null {
    const profile = plan.divisionProfile(this.seed, this.divisionOf(t));
    const r = this.rng(t.id, "consumer", t.false_closures ?? 0);
    const answer = plan.consumerAnswer(r, profile, t.false_closures ?? 0);
    if (answer === "silent") return null;
    const atMs = plan.answerAt(r, fromMs);
    if (answer === "otp")
      return {
        atMs,
        status: t.status,
        run: async () =>
          this.act(
            t.number,
            { type: "confirm_otp", otp: await this.otpOf(t.id) },
            SIM_CONSUMER,
            "confirm_otp",
          ),
      };
    return {
      atMs,
      status: t.status,
      run: async () => {
        await giveFeedback(this.ctx, t.number, {
          resolved: answer === "yes",
          rating: answer === "yes" ? r.int(3, 5) : r.int(1, 2),
          via: "simulator",
          actor: SIM_CONSUMER,
        });
        this.count(answer === "yes" ? "confirm_feedback" : "not_fixed");
      },
    };
  }

  private triageStep(t: TicketRow, fromMs: number): Step | null {
    const truth = this.truths.get(t.id);
    const guess = CATEGORY_IDS.find((c) => c === t.suggested_category) ?? null;
    const category = (t.category as CategoryId | null) ?? truth?.category ?? guess;
    const feederId = t.feeder_id ?? truth?.feederId ?? null;
    // What the control room cannot tell from the text stays in the queue for a person.
    if (!category && !feederId) return null;
    const r = this.rng(t.id, "triage", t.updated_at);
    return {
      atMs: plan.triageAt(r, fromMs),
      status: t.status,
      run: async () => {
        if (!t.category && category)
          await this.act(
            t.number,
            { type: "categorise", category },
            SIM_CONTROL_ROOM,
            "categorise",
          );
        if (!t.feeder_id && feederId)
          await this.act(t.number, { type: "place", feederId }, SIM_CONTROL_ROOM, "place");
      },
    };
  }

  private planIncident(i: IncidentRow): void {
    const key = `i:${i.id}`;
    if (this.agenda.has(key)) return;
    const r = this.rng(i.id, "incident");
    const je = this.ctx.officers.acting(
      this.ctx.officers.holder(this.ctx.network, JSON.parse(i.path) as string[], "je"),
    );
    this.schedule(key, {
      atMs: plan.incidentFixAt(r, Date.parse(i.started_at)),
      status: "open",
      run: async () => {
        await resolveIncident(
          this.ctx,
          i.id,
          r.pick([
            "33 kV line patrolled, breaker reset",
            "Power transformer restored",
            "Feeder restored after storm damage cleared",
          ]),
          je ? simOfficer(je.id) : SIM_CONTROL_ROOM,
        );
        this.count("incident_resolved");
      },
    });
  }

  private async act(
    number: string,
    action: Parameters<typeof applyAction>[2],
    actor: string,
    kind: string,
  ): Promise<void> {
    const result = await applyAction(this.ctx, number, action, actor);
    if (result.refusal) throw result.refusal;
    this.count(kind);
  }

  /** The consumer reads the OTP from the acknowledgement they were sent (the outbox). */
  private async otpOf(ticketId: number): Promise<string> {
    const msg = await this.ctx.store.kysely
      .selectFrom("outbox")
      .select("body")
      .where("ticket_id", "=", ticketId)
      .where("kind", "=", "ticket_ack")
      .executeTakeFirst();
    const otp = msg && /OTP[^0-9]*(\d{6})/.exec(msg.body)?.[1];
    if (!otp)
      throw new TicketError(409, "no_otp", `no acknowledgement with an OTP for ${ticketId}`);
    return otp;
  }
}
