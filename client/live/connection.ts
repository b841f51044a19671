/** The states a screen shows: it must say when its numbers are stale. */
export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface ConnectionState {
  status: ConnectionStatus;
  /** Failed attempts since the connection was last live. */
  attempts: number;
  /** Why the last attempt failed, for the badge's title. */
  error: string | null;
}

export const INITIAL_CONNECTION: ConnectionState = {
  status: "connecting",
  attempts: 0,
  error: null,
};

/** After this many failed attempts "reconnecting" becomes "offline" (retries continue). */
export const OFFLINE_AFTER_ATTEMPTS = 5;

export type ConnectionEvent =
  | { type: "subscribed" }
  | { type: "disconnected"; reason: string }
  | { type: "attempt_failed"; reason: string }
  | { type: "browser_offline" }
  | { type: "refused"; reason: string };

/** The connection state machine, pure so it can be tested without a socket. */
export function nextConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "subscribed":
      return INITIAL_LIVE;
    case "disconnected":
      return { status: "reconnecting", attempts: 0, error: event.reason };
    case "attempt_failed": {
      const attempts = state.attempts + 1;
      if (attempts >= OFFLINE_AFTER_ATTEMPTS)
        return { status: "offline", attempts, error: event.reason };
      // Before the first success we are still connecting; after it, reconnecting.
      const status = state.status === "connecting" ? "connecting" : "reconnecting";
      return {
        status: state.status === "offline" ? "offline" : status,
        attempts,
        error: event.reason,
      };
    }
    case "browser_offline":
      return { ...state, status: "offline", error: "browser offline" };
    case "refused":
      return { ...state, status: "offline", error: event.reason };
  }
}

const INITIAL_LIVE: ConnectionState = { status: "live", attempts: 0, error: null };
