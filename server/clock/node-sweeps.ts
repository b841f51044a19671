import type { Logger } from "pino";
import type { Access } from "../access/access.js";
import type { Config } from "../config.js";
import type { Inbox } from "../inbox/inbox.js";
import type { LiveHub } from "../live/hub.js";
import type { NoticeDeps } from "../notices/deps.js";
import { noticesSweep } from "../notices/sweep.js";
import { logSender, outboxSweep } from "../outbox/dispatcher.js";
import { outboundSenders } from "../outbox/senders.js";
import type { Projections } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import type { Clock } from "./clock.js";
import { Sweeper, type SweepTask } from "./sweeper.js";

export interface NodeSweepDeps {
  /** The ticket lifecycle's sweeps (tickets/timed.ts), shared with the demo's history. */
  ticketSweeps: SweepTask[];
  store: Store;
  config: Config;
  log: Logger;
  clock: Clock;
  /** This node's name on its outbox claims, kept across restarts (inbox/claims.ts claimOwnerFor). */
  claimOwner: string;
  noticeDeps: NoticeDeps;
  access: Access;
  hub: LiveHub;
  projections: Projections;
  inbox: Inbox;
  imports: Inbox;
  /** Whether this node holds the clock's lease (always, on a single node). */
  holdsLease(): boolean;
}

/**
 * What the clock runs on this node: the lease holder's singletons (SLA states, escalations,
 * closures, notices, the outbox) and every node's own chores (sessions, the inbox, the IST day).
 */
export function nodeSweeper(d: NodeSweepDeps): Sweeper {
  const { store, log, projections, hub } = d;
  return new Sweeper(
    [
      ...d.ticketSweeps.map((task) => ({ ...task, singleton: true })),
      // Before the outbox, so notices handed over in a sweep go out in the same sweep.
      { ...noticesSweep(d.noticeDeps), singleton: true },
      {
        ...outboxSweep(
          store.kysely,
          outboundSenders(d.config, log),
          logSender(log),
          d.clock,
          log,
          d.claimOwner,
        ),
        singleton: true,
      },
      {
        // Sessions with a live screen open on this node are in use (each node knows its own).
        name: "sessions-touch",
        run: () => d.access.sessions.touch(hub.openSessions()),
      },
      {
        // The rest time out, once for the store; ending them tells every node to close their sockets.
        name: "sessions",
        async run() {
          await d.access.sessions.sweep();
        },
        singleton: true,
      },
      {
        // Per node: takes up deliveries another node received, or left when it died (its claim
        // lapsed); a read when there is nothing to take.
        name: "inbox",
        async run() {
          d.inbox.kick();
          d.imports.kick();
        },
      },
      {
        name: "day",
        async run() {
          if (!projections.dayChanged()) return;
          await projections.rebuild(store);
          await hub.resyncAll();
        },
      },
    ],
    log,
    d.holdsLease,
  );
}
