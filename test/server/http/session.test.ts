import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { apiJson, postReport, startTestServer, type TestServer } from "../../support/server.js";
import { signIn, sessionHeaders, type TestSession } from "../../support/auth.js";
import { LiveTestClient } from "../../support/live-client.js";

let server: TestServer;
const clock = new ManualClock(new Date("2026-06-01T06:00:00Z"));

beforeAll(async () => {
  // Behind a trusted proxy the client's address comes from X-Forwarded-For, so tests can be
  // several clients at once.
  server = await startTestServer({
    clock,
    config: { TRUST_PROXY: "true", SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 },
  });
});
afterAll(() => server.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });
const attempt = (username: string, password: string, from: string) =>
  post("/api/v1/session", { username, password }, { "x-forwarded-for": from });

async function newUser(
  username: string,
  role = "control_room",
  unitId = "network",
): Promise<number> {
  const r = await apiJson<{ user: { id: number } }>(server.url, "/api/v1/users", "POST", {
    username,
    name: `Test ${username}`,
    role,
    unitId,
    password: "correct horse battery",
  });
  expect(r.status).toBe(201);
  return r.body.user.id;
}

describe("signing in", () => {
  it("answers the user, a CSRF token and an httpOnly, SameSite=Lax session cookie", async () => {
    const res = await post("/api/v1/session", { username: "control", password: "demo" });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^nigrani_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = await res.json();
    expect(body.user).toMatchObject({
      username: "control",
      role: "control_room",
      unitId: "network",
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses a wrong password with 401, the same answer as an unknown user, and logs it", async () => {
    const wrong = await attempt("control", "not-the-password", "10.0.0.1");
    const unknown = await attempt("nobody-here", "whatever", "10.0.0.1");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const log = await apiJson<{ entries: Array<{ actor: string; address: string }> }>(
      server.url,
      "/api/v1/audit?kind=sign_in_failed&actor=user:control",
      "GET",
    );
    expect(log.body.entries[0]).toMatchObject({ actor: "user:control", address: "10.0.0.1" });
  });

  it("slows a guesser down without locking the real user out", async () => {
    await newUser("guarded.user");
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await attempt("guarded.user", `guess-${i}`, "10.9.9.9")).status);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const limited = await attempt("guarded.user", "correct horse battery", "10.9.9.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The real user, from their own machine, still gets in.
    expect((await attempt("guarded.user", "correct horse battery", "10.1.2.3")).status).toBe(200);
  });

  it("issues a new session at every sign-in and ends the one the browser had", async () => {
    const first = await signIn(server.url, "control");
    const res = await post(
      "/api/v1/session",
      { username: "control", password: "demo" },
      { cookie: first.cookie },
    );
    const second = res.headers.get("set-cookie")!.split(";")[0];
    expect(second).not.toBe(first.cookie);
    expect((await get("/api/v1/tickets", { cookie: first.cookie })).status).toBe(401);
    expect((await get("/api/v1/tickets", { cookie: second })).status).toBe(200);
  });

  it("refuses a sign-in posted from another site's page", async () => {
    const res = await post(
      "/api/v1/session",
      { username: "control", password: "demo" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
  });

  it("checks new passwords for length and against the common list, with the field named", async () => {
    const base = { username: "weak.one", name: "Weak", role: "minister", unitId: "network" };
    const short = await apiJson<{ error: { fields: Record<string, string> } }>(
      server.url,
      "/api/v1/users",
      "POST",
      {
        ...base,
        password: "short",
      },
    );
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toMatch(/at least 8/);
    const common = await apiJson<{ error: { code: string; fields: Record<string, string> } }>(
      server.url,
      "/api/v1/users",
      "POST",
      { ...base, password: "password123" },
    );
    expect(common.status).toBe(400);
    expect(common.body.error.code).toBe("weak_password");
    expect(common.body.error.fields.password).toMatch(/common/);
  });
});

describe("sessions end", () => {
  it("after the idle time-out, and after the absolute one even when used", async () => {
    const s = await signIn(server.url, "control");
    clock.advance(31 * 60_000);
    expect((await get("/api/v1/tickets", { cookie: s.cookie })).status).toBe(401);
    const busy = await signIn(server.url, "control");
    for (let i = 0; i < 28; i++) {
      clock.advance(25 * 60_000);
      expect((await get("/api/v1/summary", { cookie: busy.cookie })).status).toBe(200);
    }
    clock.advance(25 * 60_000);
    expect((await get("/api/v1/summary", { cookie: busy.cookie })).status).toBe(401);
  });

  it("at sign-out: the old cookie stops working and the open live screen is closed", async () => {
    const s = await signIn(server.url, "control");
    const screen = new LiveTestClient(server.url, undefined, null, { cookie: s.cookie });
    expect((await screen.subscribe()).ok).toBe(true);
    const closed = new Promise<string>((resolve) =>
      screen.socket.once("disconnect", (why) => resolve(why)),
    );
    const out = await fetch(`${server.url}/api/v1/session`, {
      method: "DELETE",
      headers: sessionHeaders(s),
    });
    expect(out.status).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect((await get("/api/v1/tickets", { cookie: s.cookie })).status).toBe(401);
  });

  it("when the user is disabled or loses a role, at once, sockets included", async () => {
    const id = await newUser("soon.disabled");
    const s = await signIn(server.url, "soon.disabled", "correct horse battery");
    const screen = new LiveTestClient(server.url, undefined, null, { cookie: s.cookie });
    expect((await screen.subscribe()).ok).toBe(true);
    const closed = new Promise<void>((resolve) =>
      screen.socket.once("disconnect", () => resolve()),
    );
    const r = await apiJson(server.url, `/api/v1/users/${id}`, "PATCH", { disabled: true });
    expect(r.status).toBe(200);
    await closed;
    expect((await get("/api/v1/tickets", { cookie: s.cookie })).status).toBe(401);
    expect((await attempt("soon.disabled", "correct horse battery", "10.5.5.5")).status).toBe(401);

    const id2 = await newUser("demoted.user");
    const s2 = await signIn(server.url, "demoted.user", "correct horse battery");
    await apiJson(server.url, `/api/v1/users/${id2}`, "PATCH", { role: "minister" });
    expect((await get("/api/v1/tickets", { cookie: s2.cookie })).status).toBe(401);
  });
});

describe("CSRF", () => {
  let s: TestSession;
  let number: string;
  beforeAll(async () => {
    s = await signIn(server.url, "control");
    const f = server.app.network.feeders[3];
    number = (
      await postReport(server.url, {
        channel: "call_centre",
        text: "wire down",
        category: "pole_wire",
        lat: f.lat,
        lon: f.lon,
      })
    ).body.ticket!.number;
  });
  const note = (headers: Record<string, string>) =>
    post(`/api/v1/tickets/${number}/actions`, { type: "note", text: "csrf check" }, headers);

  it("refuses a cookie-authenticated change without the session's token, or with another's", async () => {
    expect((await note({ cookie: s.cookie })).status).toBe(403);
    const other = await signIn(server.url, "admin");
    expect((await note({ cookie: s.cookie, "x-csrf-token": other.csrf })).status).toBe(403);
    const before = (await server.app.store.getTicketByNumber(number))!.last_seq;
    expect((await server.app.store.getTicketByNumber(number))!.last_seq).toBe(before);
    expect((await note(sessionHeaders(s))).status).toBe(200);
  });

  it("records the signed-in user as the actor, whatever X-Operator says", async () => {
    await note({ ...sessionHeaders(s), "x-operator": "someone-else" });
    const detail = await apiJson<{ events: Array<{ type: string; actor: string }> }>(
      server.url,
      `/api/v1/tickets/${number}`,
      "GET",
    );
    const notes = detail.body.events.filter((e) => e.type === "note");
    expect(notes.every((e) => e.actor === "user:control")).toBe(true);
  });
});

describe("intake keys", () => {
  it("are shown once, stored hashed, limited to their channels and rate, and revocable", async () => {
    const created = await apiJson<{ key: { id: number; prefix: string }; secret: string }>(
      server.url,
      "/api/v1/keys",
      "POST",
      { name: "crm", channels: ["call_centre"], ratePerMinute: 3 },
    );
    expect(created.status).toBe(201);
    const { secret, key } = created.body;
    expect(secret.startsWith(key.prefix)).toBe(true);
    const list = await apiJson(server.url, "/api/v1/keys", "GET");
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const rows = await server.app.store.kysely.selectFrom("api_keys").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);

    const f = server.app.network.feeders[5];
    const report = (channel: string) =>
      postReport(
        server.url,
        { channel, text: "no light", lat: f.lat, lon: f.lon },
        { "x-api-key": secret },
      );
    expect((await report("call_centre")).status).toBe(201);
    const wrongChannel = await report("whatsapp");
    expect(wrongChannel.status).toBe(403);
    expect(
      (wrongChannel.body.error as { fields: Record<string, string> }).fields.channel,
    ).toBeDefined();
    expect((await report("call_centre")).status).toBe(201);
    expect((await report("call_centre")).status).toBe(201);
    const limited = await report("call_centre");
    expect(limited.status).toBe(429);

    expect((await apiJson(server.url, `/api/v1/keys/${key.id}`, "DELETE")).status).toBe(204);
    expect((await report("call_centre")).status).toBe(401);
    // A key opens intake only, never a staff route.
    expect((await get("/api/v1/tickets", { "x-api-key": "demo-intake-key" })).status).toBe(404);
  });
});

describe("the live socket", () => {
  it("refuses a handshake without a session, and one from a foreign Origin", async () => {
    const anonymous = new LiveTestClient(server.url, undefined, null);
    await expect(anonymous.connect()).rejects.toThrow(/sign in/);
    const foreign = new LiveTestClient(server.url, undefined, "control", {
      origin: "https://evil.example",
    });
    await expect(foreign.connect()).rejects.toThrow(/origin/);
    const own = new LiveTestClient(server.url, undefined, "control", {
      origin: "http://localhost:3000",
    });
    expect((await own.subscribe()).ok).toBe(true);
    own.close();
  });

  it("limits how fast one socket may subscribe", async () => {
    const c = new LiveTestClient(server.url, undefined, "control");
    const limit = server.app.config.LIVE_SUBSCRIBES_PER_10S;
    const acks = [];
    for (let i = 0; i < limit + 2; i++) acks.push(await c.subscribe());
    expect(acks.slice(0, limit).every((a) => a.ok)).toBe(true);
    expect(acks[limit].error?.code).toBe("rate_limited");
    // It says when to ask again: when the first of the window leaves the ten-second window.
    expect(acks[limit].retryAfterMs).toBeGreaterThan(0);
    expect(acks[limit].retryAfterMs).toBeLessThanOrEqual(10_000);
    c.close();
  });
});
