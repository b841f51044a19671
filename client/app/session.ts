import type { SessionResponse } from "../../shared/access.js";
import { createStore } from "../live/store.js";

/**
 * The one place the client keeps who is signed in and the CSRF token that goes with the session.
 * `api/http.ts` reads the token for every change and reports a 401 `unauthenticated` here; the
 * router's guard reads the state and sends a signed-out person to /login.
 */
export type SessionState =
  | { status: "unknown" }
  | { status: "loading" }
  | { status: "signed_in"; session: SessionResponse }
  | { status: "signed_out"; ended: boolean; byChoice?: boolean }
  | { status: "error"; message: string };

export const sessionStore = createStore<SessionState>({ status: "unknown" });

/** The token for `X-CSRF-Token`, or null when nobody is signed in. */
export function csrfToken(): string | null {
  const s = sessionStore.get();
  return s.status === "signed_in" ? s.session.csrfToken : null;
}

/** Called by the API layer when the server says the session is gone (time-out, sign-out elsewhere). */
export function sessionEnded(): void {
  if (sessionStore.get().status === "signed_out") return;
  sessionStore.set({ status: "signed_out", ended: true });
  for (const l of endListeners) l();
}

const endListeners = new Set<() => void>();

/** Runs `listener` whenever a session ends (the live socket closes itself with it). */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function signedIn(session: SessionResponse): void {
  sessionStore.set({ status: "signed_in", session });
}

/** Signed out on purpose: the login page then says nothing about an expired session. */
export function signedOut(): void {
  sessionStore.set({ status: "signed_out", ended: false, byChoice: true });
  for (const l of endListeners) l();
}
