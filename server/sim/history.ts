/**
 * The demo's past: on first start with an empty store, SIM_HISTORY_DAYS of complaints and their
 * whole lifecycle are played through the same commands and events as live work, on a clock the
 * backfill walks through those days minute by minute. Reports come from the simulator's stream,
 * the clock's sweeps (SLA states, escalations, unconfirmed closures) run every 15 minutes, and
 * the simulated people act when their steps fall due. A marker in the store makes it happen once.
 */
import type { Logger } from "pino";
import type { SettableClock } from "../clock/demo-clock.js";
import type { SweepTask } from "../clock/sweeper.js";
import type { OutageWatcher } from "../incidents/watcher.js";
import type { Store } from "../store/store.js";
import type { SimPeople } from "./people.js";
import { SimStream, type GeneratedReport, type StreamDeps } from "./stream.js";

export const HISTORY_MARKER = "demo_history";
/** Why the history's messages were never handed to a gateway (shown on the ticket page). */
export const SIMULATED_HISTORY_NOT_SENT = "simulated history: not sent to anyone";

const MIN = 60_000;
const DAY = 86_400_000;
/** The history's resolution: reports, steps and sweeps in one slice share its end as their time. */
const SLICE = 5 * MIN;
/**
 * The clock's sweeps (SLA states, escalations, unconfirmed closures) run every 15 minutes of the
 * history rather than every slice: limits are hours long, a breach is at most 15 minutes late in
 * the past's log, and first start takes a third of the sweeps' time.
 */
const SWEEP_EVERY = 15 * MIN;

export interface HistoryResult {
  from: string;
  to: string;
  days: number;
  ratePerHour: number;
  reports: number;
  tickets: number;
  events: number;
  ms: number;
}

export interface HistoryDeps {
  store: Store;
  clock: SettableClock;
  stream: StreamDeps;
  days: number;
  people: SimPeople;
  outages: OutageWatcher;
  sweeps: SweepTask[];
  file(report: GeneratedReport): Promise<unknown>;
  log: Logger;
}

/** Null when nothing was written: no days asked for, a history already there, or real tickets. */
export async function backfillHistory(deps: HistoryDeps): Promise<HistoryResult | null> {
  const { store, clock, log } = deps;
  if (deps.days <= 0 || deps.stream.ratePerHour <= 0) return null;
  const marker = await store.getMeta(HISTORY_MARKER);
  if (marker) {
    log.info(
      { history: JSON.parse(marker) as unknown },
      "demo history already written; not adding another",
    );
    return null;
  }
  if (await store.kysely.selectFrom("tickets").select("id").limit(1).executeTakeFirst()) {
    log.info("the store already has tickets; no demo history added");
    return null;
  }
  const started = Date.now();
  const endMs = clock.now().getTime();
  const fromMs = endMs - deps.days * DAY;
  const stream = new SimStream(deps.stream, fromMs);
  log.info({ days: deps.days, ratePerHour: deps.stream.ratePerHour }, "writing the demo history");
  // A lost history is simply written again, so its commits need not wait for the disk.
  await store.setDurable(false);
  let reports = 0;
  try {
    for (let t = fromMs + SLICE; t <= endMs; t += SLICE) {
      const due: GeneratedReport[] = [];
      while (stream.peekTime() <= t) {
        const event = await stream.next();
        if (event?.kind === "report") due.push(event.report);
      }
      // Everything in a slice happens at its end, together, so the writer commits it as one group.
      clock.set(new Date(t));
      await Promise.all([...due.map((r) => deps.file(r)), deps.people.tick()]);
      reports += due.length;
      await deps.outages.settle();
      if ((t - fromMs) % SWEEP_EVERY === 0) for (const s of deps.sweeps) await s.run();
      if ((t - fromMs) % DAY === 0)
        log.info(
          { day: (t - fromMs) / DAY, of: deps.days, reports, ms: Date.now() - started },
          "demo history: day written",
        );
    }
    clock.set(new Date(endMs));
    for (const s of deps.sweeps) await s.run();
    // The simulated people read their messages from the outbox; nobody is to be sent a message
    // about a simulated past, so the history's messages are recorded as never sent, with why.
    await store.kysely
      .updateTable("outbox")
      .set((eb) => ({
        status: "not_sent",
        last_error: SIMULATED_HISTORY_NOT_SENT,
        updated_at: eb.ref("created_at"),
      }))
      .where("status", "=", "pending")
      .execute();
  } finally {
    await store.setDurable(true);
  }
  const count = async (table: "tickets" | "ticket_events") =>
    Number(
      (
        await store.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const result: HistoryResult = {
    from: new Date(fromMs).toISOString(),
    to: new Date(endMs).toISOString(),
    days: deps.days,
    ratePerHour: deps.stream.ratePerHour,
    reports,
    tickets: await count("tickets"),
    events: await count("ticket_events"),
    ms: Date.now() - started,
  };
  await store.kysely
    .insertInto("meta")
    .values({ key: HISTORY_MARKER, value: JSON.stringify(result) })
    .execute();
  log.info(result, "demo history written");
  return result;
}
