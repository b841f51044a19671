/** Signing in to a test server as the demo users do (demo mode seeds them with password "demo"). */

export type DemoUser = "admin" | "control" | "minister" | "agent" | "se.gorakhpur" | "xen.varanasi";
export const DEMO_PASSWORD = "demo";
export const DEMO_INTAKE_KEY = "demo-intake-key";

export interface TestSession {
  cookie: string;
  csrf: string;
  user: { id: number; username: string; role: string; unitId: string };
}

const sessions = new Map<string, TestSession>();

/** Signs in (a fresh session each call) and returns the cookie and CSRF token. */
export async function signIn(
  url: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200)
    throw new Error(`sign-in as ${username} answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0];
  const body = (await res.json()) as { csrfToken: string; user: TestSession["user"] };
  return { cookie, csrf: body.csrfToken, user: body.user };
}

/** A session per server and user, reused across calls (signed in again if the server forgot it). */
export async function sessionFor(
  url: string,
  username: string,
  fresh = false,
): Promise<TestSession> {
  const key = `${url}|${username}`;
  let s = sessions.get(key);
  if (!s || fresh) {
    s = await signIn(url, username);
    sessions.set(key, s);
  }
  return s;
}

/** Headers that make a request as this session (cookie, and the CSRF token for changes). */
export function sessionHeaders(s: TestSession): Record<string, string> {
  return { cookie: s.cookie, "x-csrf-token": s.csrf };
}
