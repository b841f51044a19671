import type { Logger } from "pino";
import type { Namespace, Server, Socket } from "socket.io";

import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from "../../shared/live.js";
import { subscribeSchema } from "../../shared/schemas.js";
import type { TicketChange } from "../events/bus.js";
import type { Network } from "../network/loaded-network.js";
import { canSeeUnit, CONTROL_ROOM_VIEWER, defaultUnitFor, type Viewer } from "../policies/units.js";
import type { Projections, Touched } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import { bufferedBytes, DEFAULT_LIMITS, type BackpressureLimits } from "./backpressure.js";
import { RecentChanges } from "./recent-changes.js";
import { DEFAULT_BUDGET, Room, type RoomBudget } from "./room.js";
import { buildReplay, buildSnapshot, REPLAY_LIMIT } from "./sync.js";

export interface SocketData {
  viewer: Viewer;
  unitId?: string;
}
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
  /** Per-room byte budget and slow-socket bounds (defaults in room.ts and backpressure.ts). */
  budget?: RoomBudget;
  limits?: BackpressureLimits;
}

const SLOW = { code: "slow_reader", message: "this screen is not reading its updates" };
const roomOf = (unitId: string) => `unit:${unitId}`;
/** Sockets past their buffer bound wait here, out of every broadcast, until they drain. */
const LAGGING = "lagging";
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
  private readonly rooms = new Map<string, Room>();
  private readonly recent = new RecentChanges();
  private readonly lagging = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly budget: RoomBudget;
  private readonly limits: BackpressureLimits;
  /** Screens reset to a snapshot after lagging, and screens cut off: for /metrics and tests. */
  readonly stats = { resets: 0, cutOff: 0, deltaBytes: 0, deltas: 0 };

  constructor(
    io: Server,
    private readonly deps: LiveDeps,
  ) {
    this.budget = deps.budget ?? DEFAULT_BUDGET;
    this.limits = deps.limits ?? DEFAULT_LIMITS;
    this.nsp = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
    this.nsp.use((socket, next) => {
      // Sign-in arrives with the login issue; until then every screen is a control-room screen.
      socket.data.viewer = CONTROL_ROOM_VIEWER;
      next();
    });
    this.nsp.on("connection", (socket) => this.onConnection(socket));
    this.sweeper = setInterval(() => this.sweepLagging(), SWEEP_MS);
    this.sweeper.unref();
  }

  get clientCount(): number {
    return this.nsp.sockets.size;
  }

  private onConnection(socket: LiveSocket): void {
    socket.on("subscribe", (request, ack) => {
      // A lagging screen reads nothing: any answer would only grow its buffer. It gets a fresh
      // snapshot once it has drained (see sweepLagging).
      if (this.lagging.has(socket.id)) return;
      const reply = typeof ack === "function" ? ack : () => undefined;
      this.subscribe(socket, request).then(reply, (err: unknown) => {
        this.deps.log.error({ err }, "subscribe failed");
        reply({ ok: false, error: { code: "internal", message: "could not subscribe" } });
      });
    });
    socket.on("unsubscribe", () => {
      if (socket.data.unitId) void socket.leave(roomOf(socket.data.unitId));
      socket.data.unitId = undefined;
    });
    socket.on("disconnect", () => this.lagging.delete(socket.id));
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
    const unitId = parsed.data.unitId ?? defaultUnitFor(socket.data.viewer);
    if (!canSeeUnit(network, socket.data.viewer, unitId)) {
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
        for (const id of this.rooms.get(unitId)?.feeders ?? [])
          replay.feeders[id] = projections.mapCounts(id);
        if (!this.withinBound(socket)) return { ok: false, error: SLOW };
        this.join(socket, unitId);
        this.roomFor(unitId).showing(replay.tickets.map((t) => t.number));
        socket.emit("delta", replay);
        return { ok: true, mode: "replay" };
      }
    }
    if (!(await this.sendSnapshot(socket, unitId))) return { ok: false, error: SLOW };
    this.join(socket, unitId);
    return { ok: true, mode: "snapshot" };
  }

  /** A snapshot to one socket, unless its buffer is past the bound (then it is cut off). */
  private async sendSnapshot(socket: LiveSocket, unitId: string): Promise<boolean> {
    const { store, network, projections } = this.deps;
    const snapshot = await buildSnapshot(
      { store, network, projections, recent: this.recent },
      unitId,
    );
    if (!this.withinBound(socket)) return false;
    this.roomFor(unitId).showing([...snapshot.recent, ...snapshot.urgent].map((t) => t.number));
    socket.emit("snapshot", snapshot);
    return true;
  }

  /**
   * False when the socket is past its bound (it then waits among the lagging for the sweep to
   * reset or cut it off); a screen that asks for snapshots and reads none is bounded the same way.
   */
  private withinBound(socket: LiveSocket): boolean {
    if (this.lagging.has(socket.id)) return false;
    if (bufferedBytes(socket) <= this.limits.maxBufferedBytes) return true;
    this.markLagging(socket);
    return false;
  }

  private markLagging(socket: LiveSocket): void {
    this.lagging.set(socket.id, Date.now());
    void socket.join(LAGGING);
  }

  private cutOff(socket: LiveSocket, why: string): void {
    if (!socket.connected) return;
    this.stats.cutOff++;
    this.lagging.delete(socket.id);
    this.deps.log.warn(
      { socket: socket.id, unitId: socket.data.unitId, why },
      "live: slow screen cut off",
    );
    socket.disconnect(true);
  }

  private join(socket: LiveSocket, unitId: string): void {
    if (socket.data.unitId && socket.data.unitId !== unitId)
      void socket.leave(roomOf(socket.data.unitId));
    socket.data.unitId = unitId;
    void socket.join(roomOf(unitId));
  }

  private roomFor(unitId: string): Room {
    let room = this.rooms.get(unitId);
    if (!room) {
      room = new Room(unitId, this.budget, Date.now());
      this.rooms.set(unitId, room);
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
    const rooms = this.nsp.adapter.rooms;
    for (const unitId of paths) {
      if (!rooms.get(roomOf(unitId))?.size) continue;
      const room = this.roomFor(unitId);
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

  private schedule(room: Room): void {
    if (room.timer) return;
    // The first change after a quiet moment goes out at once (after this tick's other changes).
    room.timer = setTimeout(() => this.flush(room), room.waitMs(Date.now()));
  }

  private flush(room: Room): void {
    room.timer = null;
    const members = this.nsp.adapter.rooms.get(roomOf(room.unitId));
    if (!members?.size) {
      this.rooms.delete(room.unitId);
      return;
    }
    let receivers = 0;
    for (const id of members) {
      if (this.lagging.has(id)) continue;
      const socket = this.nsp.sockets.get(id);
      if (socket && bufferedBytes(socket) > this.limits.maxBufferedBytes) this.markLagging(socket);
      else receivers++;
    }
    const { delta, bytes } = room.takeDelta(this.deps.projections, Date.now());
    this.stats.deltas++;
    this.stats.deltaBytes += bytes * receivers;
    // One broadcast: socket.io encodes the packet once and writes the same frame to every socket.
    this.nsp.local.to(roomOf(room.unitId)).except(LAGGING).emit("delta", delta);
    if (room.dirty) this.schedule(room);
  }

  /** Lagging sockets that drained get a fresh snapshot; those that did not in time are cut off. */
  private sweepLagging(): void {
    const now = Date.now();
    const { maxBufferedBytes, stalledForMs } = this.limits;
    for (const [id, since] of this.lagging) {
      const socket = this.nsp.sockets.get(id);
      if (!socket) {
        this.lagging.delete(id);
        continue;
      }
      const buffered = bufferedBytes(socket);
      if (buffered < maxBufferedBytes / 4) {
        this.lagging.delete(id);
        void socket.leave(LAGGING);
        const unitId = socket.data.unitId;
        if (!unitId) continue;
        this.stats.resets++;
        this.sendSnapshot(socket, unitId).catch((err: unknown) =>
          this.deps.log.error({ err }, "live: snapshot after lag failed"),
        );
      } else if (now - since > stalledForMs || buffered > 2 * maxBufferedBytes) {
        this.cutOff(socket, "stopped reading");
      }
    }
  }

  /** After a day turns or a rebuild, every screen gets a fresh snapshot. */
  async resyncAll(): Promise<void> {
    for (const socket of this.nsp.sockets.values()) {
      const unitId = socket.data.unitId;
      if (!unitId || this.lagging.has(socket.id)) continue;
      await this.sendSnapshot(socket, unitId);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const room of this.rooms.values()) if (room.timer) clearTimeout(room.timer);
    this.rooms.clear();
  }
}
