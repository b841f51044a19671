import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { giveFeedback } from "../../../server/tickets/feedback.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";
import { OPEN311_KEY, channelConfig, fixtureBytes, issueOpen311Key } from "./support.js";
import { wellFormed } from "./xml-check.js";

let server: TestServer;
let base: string;
const clock = new ManualClock("2026-03-01T06:00:00.000Z");

beforeAll(async () => {
  server = await startTestServer({ clock, config: channelConfig });
  await issueOpen311Key(server.app);
  base = `${server.url}/open311/v2`;
});
afterAll(() => server.close());

/** The fixture's form with a real service code (and any changes a test needs). */
function form(changes: Record<string, string | null> = {}): string {
  const params = new URLSearchParams(
    fixtureBytes("open311-post-request.urlencoded.txt").toString("utf8"),
  );
  params.set("service_code", "supply_cut");
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  return params.toString();
}

async function postRequest(body: string, format = "json") {
  const res = await fetch(`${base}/requests.${format}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

async function get(path: string) {
  const res = await fetch(`${base}/${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

type Json = Record<string, unknown>;
const parse = (text: string) => JSON.parse(text) as Json[];

describe("Open311 services", () => {
  it("lists the six categories and 'unclassified' as realtime services in JSON", async () => {
    const res = await get("services.json");
    expect(res.status).toBe(200);
    const services = parse(res.text);
    expect(services.map((s) => s.service_code)).toEqual(
      expect.arrayContaining([
        "supply_cut",
        "pole_wire",
        "meter_jumping",
        "meter_reading",
        "bill_generation",
        "connection_transfer",
        "unclassified",
      ]),
    );
    expect(services).toHaveLength(7);
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual([
        "description",
        "group",
        "keywords",
        "metadata",
        "service_code",
        "service_name",
        "type",
      ]);
      expect(s).toMatchObject({ metadata: false, type: "realtime" });
      expect(["technical", "commercial", "other"]).toContain(s.group);
    }
    expect(services.find((s) => s.service_code === "supply_cut")?.service_name).toBe("Supply cut");
  });

  it("lists the same services in well-formed XML", async () => {
    const res = await get("services.xml");
    expect(res.type).toMatch(/^text\/xml/);
    expect(wellFormed(res.text)).toBe(true);
    expect(res.text.match(/<service>/g)).toHaveLength(7);
    expect(res.text).toContain(
      "<service><service_code>supply_cut</service_code><service_name>Supply cut</service_name>",
    );
    expect(res.text).toContain("<metadata>false</metadata><type>realtime</type>");
  });

  it("gives a known service's definition with no attributes, and 404 for an unknown one", async () => {
    expect(JSON.parse((await get("services/pole_wire.json")).text)).toEqual({
      service_code: "pole_wire",
      attributes: [],
    });
    const xml = await get("services/pole_wire.xml");
    expect(xml.text).toContain(
      "<service_definition><service_code>pole_wire</service_code><attributes></attributes></service_definition>",
    );
    const missing = await get("services/PWR-OUTAGE.json");
    expect(missing.status).toBe(404);
    expect(parse(missing.text)).toEqual([
      { code: 404, description: expect.stringContaining("PWR-OUTAGE") },
    ]);
  });
});

describe("Open311 service requests", () => {
  let number: string;

  it("files a form-encoded request and answers 201 with the ticket number", async () => {
    const res = await postRequest(form());
    expect(res.status).toBe(201);
    const [created] = parse(res.text);
    expect(created).toMatchObject({
      service_request_id: expect.stringMatching(/^[A-Z]{3}-\d{6}$/),
      account_id: null,
    });
    expect(created.service_notice).toContain("expected by");
    number = created.service_request_id as string;
    const ticket = await server.app.store.getTicketByNumber(number);
    const [report] = await server.app.store.reportsOfTicket(ticket!.id);
    expect(report.channel).toBe("open311");
    expect(report.text).toBe(
      "No power since 18:00, transformer sparked\nAddress: 1 Example Road, Sector 9, Faketown",
    );
    expect(report.phone).toBe("15550001111");
    expect(report.lat).toBe(12.971599);
    expect(ticket!.category).toBe("supply_cut");
    const raw = JSON.parse(report.raw!) as Json;
    expect(raw.api_key).toBeUndefined();
    expect(raw["attribute[CONSUMER_NO]"]).toBe("000-FAKE-123");
  });

  it("answers POST requests.xml in XML", async () => {
    const res = await postRequest(
      form({ description: "Taar gir gaya", service_code: "pole_wire", phone: "9800000001" }),
      "xml",
    );
    expect(res.status).toBe(201);
    expect(res.type).toMatch(/^text\/xml/);
    expect(wellFormed(res.text)).toBe(true);
    expect(res.text).toMatch(
      /^<\?xml[^>]*>\n<service_requests><request><service_request_id>[A-Z]{3}-\d{6}<\/service_request_id>/,
    );
  });

  it("lists the request by id in JSON and XML with the spec's fields", async () => {
    const res = await get(`requests.json?service_request_id=${number},NOPE-000000`);
    expect(res.status).toBe(200);
    const [request] = parse(res.text);
    expect(parse(res.text)).toHaveLength(1);
    expect(Object.keys(request).sort()).toEqual(
      [
        "address",
        "address_id",
        "agency_responsible",
        "description",
        "expected_datetime",
        "lat",
        "long",
        "media_url",
        "requested_datetime",
        "service_code",
        "service_name",
        "service_notice",
        "service_request_id",
        "status",
        "status_notes",
        "updated_datetime",
        "zipcode",
      ].sort(),
    );
    expect(request).toMatchObject({
      service_request_id: number,
      status: "open",
      service_code: "supply_cut",
      service_name: "Supply cut",
      status_notes: null,
    });
    expect(request.requested_datetime).toBe("2026-03-01T11:30:00+05:30");
    const xml = await get(`requests.xml?service_request_id=${number}`);
    expect(wellFormed(xml.text)).toBe(true);
    expect(xml.text).toContain(
      `<service_requests><request><service_request_id>${number}</service_request_id><status>open</status>`,
    );
    const one = await get(`requests/${number}.json`);
    expect(parse(one.text)).toEqual([request]);
  });

  it("returns the submitted address (the feeder kept apart), officer and due time, and a closed one's resolution note", async () => {
    const feeder = server.app.network.feeders[30];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const res = await postRequest(
      form({ account_id: consumer!.account, lat: null, long: null, phone: "9800000002" }),
    );
    const [created] = parse(res.text);
    expect(created.account_id).toBe(consumer!.account);
    const n = created.service_request_id as string;
    const [open] = parse((await get(`requests/${n}.json`)).text);
    const ticket = await server.app.store.getTicketByNumber(n);
    expect(open.agency_responsible).toBe(server.app.officers.get(ticket!.assignee_id)!.designation);
    expect(open).toMatchObject({
      address: "1 Example Road, Sector 9, Faketown",
      lat: null,
      long: null,
      media_url: "https://example.invalid/photo.jpg",
    });
    expect(ticket!.feeder_id).toBe(feeder.id);
    expect(open.expected_datetime).toMatch(/\+05:30$/);

    await applyAction(server.app.intake, n, { type: "start" }, "je");
    await applyAction(
      server.app.intake,
      n,
      { type: "resolve", note: "Jumper replaced on the 11 kV line" },
      "je",
    );
    await giveFeedback(server.app.intake, n, { resolved: true, via: "test" });
    const closed = parse((await get(`requests.json?status=closed`)).text);
    expect(closed.find((r) => r.service_request_id === n)).toMatchObject({
      status: "closed",
      status_notes: "Jumper replaced on the 11 kV line",
    });
    expect(
      parse((await get("requests.json?status=open")).text).some((r) => r.service_request_id === n),
    ).toBe(false);
    expect(
      parse((await get("requests.json?service_code=supply_cut")).text).some(
        (r) => r.service_request_id === n,
      ),
    ).toBe(true);
    expect(
      parse((await get("requests.json?service_code=pole_wire")).text).some(
        (r) => r.service_request_id === n,
      ),
    ).toBe(false);
  });

  it("escapes text in XML", async () => {
    const res = await postRequest(
      form({ description: `Wire <b>down</b> & "sparking" near Ram's shop`, phone: "9800000003" }),
    );
    const n = parse(res.text)[0].service_request_id as string;
    const xml = await get(`requests/${n}.xml`);
    expect(wellFormed(xml.text)).toBe(true);
    expect(xml.text).toContain(
      "Wire &lt;b&gt;down&lt;/b&gt; &amp; &quot;sparking&quot; near Ram&apos;s shop",
    );
  });

  it("lists only the last 90 days by default, and refuses a longer window", async () => {
    clock.advance(91 * 24 * 3_600_000);
    try {
      expect(
        parse((await get("requests.json")).text).some((r) => r.service_request_id === number),
      ).toBe(false);
      const old = await get(
        "requests.json?start_date=2026-02-28T00:00:00Z&end_date=2026-03-02T00:00:00Z",
      );
      expect(parse(old.text).some((r) => r.service_request_id === number)).toBe(true);
      const wide = await get("requests.json?start_date=2026-01-01&end_date=2026-05-01");
      expect(wide.status).toBe(400);
      expect(parse(wide.text)).toEqual([
        { code: 400, description: expect.stringContaining("90 days") },
      ]);
    } finally {
      clock.advance(-91 * 24 * 3_600_000);
    }
  });
});

describe("Open311 errors", () => {
  it.each([
    ["a missing api_key", form({ api_key: null }), 403, "api_key"],
    ["a wrong api_key", form({ api_key: `${OPEN311_KEY}x` }), 403, "api_key"],
    ["an unknown service", form({ service_code: "PWR-OUTAGE" }), 404, "PWR-OUTAGE"],
    ["no service code", form({ service_code: null }), 400, "service_code"],
    ["no location", form({ lat: null, long: null, address_string: null }), 400, "location"],
    ["lat without long", form({ long: null, address_string: null }), 400, "long"],
    [
      "a description over 4000 characters",
      form({ description: "x".repeat(4001) }),
      400,
      "description",
    ],
    ["a malformed account_id", form({ account_id: "000-FAKE-123" }), 400, "account_id"],
  ])("refuses %s with %i in the [{code, description}] format", async (_why, body, status, word) => {
    const before = await server.app.store.listTickets({});
    const json = await postRequest(body);
    expect(json.status).toBe(status);
    const errors = parse(json.text);
    expect(errors[0]).toEqual({ code: status, description: expect.stringContaining(word) });
    const xml = await postRequest(body, "xml");
    expect(xml.status).toBe(status);
    expect(xml.type).toMatch(/^text\/xml/);
    expect(wellFormed(xml.text)).toBe(true);
    expect(xml.text).toContain(`<errors><error><code>${status}</code><description>`);
    expect((await server.app.store.listTickets({})).total).toBe(before.total);
  });

  it("answers 404 for an unknown request, resource or format, in JSON and XML", async () => {
    const json = await get("requests/NOPE-000000.json");
    expect(json.status).toBe(404);
    expect(parse(json.text)).toEqual([
      { code: 404, description: expect.stringContaining("NOPE-000000") },
    ]);
    const xml = await get("requests/NOPE-000000.xml");
    expect(xml.status).toBe(404);
    expect(xml.text).toContain("<errors><error><code>404</code>");
    expect((await get("requests.csv")).status).toBe(404);
    expect((await get("tokens/FAKE-TOKEN-12345.json")).status).toBe(404);
  });

  it("refuses bad query parameters with 400", async () => {
    for (const q of [
      "status=pending",
      "start_date=yesterday",
      "service_code=PWR-OUTAGE",
      "start_date=2026-03-02&end_date=2026-03-01",
    ]) {
      const res = await get(`requests.json?${q}`);
      expect(res.status, q).toBe(400);
      expect(parse(res.text)[0].code).toBe(400);
    }
  });
});

describe("Open311 is public", () => {
  it("lists no account number or phone a consumer typed into their complaint", async () => {
    const f = server.app.network.feeders[2];
    await postReport(server.url, {
      channel: "call_centre",
      text: "No light, account 4455667 phone 9812312399",
      category: "supply_cut",
      lat: f.lat,
      lon: f.lon,
    });
    const { text } = await get("requests.json");
    expect(text).not.toContain("4455667");
    expect(text).not.toContain("9812312399");
    expect(text).toContain("No light");
  });
});
