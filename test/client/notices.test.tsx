import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import en from "../../client/i18n/notices.en.json";
import hi from "../../client/i18n/notices.hi.json";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import { IncidentNotices } from "../../client/panels/notices/IncidentNotices.js";
import { istInputToIso, isoToIstInput } from "../../client/panels/notices/istInput.js";
import { ShutdownList } from "../../client/panels/notices/ShutdownList.js";
import type { IncidentView } from "../../shared/live.js";
import type { IncidentNoticesView, ShutdownView } from "../../shared/notices.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const names = new Map([["F1", { name: "11 kV Feeder Rasra-2", nameHi: "11 केवी फीडर रसड़ा-2" }]]);

const shutdown = (over: Partial<ShutdownView>): ShutdownView => ({
  id: "SHD-1",
  feeders: ["F1"],
  unitId: "SS1",
  reason: "Transformer maintenance",
  startsAt: "2026-12-08T04:30:00.000Z",
  endsAt: "2026-12-08T08:30:00.000Z",
  status: "scheduled",
  createdAt: "2026-12-07T04:30:00.000Z",
  noticesPlanned: 120,
  noticesQueued: 40,
  reportsAnswered: 3,
  ...over,
});

beforeAll(() => initI18n("en"));
afterEach(() => setLanguage("en", false));

describe("notices i18n", () => {
  it("has the same keys in English and Hindi", () => {
    expect(keys(hi).sort()).toEqual(keys(en).sort());
  });
});

describe("IST datetime inputs", () => {
  it("reads a datetime-local value as IST and shows an instant back in IST", () => {
    expect(istInputToIso("2026-12-08T10:00")).toBe("2026-12-08T10:00:00+05:30");
    expect(Date.parse(istInputToIso("2026-12-08T10:00"))).toBe(Date.parse("2026-12-08T04:30:00Z"));
    expect(isoToIstInput("2026-12-07T20:00:00.000Z")).toBe("2026-12-08T01:30");
    expect(istInputToIso("")).toBe("");
  });
});

describe("ShutdownList", () => {
  it("shows the window in IST, the feeders by name, notices sent of planned and complaints answered", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(
        <ShutdownList
          shutdowns={[
            shutdown({ status: "active" }),
            shutdown({ id: "SHD-2", status: "cancelled" }),
          ]}
          names={names}
          loading={false}
          busyId={null}
          onCancel={() => undefined}
        />,
      ),
    );
    expect(out).toContain("11 केवी फीडर रसड़ा-2");
    expect(out).toContain("जारी");
    expect(out).toContain("रद्द");
    expect(out).toContain("120 में से 40");
    expect(out).toMatch(/10:00 IST/);
    // Only a shutdown not yet over can be cancelled.
    expect(out.match(/रद्द करें/g)).toHaveLength(1);
  });
});

describe("IncidentNotices", () => {
  const incident: IncidentView = {
    id: "INC-1",
    status: "open",
    feederId: "F1",
    substationId: "SS1",
    feeders: ["F1"],
    path: ["network", "SS1", "F1"],
    startedAt: "2026-12-07T04:00:00.000Z",
    resolvedAt: null,
    reportCount: 9,
    ticketCount: 9,
    consumersAffected: 140,
    seq: 5,
  };
  const notices: IncidentNoticesView = {
    incidentId: "INC-1",
    announcedAt: "2026-12-07T04:01:00.000Z",
    confirmedAt: null,
    crewAssigned: false,
    restoreBy: null,
    outage: { planned: 149, waiting: 9, queued: 138, optedOut: 2 },
    restored: { planned: 0, waiting: 0, queued: 0, optedOut: 0 },
    updates: { planned: 0, waiting: 0, queued: 0, optedOut: 0 },
    delivery: {
      pending: 10,
      sent: 28,
      delivered: 90,
      read: 6,
      failed: 4,
      notSent: 0,
      deliveryRate: 0.75,
    },
    callsSaved: 17,
  };
  it("shows who was told, waiting and opted out, the delivery rate and the calls saved", () => {
    const out = text(
      renderToString(
        <IncidentNotices
          rows={[{ incident, notices }]}
          names={names}
          now={Date.parse("2026-12-07T05:00:00.000Z")}
          loading={false}
          busyId={null}
          done={null}
          onAnnounce={() => undefined}
        />,
      ),
    );
    expect(out).toContain("Outage: 11 kV Feeder Rasra-2");
    expect(out).toMatch(/Told 138 Waiting 9 Opted out 2 Delivered 75% Calls saved 17/);
    expect(out).toContain("Confirm and announce");
  });

  it("says notices were not sent when no gateway took them, never a delivery rate", () => {
    const recorded = {
      ...notices,
      delivery: {
        pending: 0,
        sent: 0,
        delivered: 0,
        read: 0,
        failed: 0,
        notSent: 138,
        deliveryRate: null,
      },
    };
    const out = text(
      renderToString(
        <IncidentNotices
          rows={[{ incident, notices: recorded }]}
          names={names}
          now={Date.parse("2026-12-07T05:00:00.000Z")}
          loading={false}
          busyId={null}
          done={null}
          onAnnounce={() => undefined}
        />,
      ),
    );
    expect(out).toContain("Delivered 138 not sent (no gateway)");
    expect(out).not.toContain("%");
  });
});
