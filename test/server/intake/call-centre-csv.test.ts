import { DEMO_INTAKE_KEY } from "../../support/auth.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/server.js";
import { post, reportCount, ticketCount } from "./support.js";

let server: TestServer;
let account: string;
let feederId: string;

beforeAll(async () => {
  server = await startTestServer();
  const feeder = server.app.network.feeders[3];
  feederId = feeder.id;
  account = (await server.app.store.consumerOnFeeder(feeder.id, 0.5))!.account;
});
afterAll(() => server.close());

interface Summary {
  imported: number;
  duplicates: number;
  errors: { line: number; field: string; message: string }[];
}

async function importCsv(csv: string, type = "text/csv") {
  const res = await post(`${server.url}/api/v1/imports/call-centre`, csv, {
    "content-type": type,
    "x-api-key": DEMO_INTAKE_KEY,
  });
  return {
    status: res.status,
    body: JSON.parse(res.text) as Summary & { error?: { code: string; message: string } },
  };
}

const HEADER = "docket_no,received_at,caller_phone,account_no,category,text,district,lat,lon";

function file(): string {
  return [
    HEADER,
    `UP1912-0001,2026-11-23 09:15,9876500001,${account},supply_cut,No supply since morning,,,`,
    // line 3: a quoted note with a comma, a doubled quote and a line break (the record spans 3-4)
    `UP1912-0002,2026-11-23T10:00:00+05:30,9876500002,,"Bill generation","Bill ""wrong"", amount doubled`,
    `please check",Lucknow,,`,
    `,2026-11-23 10:30,9876500003,,,Docket number missing,,,`,
    `UP1912-0004,23/11/2026,9876500004,,,Date in the wrong format,,,`,
    `UP1912-0005,2026-11-23 11:00,98765,,theft,Short phone and an unknown category,,,`,
    `UP1912-0006,2026-11-23 11:05,9876500006,,,Latitude without longitude,,26.8,`,
    `UP1912-0007,2026-11-23 11:10,9876500007,,,Too few fields`,
    `UP1912-0008,2026-11-23 11:15,9876500008,,pole_wire,,,,`,
    `UP1912-0009,2026-11-23 11:20,,,pole_wire,Taar toota hua hai,,26.85,80.95`,
    "",
  ].join("\r\n");
}

describe("POST /api/v1/imports/call-centre", () => {
  it("imports the good rows and reports every bad row with its line, column and reason", async () => {
    const { status, body } = await importCsv(file());
    expect(status).toBe(200);
    expect(body.imported).toBe(3);
    expect(body.duplicates).toBe(0);
    const byLine = (line: number) =>
      body.errors
        .filter((e) => e.line === line)
        .map((e) => e.field)
        .sort();
    expect(byLine(5)).toEqual(["docket_no"]);
    expect(byLine(6)).toEqual(["received_at"]);
    expect(byLine(7)).toEqual(["caller_phone", "category"]);
    expect(byLine(8)).toEqual(["lon"]);
    expect(byLine(9)).toEqual(["(row)"]);
    expect(byLine(10)).toEqual(["text"]);
    expect(body.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(new Set(body.errors.map((e) => e.line))).toEqual(new Set([5, 6, 7, 8, 9, 10]));

    const first = await server.app.store.findReportByExternalId("call_centre", "UP1912-0001");
    expect(first?.received_at).toBe("2026-11-23T03:45:00.000Z");
    expect(first?.consumer_account).toBe(account);
    expect((await server.app.store.getTicket(first!.ticket_id))?.feeder_id).toBe(feederId);
    const second = await server.app.store.findReportByExternalId("call_centre", "UP1912-0002");
    expect(second?.text).toBe('Bill "wrong", amount doubled\r\nplease check\nDistrict: Lucknow');
    expect((await server.app.store.getTicket(second!.ticket_id))?.category).toBe("bill_generation");
    const ninth = await server.app.store.findReportByExternalId("call_centre", "UP1912-0009");
    expect(ninth).toMatchObject({ lat: 26.85, lon: 80.95, phone: null });
  });

  it("creates nothing new when the same file is imported again", async () => {
    const reports = await reportCount(server.app);
    const tickets = await ticketCount(server.app);
    const { status, body } = await importCsv(file());
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 0, duplicates: 3 });
    expect(body.errors).toHaveLength(7); // six bad rows, one of them with two bad columns
    expect(await reportCount(server.app)).toBe(reports);
    expect(await ticketCount(server.app)).toBe(tickets);
  });

  it("accepts the columns in any order and leaves optional ones out", async () => {
    const { status, body } = await importCsv(
      "text,docket_no\nMeter tez chal raha hai,UP1912-0100\n",
    );
    expect(status).toBe(200);
    expect(body).toEqual({ imported: 1, duplicates: 0, errors: [] });
  });

  it.each([
    ["an empty file", ""],
    ["a header with an unknown column", "docket_no,text,colour\nA1,no light,red\n"],
    ["a header without the text column", "docket_no,received_at\nA1,2026-11-23 10:00\n"],
    ["a header row that is a complaint", "UP1912-0001,No supply\n"],
  ])("refuses %s with 400 and imports nothing", async (_why, csv) => {
    const before = await reportCount(server.app);
    const { status, body } = await importCsv(csv);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("unreadable_csv");
    expect(await reportCount(server.app)).toBe(before);
  });

  it("answers 422 with the reasons when no row could be imported", async () => {
    const { status, body } = await importCsv(`${HEADER}\n,,,,,,,,\n`);
    expect(status).toBe(422);
    expect(body.imported).toBe(0);
    expect(body.errors.map((e) => e.field).sort()).toEqual(["docket_no", "text"]);
  });

  it("refuses a body that is not CSV text with 415", async () => {
    const res = await post(`${server.url}/api/v1/imports/call-centre`, "{}", {
      "x-api-key": DEMO_INTAKE_KEY,
      "content-type": "application/json",
    });
    expect(res.status).toBe(415);
  });
});
