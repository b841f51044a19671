import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackToken } from "../../../server/tickets/otp.js";
import { apiJson, postReport, startTestServer, type TestServer } from "../../support/server.js";
import { otpSentFor } from "../../support/app.js";
import { signIn } from "../../support/auth.js";

/**
 * A consumer's confirmation cannot be forged: everything a staff screen shows about a ticket (its
 * number, the phone's digits, the timeline) is not enough to answer "fixed / not fixed" on /track.
 */
let server: TestServer;
const PHONE = "9812345678";

async function resolvedTicket(i: number, phone = PHONE): Promise<{ number: string; id: number }> {
  const f = server.app.network.feeders[10 + i];
  const r = await postReport(server.url, {
    channel: "call_centre",
    text: `pole leaning ${i}`,
    category: "pole_wire",
    lat: f.lat,
    lon: f.lon,
    phone,
  });
  const number = r.body.ticket!.number;
  await apiJson(server.url, `/api/v1/tickets/${number}/actions`, "POST", { type: "start" });
  await apiJson(server.url, `/api/v1/tickets/${number}/actions`, "POST", {
    type: "resolve",
    note: "pole straightened",
  });
  return { number, id: (await server.app.store.getTicketByNumber(number))!.id };
}

const feedback = (number: string, body: Record<string, unknown>) =>
  fetch(`${server.url}/api/v1/track/${number}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("confirming a fix on /track", () => {
  it("is refused with only what staff screens show (number and the phone's last digits)", async () => {
    const t = await resolvedTicket(0);
    const staffView = await apiJson(
      server.url,
      `/api/v1/tickets/${t.number}`,
      "GET",
      undefined,
      "agent",
    );
    expect(JSON.stringify(staffView.body)).toContain(PHONE.slice(-4));
    const forged = await feedback(t.number, { phone4: PHONE.slice(-4), resolved: true });
    expect(forged.status).toBe(400);
    const tokenGuess = await feedback(t.number, { token: "A".repeat(22), resolved: false });
    expect(tokenGuess.status).toBe(404);
    expect((await server.app.store.getTicketByNumber(t.number))!.status).toBe("resolved");
  });

  it("accepts the link token the consumer was sent, and never shows it on a staff screen", async () => {
    const t = await resolvedTicket(1);
    const ack = await server.app.store.kysely
      .selectFrom("outbox")
      .select("body")
      .where("ticket_id", "=", t.id)
      .where("kind", "=", "ticket_ack")
      .executeTakeFirstOrThrow();
    const token = /[?&]t=([A-Za-z0-9_-]{22})/.exec(ack.body)![1];
    expect(token).toBe(trackToken(server.app.config.OTP_SECRET, t.number));
    for (const as of ["admin", "control", "agent"] as const) {
      const view = await apiJson(server.url, `/api/v1/tickets/${t.number}`, "GET", undefined, as);
      expect(JSON.stringify(view.body)).not.toContain(token);
    }
    const res = await feedback(t.number, { token, resolved: false, rating: 2 });
    expect(res.status).toBe(200);
    expect((await res.json()).ticket.status).toBe("reopened");
  });

  it("accepts the closure OTP, and counts wrong ones over the ticket's life (a reopen does not reset them)", async () => {
    const t = await resolvedTicket(2);
    const otp = await otpSentFor(server.app, t.id);
    const wrong = otp === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) {
      const res = await feedback(t.number, { otp: wrong, resolved: true });
      expect(res.status).toBe(422);
      expect((await res.json()).attemptsLeft).toBe(4 - i);
    }
    // Reopened by staff and resolved again: the tries used stay used.
    await apiJson(server.url, `/api/v1/tickets/${t.number}/actions`, "POST", {
      type: "reopen",
      reason: "consumer called back",
    });
    await apiJson(server.url, `/api/v1/tickets/${t.number}/actions`, "POST", { type: "start" });
    await apiJson(server.url, `/api/v1/tickets/${t.number}/actions`, "POST", {
      type: "resolve",
      note: "second visit",
    });
    const fourth = await feedback(t.number, { otp: wrong, resolved: true });
    expect((await fourth.json()).attemptsLeft).toBe(1);
    const right = await feedback(t.number, { otp, resolved: true });
    expect(right.status).toBe(200);
    expect((await right.json()).ticket.status).toBe("closed");
  });

  it("locks after the last wrong OTP, even for the right one", async () => {
    const t = await resolvedTicket(3);
    const otp = await otpSentFor(server.app, t.id);
    const wrong = otp === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await feedback(t.number, { otp: wrong, resolved: false });
    const locked = await feedback(t.number, { otp, resolved: true });
    expect(locked.status).toBe(423);
    expect((await server.app.store.getTicketByNumber(t.number))!.status).toBe("resolved");
  });
});

describe("/track in a browser that also holds a staff session", () => {
  it("takes the consumer's answer without a CSRF token: the page acts on nobody's session", async () => {
    const t = await resolvedTicket(4, "9822233344");
    const otp = await otpSentFor(server.app, t.id);
    const staff = await signIn(server.url, "control");
    const res = await fetch(`${server.url}/api/v1/track/${t.number}/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: staff.cookie },
      body: JSON.stringify({ otp, resolved: true }),
    });
    expect(res.status).toBe(200);
    // Signing out still needs the token, so another site cannot sign a user out.
    const out = await fetch(`${server.url}/api/v1/session`, {
      method: "DELETE",
      headers: { cookie: staff.cookie },
    });
    expect(out.status).toBe(403);
  });
});
