import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";

import {
  LIVE_NAMESPACE,
  MAX_UPDATES_PER_SECOND,
  type ClientToServerEvents,
  type Delta,
  type ServerToClientEvents,
  type SubscribeAck,
} from "../../shared/live.js";
import { subscribeSchema } from "../../shared/schemas.js";
import type { TicketEventView } from "../../shared/tickets.js";
import type { TicketChange } from "../events/bus.js";
import type { Network } from "../network/loaded-network.js";
import { allows, defaultUnitFor, type Viewer } from "../policies/index.js";
import type { Projections, Touched } from "../projections/counts.js";
import type { Store, TicketRow } from "../store/store.js";
import { presentEvent, presentTicket } from "../tickets/present.js";
import { presentIncident } from "../incidents/incidents.js";
import type { IncidentRow } from "../store/schema.js";
import { RecentChanges } from "./recent-changes.js";
import { buildReplay, buildSnapshot, countsDelta, REPLAY_LIMIT } from "./sync.js";
import { LIVE_LEVELS, liveLevelFor, redactDelta, redactSnapshot, type LiveLevel } from "./redact.js";

export interface SocketData {
  viewer: Viewer;
  level: LiveLevel;
  unitId?: string;
  /** Times of recent subscribe requests, to bound how fast one socket may resubscribe. */
  subscribes: number[];
}

/** Who a socket's handshake belongs to (the session cookie), or null. */
export type SocketAuthenticator = (cookieHeader: string | undefined) => Promise<Viewer | null>;
type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface LiveDeps {
  store: Store;
  network: Network;
  projections: Projections;
  log: Logger;
  authenticate: SocketAuthenticator;
  /** Origins a browser may open the socket from (cross-site WebSocket hijacking, ASVS 4.4.2). */
  allowedOrigins: ReadonlySet<string>;
}

const SUBSCRIBES_PER_WINDOW = 10;
const SUBSCRIBE_WINDOW_MS = 10_000;

interface Pending {
  units: Set<string>;
  districts: Set<string>;
  feeders: Set<string>;
  tickets: Map<number, TicketRow>;
  events: TicketEventView[];
  incidents: Map<string, IncidentRow>;
  timer: NodeJS.Timeout | null;
  lastFlush: number;
}

const MIN_INTERVAL_MS = 1000 / MAX_UPDATES_PER_SECOND;
/** One room per unit and level: a room's members all get the same payload, encoded once. */
const roomOf = (unitId: string, level: LiveLevel) => `unit:${unitId}:${level}`;

/**
 * Owns Socket.IO: the only module that emits. Each screen subscribes to one unit and joins that
 * unit's room; committed changes are coalesced per room so a screen gets at most
 * MAX_UPDATES_PER_SECOND deltas however fast reports arrive, each carrying absolute counts.
 */
export class LiveHub {
  readonly nsp: LiveNamespace;
  private readonly pending = new Map<string, Pending>();
  private readonly recent = new RecentChanges();

  constructor(
    io: Server,
    private readonly deps: LiveDeps,
  ) {
    this.nsp = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
    this.nsp.use((socket, next) => {
      const { origin, host, cookie } = socket.handshake.headers;
      // Browsers always send Origin; a foreign one is another site riding the user's cookie.
      if (origin && !deps.allowedOrigins.has(origin) && origin !== `http://${host}` && origin !== `https://${host}`) {
        next(Object.assign(new Error("origin not allowed"), { data: { code: "bad_origin" } }));
        return;
      }
      deps.authenticate(cookie).then((viewer) => {
        if (!viewer) {
          next(Object.assign(new Error("sign in first"), { data: { code: "unauthenticated" } }));
          return;
        }
        socket.data.viewer = viewer;
        socket.data.level = liveLevelFor(deps.network, viewer);
        socket.data.subscribes = [];
        next();
      }, next);
    });
    this.nsp.on("connection", (socket) => this.onConnection(socket));
  }

  get clientCount(): number {
    return this.nsp.sockets.size;
  }

  private onConnection(socket: LiveSocket): void {
    socket.on("subscribe", (request, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      this.subscribe(socket, request).then(reply, (err: unknown) => {
        this.deps.log.error({ err }, "subscribe failed");
        reply({ ok: false, error: { code: "internal", message: "could not subscribe" } });
      });
    });
    socket.on("unsubscribe", () => {
      if (socket.data.unitId) void socket.leave(roomOf(socket.data.unitId, socket.data.level));
      socket.data.unitId = undefined;
    });
  }

  private async subscribe(socket: LiveSocket, request: unknown): Promise<SubscribeAck> {
    const parsed = subscribeSchema.safeParse(request ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: "invalid", message: parsed.error.issues[0]?.message ?? "bad request" },
      };
    }
    const { network, projections, store } = this.deps;
    const now = Date.now();
    const data = socket.data;
    data.subscribes = data.subscribes.filter((t) => t > now - SUBSCRIBE_WINDOW_MS);
    if (data.subscribes.length >= SUBSCRIBES_PER_WINDOW)
      return { ok: false, error: { code: "rate_limited", message: "too many subscriptions; slow down" } };
    data.subscribes.push(now);
    // The session is checked again at every subscribe: a signed-out or disabled user gets nothing.
    const viewer = await this.deps.authenticate(socket.handshake.headers.cookie);
    if (!viewer) {
      socket.disconnect(true);
      return { ok: false, error: { code: "unauthenticated", message: "sign in again" } };
    }
    data.viewer = viewer;
    data.level = liveLevelFor(network, viewer);
    const unitId = parsed.data.unitId ?? defaultUnitFor(viewer);
    if (!allows(network, viewer, "summary", unitId)) {
      // Not found and not allowed look the same, so unit ids cannot be probed.
      return { ok: false, error: { code: "not_found", message: `no unit ${unitId}` } };
    }
    const sinceSeq = parsed.data.sinceSeq;
    if (
      sinceSeq !== undefined &&
      sinceSeq <= projections.seq &&
      projections.seq - sinceSeq <= REPLAY_LIMIT
    ) {
      const replay = await buildReplay(
        { store, network, projections, recent: this.recent },
        unitId,
        sinceSeq,
      );
      if (replay) {
        this.join(socket, unitId);
        socket.emit("delta", redactDelta(replay, data.level));
        return { ok: true, mode: "replay" };
      }
    }
    const snapshot = await buildSnapshot(
      { store, network, projections, recent: this.recent },
      unitId,
    );
    this.join(socket, unitId);
    socket.emit("snapshot", redactSnapshot(snapshot, data.level));
    return { ok: true, mode: "snapshot" };
  }

  private join(socket: LiveSocket, unitId: string): void {
    for (const room of socket.rooms) if (room.startsWith("unit:")) void socket.leave(room);
    socket.data.unitId = unitId;
    void socket.join(roomOf(unitId, socket.data.level));
  }

  /** A unit has listeners at some level. */
  private watched(unitId: string): boolean {
    const rooms = this.nsp.adapter.rooms;
    return LIVE_LEVELS.some((level) => (rooms.get(roomOf(unitId, level))?.size ?? 0) > 0);
  }

  /** Closes the sockets of ended sessions (signed out, timed out, user disabled or changed). */
  endSessions(sessionIds: readonly string[]): void {
    const ended = new Set(sessionIds);
    for (const socket of this.nsp.sockets.values())
      if (socket.data.viewer?.sessionId && ended.has(socket.data.viewer.sessionId)) socket.disconnect(true);
  }

  /** Sessions with a screen open: an open live screen counts as use for the idle time-out. */
  openSessions(): string[] {
    const ids = new Set<string>();
    for (const socket of this.nsp.sockets.values())
      if (socket.data.viewer?.sessionId) ids.add(socket.data.viewer.sessionId);
    return [...ids];
  }

  /** Called for every committed change, after the projections applied it. */
  onChange(change: TicketChange, touched: Touched): void {
    this.recent.push(change);
    const paths = new Set<string>();
    const afterPath = JSON.parse(change.after.path) as string[];
    const beforePath = change.before ? (JSON.parse(change.before.path) as string[]) : [];
    for (const id of [...beforePath, ...afterPath]) paths.add(id);
    for (const unitId of paths) {
      if (!this.watched(unitId)) continue;
      const p = this.pendingFor(unitId);
      p.units.add(unitId);
      for (const path of [beforePath, afterPath]) {
        const child = this.deps.network.childOnPath(unitId, path);
        if (child) p.units.add(child);
      }
      for (const key of touched.districts)
        if (key.startsWith(`${unitId}|`)) p.districts.add(key.slice(unitId.length + 1));
      for (const f of touched.feeders) p.feeders.add(f);
      p.tickets.set(change.after.id, change.after);
      for (const e of change.events) p.events.push(presentEvent(e, change.after.number));
      if (change.incident && (JSON.parse(change.incident.path) as string[]).includes(unitId)) {
        p.incidents.set(change.incident.id, change.incident);
      }
      this.schedule(unitId, p);
    }
  }

  private pendingFor(unitId: string): Pending {
    let p = this.pending.get(unitId);
    if (!p) {
      p = {
        units: new Set(),
        districts: new Set(),
        feeders: new Set(),
        tickets: new Map(),
        events: [],
        incidents: new Map(),
        timer: null,
        lastFlush: 0,
      };
      this.pending.set(unitId, p);
    }
    return p;
  }

  private schedule(unitId: string, p: Pending): void {
    if (p.timer) return;
    const wait = p.lastFlush + MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      // The first change after a quiet moment goes out at once (after this tick's other changes).
      p.timer = setTimeout(() => this.flush(unitId), 0);
      return;
    }
    p.timer = setTimeout(() => this.flush(unitId), wait);
  }

  private flush(unitId: string): void {
    const p = this.pending.get(unitId);
    if (!p) return;
    p.timer = null;
    p.lastFlush = Date.now();
    const { projections } = this.deps;
    const delta: Delta = {
      ...countsDelta(projections, unitId, p.units, p.districts, p.feeders),
      tickets: [...p.tickets.values()].map(presentTicket),
      events: p.events,
      incidents: [...p.incidents.values()].map(presentIncident),
    };
    p.incidents.clear();
    p.units.clear();
    p.districts.clear();
    p.feeders.clear();
    p.tickets.clear();
    p.events = [];
    const rooms = this.nsp.adapter.rooms;
    for (const level of LIVE_LEVELS)
      if (rooms.get(roomOf(unitId, level))?.size)
        this.nsp.local.to(roomOf(unitId, level)).emit("delta", redactDelta(delta, level));
  }

  /** After a day turns or a rebuild, every screen gets a fresh snapshot. */
  async resyncAll(): Promise<void> {
    const { store, network, projections } = this.deps;
    for (const socket of this.nsp.sockets.values()) {
      const unitId = socket.data.unitId;
      if (!unitId) continue;
      const snapshot = await buildSnapshot({ store, network, projections, recent: this.recent }, unitId);
      socket.emit("snapshot", redactSnapshot(snapshot, socket.data.level));
    }
  }

  close(): void {
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
  }
}
