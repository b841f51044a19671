import { io, type Socket } from "socket.io-client";
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from "../../shared/live.js";
import { onSessionEnd, sessionEnded } from "../app/session.js";
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
        if (!ack.ok && ack.error?.code === "unauthenticated") sessionEnded();
        else if (!ack.ok) transition({ type: "refused", reason: ack.error?.message ?? "refused" });
        else transition({ type: "subscribed" });
      },
      () => transition({ type: "attempt_failed", reason: "no answer to subscribe" }),
    );
}

/** The server refuses a socket whose session is gone with `data.code: "unauthenticated"`. */
function refusedForSession(err: Error): boolean {
  const data: unknown = (err as Error & { data?: unknown }).data;
  return (
    typeof data === "object" && data !== null && "code" in data && data.code === "unauthenticated"
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
  s.on("connect_error", (err) => {
    // The socket signs in with the session cookie; a refusal for that reason ends the session.
    if (refusedForSession(err)) sessionEnded();
    else transition({ type: "attempt_failed", reason: err.message });
  });
  if (typeof window !== "undefined") {
    window.addEventListener("offline", () => transition({ type: "browser_offline" }));
    window.addEventListener("online", () => {
      if (!s.connected) s.connect();
    });
  }
  socket = s;
  return s;
}

/** Screens currently asking for a unit, in the order they asked (undefined: the default unit). */
const claims = new Map<number, string | undefined>();
let nextClaim = 0;
let applyQueued = false;

/**
 * The unit to follow: the latest screen that asked for a specific unit wins over the shell's
 * default subscription, whatever order their effects ran in (children's effects run first).
 */
function claimedUnit(): string | undefined {
  let unit: string | undefined;
  for (const u of claims.values()) if (u !== undefined) unit = u;
  return unit;
}

function follow(unitId: string | undefined): void {
  if (socket && unitId === wanted) return;
  if (unitId !== wanted) {
    wanted = unitId;
    // Another unit's counts must not show under this one's title, even for a moment.
    liveStore.set(null);
  }
  const s = ensureSocket();
  if (s.connected) subscribe(s);
}

/**
 * Asks for live data about a unit (undefined: the default unit) until the returned function is
 * called. The connection then stays open, so going back to a screen is instant and a wall screen
 * never has to ask again. Claims released and made in one render (navigating from one unit to
 * another) are settled together, so the server is not asked for the unit in between.
 */
export function watchUnit(unitId: string | undefined): () => void {
  const id = nextClaim++;
  claims.set(id, unitId);
  follow(claimedUnit());
  return () => {
    claims.delete(id);
    if (applyQueued) return;
    applyQueued = true;
    queueMicrotask(() => {
      applyQueued = false;
      if (claims.size > 0) follow(claimedUnit());
    });
  };
}

/**
 * Closes the connection when the session ends, so a signed-out screen keeps no live data and the
 * next sign-in (perhaps another user, with another scope) starts from a fresh snapshot.
 */
function closeLive(): void {
  const s = socket;
  socket = null;
  wanted = undefined;
  if (s) {
    s.removeAllListeners();
    s.disconnect();
  }
  liveStore.set(null);
  connectionStore.set(INITIAL_CONNECTION);
}

onSessionEnd(closeLive);
