import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { UnitChildStats } from "../../client/api/types.js";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import {
  formatHours,
  formatIst,
  formatPercent,
  formatRupees,
} from "../../client/panels/tickets/format.js";
import { Breadcrumbs } from "../../client/panels/units/Breadcrumbs.js";
import { ChildrenTable } from "../../client/panels/units/ChildrenTable.js";
import { IncidentPanel } from "../../client/panels/units/IncidentPanel.js";
import {
  nextSort,
  sortChildren,
  sortFromParams,
  withLiveCounts,
} from "../../client/panels/units/sort.js";
import { counts } from "./factories.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const render = (node: ReactNode) => renderToString(<MemoryRouter>{node}</MemoryRouter>);

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

function child(id: string, over: Partial<UnitChildStats> = {}): UnitChildStats {
  return {
    id,
    kind: "division",
    name: `Division ${id}`,
    nameHi: `खंड ${id}`,
    open: 0,
    atRisk: 0,
    breached: 0,
    medianOpenAgeHours: null,
    confirmedClosurePct: null,
    compensationOwed: 0,
    ...over,
  };
}

const rows = [
  child("B", {
    name: "Barabanki",
    nameHi: "बाराबंकी",
    open: 5,
    breached: 2,
    medianOpenAgeHours: 30,
  }),
  child("A", { name: "Amethi", nameHi: "अमेठी", open: 12, atRisk: 3, medianOpenAgeHours: 4.5 }),
  child("C", { name: "Chinhat", nameHi: "चिनहट", open: 0 }),
];

describe("sortChildren", () => {
  it("sorts numbers largest first by default and names A to Z", () => {
    expect(sortChildren(rows, { key: "open", dir: "desc" }, "en").map((r) => r.id)).toEqual([
      "A",
      "B",
      "C",
    ]);
    expect(sortChildren(rows, { key: "name", dir: "asc" }, "en").map((r) => r.id)).toEqual([
      "A",
      "B",
      "C",
    ]);
    expect(sortChildren(rows, { key: "name", dir: "desc" }, "en").map((r) => r.id)).toEqual([
      "C",
      "B",
      "A",
    ]);
  });

  it("puts missing values last in both directions", () => {
    const asc = sortChildren(rows, { key: "medianOpenAgeHours", dir: "asc" }, "en");
    const desc = sortChildren(rows, { key: "medianOpenAgeHours", dir: "desc" }, "en");
    expect(asc.map((r) => r.id)).toEqual(["A", "B", "C"]);
    expect(desc.map((r) => r.id)).toEqual(["B", "A", "C"]);
  });

  it("sorts by Hindi names in Hindi, and breaks ties by name", () => {
    const hi = sortChildren(rows, { key: "name", dir: "asc" }, "hi").map((r) => r.nameHi);
    expect(hi).toEqual(["अमेठी", "चिनहट", "बाराबंकी"]);
    const ties = [child("X", { name: "Zeta" }), child("Y", { name: "Alpha" })];
    expect(sortChildren(ties, { key: "open", dir: "desc" }, "en").map((r) => r.name)).toEqual([
      "Alpha",
      "Zeta",
    ]);
  });

  it("flips the sorted column and starts another at its default", () => {
    expect(nextSort({ key: "open", dir: "desc" }, "open")).toEqual({ key: "open", dir: "asc" });
    expect(nextSort({ key: "open", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "name", dir: "asc" }, "breached")).toEqual({
      key: "breached",
      dir: "desc",
    });
  });

  it("reads the sort from the address and ignores nonsense", () => {
    expect(sortFromParams(new URLSearchParams("sort=breached&dir=asc"))).toEqual({
      key: "breached",
      dir: "asc",
    });
    expect(sortFromParams(new URLSearchParams("sort=drop+table"))).toEqual({
      key: "open",
      dir: "desc",
    });
  });

  it("takes open, at-risk and breached counts from the live snapshot when it has them", () => {
    const live = { A: counts({ open: 99, bySla: { on_track: 90, at_risk: 7, breached: 2 } }) };
    const merged = withLiveCounts(rows, live);
    expect(merged.find((r) => r.id === "A")).toMatchObject({ open: 99, atRisk: 7, breached: 2 });
    expect(merged.find((r) => r.id === "B")).toMatchObject({ open: 5, breached: 2 });
  });
});

describe("ChildrenTable", () => {
  const props = {
    parentName: "Lucknow Circle I",
    childKind: "division" as const,
    sort: { key: "open" as const, dir: "desc" as const },
    onSort: () => {},
    loading: false,
  };

  it("says so when a unit has nothing below it", () => {
    const out = text(render(<ChildrenTable {...props} rows={[]} />));
    expect(out).toContain("Nothing below this unit.");
  });

  it("shows loading and errors", () => {
    expect(text(render(<ChildrenTable {...props} rows={[]} loading />))).toContain("Loading…");
    const out = text(render(<ChildrenTable {...props} rows={[]} error="HTTP 500" />));
    expect(out).toContain("Could not load: HTTP 500");
  });

  it("lists children sorted, linked to their drill-down, with aria-sort on the sorted column", () => {
    const html = render(<ChildrenTable {...props} rows={rows} />);
    const out = text(html);
    expect(out).toContain("Divisions in Lucknow Circle I");
    expect(html.indexOf("Amethi")).toBeLessThan(html.indexOf("Barabanki"));
    expect(html).toContain('href="/units/A"');
    expect(html).toMatch(/aria-sort="descending"[^>]*data-col="open"/);
    expect(html).toMatch(/aria-sort="none"[^>]*data-col="name"/);
    expect(out).toContain("4.5 hr");
    expect(out).toContain("30 hr");
  });

  it("groups huge numbers the Indian way and shows rupees", () => {
    const big = [
      child("Z", {
        open: 123456789,
        breached: 1234567,
        compensationOwed: 123456789,
        confirmedClosurePct: 87.5,
        medianOpenAgeHours: 100,
      }),
    ];
    const out = text(render(<ChildrenTable {...props} rows={big} />));
    expect(out).toContain("12,34,56,789");
    expect(out).toContain("12,34,567");
    expect(out).toContain("₹12,34,56,789");
    expect(out).toContain("87.5%");
    expect(out).toContain("4.2 days");
  });

  it("shows long Hindi names and Hindi headings in Hindi", () => {
    setLanguage("hi", false);
    const long = [
      child("L", {
        nameHi: "विद्युत वितरण खंड प्रथम, मध्यांचल विद्युत वितरण निगम लिमिटेड, लखनऊ",
        open: 1234,
        compensationOwed: 50000,
      }),
    ];
    const out = text(render(<ChildrenTable {...props} parentName="लखनऊ मंडल" rows={long} />));
    expect(out).toContain("लखनऊ मंडल के खंड");
    expect(out).toContain("विद्युत वितरण खंड प्रथम, मध्यांचल विद्युत वितरण निगम लिमिटेड, लखनऊ");
    expect(out).toContain("समय सीमा पार");
    expect(out).toContain("1,234");
    expect(out).toContain("₹50,000");
  });
});

describe("Breadcrumbs", () => {
  const crumbs = [
    { id: "network", kind: "network" as const, name: "Whole network", nameHi: "संपूर्ण नेटवर्क" },
    { id: "UP", kind: "state" as const, name: "Uttar Pradesh", nameHi: "उत्तर प्रदेश" },
    { id: "LKO1", kind: "circle" as const, name: "Lucknow Circle I", nameHi: "लखनऊ मंडल प्रथम" },
  ];

  it("links every ancestor and marks the current unit", () => {
    const html = render(<Breadcrumbs crumbs={crumbs} />);
    expect(html).toContain('href="/units/network"');
    expect(html).toContain('href="/units/UP"');
    expect(html).not.toContain('href="/units/LKO1"');
    expect(html).toMatch(/aria-current="page"[^>]*>Lucknow Circle I/);
  });

  it("names places in Hindi in Hindi", () => {
    setLanguage("hi", false);
    const out = text(render(<Breadcrumbs crumbs={crumbs} />));
    expect(out).toBe("संपूर्ण नेटवर्क उत्तर प्रदेश लखनऊ मंडल प्रथम");
  });
});

describe("IncidentPanel", () => {
  const incident = {
    id: "INC-1",
    status: "open" as const,
    feederId: "F1",
    substationId: "S1",
    feeders: ["F1", "F2"],
    path: ["network", "S1"],
    startedAt: "2025-01-01T04:30:00.000Z",
    resolvedAt: null,
    reportCount: 1234567,
    ticketCount: 12,
    consumersAffected: 45678,
    seq: 3,
  };
  const base = { now: Date.parse("2025-01-01T05:30:00.000Z"), loading: false, busyId: null };
  const none = { failure: null, notice: null, onResolve: () => {} };

  it("says when a feeder has no open outage", () => {
    const out = text(render(<IncidentPanel {...base} {...none} incidents={[]} />));
    expect(out).toContain("No open outage on this feeder.");
  });

  it("shows the outage with IST start, grouped counts and a resolve form", () => {
    const out = text(render(<IncidentPanel {...base} {...none} incidents={[incident]} />));
    expect(out).toContain("since 1 Jan, 10:00 IST (1 hr ago)");
    expect(out).toContain("12,34,567");
    expect(out).toContain("45,678");
    expect(out).toContain("Resolve outage");
  });

  it("shows a refused resolution next to its field", () => {
    const failure = { id: "INC-1", error: { message: null, fields: { note: "Too short" } } };
    const html = render(
      <IncidentPanel {...base} {...none} failure={failure} incidents={[incident]} />,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(text(html)).toContain("Too short");
  });
});

describe("formats", () => {
  it("writes rupees, shares, ages and IST times", () => {
    expect(formatRupees(123456789, "en")).toBe("₹12,34,56,789");
    expect(formatRupees(123456789, "hi")).toBe("₹12,34,56,789");
    expect(formatPercent(66.7, "en")).toBe("66.7%");
    expect(formatHours(0.2, "en")).toBe("12 mins");
    expect(formatHours(5.25, "en")).toBe("5.3 hrs");
    expect(formatHours(72, "en")).toBe("3 days");
    expect(formatIst("2025-01-01T18:45:00.000Z", "en")).toBe("2 Jan, 00:15 IST");
  });
});
