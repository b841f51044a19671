import { lazy, Suspense, type ComponentType } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { NotFound } from "../views/NotFound.js";
import { Layout } from "./Layout.js";
import { RequireSession } from "./RequireSession.js";

// Every screen loads on first visit: the public /track page on a phone never downloads the map,
// and the charts (Recharts) load only with the screens that draw them.
const ControlRoom = lazy(() =>
  import("../views/ControlRoom.js").then((m) => ({ default: m.ControlRoom })),
);
const Summary = lazy(() => import("../views/Summary.js"));
// Wall, track and login stand outside the layout: a kiosk, the public page and the sign-in page
// show no navigation.
const Wall = lazy(() => import("../views/Wall.js"));
const Track = lazy(() => import("../views/Track.js"));
// The public outage page: a chunk of its own, light enough for a phone on a slow connection.
const Outages = lazy(() => import("../views/Outages.js"));
const Login = lazy(() => import("../views/Login.js"));
// The About page is rarely opened on a wall screen, so it loads on demand.
const About = lazy(() => import("../views/About.js"));
// Operations screens (drill-down, ticket, triage, quick entry) load on first visit.
const UnitView = lazy(() => import("../views/Unit.js"));
const TicketView = lazy(() => import("../views/Ticket.js"));
const TriageView = lazy(() => import("../views/Triage.js"));
const IntakeView = lazy(() => import("../views/Intake.js"));
// Administration (scorecards, officers, settings, users, keys, audit) is for a few desks.
const ScorecardsView = lazy(() => import("../views/Scorecards.js"));
const OfficersView = lazy(() => import("../views/Officers.js"));
const SettingsView = lazy(() => import("../views/Settings.js"));
const UsersView = lazy(() => import("../views/AdminUsers.js"));
const KeysView = lazy(() => import("../views/AdminKeys.js"));
const AuditView = lazy(() => import("../views/Audit.js"));
// Notices and planned shutdowns (control room and officers).
const NoticesView = lazy(() => import("../views/Notices.js"));

function page(View: ComponentType) {
  return (
    <Suspense fallback={null}>
      <View />
    </Suspense>
  );
}

/**
 * The routes. /track, /outages, /about and /login are open to anyone; every other screen, the wall's kiosk
 * included, sits behind RequireSession, which also keeps each role to the screens it may use.
 */
export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="track" element={page(Track)} />
        <Route path="outages" element={page(Outages)} />
        <Route path="login" element={page(Login)} />
        <Route element={<RequireSession />}>
          <Route path="wall" element={page(Wall)} />
        </Route>
        <Route element={<Layout />}>
          <Route path="about" element={page(About)} />
          <Route element={<RequireSession />}>
            <Route index element={page(ControlRoom)} />
            <Route path="summary" element={page(Summary)} />
            <Route path="units/:unitId" element={page(UnitView)} />
            <Route path="tickets/:number" element={page(TicketView)} />
            <Route path="triage" element={page(TriageView)} />
            <Route path="intake" element={page(IntakeView)} />
            <Route path="scorecards" element={page(ScorecardsView)} />
            <Route path="officers" element={page(OfficersView)} />
            <Route path="settings" element={page(SettingsView)} />
            <Route path="admin/users" element={page(UsersView)} />
            <Route path="admin/keys" element={page(KeysView)} />
            <Route path="audit" element={page(AuditView)} />
            <Route path="notices" element={page(NoticesView)} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
