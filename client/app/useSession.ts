import { useSyncExternalStore } from "react";
import { getSession } from "../api/access.js";
import { ApiRequestError } from "../api/http.js";
import { mayOpen, landingPath, loginPath } from "./access.js";
import { sessionStore, signedIn, type SessionState } from "./session.js";

/** The session as React sees it. */
export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/**
 * Asks the server once who is signed in (GET /api/v1/session); `force` asks again after a
 * failure. A 401 is simply "nobody"; anything else (server down, 503) is an error the guard shows
 * with a retry, never a trip to /login, so a wall screen does not lose its place over a restart.
 */
export function loadSession(force = false): void {
  const current = sessionStore.get().status;
  if (current === "loading") return;
  if (!force && current !== "unknown") return;
  sessionStore.set({ status: "loading" });
  getSession().then(signedIn, (err: unknown) => {
    if (err instanceof ApiRequestError && err.status === 401) {
      sessionStore.set({ status: "signed_out", ended: false });
    } else {
      sessionStore.set({
        status: "error",
        message: err instanceof Error ? err.message : String(err),
      });
    }
  });
}

export type GuardDecision =
  | { kind: "wait" }
  | { kind: "error"; message: string }
  | { kind: "redirect"; to: string }
  | { kind: "render" };

/**
 * What a protected screen does for a session state: wait for it, show the failure, send a
 * signed-out person to /login with the way back, send a role to its own landing page when this
 * screen is not for it, or render.
 */
export function guardDecision(state: SessionState, pathname: string, here: string): GuardDecision {
  switch (state.status) {
    case "unknown":
    case "loading":
      return { kind: "wait" };
    case "error":
      return { kind: "error", message: state.message };
    case "signed_out":
      // Signing out on purpose is not a trip to come back from.
      return { kind: "redirect", to: state.byChoice ? "/login" : loginPath(here) };
    case "signed_in": {
      const { user } = state.session;
      return mayOpen(user.role, pathname)
        ? { kind: "render" }
        : { kind: "redirect", to: landingPath(user) };
    }
  }
}
