import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES, type TicketEventView } from "../../shared/tickets.js";
import { ApiRequestError, errorFromResponse } from "../../client/api/http.js";
import type { TicketDetail } from "../../client/api/types.js";
import { i18n, initI18n, setLanguage } from "../../client/i18n/index.js";
import { indexNetwork } from "../../client/live/network.js";
import { availableActions, officerUnitFor } from "../../client/panels/tickets/actions.js";
import { showError } from "../../client/panels/tickets/errors.js";
import { filtersFromParams, filtersToParams } from "../../client/panels/tickets/filters.js";
import { TicketActions } from "../../client/panels/tickets/TicketActions.js";
import { TicketHeader } from "../../client/panels/tickets/TicketHeader.js";
import { TicketList } from "../../client/panels/tickets/TicketList.js";
import { Timeline } from "../../client/panels/tickets/Timeline.js";
import { TriageCard } from "../../client/panels/tickets/TriageCard.js";
import { ticket } from "./factories.js";

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
const render = (node: ReactNode) => renderToString(<MemoryRouter>{node}</MemoryRouter>);

beforeAll(() => {
  initI18n("en");
});
afterEach(() => setLanguage("en", false));

const places = indexNetwork({
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
  districts: [],
  generated: null,
  consumersByDistrict: {},
});

describe("TicketList", () => {
  const base = {
    title: "Tickets in Lucknow",
    places,
    loading: false,
    hasMore: false,
    loadingMore: false,
    onLoadMore: () => {},
  };

  it("says so when no ticket matches", () => {
    const out = text(render(<TicketList {...base} tickets={[]} total={0} />));
    expect(out).toContain("No tickets match these filters.");
  });

  it("links each ticket, shows status, SLA in words, feeder, IST time and channel", () => {
    const tickets = [
      ticket("LKO-000001", { status: "in_progress", slaState: "breached" }),
      ticket("LKO-000002", { category: null, feederId: null, channel: "x" }),
    ];
    const html = render(<TicketList {...base} tickets={tickets} total={12345678} hasMore />);
    const out = text(html);
    expect(html).toContain('href="/tickets/LKO-000001"');
    expect(out).toContain("Showing 2 of 1,23,45,678");
    expect(out).toMatch(
      /LKO-000001 In progress Breached Supply cut Aliganj 11 kV 1 Jan, 15:30 IST/,
    );
    expect(out).toMatch(/LKO-000002 New On track Not categorised Place not known/);
    expect(out).toContain("Load more");
  });

  it("speaks Hindi in Hindi", () => {
    setLanguage("hi", false);
    const out = text(render(<TicketList {...base} tickets={[ticket("LKO-000001")]} total={1} />));
    expect(out).toContain("नई समय पर बिजली आपूर्ति बाधित अलीगंज 11 केवी");
    expect(out).toContain("1 में से 1 दिख रही हैं");
  });
});

function ev(seq: number, type: TicketEventView["type"], data: Record<string, unknown>) {
  return {
    seq,
    ticketNumber: "LKO-000001",
    type,
    at: "2025-01-01T10:00:00.000Z",
    actor: null,
    data,
  };
}

/** One event of every type, with the data the server records for it. */
const EVERY_EVENT: TicketEventView[] = [
  ev(1, "created", {
    channel: "whatsapp",
    category: "supply_cut",
    confidence: 0.62,
    feederId: "F1",
  }),
  ev(2, "report_attached", { channel: "x" }),
  ev(3, "categorised", { from: null, to: "pole_wire" }),
  ev(4, "located", { feederId: "F1", by: "staff" }),
  ev(5, "assigned", { officerId: "OFF-1", role: "je", automatic: true }),
  ev(6, "status_changed", { from: "assigned", to: "in_progress", note: "Crew sent" }),
  ev(7, "sla_changed", { from: "on_track", to: "at_risk" }),
  ev(8, "escalated", { level: 1, role: "sdo", officerId: "OFF-2", reason: "No progress" }),
  ev(9, "note", { text: "Consumer called again" }),
  ev(10, "feedback", { resolved: false, rating: 2, comment: "Still dark" }),
  ev(11, "merged", { into: "LKO-000009" }),
  ev(12, "otp_failed", { attemptsLeft: 2 }),
  ev(13, "incident_linked", { incidentId: "INC-7" }),
];

describe("Timeline", () => {
  const officers: Record<string, string> = {
    "OFF-1": "Rekha Prasad, Junior Engineer",
    "OFF-2": "Alok Verma, Sub-Divisional Officer",
  };
  const props = {
    officerName: (id: string) => officers[id] ?? null,
    unitName: (id: string) => (id === "F1" ? "Aliganj 11 kV" : null),
    loading: false,
  };

  it("covers every event type the server records", () => {
    expect(new Set(EVERY_EVENT.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it("puts every event into English words, naming officers and places", () => {
    const out = text(render(<Timeline {...props} events={EVERY_EVENT} />));
    for (const s of [
      "Ticket created",
      "Channel: WhatsApp",
      "Categoriser: Supply cut (62%)",
      "Another report joined this ticket",
      "Categorised as Pole / wire",
      "Placed on Aliganj 11 kV",
      "Assigned to Rekha Prasad, Junior Engineer",
      "Role: Junior Engineer (JE)",
      "Status: In progress",
      "Note: Crew sent",
      "SLA state: At risk",
      "Escalated to level 1",
      "Now answerable: Alok Verma, Sub-Divisional Officer",
      "Reason: No progress",
      "Consumer called again",
      "Consumer says it is not fixed",
      "Rating: 2 of 5",
      "Merged into LKO-000009",
      "Wrong closing code entered",
      "2 attempts left",
      "Linked to feeder outage INC-7",
      "1 Jan, 15:30 IST",
    ])
      expect(out).toContain(s);
    expect(out).not.toMatch(/timeline\.|closure\./);
  });

  it("puts every event into Hindi words in Hindi", () => {
    setLanguage("hi", false);
    const out = text(render(<Timeline {...props} events={EVERY_EVENT} />));
    for (const s of [
      "शिकायत दर्ज हुई",
      "माध्यम: व्हाट्सऐप",
      "श्रेणी: खंभा / तार",
      "Aliganj 11 kV पर स्थान तय",
      "Rekha Prasad, Junior Engineer को सौंपी गई",
      "स्थिति: कार्य जारी",
      "समय सीमा की स्थिति: जोखिम में",
      "स्तर 1 पर भेजी गई",
      "उपभोक्ता के अनुसार समस्या ठीक नहीं हुई",
      "LKO-000009 में विलय",
      "गलत समापन कोड डाला गया",
      "2 प्रयास बाकी",
    ])
      expect(out).toContain(s);
  });

  it("says when nothing has happened", () => {
    expect(text(render(<Timeline {...props} events={[]} />))).toContain(
      "Nothing has happened yet.",
    );
  });
});

describe("availableActions", () => {
  const placed = { needsTriage: false, feederId: "F1" };
  it("offers only what the state machine allows", () => {
    expect(availableActions({ ...placed, status: "new" })).toEqual([
      "assign",
      "start",
      "escalate",
      "note",
      "merge",
    ]);
    expect(availableActions({ ...placed, status: "in_progress" })).toEqual([
      "assign",
      "resolve",
      "escalate",
      "note",
      "merge",
    ]);
    expect(availableActions({ ...placed, status: "resolved" })).toEqual([
      "confirm_otp",
      "reopen",
      "note",
      "merge",
    ]);
    expect(availableActions({ ...placed, status: "closed" })).toEqual([]);
    expect(availableActions({ ...placed, status: "merged" })).toEqual([]);
  });

  it("puts triage first for a ticket that needs it, and does not assign or escalate off the network", () => {
    expect(availableActions({ status: "new", needsTriage: true, feederId: null })).toEqual([
      "categorise",
      "place",
      "start",
      "note",
      "merge",
    ]);
  });

  it("picks the division's officers for the picker", () => {
    const kinds: Record<string, string> = { C: "circle", D: "division", S: "subdivision" };
    expect(officerUnitFor(["network", "UP", "C", "D", "S", "SS", "F"], (id) => kinds[id])).toBe(
      "D",
    );
  });

  it("picks the control room's officers for a ticket waiting at its district's circle", () => {
    const kinds: Record<string, string> = { UP: "state", Z: "zone", C: "circle" };
    expect(officerUnitFor(["network", "UP", "Z", "C"], (id) => kinds[id])).toBe("C");
    expect(officerUnitFor(["network"], (id) => kinds[id])).toBeNull();
  });
});

describe("TicketActions", () => {
  const props = {
    busy: null,
    failure: null,
    notice: null,
    formKey: 0,
    onAction: () => {},
    assign: {
      officers: [
        {
          id: "OFF-1",
          unit_id: "S1",
          role: "je" as const,
          name: "Rekha Prasad",
          name_hi: "रेखा प्रसाद",
          designation: "Junior Engineer, Aliganj",
          designation_hi: "अवर अभियंता, अलीगंज",
          phone: "9000000001",
          on_leave: 1,
          stand_in_id: null,
        },
      ],
      officersLoading: false,
      currentAssigneeId: null,
    },
    otpAttemptsLeft: 0,
    feeder: { query: "", onQueryChange: () => {}, results: [], searching: false },
    category: null,
  };

  it("shows the first allowed action's form, with officers grouped by role", () => {
    const html = render(<TicketActions {...props} available={["assign", "start", "note"]} />);
    const out = text(html);
    expect(out).toContain("Assign Start work Add note");
    expect(html).toContain('<optgroup label="Junior Engineer (JE)">');
    expect(out).toContain("Rekha Prasad, Junior Engineer, Aliganj (on leave)");
  });

  it("shows that closing with a code is locked after too many wrong codes", () => {
    const html = render(<TicketActions {...props} available={["confirm_otp", "reopen"]} />);
    expect(text(html)).toContain("Too many wrong codes");
    expect(html).toMatch(/<input[^>]*disabled/);
  });

  it("shows a refusal and field errors inline", () => {
    const failure = {
      type: "resolve" as const,
      error: { message: "Please correct the fields marked below.", fields: { note: "Too short" } },
    };
    const html = render(
      <TicketActions {...props} failure={failure} available={["resolve", "note"]} />,
    );
    expect(text(html)).toContain("Please correct the fields marked below.");
    expect(text(html)).toContain("Too short");
    expect(html).toContain('aria-describedby="action-resolve-note-error"');
  });

  it("says when nothing can be done", () => {
    expect(text(render(<TicketActions {...props} available={[]} />))).toContain(
      "Nothing more can be done",
    );
  });
});

describe("TicketHeader", () => {
  const detail: TicketDetail = {
    ticket: ticket("LKO-000123", { escalationLevel: 2, slaState: "breached" }),
    reports: [],
    events: [],
    assignee: {
      id: "OFF-1",
      name: "Rekha Prasad",
      nameHi: "रेखा प्रसाद",
      designation: "Junior Engineer",
      designationHi: "अवर अभियंता",
      role: "je",
      phone: "9000000001",
    },
    compensation: { daysLate: 4, amount: 12345678 },
    otpAttemptsLeft: 3,
    closure: null,
    resolutionNote: null,
    mergedInto: null,
    incident: null,
  };
  const crumbs = [{ id: "F1", kind: "feeder" as const, name: "Aliganj 11 kV", nameHi: "अलीगंज" }];

  it("shows status, SLA in words, place, due time in IST, compensation and escalation", () => {
    const now = Date.parse("2025-01-02T10:00:00.000Z");
    const html = render(<TicketHeader detail={detail} crumbs={crumbs} now={now} />);
    const out = text(html);
    expect(out).toContain("Ticket LKO-000123 New Breached Supply cut 1912 call centre");
    expect(out).toContain("Due 1 Jan, 19:30 IST · overdue, was due 20 hr ago");
    expect(out).toContain("₹1,23,45,678 · 4 days late");
    expect(out).toContain("Level 2");
    expect(out).toContain("Rekha Prasad · Junior Engineer (JE) · 9000000001");
    expect(html).toContain('href="/units/F1"');
  });

  it("speaks Hindi in Hindi", () => {
    setLanguage("hi", false);
    const out = text(render(<TicketHeader detail={detail} crumbs={crumbs} now={0} />));
    expect(out).toContain("शिकायत LKO-000123 नई समय सीमा पार बिजली आपूर्ति बाधित");
    expect(out).toContain("रेखा प्रसाद · अवर अभियंता");
    expect(out).toContain("स्तर 2");
  });
});

describe("TriageCard", () => {
  it("shows the words, what is missing and the categoriser's confidence", () => {
    const tk = { ...ticket("NGR-000001", { category: null, feederId: null }), confidence: 0.41 };
    const out = text(
      render(
        <TriageCard ticket={tk} places={places} now={Date.parse("2025-01-01T10:05:00.000Z")}>
          <p>forms</p>
        </TriageCard>,
      ),
    );
    expect(out).toContain("NGR-000001");
    expect(out).toContain("5 min ago");
    expect(out).toContain("Category: Not categorised");
    expect(out).toContain("Place: Place not known");
    expect(out).toContain("Categoriser's confidence: 41%");
  });

  it("says why the ticket waits, where, and names 'other' as the guess", () => {
    const tk = {
      ...ticket("NGR-000002", { category: null, feederId: null, queueReason: "both" }),
      path: ["network", "F1"],
      confidence: 0.97,
    };
    const at = Date.parse("2025-01-01T10:05:00.000Z");
    const en = text(
      render(
        <TriageCard ticket={tk} places={places} now={at}>
          {null}
        </TriageCard>,
      ),
    );
    expect(en).toContain("Why it waits: category unsure and place unknown");
    expect(en).toContain("Waiting at: Aliganj 11 kV");
    expect(en).toContain("Categoriser's confidence: 97% (other: none of the six)");
    setLanguage("hi", false);
    const hi = text(
      render(
        <TriageCard ticket={tk} places={places} now={at}>
          {null}
        </TriageCard>,
      ),
    );
    expect(hi).toContain("क्यों रुकी है: श्रेणी अनिश्चित और स्थान अज्ञात");
    expect(hi).toContain("प्रतीक्षा में: अलीगंज 11 केवी");
  });

  it("shows no reason and no waiting place for a placed ticket", () => {
    const tk = ticket("NGR-000003", { category: "supply_cut", feederId: "F1", queueReason: null });
    const out = text(
      render(
        <TriageCard ticket={tk} places={places} now={Date.now()}>
          {null}
        </TriageCard>,
      ),
    );
    expect(out).not.toContain("Why it waits");
    expect(out).not.toContain("Waiting at");
  });
});

describe("errors", () => {
  const t = i18n.getFixedT("en", "ops");

  it("reads the server's error body, keeping extra fields", () => {
    const err = errorFromResponse(409, {
      error: { code: "invalid_transition", message: "cannot resolve" },
      status: "closed",
    });
    expect(err).toMatchObject({
      status: 409,
      code: "invalid_transition",
      extra: { status: "closed" },
    });
    expect(errorFromResponse(502, "<html>")).toMatchObject({
      code: "http_502",
      message: i18n.t("errors.http_502"),
    });
  });

  it("words a failure by its code in the screen's language, not in the server's or browser's English", async () => {
    const before = i18n.language;
    await i18n.changeLanguage("hi");
    try {
      const err = errorFromResponse(422, {
        error: { code: "unknown_feeder", message: "no feeder F-1" },
      });
      expect(err.message).toBe("ऐसा कोई फ़ीडर नहीं है।");
      // A code the screen has no words for keeps the server's message.
      expect(
        errorFromResponse(418, { error: { code: "teapot", message: "short and stout" } }).message,
      ).toBe("short and stout");
    } finally {
      await i18n.changeLanguage(before);
    }
  });

  it("says what the ticket now is after a 409, and how many codes are left after a wrong one", () => {
    const conflict = new ApiRequestError(409, "invalid_transition", "x", {}, { status: "closed" });
    expect(showError(conflict, t, "en").message).toBe(
      'Not possible now: the ticket is "Closed". The page has been reloaded.',
    );
    const wrong = new ApiRequestError(422, "wrong_otp", "x", {}, { attemptsLeft: 2 });
    expect(showError(wrong, t, "en").message).toBe(
      "That is not the consumer's code. 2 attempts left.",
    );
  });

  it("puts field errors into words next to their fields", () => {
    const err = new ApiRequestError(400, "invalid_input", "bad", { note: "too short", zz: "odd" });
    const shown = showError(err, t, "en", "errors.field.resolveNote");
    expect(shown.fields.note).toBe("A resolution note is required (at least 5 characters).");
    expect(shown.fields.zz).toBe("odd");
  });
});

describe("ticket filters in the address", () => {
  it("round-trips known filters and drops unknown values", () => {
    const f = filtersFromParams(
      new URLSearchParams("category=supply_cut&sla=late&status=all&q=pole"),
    );
    expect(f).toEqual({ category: "supply_cut", status: "all", sla: "", channel: "", q: "pole" });
    const p = filtersToParams({ ...f, q: "" }, new URLSearchParams("lang=hi&q=old"));
    expect(p.toString()).toBe("lang=hi&category=supply_cut&status=all");
  });
});
