import { io, type Socket } from "socket.io-client";
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveLevel,
  type ServerToClientEvents,
  type SubscribeAck,
} from "../../shared/live.js";
import { onSessionEnd, sessionEnded } from "../app/session.js";
import { followed, type Claim } from "./claims.js";
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
/** The level asked for; undefined = all the role allows (the server decides). */
let wantedLevel: LiveLevel | undefined;

function transition(event: ConnectionEvent): void {
  connectionStore.set(nextConnection(connectionStore.get(), event));
}

/**
 * Subscribes sent on this connection and not yet answered, oldest first. The server answers them
 * in order, each snapshot just before its answer: a snapshot that arrives while a later subscribe
 * is still unanswered is for a unit this screen has already left, and is not shown.
 */
const unanswered: object[] = [];

/** A subscribe the server asked us to repeat later (it limits how fast a socket resubscribes). */
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function subscribe(s: LiveSocket): void {
  if (retryTimer !== null) {
    clearTimeout(retryTimer);
    retryTimer = null;
  }
  const current = liveStore.get();
  const same = current !== null && (wanted === undefined || current.unitId === wanted);
  const request = { unitId: wanted, sinceSeq: same ? current.seq : undefined, level: wantedLevel };
  const asked = {};
  unanswered.push(asked);
  const answered = () => {
    const at = unanswered.indexOf(asked);
    if (at >= 0) unanswered.splice(at, 1);
  };
  s.timeout(10_000)
    .emitWithAck("subscribe", request)
    .finally(answered)
    .then(
      (ack: SubscribeAck) => {
        if (!ack.ok && ack.error?.code === "unauthenticated") sessionEnded();
        else if (!ack.ok && ack.error?.code === "rate_limited") retryLater(s, ack.retryAfterMs);
        else if (!ack.ok) transition({ type: "refused", reason: ack.error?.message ?? "refused" });
        else transition({ type: "subscribed" });
      },
      () => transition({ type: "attempt_failed", reason: "no answer to subscribe" }),
    );
}

/**
 * Too many subscribes in a short time (a wall rotating fast, someone clicking through units):
 * the screen is not offline, it asks again for whatever it wants by then, once the server's
 * window allows. Changes of unit meanwhile wait for that one request.
 */
function retryLater(s: LiveSocket, afterMs = 1000): void {
  if (retryTimer !== null) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (socket === s && s.connected) subscribe(s);
  }, afterMs);
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
  s.on("connect", () => {
    // What was asked on the previous connection will never be answered.
    unanswered.length = 0;
    subscribe(s);
  });
  s.on("snapshot", (snapshot) => {
    if (unanswered.length > 1) return;
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

/** Screens currently asking for a unit and level, in the order they asked. */
const claims = new Map<number, Claim>();
let nextClaim = 0;
let applyQueued = false;

function follow({ unitId, level }: Claim): void {
  if (socket && unitId === wanted && level === wantedLevel) return;
  if (unitId !== wanted || level !== wantedLevel) {
    wanted = unitId;
    wantedLevel = level;
    // Another unit's counts must not show under this one's title, even for a moment; another
    // level starts from its own snapshot (a counts-level state has no feed to replay into).
    liveStore.set(null);
  }
  const s = ensureSocket();
  if (s.connected && retryTimer === null) subscribe(s);
}

/**
 * Asks for live data about a unit (undefined: the default unit), at a level (undefined: all the
 * role allows; `counts` for summary screens) until the returned function is called. The
 * connection then stays open, so going back to a screen is instant and a wall screen never has
 * to ask again. Claims released and made in one render (navigating from one unit to
 * another) are settled together, so the server is not asked for the unit in between.
 */
export function watchUnit(unitId: string | undefined, level?: LiveLevel): () => void {
  const id = nextClaim++;
  claims.set(id, { unitId, level });
  follow(followed(claims.values()));
  return () => {
    claims.delete(id);
    if (applyQueued) return;
    applyQueued = true;
    queueMicrotask(() => {
      applyQueued = false;
      if (claims.size > 0) follow(followed(claims.values()));
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
  wantedLevel = undefined;
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  if (s) {
    s.removeAllListeners();
    s.disconnect();
  }
  liveStore.set(null);
  connectionStore.set(INITIAL_CONNECTION);
}

onSessionEnd(closeLive);
