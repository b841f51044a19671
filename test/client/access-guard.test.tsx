import { renderToString } from "react-dom/server";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Role, SessionResponse } from "../../shared/access.js";
import {
  afterSignIn,
  landingPath,
  loginPath,
  mayOpen,
  navFor,
  safeNext,
} from "../../client/app/access.js";
import { RequireSession } from "../../client/app/RequireSession.js";
import { sessionStore, type SessionState } from "../../client/app/session.js";
import { guardDecision } from "../../client/app/useSession.js";
import { initI18n, setLanguage } from "../../client/i18n/index.js";

function session(role: Role, unitId = "network"): SessionState {
  const s: SessionResponse = {
    user: {
      id: 1,
      username: role,
      name: role,
      role,
      unitId,
      unitName: unitId,
      unitNameHi: unitId,
      officerId: role === "officer" ? "off-1" : null,
    },
    csrfToken: "t",
    demo: true,
  };
  return { status: "signed_in", session: s };
}

const SIGNED_OUT: SessionState = { status: "signed_out", ended: false };

function decide(state: SessionState, here: string) {
  return guardDecision(state, new URL(here, "http://x").pathname, here);
}

beforeAll(() => {
  initI18n("en");
});
afterEach(() => {
  sessionStore.set({ status: "unknown" });
  setLanguage("en", false);
});

describe("the route guard", () => {
  it("sends a signed-out person to /login with the way back, kiosk parameters included", () => {
    expect(decide(SIGNED_OUT, "/units/gkp-circle?lang=hi")).toEqual({
      kind: "redirect",
      to: "/login?next=%2Funits%2Fgkp-circle%3Flang%3Dhi",
    });
    const wall = "/wall?views=state,PuVVNL,worst&every=30&lang=hi";
    const to = decide({ status: "signed_out", ended: true }, wall);
    expect(to.kind).toBe("redirect");
    const next = new URL(to.kind === "redirect" ? to.to : "", "http://x").searchParams.get("next");
    expect(next).toBe(wall);
  });

  it("sends someone who signed out on purpose to a plain /login", () => {
    const state: SessionState = { status: "signed_out", ended: false, byChoice: true };
    expect(decide(state, "/audit")).toEqual({ kind: "redirect", to: "/login" });
  });

  it("waits while the session is being checked and shows a server failure instead of /login", () => {
    expect(decide({ status: "loading" }, "/")).toEqual({ kind: "wait" });
    expect(decide({ status: "unknown" }, "/wall")).toEqual({ kind: "wait" });
    expect(decide({ status: "error", message: "HTTP 502" }, "/wall")).toEqual({
      kind: "error",
      message: "HTTP 502",
    });
  });

  it("keeps each role to its screens and sends it to its own landing page", () => {
    expect(decide(session("minister"), "/")).toEqual({ kind: "redirect", to: "/summary" });
    expect(decide(session("minister"), "/tickets/GKP-000001")).toEqual({
      kind: "redirect",
      to: "/summary",
    });
    expect(decide(session("officer", "gkp-c1"), "/")).toEqual({
      kind: "redirect",
      to: "/units/gkp-c1",
    });
    expect(decide(session("call_centre"), "/")).toEqual({ kind: "redirect", to: "/intake" });
    expect(decide(session("call_centre"), "/tickets/GKP-000001")).toEqual({ kind: "render" });
    expect(decide(session("control_room"), "/admin/users")).toEqual({ kind: "redirect", to: "/" });
    expect(decide(session("control_room"), "/wall")).toEqual({ kind: "render" });
    expect(decide(session("admin"), "/audit")).toEqual({ kind: "render" });
  });
});

describe("what each role may open", () => {
  const SCREENS = [
    "/",
    "/summary",
    "/units/x",
    "/tickets/A-1",
    "/triage",
    "/intake",
    "/scorecards",
    "/officers",
    "/settings",
    "/admin/users",
    "/admin/keys",
    "/audit",
    "/wall",
  ];
  const open = (role: Role) => SCREENS.filter((p) => mayOpen(role, p));

  it("gives each role exactly its screens", () => {
    expect(open("admin")).toEqual(SCREENS);
    expect(open("control_room")).toEqual(SCREENS.filter((p) => !/admin|audit|settings/.test(p)));
    expect(open("officer")).toEqual(["/units/x", "/tickets/A-1", "/triage", "/scorecards"]);
    expect(open("call_centre")).toEqual(["/tickets/A-1", "/intake"]);
    expect(open("minister")).toEqual(["/summary"]);
  });

  it("leaves /track, /about and /login open to everyone", () => {
    for (const role of ["minister", "call_centre"] as const) {
      expect(mayOpen(role, "/track")).toBe(true);
      expect(mayOpen(role, "/about")).toBe(true);
    }
  });

  it("shows in the navigation only what the role may open", () => {
    expect(navFor("minister")).toEqual(["summary", "about"]);
    expect(navFor("call_centre")).toEqual(["intake", "about"]);
    expect(navFor("officer")).not.toContain("controlRoom");
    expect(navFor("control_room")).toContain("wall");
  });

  it("lands each role on its page", () => {
    expect(landingPath({ role: "minister", unitId: "network" })).toBe("/summary");
    expect(landingPath({ role: "officer", unitId: "vns div/1" })).toBe("/units/vns%20div%2F1");
    expect(landingPath({ role: "call_centre", unitId: "network" })).toBe("/intake");
    expect(landingPath({ role: "admin", unitId: "network" })).toBe("/");
  });
});

describe("next after sign-in", () => {
  it("accepts only paths on this site", () => {
    expect(safeNext("/wall?views=state&every=30")).toBe("/wall?views=state&every=30");
    for (const bad of [
      "//evil.example/x",
      "https://evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\tx",
      "",
      null,
      "/login?next=/",
    ]) {
      expect(safeNext(bad), String(bad)).toBeNull();
    }
  });

  it("goes to next only when the role may open it", () => {
    const minister = { role: "minister" as const, unitId: "network" };
    expect(afterSignIn(minister, "/admin/users")).toBe("/summary");
    expect(afterSignIn(minister, "//evil.example")).toBe("/summary");
    const control = { role: "control_room" as const, unitId: "network" };
    expect(afterSignIn(control, "/wall?views=worst&lang=hi")).toBe("/wall?views=worst&lang=hi");
  });

  it("builds the login address with the way back, and none for the home page", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("/triage")).toBe("/login?next=%2Ftriage");
  });
});

describe("RequireSession", () => {
  const at = (path: string) =>
    renderToString(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<RequireSession />}>
            <Route path="triage" element={<p>TRIAGE SCREEN</p>} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );

  it("renders the screen only for a role that may use it", () => {
    sessionStore.set(session("officer", "gkp"));
    expect(at("/triage")).toContain("TRIAGE SCREEN");
    sessionStore.set(session("minister"));
    expect(at("/triage")).not.toContain("TRIAGE SCREEN");
    sessionStore.set(SIGNED_OUT);
    expect(at("/triage")).not.toContain("TRIAGE SCREEN");
  });

  it("says it is checking, or that the server is unreachable, in the screen's language", () => {
    sessionStore.set({ status: "loading" });
    expect(at("/triage")).toContain("Checking your sign-in");
    setLanguage("hi", false);
    sessionStore.set({ status: "error", message: "HTTP 502" });
    const html = at("/triage");
    expect(html).toContain('role="alert"');
    expect(html).toContain("सर्वर उत्तर नहीं दे रहा है");
  });
});
