import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import { indexNetwork } from "../../client/live/network.js";
import { AlarmsPanel } from "../../client/panels/alarms/AlarmsPanel.js";
import type { Alarm } from "../../client/panels/alarms/rules.js";
import { CategoryChart } from "../../client/panels/charts/CategoryChart.js";
import { HourlyChart, hourlyRows, hourlySoFar } from "../../client/panels/charts/HourlyChart.js";
import { overallCompliance, SlaChart } from "../../client/panels/charts/SlaChart.js";
import { WorstUnitsChart } from "../../client/panels/charts/WorstUnitsChart.js";
import { FeedPanel } from "../../client/panels/FeedPanel.js";
import { MapLegend } from "../../client/panels/map/MapLegend.js";
import { SummaryTiles } from "../../client/panels/tiles/SummaryTiles.js";
import { TilesPanel } from "../../client/panels/TilesPanel.js";
import type {
  HourlyStats,
  SlaDailyStats,
  SummaryTile,
  WorstUnitsStats,
} from "../../client/stats/types.js";
import type { PublicTicket } from "../../client/views/TrackApi.js";
import { TrackResult } from "../../client/views/TrackResult.js";
import { counts, incident, ticket } from "./factories.js";

/** Text content of rendered HTML, with React's comment markers and tags removed. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

const LONG_HI = "विद्युत नगरीय वितरण खंड सुल्तानगंज की पुलिया द्वितीय (पूर्वांचल विद्युत वितरण निगम लिमिटेड)";

describe("TilesPanel with the server's summary figures", () => {
  const huge = counts({
    open: 123456789,
    receivedToday: 1234567,
    resolvedToday: 7654321,
    escalated: 4321,
    bySla: { on_track: 0, at_risk: 12, breached: 9876543 },
  });
  const summary = {
    confirmedClosurePct: 81.25,
    compensationOwed: 123456789,
    receivedAvg7d: 98765.4,
  };

  it("shows breached, confirmed closures and compensation with Indian grouping", () => {
    const out = text(
      renderToString(<TilesPanel counts={huge} loading={false} summary={summary} />),
    );
    expect(out).toContain("Open tickets 12,34,56,789");
    expect(out).toContain("Received today 12,34,567 7-day average: 98,765.4 a day");
    expect(out).toContain("Breached 98,76,543 escalated: 4,321");
    expect(out).toContain("Confirmed closures 81.3%");
    expect(out).toContain("Compensation owed ₹12,34,56,789 on breached tickets");
  });

  it("says the same in Hindi", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(<TilesPanel counts={huge} loading={false} summary={summary} />),
    );
    expect(out).toContain("खुली शिकायतें 12,34,56,789");
    expect(out).toContain("समय सीमा पार 98,76,543");
    expect(out).toContain("देय क्षतिपूर्ति ₹12,34,56,789");
    expect(out).toContain("पुष्ट निस्तारण 81.3%");
  });

  it("shows dashes for the server's figures while they load, and hides triage on the wall", () => {
    const html = renderToString(
      <TilesPanel counts={counts({ open: 5 })} loading={false} summary={null} hideTriage />,
    );
    expect(text(html)).toContain("Confirmed closures –");
    expect(text(html)).toContain("Compensation owed –");
    expect(html).not.toContain('data-tile="needs-triage"');
    expect(html).toContain("tiles--6");
  });
});

describe("SummaryTiles", () => {
  const tile = (over: Partial<SummaryTile> = {}): SummaryTile => ({
    unitId: "network",
    kind: "network",
    name: "Whole network",
    nameHi: "संपूर्ण नेटवर्क",
    receivedToday: 1234,
    receivedAvg7d: 1100.5,
    open: 4567,
    breached: 89,
    resolvedWithinLimitPct: 92.5,
    confirmedClosurePct: 80,
    falseClosures: 12,
    compensationOwed: 123456,
    trend: { received: "up", open: "down", breached: "flat" },
    ...over,
  });
  const hrefFor = (id: string) => `/units/${id}`;

  it("says when there is nothing to show, and when it is loading", () => {
    expect(
      text(renderToString(<SummaryTiles tiles={[]} loading={false} hrefFor={hrefFor} />)),
    ).toContain("No units to show.");
    expect(text(renderToString(<SummaryTiles tiles={null} loading hrefFor={hrefFor} />))).toContain(
      "Loading…",
    );
    const failed = text(
      renderToString(
        <SummaryTiles tiles={null} loading={false} error="HTTP 500" hrefFor={hrefFor} />,
      ),
    );
    expect(failed).toContain("Could not load: HTTP 500");
  });

  it("shows every figure with its trend in words and links each tile to its drill-down", () => {
    const html = renderToString(
      <SummaryTiles
        tiles={[
          tile(),
          tile({ unitId: "PuVVNL", kind: "discom", name: "Purvanchal Vidyut Vitran Nigam Ltd" }),
        ]}
        loading={false}
        hrefFor={hrefFor}
      />,
    );
    const out = text(html);
    expect(out).toContain("Received today 1,234 ▲ up 7-day avg 1,100.5 a day");
    expect(out).toContain("Open 4,567 ▼ down");
    expect(out).toContain("Breached 89 ▶ steady");
    expect(out).toContain("Resolved within limit (7 days) 92.5%");
    expect(out).toContain("False closures (7 days) 12");
    expect(out).toContain("Compensation owed ₹1,23,456");
    expect(out).toContain("Purvanchal Vidyut Vitran Nigam Ltd Discom");
    expect(html).toContain('href="/units/PuVVNL"');
    // Open going down is good news, breached flat is neutral: the colour follows the words.
    expect(html).toMatch(/trend--good" data-trend="down"/);
    expect(html).toMatch(/trend--neutral" data-trend="flat"/);
    expect(html).not.toMatch(/\+91|\d{10}/);
  });

  it("shows huge numbers and long Hindi names in Hindi", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(
        <SummaryTiles
          tiles={[
            tile({
              kind: "discom",
              nameHi: LONG_HI,
              open: 123456789,
              compensationOwed: 987654321,
              resolvedWithinLimitPct: null,
            }),
          ]}
          loading={false}
          hrefFor={hrefFor}
        />,
      ),
    );
    expect(out).toContain(LONG_HI);
    expect(out).toContain("खुली 12,34,56,789 ▼ घटा");
    expect(out).toContain("देय क्षतिपूर्ति ₹98,76,54,321");
    expect(out).toContain("समय पर निस्तारित (7 दिन) –");
  });
});

describe("charts", () => {
  const hourly: HourlyStats = {
    day: "2025-05-21",
    today: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      byCategory: {
        supply_cut: hour < 10 ? 1000 * hour : 0,
        pole_wire: hour < 10 ? 5 : 0,
        meter_jumping: 0,
        meter_reading: 0,
        bill_generation: 0,
        connection_transfer: 0,
        uncategorised: hour < 10 ? 1 : 0,
      },
    })),
    average7d: Array.from({ length: 24 }, (_, hour) => ({ hour, total: 1500.5 })),
  };
  // 09:30 IST
  const now = Date.parse("2025-05-21T04:00:00.000Z");

  it("adds today's hours up to now against the 7-day average", () => {
    const rows = hourlyRows(hourly);
    expect(rows[3]).toMatchObject({ hour: 3, label: "03:00", total: 3006, average: 1500.5 });
    expect(hourlySoFar(rows, 9)).toEqual({ today: 45060, average: 15005 });
    const out = text(renderToString(<HourlyChart stats={hourly} now={now} loading={false} />));
    expect(out).toContain("45,060 so far today; 7-day average by this hour: 15,005");
    expect(out).toContain("09:00 9,006 1,500.5");
  });

  it("says so when there were no reports, or the statistics failed", () => {
    const empty: HourlyStats = {
      ...hourly,
      today: hourly.today.map((h) => ({
        hour: h.hour,
        byCategory: { ...h.byCategory, supply_cut: 0, pole_wire: 0, uncategorised: 0 },
      })),
      average7d: hourly.average7d.map((a) => ({ ...a, total: 0 })),
    };
    expect(text(renderToString(<HourlyChart stats={empty} now={now} loading={false} />))).toContain(
      "No reports today or in the last 7 days.",
    );
    expect(
      text(renderToString(<HourlyChart stats={null} now={now} loading={false} error="HTTP 502" />)),
    ).toContain("Could not load: HTTP 502");
    expect(text(renderToString(<HourlyChart stats={null} now={now} loading />))).toContain(
      "Loading…",
    );
  });

  const sla: SlaDailyStats = {
    days: [
      { day: "2025-05-20", due: 1200000, metLimit: 1000000, breached: 200000, compliancePct: 83.3 },
      { day: "2025-05-21", due: 0, metLimit: 0, breached: 0, compliancePct: null },
    ],
  };

  it("shows SLA compliance per day and overall, in Hindi too", () => {
    expect(overallCompliance(sla)).toBe(83.3);
    const out = text(renderToString(<SlaChart stats={sla} loading={false} />));
    expect(out).toContain("83.3% of tickets due were fixed within the limit");
    expect(out).toContain("20 May 12,00,000 10,00,000 2,00,000 83.3%");
    expect(out).toContain("21 May 0 0 0 –");
    setLanguage("hi", false);
    const hi = text(renderToString(<SlaChart stats={sla} loading={false} />));
    expect(hi).toContain("समय सीमा पालन, पिछले 2 दिन");
    expect(hi).toContain("12,00,000");
    expect(
      text(renderToString(<SlaChart stats={{ days: [sla.days[1]] }} loading={false} />)),
    ).toContain("इन दिनों में किसी शिकायत की समय सीमा नहीं आई।");
  });

  it("lists open tickets by category, largest first, or says none are open", () => {
    const c = counts({
      open: 1234567,
      byCategory: {
        supply_cut: 1000000,
        pole_wire: 200000,
        meter_jumping: 34567,
        meter_reading: 0,
        bill_generation: 0,
        connection_transfer: 0,
        uncategorised: 0,
      },
    });
    const out = text(renderToString(<CategoryChart counts={c} loading={false} />));
    expect(out).toContain("12,34,567 open");
    expect(out).toMatch(/Supply cut 10,00,000 Pole \/ wire 2,00,000 Meter jumping 34,567/);
    expect(text(renderToString(<CategoryChart counts={counts()} loading={false} />))).toContain(
      "No open tickets.",
    );
  });

  const worst: WorstUnitsStats = {
    units: [
      {
        id: "SLT-D2",
        name: "Electricity Distribution Division Sultanganj Ki Puliya II",
        nameHi: LONG_HI,
        open: 1234567,
        atRisk: 1000,
        breached: 99999,
        compensationOwed: 12345678,
      },
    ],
  };

  it("ranks the worst divisions with full names, counts and compensation in the table", () => {
    const out = text(renderToString(<WorstUnitsChart stats={worst} loading={false} />));
    expect(out).toContain("The 10 worst divisions");
    expect(out).toContain(
      "Electricity Distribution Division Sultanganj Ki Puliya II 99,999 1,000 12,34,567 ₹1,23,45,678",
    );
    setLanguage("hi", false);
    const hi = text(renderToString(<WorstUnitsChart stats={worst} loading={false} />));
    expect(hi).toContain(`${LONG_HI} 99,999 1,000 12,34,567 ₹1,23,45,678`);
    expect(
      text(renderToString(<WorstUnitsChart stats={{ units: [] }} loading={false} />)),
    ).toContain("किसी खंड में खुली शिकायत नहीं।");
  });
});

describe("AlarmsPanel", () => {
  const network = indexNetwork({
    units: [
      {
        id: "F1",
        kind: "feeder",
        parentId: "S1",
        name: "11 kV Feeder Aliganj-1 (Urban)",
        nameHi: "11 केवी फीडर अलीगंज-1 (शहरी)",
        lat: 26.9,
        lon: 80.9,
        path: ["network", "F1"],
        districtId: "lucknow",
        synthetic: true,
      },
    ],
    districts: [],
    generated: null,
    consumersByDistrict: {},
  });
  const now = Date.parse("2025-05-21T10:05:00.000Z");
  const alarms: Alarm[] = [
    {
      id: "surge:1",
      kind: "surge",
      at: now - 60_000,
      surge: { from: 1234, to: 123456, since: now - 300_000 },
    },
    {
      id: "incident:I1",
      kind: "incident",
      at: now - 180_000,
      incident: incident("I1", { reportCount: 12345, consumersAffected: 1234567 }),
    },
  ];

  it("explains the rule when there are no alarms", () => {
    const out = text(
      renderToString(
        <AlarmsPanel alarms={[]} now={now} units={null} threshold={10} sound={false} />,
      ),
    );
    expect(out).toContain(
      "No alarms. New feeder outages, and 10 or more new breaches within 10 minutes",
    );
  });

  it("names the outage's feeder and the surge's counts, newest first, with a sound switch", () => {
    const html = renderToString(
      <AlarmsPanel
        alarms={alarms}
        now={now}
        units={network.units}
        threshold={10}
        sound={false}
        onToggleSound={() => {}}
        onDismiss={() => {}}
      />,
    );
    const out = text(html);
    expect(out).toContain(
      "Breach surge +1,22,222 breached within 10 min (1,234 → 1,23,456) 1 min ago",
    );
    expect(out).toContain(
      "Outage 11 kV Feeder Aliganj-1 (Urban): 12,345 reports; consumers affected: about 12,34,567 3 min ago",
    );
    expect(html).toContain('aria-pressed="false"');
    expect(out).toContain("Sound off");
  });

  it("speaks Hindi", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(
        <AlarmsPanel alarms={alarms} now={now} units={network.units} threshold={10} sound />,
      ),
    );
    expect(out).toContain("11 केवी फीडर अलीगंज-1 (शहरी): 12,345 शिकायतें, लगभग 12,34,567 उपभोक्ता");
    expect(out).toContain("10 मिनट में +1,22,222 समय सीमा पार");
  });
});

describe("FeedPanel rows that open their ticket", () => {
  it("links each row to /tickets/:number and shows a channel pictogram beside its name", () => {
    const html = renderToString(
      <FeedPanel
        entries={[
          {
            key: "a",
            ticket: ticket("LKO-000002", { channel: "whatsapp" }),
            at: "2025-01-01T10:00:00Z",
            fresh: false,
          },
        ]}
        places={null}
        now={Date.parse("2025-01-01T10:01:00Z")}
        loading={false}
        onOpenTicket={() => {}}
      />,
    );
    expect(html).toContain('href="/tickets/LKO-000002"');
    expect(html).toContain('class="channel-icon"');
    expect(text(html)).toContain("WhatsApp Supply cut 1 min ago");
  });
});

describe("MapLegend", () => {
  it("labels the per-10,000 classes as ranges of rates and the incident symbol", () => {
    const out = text(
      renderToString(<MapLegend breaks={[0.5, 1, 1.5, 2, 2.5]} mode="per10k" incidents />),
    );
    expect(out).toContain("Open tickets per 10,000 consumers 0 ≤ 0.5 0.5–1 1–1.5 1.5–2 2–2.5");
    expect(out).toContain("Feeder outage (incident)");
  });

  it("labels absolute classes as whole numbers with Indian grouping", () => {
    const out = text(
      renderToString(
        <MapLegend breaks={[200000, 400000, 600000, 800000, 1000000]} mode="absolute" />,
      ),
    );
    expect(out).toContain("Open tickets per district 0 1–2,00,000 2,00,001–4,00,000");
  });
});

describe("TrackResult", () => {
  const base: PublicTicket = {
    number: "LKO-000123",
    status: "resolved",
    closure: null,
    category: "supply_cut",
    createdAt: "2025-05-21T04:00:00.000Z",
    dueAt: "2025-05-21T12:00:00.000Z",
    slaState: "on_track",
    place: {
      feeder: { en: "11 kV Feeder Aliganj-1 (Urban)", hi: "11 केवी फीडर अलीगंज-1 (शहरी)" },
      district: { en: "Lucknow", hi: "लखनऊ" },
    },
    awaitingFeedback: true,
    timeline: [
      { at: "2025-05-21T04:00:00.000Z", type: "created", data: { channel: "whatsapp" } },
      {
        at: "2025-05-21T04:05:00.000Z",
        type: "assigned",
        data: {
          officer: {
            name: "R. K. Verma",
            nameHi: "आर. के. वर्मा",
            designation: "Junior Engineer",
            designationHi: "अवर अभियंता",
          },
        },
      },
      {
        at: "2025-05-21T05:00:00.000Z",
        type: "status_changed",
        data: { from: "assigned", to: "in_progress" },
      },
      {
        at: "2025-05-21T06:00:00.000Z",
        type: "status_changed",
        data: { from: "in_progress", to: "resolved", note: "Fuse replaced at the transformer" },
      },
    ],
  };

  it("shows status, place and a timeline in words, and asks whether it is fixed", () => {
    const html = renderToString(<TrackResult ticket={base} token={null} onUpdate={() => {}} />);
    const out = text(html);
    expect(out).toContain("Complaint LKO-000123 Resolved, awaiting consumer");
    expect(out).toContain("Place 11 kV Feeder Aliganj-1 (Urban), Lucknow");
    expect(out).toContain("21 May 2025, 09:30 Complaint received via WhatsApp");
    expect(out).toContain("Assigned to R. K. Verma (Junior Engineer)");
    expect(out).toContain("Work started");
    expect(out).toContain("Marked as fixed by the officer: “Fuse replaced at the transformer”");
    expect(out).toContain("Is your problem fixed?");
    expect(out).toContain("Yes, fixed");
    expect(out).toContain("5 very good");
    // Without the link's token the answer needs the code from the consumer's message.
    expect(out).toContain("The 6-digit code from your complaint message");
    const withLink = text(
      renderToString(<TrackResult ticket={base} token={"A".repeat(22)} onUpdate={() => {}} />),
    );
    expect(withLink).not.toContain("6-digit code");
  });

  it("speaks Hindi and shows no feedback form once closed", () => {
    setLanguage("hi", false);
    const closed: PublicTicket = {
      ...base,
      status: "closed",
      closure: "confirmed_feedback",
      awaitingFeedback: false,
      timeline: [
        ...base.timeline,
        { at: "2025-05-21T07:00:00.000Z", type: "feedback", data: { resolved: true, rating: 4 } },
        {
          at: "2025-05-21T07:00:00.000Z",
          type: "status_changed",
          data: { from: "resolved", to: "closed", closure: "confirmed_feedback" },
        },
      ],
    };
    const out = text(
      renderToString(<TrackResult ticket={closed} token={null} onUpdate={() => {}} />),
    );
    expect(out).toContain("शिकायत LKO-000123 बंद");
    expect(out).toContain("व्हाट्सऐप से शिकायत प्राप्त हुई");
    expect(out).toContain("आर. के. वर्मा (अवर अभियंता) को सौंपी गई");
    expect(out).toContain("आपने बताया कि समस्या ठीक हो गई। रेटिंग: 5 में से 4।");
    expect(out).toContain("आपकी पुष्टि के बाद बंद");
    expect(out).not.toContain("क्या आपकी समस्या ठीक हो गई?");
  });
});
