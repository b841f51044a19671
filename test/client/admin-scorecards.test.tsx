import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { initI18n, setLanguage } from "../../client/i18n/index.js";
import { formatRate, formatRupees } from "../../client/panels/admin/format.js";
import { ScoreTable, type ScoreTableProps } from "../../client/panels/admin/ScoreTable.js";
import type { ScoreRow } from "../../client/panels/admin/types.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function score(id: string, over: Partial<ScoreRow> = {}): ScoreRow {
  return {
    id,
    name: id,
    nameHi: id,
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

const BIG = score("pvvnl", {
  name: "Paschimanchal Vidyut Vitran Nigam",
  nameHi: "पश्चिमांचल विद्युत वितरण निगम लिमिटेड",
  received: 12345678,
  open: 1234567,
  breached: 98765,
  medianResolveHours: 1234.56,
  confirmedClosureRate: 0.87654,
  closedUnconfirmed: 4321,
  falseClosureRate: 0.0456,
  falseClosures: 321,
  compensationOwed: 123456789,
});
const EMPTY = score("quiet", { name: "Quiet Division", nameHi: "शांत खंड" });
const LONG_HI =
  "श्रीमती अनुराधा कुमारी श्रीवास्तव-त्रिपाठी (अधीक्षण अभियंता, विद्युत वितरण मंडल प्रथम, पूर्वांचल)";
const OFFICER = score("OFF-1", { name: "Anuradha Srivastava (SE)", nameHi: LONG_HI, received: 3 });

function render(over: Partial<ScoreTableProps> = {}): string {
  const props: ScoreTableProps = {
    kind: "units",
    title: "Units",
    hint: "",
    nameHeader: "Discom",
    rows: [EMPTY, BIG],
    sort: { key: "received", dir: "desc" },
    onSort: () => undefined,
    hrefFor: (r) => `/scorecards?unit=${r.id}`,
    empty: "none",
    loading: false,
    ...over,
  };
  return renderToString(
    <MemoryRouter>
      <ScoreTable {...props} />
    </MemoryRouter>,
  );
}

/** Text of the table row for a unit or officer id. */
function row(html: string, id: string): string {
  const m = new RegExp(`<tr data-row="${id}"[^>]*>(.*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row ${id}`);
  return text(m[1]);
}

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

describe("ScoreTable", () => {
  it("groups huge numbers the Indian way, rupees without paise, percentages with one decimal", () => {
    const r = row(render(), "pvvnl");
    expect(r).toContain("1,23,45,678");
    expect(r).toContain("12,34,567");
    expect(r).toContain("98,765");
    expect(r).toContain("1,234.6 h");
    expect(r).toContain("87.7%");
    expect(r).toContain("4.6% (321)");
    expect(r).toContain("4,321");
    expect(r).toContain("₹12,34,56,789");
  });

  it("shows a dash with the reason for every figure there is nothing to measure", () => {
    const html = render();
    const r = row(html, "quiet");
    expect(r).toContain("— No ticket was resolved, so there is no time to show.");
    expect(r).toContain("— No ticket was closed, so there is nothing to measure.");
    expect(r).toContain("— No ticket was resolved, so there is nothing to measure.");
    expect(html).toContain('title="No ticket was closed, so there is nothing to measure."');
    expect(r).toContain("₹0");
    expect(r).not.toMatch(/NaN|null|undefined/);
  });

  it("sorts by the chosen column, links unit rows to their scorecard and marks the sorted header", () => {
    const html = render();
    expect(html.indexOf('data-row="pvvnl"')).toBeLessThan(html.indexOf('data-row="quiet"'));
    expect(html).toContain('href="/scorecards?unit=pvvnl"');
    expect(html).toMatch(/aria-sort="descending" [^>]*data-col="received"/);
    const asc = render({ sort: { key: "received", dir: "asc" } });
    expect(asc.indexOf('data-row="quiet"')).toBeLessThan(asc.indexOf('data-row="pvvnl"'));
  });

  it("keeps long Hindi officer names whole, with Hindi headings and digits grouped for hi-IN", () => {
    setLanguage("hi", false);
    const html = render({
      kind: "officers",
      rows: [OFFICER, BIG],
      hrefFor: undefined,
      nameHeader: "अधिकारी",
    });
    // The officer's name on its own line, the designation (in brackets on the wire) below it.
    expect(row(html, "OFF-1")).toContain(
      "श्रीमती अनुराधा कुमारी श्रीवास्तव-त्रिपाठी अधीक्षण अभियंता, विद्युत वितरण मंडल प्रथम, पूर्वांचल",
    );
    expect(html).toContain('class="adm-score__designation"');
    expect(row(html, "pvvnl")).toContain("पश्चिमांचल विद्युत वितरण निगम लिमिटेड");
    expect(row(html, "pvvnl")).toContain("1,23,45,678");
    expect(row(html, "pvvnl")).toContain("1,234.6 घंटे");
    expect(text(html)).toContain("पुष्ट समापन");
    expect(text(html)).toContain("देय मुआवज़ा");
    expect(html).not.toContain("href=");
  });

  it("shows the empty message and the parent's total when a unit has no smaller units", () => {
    const html = render({
      rows: [],
      total: BIG,
      totalLabel: "All of PVVNL",
      empty: "PVVNL has no smaller units.",
    });
    expect(text(html)).toContain("PVVNL has no smaller units.");
    expect(row(html, "pvvnl")).toContain("All of PVVNL");
  });
});

describe("number formats", () => {
  it("formats rupees and rates for both locales", () => {
    expect(formatRupees(0, "en")).toBe("₹0");
    expect(formatRupees(100000, "hi")).toBe("₹1,00,000");
    expect(formatRate(1, "en")).toBe("100.0%");
    expect(formatRate(0.0004, "hi")).toBe("0.0%");
  });
});
