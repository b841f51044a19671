import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import type { NetworkIndex } from "../../client/live/network.js";
import { indexNetwork } from "../../client/live/network.js";
import type { FeedEntry } from "../../client/live/state.js";
import { ConnectionBadge } from "../../client/panels/ConnectionBadge.js";
import { FeedPanel } from "../../client/panels/FeedPanel.js";
import { TilesPanel } from "../../client/panels/TilesPanel.js";
import { counts, ticket } from "./factories.js";

/** Text content of rendered HTML, with React's comment markers and tags removed. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

describe("TilesPanel", () => {
  const big = counts({
    open: 1234567,
    receivedToday: 4321,
    resolvedToday: 100000,
    needsTriage: 12,
  });

  it("shows open tickets with Indian digit grouping in English", () => {
    const out = text(renderToString(<TilesPanel counts={big} loading={false} />));
    expect(out).toContain("Open tickets 12,34,567");
    expect(out).toContain("Received today 4,321");
    expect(out).toContain("Resolved today 1,00,000");
    expect(out).toContain("Needs triage 12");
  });

  it("shows the same grouping with Hindi labels", () => {
    setLanguage("hi", false);
    const out = text(renderToString(<TilesPanel counts={big} loading={false} />));
    expect(out).toContain("खुली शिकायतें 12,34,567");
    expect(out).toContain("आज निस्तारित 1,00,000");
    expect(out).toContain("जोखिम में: 0");
  });

  it("shows placeholders and a loading line before the first snapshot", () => {
    const out = text(renderToString(<TilesPanel counts={null} loading />));
    expect(out).toContain("Open tickets –");
    expect(out).toContain("Loading…");
  });
});

describe("FeedPanel", () => {
  const network: NetworkIndex = indexNetwork({
    units: [
      {
        id: "F1",
        kind: "feeder",
        parentId: "S1",
        name: "Aliganj 11 kV",
        nameHi: "अलीगंज 11 केवी",
        lat: 26.9,
        lon: 80.9,
        path: ["network", "F1"],
        districtId: "lucknow",
        synthetic: true,
      },
    ],
    districts: [
      {
        id: "lucknow",
        name: "Lucknow",
        nameHi: "लखनऊ",
        state: "UP",
        discom: "MVVNL",
        discomConfidence: "source",
        hq: { lat: 26.85, lon: 80.95, name: "Lucknow" },
      },
    ],
    generated: null,
    consumersByDistrict: {},
  });
  const now = Date.parse("2025-01-01T10:00:42.000Z");
  const entries: FeedEntry[] = [
    { key: "a", ticket: ticket("LKO-000002"), at: "2025-01-01T10:00:30.000Z", fresh: true },
    {
      key: "b",
      ticket: ticket("LKO-000001", {
        category: null,
        needsTriage: true,
        feederId: null,
        districtId: null,
        channel: "x",
      }),
      at: "2025-01-01T09:57:00.000Z",
      fresh: false,
    },
  ];

  it("says so when there are no reports yet", () => {
    const out = text(
      renderToString(<FeedPanel entries={[]} places={network} now={now} loading={false} />),
    );
    expect(out).toContain("No reports yet");
  });

  it("says how many reports came too fast to list, and nothing when none did", () => {
    const calm = text(
      renderToString(<FeedPanel entries={entries} places={network} now={now} loading={false} />),
    );
    expect(calm).not.toContain("too fast");
    const storm = text(
      renderToString(
        <FeedPanel entries={entries} places={network} now={now} loading={false} skipped={1234} />,
      ),
    );
    expect(storm).toContain("+1,234 more reports arrived too fast to list");
  });

  it("shows channel, category or needs triage, place, excerpt and age, newest first", () => {
    const html = renderToString(
      <FeedPanel entries={entries} places={network} now={now} loading={false} />,
    );
    const out = text(html);
    expect(out).toMatch(
      /1912 call centre Supply cut 12 sec ago Aliganj 11 kV, Lucknow Light nahi hai/,
    );
    expect(out).toMatch(/X Needs triage 3 min ago Place not known yet/);
    expect(html.indexOf("LKO-000002")).toBeLessThan(html.indexOf("LKO-000001"));
    expect(html).toContain("feed-row--fresh");
  });

  it("uses Hindi names and labels in Hindi", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(<FeedPanel entries={entries} places={network} now={now} loading={false} />),
    );
    expect(out).toContain("1912 कॉल सेंटर बिजली आपूर्ति बाधित");
    expect(out).toContain("अलीगंज 11 केवी, लखनऊ");
    expect(out).toContain("वर्गीकरण बाकी");
  });
});

describe("ConnectionBadge", () => {
  const now = 1_000_000;

  it("shows live with the age of the data", () => {
    const out = text(
      renderToString(<ConnectionBadge status="live" updatedAt={now - 12_000} now={now} />),
    );
    expect(out).toContain("Live");
    expect(out).toContain("updated 12 sec ago");
  });

  it("says the data is stale when not live", () => {
    const html = renderToString(
      <ConnectionBadge status="reconnecting" updatedAt={now - 125_000} now={now} />,
    );
    expect(text(html)).toContain("Reconnecting");
    expect(text(html)).toContain("data is stale (last update: 2 min ago)");
    expect(html).toContain("badge--stale");
  });

  it("says offline in Hindi", () => {
    setLanguage("hi", false);
    const out = text(
      renderToString(<ConnectionBadge status="offline" updatedAt={now - 30_000} now={now} />),
    );
    expect(out).toContain("ऑफ़लाइन");
    expect(out).toContain("डेटा पुराना है");
  });

  it("says there is no data yet while connecting", () => {
    const out = text(
      renderToString(<ConnectionBadge status="connecting" updatedAt={null} now={now} />),
    );
    expect(out).toContain("Connecting");
    expect(out).toContain("no data yet");
  });
});
