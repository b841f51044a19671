/**
 * GeoReport v2 conformance, written from the spec (wiki.open311.org/GeoReport_v2, frozen; source
 * open311/open311.github.io GeoReport/v2/index.md): every endpoint in both formats, and every error
 * the spec names (404 unknown resource, 403 bad or missing api_key, 400 anything else), always as
 * `[{ code, description }]`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";
import { OPEN311_KEY, channelConfig, issueOpen311Key } from "./support.js";
import { wellFormed } from "./xml-check.js";

let server: TestServer;
let v2: string;
const clock = new ManualClock("2026-06-01T06:00:00.000Z");

beforeAll(async () => {
  server = await startTestServer({
    clock,
    config: { ...channelConfig, PUBLIC_URL: "https://nigrani.example.invalid" },
  });
  await issueOpen311Key(server.app);
  v2 = `${server.url}/open311/v2`;
});
afterAll(() => server.close());

type Json = Record<string, unknown>;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function postForm(fields: Record<string, string>, format = "json") {
  const res = await fetch(`${v2}/requests.${format}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const valid = (extra: Record<string, string> = {}) => ({
  api_key: OPEN311_KEY,
  service_code: "pole_wire",
  lat: "26.846700",
  long: "80.946200",
  address_string: "Near the water tank, Aliganj",
  address_id: "LKO-ALG-0042",
  description: "Wire hanging low over the lane",
  media_url: "https://example.invalid/wire.jpg",
  ...extra,
});

function expectError(res: { status: number; text: string }, status: number, word: string) {
  expect(res.status).toBe(status);
  const body = JSON.parse(res.text) as Json[];
  expect(body).toEqual([{ code: status, description: expect.stringContaining(word) }]);
}

function expectXmlError(res: { status: number; text: string; headers: Headers }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
  expect(wellFormed(res.text)).toBe(true);
  expect(res.text).toMatch(
    new RegExp(
      `<errors><error><code>${status}</code><description>[^<]+</description></error></errors>`,
    ),
  );
}

describe("Service discovery", () => {
  it.each(["/discovery", "/open311/discovery", "/open311/v2/discovery"])(
    "serves %s.json and .xml with the endpoint, its specification and formats",
    async (path) => {
      const json = await get(`${server.url}${path}.json`);
      expect(json.status).toBe(200);
      expect(json.headers.get("content-type")).toMatch(/^application\/json/);
      const doc = JSON.parse(json.text) as Json;
      expect(Object.keys(doc).sort()).toEqual(["changeset", "contact", "endpoints", "key_service"]);
      expect(doc.endpoints).toEqual([
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: "https://nigrani.example.invalid/open311/v2",
          changeset: doc.changeset,
          type: "production",
          formats: ["text/xml", "application/json"],
        },
      ]);
      const xml = await get(`${server.url}${path}.xml`);
      expect(xml.headers.get("content-type")).toMatch(/^text\/xml/);
      expect(wellFormed(xml.text)).toBe(true);
      expect(xml.text).toContain(
        "<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>",
      );
      expect(xml.text).toContain(
        "<formats><format>text/xml</format><format>application/json</format></formats>",
      );
    },
  );
});

describe("GET services", () => {
  it("lists every service with the spec's fields, in XML as text/xml", async () => {
    const json = JSON.parse((await get(`${v2}/services.json`)).text) as Json[];
    for (const s of json) {
      for (const f of [
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
      ])
        expect(s, f).toHaveProperty(f);
      expect(["realtime", "batch", "blackbox"]).toContain(s.type);
    }
    const xml = await get(`${v2}/services.xml`);
    expect(xml.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(wellFormed(xml.text)).toBe(true);
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/);
  });

  it("answers 404 for the definition of an unknown service", async () => {
    expectError(await get(`${v2}/services/no_such_service.json`), 404, "no_such_service");
    expectXmlError(await get(`${v2}/services/no_such_service.xml`), 404);
  });
});

describe("POST requests", () => {
  let id = "";

  it("creates a request and answers with its id and notice", async () => {
    const res = await postForm(valid());
    expect(res.status).toBe(201);
    const [created] = JSON.parse(res.text) as Json[];
    expect(Object.keys(created).sort()).toEqual([
      "account_id",
      "service_notice",
      "service_request_id",
    ]);
    id = String(created.service_request_id);
    expect(id).toMatch(/^[A-Z]{2,5}-\d{6}$/);
  });

  it("reads the request back with the location, address, address id and media as submitted", async () => {
    const [r] = JSON.parse((await get(`${v2}/requests/${id}.json`)).text) as Json[];
    expect(r).toMatchObject({
      service_request_id: id,
      service_code: "pole_wire",
      lat: 26.8467,
      long: 80.9462,
      address: "Near the water tank, Aliganj",
      address_id: "LKO-ALG-0042",
      media_url: "https://example.invalid/wire.jpg",
    });
    const ticket = await server.app.store.getTicketByNumber(id);
    expect(ticket?.feeder_id).not.toBeNull(); // placed on the nearest feeder, kept apart
  });

  it.each([
    ["403 without an api_key", { api_key: "" }, 403, "api_key"],
    ["403 with a wrong api_key", { api_key: "not-the-key" }, 403, "api_key"],
    ["404 for an unknown service_code", { service_code: "water_leak" }, 404, "water_leak"],
    ["400 without a service_code", { service_code: "" }, 400, "service_code"],
    [
      "400 without any location",
      { lat: "", long: "", address_string: "", address_id: "" },
      400,
      "location",
    ],
    ["400 for lat without long", { long: "" }, 400, "long"],
    [
      "400 for a description over 4000 characters",
      { description: "x".repeat(4001) },
      400,
      "description",
    ],
    ["400 for a media_url that is not a URL", { media_url: "photo.jpg" }, 400, "media_url"],
    [
      "404 for another jurisdiction",
      { jurisdiction_id: "other-city.example" },
      404,
      "jurisdiction_id",
    ],
  ])("answers %s", async (_why, change, status, word) => {
    const before = (await server.app.store.listTickets({})).total;
    expectError(await postForm(valid(change)), status, word);
    expectXmlError(await postForm(valid(change), "xml"), status);
    expect((await server.app.store.listTickets({})).total).toBe(before);
  });

  it("accepts our own jurisdiction_id, and leaves an 'unclassified' request to the categoriser", async () => {
    const res = await postForm(
      valid({ jurisdiction_id: "fake-discom.example", service_code: "unclassified" }),
    );
    expect(res.status).toBe(201);
    const [created] = JSON.parse(res.text) as Json[];
    const ticket = await server.app.store.getTicketByNumber(String(created.service_request_id));
    // No category was forced: the categoriser read "Wire hanging low over the lane".
    expect(ticket?.category).toBe("pole_wire");
  });
});

describe("GET tokens", () => {
  it("resolves a request id used as its token (every service is realtime), 404 otherwise", async () => {
    const [created] = JSON.parse((await postForm(valid())).text) as Json[];
    const id = String(created.service_request_id);
    expect(JSON.parse((await get(`${v2}/tokens/${id}.json`)).text)).toEqual([
      { service_request_id: id, token: id },
    ]);
    const xml = await get(`${v2}/tokens/${id}.xml`);
    expect(xml.text).toContain(
      `<service_requests><request><service_request_id>${id}</service_request_id><token>${id}</token></request></service_requests>`,
    );
    expectError(await get(`${v2}/tokens/NOPE-999999.json`), 404, "NOPE-999999");
  });
});

describe("GET requests", () => {
  it("gives every request a service code, also those no one has categorised yet", async () => {
    const res = await postReport(server.url, { channel: "portal", text: "kuch gadbad hai" });
    expect(res.status).toBe(201);
    const number = res.body.ticket!.number;
    const all = JSON.parse((await get(`${v2}/requests.json`)).text) as Json[];
    expect(all.length).toBeGreaterThan(1);
    for (const r of all) expect(typeof r.service_code).toBe("string");
    expect(all.find((r) => r.service_request_id === number)).toMatchObject({
      service_code: "unclassified",
    });
    const filtered = JSON.parse(
      (await get(`${v2}/requests.json?service_code=unclassified`)).text,
    ) as Json[];
    expect(filtered.map((r) => r.service_request_id)).toContain(number);
    expect(filtered.every((r) => r.service_code === "unclassified")).toBe(true);
  });

  it("lets service_request_id override every other filter", async () => {
    const [first] = JSON.parse((await get(`${v2}/requests.json`)).text) as Json[];
    const id = String(first.service_request_id);
    const res = await get(
      `${v2}/requests.json?service_request_id=${id}&status=closed&start_date=2020-01-01&end_date=2020-01-02`,
    );
    expect((JSON.parse(res.text) as Json[]).map((r) => r.service_request_id)).toEqual([id]);
  });

  it("answers 404 for an unknown request id and 400 for bad parameters", async () => {
    expectError(await get(`${v2}/requests/NOPE-000001.json`), 404, "NOPE-000001");
    expectXmlError(await get(`${v2}/requests/NOPE-000001.xml`), 404);
    expectError(await get(`${v2}/requests.json?status=pending`), 400, "status");
    expectError(
      await get(`${v2}/requests.json?start_date=2026-01-01&end_date=2026-05-01`),
      400,
      "90 days",
    );
    expectError(await get(`${v2}/requests.json?jurisdiction_id=elsewhere`), 404, "jurisdiction_id");
  });

  it("answers 404 for an unknown resource or format", async () => {
    expectError(await get(`${v2}/requests.csv`), 404, "requests.csv");
    expectError(await get(`${v2}/complaints.json`), 404, "complaints");
  });
});

describe("CORS for browser clients", () => {
  it("lets any origin read answers and preflight a POST", async () => {
    const res = await get(`${v2}/services.json`, { origin: "https://map.example.invalid" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = await fetch(`${v2}/requests.json`, {
      method: "OPTIONS",
      headers: {
        origin: "https://map.example.invalid",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
  });
});
