import type { Logger } from "pino";
import { toWire } from "../../shared/counts.js";
import type { Server } from "socket.io";

import {
  LIVE_NAMESPACE,
  type LiveLevel,
  type Snapshot,
  type SubscribeAck,
} from "../../shared/live.js";
import { subscribeSchema } from "../../shared/schemas.js";
import type { TicketChange } from "../events/bus.js";
import type { Network } from "../network/loaded-network.js";
import { allows, defaultUnitFor, liveLevelFor } from "../policies/index.js";
import type { Projections, Touched } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import { DEFAULT_LIMITS, LAGGING, SlowScreens, type BackpressureLimits } from "./backpressure.js";
import { RecentChanges } from "./recent-changes.js";
import {
  DEFAULT_BUDGET,
  LEVELS_OF,
  Room,
  roomKindOf,
  SUMMARY_BUDGET,
  type RoomBudget,
  type RoomKind,
} from "./room.js";
import { buildReplay, buildSnapshot, REPLAY_LIMIT } from "./sync.js";
import { redactDelta, redactSnapshot } from "./redact.js";
import {
  admitSockets,
  type LiveNamespace,
  type LiveSocket,
  type SocketAuthenticator,
} from "./sockets.js";

export interface LiveDeps {
  store: Store;
  network: Network;
  projections: Projections;
  log: Logger;
  /** Per-room byte budget and slow-socket bounds (defaults in room.ts and backpressure.ts). */
  budget?: RoomBudget;
  /** The budget of counts-level (summary) rooms. */
  summaryBudget?: RoomBudget;
  limits?: BackpressureLimits;
  authenticate: SocketAuthenticator;
  /** Subscribes one socket may send per SUBSCRIBE_WINDOW_MS (LIVE_SUBSCRIBES_PER_10S). */
  subscribesPerWindow: number;
  /** Origins a browser may open the socket from (cross-site WebSocket hijacking, ASVS 4.4.2). */
  allowedOrigins: ReadonlySet<string>;
}

const SUBSCRIBE_WINDOW_MS = 10_000;

const SLOW = { code: "slow_reader", message: "this screen is not reading its updates" };
/**
 * One Socket.IO room per unit and level (what a screen may see of the stream); the unit's Room of
 * that level's kind gathers its changes once and each level's room gets one broadcast, encoded
 * once. Rooms are names, not socket lists held here, so an adapter can span several processes.
 */
const roomOf = (unitId: string, level: LiveLevel) => `unit:${unitId}:${level}`;
const roomKey = (kind: RoomKind, unitId: string) => `${kind}|${unitId}`;
const ROOM_KINDS: readonly RoomKind[] = ["stream", "summary"];
const SWEEP_MS = 500;

/**
 * Owns Socket.IO: the only module that emits. Each screen subscribes to one unit and joins that
 * unit's room; committed changes are gathered per room and sent as one delta per room (encoded
 * once, written to every socket) within the room's byte budget, each carrying absolute counts.
 * A socket that stops reading is taken out of the broadcasts once its buffer passes the bound,
 * given a fresh snapshot when it has drained, or cut off when it does not.
 */
export class LiveHub {
  readonly nsp: LiveNamespace;
  /** Gathered changes per unit and room kind, keyed `kind|unitId`. */
  private readonly rooms = new Map<string, Room>();
  private readonly recent = new RecentChanges();
  private readonly slow: SlowScreens;
  private readonly sweeper: NodeJS.Timeout;
  private readonly budgets: Record<RoomKind, RoomBudget>;
  /** Screens reset to a snapshot after lagging, and screens cut off: for /metrics and tests. */
  /** `resyncs`: snapshots built by resyncAll (one per unit watched here). */
  readonly stats = { resets: 0, cutOff: 0, deltaBytes: 0, deltas: 0, resyncs: 0 };

  constructor(
    io: Server,
    private readonly deps: LiveDeps,
  ) {
    this.budgets = {
      stream: deps.budget ?? DEFAULT_BUDGET,
      summary: deps.summaryBudget ?? SUMMARY_BUDGET,
    };
    this.slow = new SlowScreens(deps.limits ?? DEFAULT_LIMITS, this.stats, deps.log);
    this.nsp = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
    admitSockets(this.nsp, deps);
    this.nsp.on("connection", (socket) => this.onConnection(socket));
    this.sweeper = setInterval(() => this.sweepLagging(), SWEEP_MS);
    this.sweeper.unref();
  }

  get clientCount(): number {
    return this.nsp.sockets.size;
  }

  private onConnection(socket: LiveSocket): void {
    // One socket's subscribes are answered one at a time, in the order asked: otherwise a slow
    // snapshot (the whole network) asked for first could land after a quick one (a feeder) asked
    // for next, and leave the screen watching the unit it had moved away from.
    let answered: Promise<void> = Promise.resolve();
    socket.on("subscribe", (request, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      answered = answered.then(() => {
        // A lagging screen reads nothing: any answer would only grow its buffer. It gets a
        // fresh snapshot once it has drained (see sweepLagging).
        if (this.slow.has(socket) || socket.disconnected) return;
        return this.subscribe(socket, request).then(reply, (err: unknown) => {
          this.deps.log.error({ err }, "subscribe failed");
          reply({ ok: false, error: { code: "internal", message: "could not subscribe" } });
        });
      });
    });
    socket.on("unsubscribe", () => {
      if (socket.data.unitId) void socket.leave(roomOf(socket.data.unitId, socket.data.level));
      socket.data.unitId = undefined;
    });
    socket.on("disconnect", () => this.slow.forget(socket));
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
    if (data.subscribes.length >= this.deps.subscribesPerWindow)
      return {
        ok: false,
        error: { code: "rate_limited", message: "too many subscriptions; slow down" },
        // When the oldest request in the window leaves it, so the screen asks again then.
        retryAfterMs: Math.max(1, data.subscribes[0] + SUBSCRIBE_WINDOW_MS - now),
      };
    data.subscribes.push(now);
    // The session is checked again at every subscribe: a signed-out or disabled user gets nothing.
    const viewer = await this.deps.authenticate(socket.handshake.headers.cookie);
    if (!viewer) {
      socket.disconnect(true);
      return { ok: false, error: { code: "unauthenticated", message: "sign in again" } };
    }
    data.viewer = viewer;
    // The policy grants what the screen asked for, never more than the role allows.
    const level = liveLevelFor(network, viewer, parsed.data.level);
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
        // Feeder counts the room has not had budget for yet are not in the event log's range.
        const kind = roomKindOf(level);
        for (const id of this.rooms.get(roomKey(kind, unitId))?.feeders ?? [])
          replay.feeders[id] = toWire(projections.mapCounts(id));
        if (!this.slow.withinBound(socket)) return { ok: false, error: SLOW };
        this.join(socket, unitId, level);
        if (kind === "stream")
          this.roomFor(kind, unitId).showing(replay.tickets.map((t) => t.number));
        socket.emit("delta", redactDelta(replay, level));
        return { ok: true, mode: "replay", level };
      }
    }
    if (!(await this.sendSnapshot(socket, unitId, level))) return { ok: false, error: SLOW };
    this.join(socket, unitId, level);
    return { ok: true, mode: "snapshot", level };
  }

  /** A snapshot to one socket, unless its buffer is past the bound (then it is cut off). */
  private async sendSnapshot(
    socket: LiveSocket,
    unitId: string,
    level: LiveLevel,
  ): Promise<boolean> {
    const snapshot = await this.snapshotOf(unitId);
    if (!this.slow.withinBound(socket)) return false;
    this.shown(unitId, level, snapshot);
    socket.emit("snapshot", redactSnapshot(snapshot, level));
    return true;
  }

  private snapshotOf(unitId: string): Promise<Snapshot> {
    const { store, network, projections } = this.deps;
    return buildSnapshot({ store, network, projections, recent: this.recent }, unitId);
  }

  /** A stream room sends changes of the tickets its screens' lists show. */
  private shown(unitId: string, level: LiveLevel, snapshot: Snapshot): void {
    if (roomKindOf(level) !== "stream") return;
    const numbers = [...snapshot.recent, ...snapshot.urgent].map((t) => t.number);
    this.roomFor("stream", unitId).showing(numbers);
  }

  private join(socket: LiveSocket, unitId: string, level: LiveLevel): void {
    for (const room of socket.rooms) if (room.startsWith("unit:")) void socket.leave(room);
    socket.data.unitId = unitId;
    socket.data.level = level;
    void socket.join(roomOf(unitId, level));
  }

  /** The sockets of this process watching a unit at the levels of one room kind. */
  private membersOf(kind: RoomKind, unitId: string): string[] {
    const rooms = this.nsp.adapter.rooms;
    return LEVELS_OF[kind].flatMap((level) => [...(rooms.get(roomOf(unitId, level)) ?? [])]);
  }

  private hasMembers(kind: RoomKind, unitId: string): boolean {
    const rooms = this.nsp.adapter.rooms;
    return LEVELS_OF[kind].some((level) => (rooms.get(roomOf(unitId, level))?.size ?? 0) > 0);
  }

  /** Closes the sockets of ended sessions (signed out, timed out, user disabled or changed). */
  endSessions(sessionIds: readonly string[]): void {
    const ended = new Set(sessionIds);
    for (const socket of this.nsp.sockets.values())
      if (socket.data.viewer?.sessionId && ended.has(socket.data.viewer.sessionId))
        socket.disconnect(true);
  }

  /** Sessions with a screen open: an open live screen counts as use for the idle time-out. */
  openSessions(): string[] {
    const ids = new Set<string>();
    for (const socket of this.nsp.sockets.values())
      if (socket.data.viewer?.sessionId) ids.add(socket.data.viewer.sessionId);
    return [...ids];
  }

  private roomFor(kind: RoomKind, unitId: string): Room {
    const key = roomKey(kind, unitId);
    let room = this.rooms.get(key);
    if (!room) {
      room = new Room(unitId, kind, this.budgets[kind], Date.now());
      this.rooms.set(key, room);
    }
    return room;
  }

  /** Called for every committed change, after the projections applied it. */
  onChange(change: TicketChange, touched: Touched): void {
    this.recent.push(change);
    const paths = new Set<string>();
    const afterPath = JSON.parse(change.after.path) as string[];
    const beforePath = change.before ? (JSON.parse(change.before.path) as string[]) : [];
    for (const id of [...beforePath, ...afterPath]) paths.add(id);
    const incidentPath = change.incident ? (JSON.parse(change.incident.path) as string[]) : [];
    for (const unitId of paths) {
      for (const kind of ROOM_KINDS) {
        if (!this.hasMembers(kind, unitId)) continue;
        const room = this.roomFor(kind, unitId);
        room.units.add(unitId);
        for (const path of [beforePath, afterPath]) {
          const child = this.deps.network.childOnPath(unitId, path);
          if (child) room.units.add(child);
        }
        for (const key of touched.districts)
          if (key.startsWith(`${unitId}|`)) room.districts.add(key.slice(unitId.length + 1));
        for (const f of touched.feeders) room.feeders.add(f);
        room.addChange(change, incidentPath.includes(unitId) ? (change.incident ?? null) : null);
        this.schedule(room);
      }
    }
  }

  private schedule(room: Room): void {
    if (room.timer) return;
    // The first change after a quiet moment goes out at once (after this tick's other changes).
    room.timer = setTimeout(() => this.flush(room), room.waitMs(Date.now()));
  }

  private flush(room: Room): void {
    room.timer = null;
    const members = this.membersOf(room.kind, room.unitId);
    if (members.length === 0) {
      this.rooms.delete(roomKey(room.kind, room.unitId));
      return;
    }
    let receivers = 0;
    for (const id of members) {
      const socket = this.nsp.sockets.get(id);
      if (socket && this.slow.withinBound(socket)) receivers++;
    }
    const { delta, bytes } = room.takeDelta(this.deps.projections, Date.now());
    this.stats.deltas++;
    this.stats.deltaBytes += bytes * receivers;
    // One broadcast per level: socket.io encodes the packet once and writes the same frame to
    // every socket of the room.
    const rooms = this.nsp.adapter.rooms;
    for (const level of LEVELS_OF[room.kind])
      if (rooms.get(roomOf(room.unitId, level))?.size)
        this.nsp.local
          .to(roomOf(room.unitId, level))
          .except(LAGGING)
          .emit("delta", redactDelta(delta, level));
    if (room.dirty) this.schedule(room);
  }

  /** Lagging sockets that drained get a fresh snapshot; those that did not in time are cut off. */
  private sweepLagging(): void {
    this.slow.sweep(this.nsp.sockets, (socket) => {
      const unitId = socket.data.unitId;
      if (!unitId) return false;
      this.sendSnapshot(socket as LiveSocket, unitId, socket.data.level).catch((err: unknown) =>
        this.deps.log.error({ err }, "live: snapshot after lag failed"),
      );
      return true;
    });
  }

  /**
   * After a day turns or a rebuild, every screen of this process gets a fresh snapshot: built once
   * per unit, redacted once per level and sent to that level's room here, encoded once (a wall
   * of a thousand screens on the network costs one snapshot, not a thousand).
   */
  async resyncAll(): Promise<void> {
    const watched = new Map<string, Set<LiveLevel>>();
    for (const socket of this.nsp.sockets.values()) {
      const unitId = socket.data.unitId;
      // A socket past its bound joins the lagging now; the sweep resets it once it drains.
      if (!unitId || !this.slow.withinBound(socket)) continue;
      const levels = watched.get(unitId) ?? new Set<LiveLevel>();
      levels.add(socket.data.level);
      watched.set(unitId, levels);
    }
    for (const [unitId, levels] of watched) {
      const snapshot = await this.snapshotOf(unitId);
      this.stats.resyncs++;
      for (const level of levels) {
        this.shown(unitId, level, snapshot);
        const room = this.nsp.local.to(roomOf(unitId, level)).except(LAGGING);
        room.emit("snapshot", redactSnapshot(snapshot, level));
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
    this.rooms.clear();
  }
}
