import type { Namespace, Socket } from "socket.io";
import type { ClientToServerEvents, LiveLevel, ServerToClientEvents } from "../../shared/live.js";
import type { Network } from "../network/loaded-network.js";
import { liveLevelFor, type Viewer } from "../policies/index.js";

export interface SocketData {
  viewer: Viewer;
  level: LiveLevel;
  unitId?: string;
  /** Times of recent subscribe requests, to bound how fast one socket may resubscribe. */
  subscribes: number[];
}

/** Who a socket's handshake belongs to (the session cookie), or null. */
export type SocketAuthenticator = (cookieHeader: string | undefined) => Promise<Viewer | null>;
export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * Who may open a live socket: a browser on one of our origins (a foreign Origin is another site
 * riding the user's cookie: cross-site WebSocket hijacking, ASVS 4.4.2) with a signed-in session.
 * The viewer and the live level its role allows are fixed on the socket here, once.
 */
export function admitSockets(
  nsp: LiveNamespace,
  deps: {
    network: Network;
    authenticate: SocketAuthenticator;
    allowedOrigins: ReadonlySet<string>;
  },
): void {
  nsp.use((socket, next) => {
    const { origin, host, cookie } = socket.handshake.headers;
    // Browsers always send Origin; a foreign one is another site riding the user's cookie.
    const own = origin === `http://${host}` || origin === `https://${host}`;
    if (origin && !deps.allowedOrigins.has(origin) && !own) {
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
}
