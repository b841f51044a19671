import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postReport, startTestServer, type TestServer, apiFetch } from "../../support/server.js";
import { otpSentFor } from "../../support/app.js";

let server: TestServer;
const PHONE_A = "9876501234";
const PHONE_B = "9123405678";
let ticketA: string;
let ticketB: string;

const track = (number: string, phone4: string) =>
  fetch(`${server.url}/api/v1/track/${number}?phone4=${phone4}`);
const action = (number: string, body: unknown) =>
  apiFetch(server.url, `/api/v1/tickets/${number}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startTestServer();
  const [f1, f2] = [server.app.network.feeders[1], server.app.network.feeders[40]];
  const a = await postReport(server.url, {
    channel: "call_centre",
    text: "no light",
    lat: f1.lat,
    lon: f1.lon,
    phone: PHONE_A,
    category: "supply_cut",
  });
  const b = await postReport(server.url, {
    channel: "whatsapp",
    text: "bijli nahi hai",
    lat: f2.lat,
    lon: f2.lon,
    phone: PHONE_B,
    category: "supply_cut",
  });
  ticketA = a.body.ticket!.number;
  ticketB = b.body.ticket!.number;
  await action(ticketA, {
    type: "note",
    text: `Called consumer on ${PHONE_A}, JE mobile 9000012345`,
  });
});
afterAll(() => server.close());

describe("/track", () => {
  it("shows the consumer's own ticket with its timeline", async () => {
    const res = await track(ticketA, PHONE_A.slice(-4));
    expect(res.status).toBe(200);
    const { ticket } = await res.json();
    expect(ticket.number).toBe(ticketA);
    expect(ticket.timeline.map((e: { type: string }) => e.type)).toEqual(["created", "assigned"]);
    expect(ticket.timeline[1].data.officer.role).toBe("JE");
  });

  it("never shows another consumer's ticket: a wrong phone gets the same 404 as an unknown number", async () => {
    const wrong = await track(ticketB, PHONE_A.slice(-4));
    const unknown = await track("LKO-999999", PHONE_A.slice(-4));
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("never shows a phone number: not the consumer's, not the officer's, not one in an internal note", async () => {
    const body = await (await track(ticketA, PHONE_A.slice(-4))).text();
    const officerPhones = server.app.officers.all().map((o) => o.phone);
    for (const p of [PHONE_A, PHONE_A.slice(0, 6), "9000012345", ...officerPhones.slice(0, 2000)])
      expect(body).not.toContain(p);
    expect(body).not.toContain("Called consumer");
  });

  it("takes the consumer's feedback: 'no' reopens the ticket", async () => {
    await action(ticketB, { type: "start" });
    await action(ticketB, { type: "resolve", note: "fuse replaced at DT" });
    const row = await server.app.store.getTicketByNumber(ticketB);
    const otp = await otpSentFor(server.app, row!.id);
    const res = await fetch(`${server.url}/api/v1/track/${ticketB}/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ otp, resolved: false, rating: 1 }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).ticket.status).toBe("reopened");
  });

  it("closes with the consumer's OTP entered by the officer", async () => {
    await action(ticketA, { type: "start" });
    await action(ticketA, { type: "resolve", note: "jumper replaced" });
    const row = await server.app.store.getTicketByNumber(ticketA);
    const wrong = await action(ticketA, { type: "confirm_otp", otp: "12345" });
    expect(wrong.status).toBe(400);
    const ok = await action(ticketA, {
      type: "confirm_otp",
      otp: await otpSentFor(server.app, row!.id),
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).ticket.status).toBe("closed");
    const conflict = await action(ticketA, { type: "start" });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).status).toBe("closed");
  });

  it("is rate-limited", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) codes.push((await track(ticketA, String(1000 + i))).status);
    expect(codes).toContain(429);
  });
});
