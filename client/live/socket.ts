import { io, type Socket } from "socket.io-client";
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from "../../shared/live.js";
import { INITIAL_CONNECTION, nextConnection, type ConnectionEvent } from "./connection.js";
import type { ConnectionState } from "./connection.js";
import { applyDelta, fromSnapshot, type LiveUnitState } from "./state.js";
import { createStore } from "./store.js";

/**
 * The one owner of the Socket.IO connection to /live. It subscribes to one unit at a time, applies
 * snapshots and deltas to `liveStore` by seq, and after a reconnect re-subscribes with the last
 * seq so the server replays what was missed. Everything else reads the stores through hooks.
 */
export const liveStore = createStore<LiveUnitState | null>(null);
export const connectionStore = createStore<ConnectionState>(INITIAL_CONNECTION);

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | null = null;
/** The unit asked for; undefined = the whole network this screen may see (the server decides). */
let wanted: string | undefined;

function transition(event: ConnectionEvent): void {
  connectionStore.set(nextConnection(connectionStore.get(), event));
}

function subscribe(s: LiveSocket): void {
  const current = liveStore.get();
  const same = current !== null && (wanted === undefined || current.unitId === wanted);
  const request = { unitId: wanted, sinceSeq: same ? current.seq : undefined };
  s.timeout(10_000)
    .emitWithAck("subscribe", request)
    .then(
      (ack: SubscribeAck) => {
        if (!ack.ok) transition({ type: "refused", reason: ack.error?.message ?? "refused" });
        else transition({ type: "subscribed" });
      },
      () => transition({ type: "attempt_failed", reason: "no answer to subscribe" }),
    );
}

function ensureSocket(): LiveSocket {
  if (socket) return socket;
  // WebSocket only: in a cluster the load balancer need not be sticky.
  const s: LiveSocket = io(LIVE_NAMESPACE, {
    transports: ["websocket"],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
  s.on("connect", () => subscribe(s));
  s.on("snapshot", (snapshot) => {
    if (wanted !== undefined && snapshot.unitId !== wanted) return;
    liveStore.set(fromSnapshot(snapshot, Date.now()));
    if (connectionStore.get().status !== "live") transition({ type: "subscribed" });
  });
  s.on("delta", (delta) => liveStore.set(applyDelta(liveStore.get(), delta, Date.now())));
  s.on("disconnect", (reason) => {
    transition({ type: "disconnected", reason });
    // A server-side disconnect is not retried by socket.io; a wall screen must come back on its own.
    if (!s.active) setTimeout(() => s.connect(), 2000);
  });
  s.on("connect_error", (err) => transition({ type: "attempt_failed", reason: err.message }));
  if (typeof window !== "undefined") {
    window.addEventListener("offline", () => transition({ type: "browser_offline" }));
    window.addEventListener("online", () => {
      if (!s.connected) s.connect();
    });
  }
  socket = s;
  return s;
}

/**
 * Asks for live data about a unit (undefined: the default unit). The connection then stays open,
 * so going back to a screen is instant and a wall screen never has to ask again.
 */
export function watchUnit(unitId: string | undefined): void {
  if (socket && unitId === wanted) return;
  if (unitId !== wanted) {
    wanted = unitId;
    // Another unit's counts must not show under this one's title, even for a moment.
    liveStore.set(null);
  }
  const s = ensureSocket();
  if (s.connected) subscribe(s);
}
