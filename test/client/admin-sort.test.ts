import { describe, expect, it } from "vitest";
import type { OfficerWire } from "../../client/api/types.js";
import {
  filterOfficers,
  sortOfficers,
  standInCandidates,
} from "../../client/panels/admin/officerList.js";
import { periodQuery, readPeriod } from "../../client/panels/admin/period.js";
import { nextSort, sortScoreRows } from "../../client/panels/admin/sort.js";
import type { ScoreRow } from "../../client/panels/admin/types.js";

function score(id: string, name: string, nameHi: string, over: Partial<ScoreRow> = {}): ScoreRow {
  return {
    id,
    name,
    nameHi,
    received: 0,
    open: 0,
    breached: 0,
    resolved: 0,
    medianResolveHours: null,
    confirmedClosureRate: null,
    closedUnconfirmed: 0,
    falseClosureRate: null,
    falseClosures: 0,
    compensationOwed: 0,
    ...over,
  };
}

const ROWS = [
  score("a", "Agra", "आगरा", { breached: 5, confirmedClosureRate: 0.9 }),
  score("b", "Bareilly", "बरेली", { breached: 12, confirmedClosureRate: null }),
  score("c", "Chandauli", "चंदौली", { breached: 5, confirmedClosureRate: 0.2 }),
  score("d", "Division 10", "खंड 10", { breached: 0, confirmedClosureRate: 0.5 }),
  score("e", "Division 9", "खंड 9", { breached: 0, confirmedClosureRate: 0.5 }),
];
const ids = (rows: ScoreRow[]) => rows.map((r) => r.id).join("");

describe("sortScoreRows", () => {
  it("sorts figures in either direction, ties by name", () => {
    expect(ids(sortScoreRows(ROWS, { key: "breached", dir: "desc" }, "en"))).toBe("baced");
    expect(ids(sortScoreRows(ROWS, { key: "breached", dir: "asc" }, "en"))).toBe("edacb");
  });

  it("puts missing figures last whichever the direction", () => {
    expect(ids(sortScoreRows(ROWS, { key: "confirmedClosureRate", dir: "asc" }, "en"))).toBe(
      "cedab",
    );
    expect(ids(sortScoreRows(ROWS, { key: "confirmedClosureRate", dir: "desc" }, "en"))).toBe(
      "aedcb",
    );
  });

  it("sorts names with numbers in them naturally, in the current language", () => {
    expect(ids(sortScoreRows(ROWS, { key: "name", dir: "asc" }, "en"))).toBe("abced");
    const hi = sortScoreRows(ROWS, { key: "name", dir: "asc" }, "hi").map((r) => r.nameHi);
    expect(hi.indexOf("खंड 9")).toBeLessThan(hi.indexOf("खंड 10"));
  });

  it("does not change the rows it was given", () => {
    const before = ids(ROWS);
    sortScoreRows(ROWS, { key: "breached", dir: "desc" }, "en");
    expect(ids(ROWS)).toBe(before);
  });

  it("flips the sorted column and starts others at their default", () => {
    expect(nextSort({ key: "open", dir: "desc" }, "open")).toEqual({ key: "open", dir: "asc" });
    expect(nextSort({ key: "open", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "name", dir: "asc" }, "compensationOwed")).toEqual({
      key: "compensationOwed",
      dir: "desc",
    });
    expect(nextSort({ key: "open", dir: "asc" }, "confirmedClosureRate")).toEqual({
      key: "confirmedClosureRate",
      dir: "asc",
    });
  });
});

describe("scorecard period", () => {
  const today = "2025-03-31";
  it("defaults to the last 30 days and recognises presets", () => {
    expect(readPeriod(null, null, today)).toEqual({
      period: { from: "2025-03-02", to: today, preset: 30 },
      problem: null,
    });
    expect(readPeriod("2025-03-25", today, today).period.preset).toBe(7);
    expect(readPeriod("2025-01-01", today, today).period.preset).toBe(90);
    expect(readPeriod("2025-01-01", "2025-01-31", today).period.preset).toBeNull();
  });

  it("reports bad dates and a start after the end", () => {
    expect(readPeriod("2025-02-30", today, today).problem).toBe("invalidDate");
    expect(readPeriod("yesterday", null, today).problem).toBe("invalidDate");
    expect(readPeriod("2025-03-10", "2025-03-01", today).problem).toBe("fromAfterTo");
  });

  it("asks the server for whole IST days, the last one included", () => {
    expect(periodQuery({ from: "2025-02-01", to: "2025-02-28", preset: null })).toEqual({
      from: "2025-02-01T00:00:00+05:30",
      to: "2025-03-01T00:00:00+05:30",
    });
  });
});

describe("officer lists", () => {
  const o = (
    id: string,
    role: OfficerWire["role"],
    name: string,
    onLeave = false,
    nameHi = `${name}-हि`,
  ): OfficerWire => ({
    id,
    unit_id: `u-${id}`,
    role,
    name,
    name_hi: nameHi,
    designation: role.toUpperCase(),
    designation_hi: role,
    phone: "+919800000000",
    on_leave: onLeave ? 1 : 0,
    stand_in_id: null,
  });
  const list = [
    o("1", "je", "Vinod"),
    o("2", "je", "Anita", true),
    o("3", "xen", "Ravi", false, "रवि शंकर"),
    o("4", "je", "Meena"),
  ];

  it("lists the highest rank first, then by name", () => {
    expect(sortOfficers(list, "en").map((x) => x.id)).toEqual(["3", "2", "4", "1"]);
  });

  it("filters by rank and by name in either script", () => {
    expect(filterOfficers(list, "je", "").map((x) => x.id)).toEqual(["1", "2", "4"]);
    expect(filterOfficers(list, "", "mee").map((x) => x.id)).toEqual(["4"]);
    expect(filterOfficers(list, "", "रवि").map((x) => x.id)).toEqual(["3"]);
    expect(filterOfficers(list, "xen", "Meena").length).toBe(0);
  });

  it("offers as stand-ins only other officers of the same rank who are on duty", () => {
    expect(standInCandidates(list[0], list).map((x) => x.id)).toEqual(["4"]);
  });
});
