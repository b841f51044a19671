import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { NotFound } from "../views/NotFound.js";
import { Layout } from "./Layout.js";

// Every screen loads on first visit: the public /track page on a phone never downloads the map,
// and the charts (Recharts) load only with the screens that draw them.
const ControlRoom = lazy(() =>
  import("../views/ControlRoom.js").then((m) => ({ default: m.ControlRoom })),
);
const Summary = lazy(() => import("../views/Summary.js"));
// Wall and track stand outside the layout: a kiosk and the public page show no navigation.
const Wall = lazy(() => import("../views/Wall.js"));
const Track = lazy(() => import("../views/Track.js"));
// The About page is rarely opened on a wall screen, so it loads on demand.
const About = lazy(() => import("../views/About.js"));
// Operations screens (drill-down, ticket, triage, quick entry) load on first visit.
const UnitView = lazy(() => import("../views/Unit.js"));
const TicketView = lazy(() => import("../views/Ticket.js"));
const TriageView = lazy(() => import("../views/Triage.js"));
const IntakeView = lazy(() => import("../views/Intake.js"));
// Administration (scorecards, officers, settings) is for a few desks, not the wall.
const ScorecardsView = lazy(() => import("../views/Scorecards.js"));
const OfficersView = lazy(() => import("../views/Officers.js"));
const SettingsView = lazy(() => import("../views/Settings.js"));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="wall"
          element={
            <Suspense fallback={null}>
              <Wall />
            </Suspense>
          }
        />
        <Route
          path="track"
          element={
            <Suspense fallback={null}>
              <Track />
            </Suspense>
          }
        />
        <Route element={<Layout />}>
          <Route
            index
            element={
              <Suspense fallback={null}>
                <ControlRoom />
              </Suspense>
            }
          />
          <Route
            path="summary"
            element={
              <Suspense fallback={null}>
                <Summary />
              </Suspense>
            }
          />
          <Route
            path="about"
            element={
              <Suspense fallback={null}>
                <About />
              </Suspense>
            }
          />
          <Route
            path="units/:unitId"
            element={
              <Suspense fallback={null}>
                <UnitView />
              </Suspense>
            }
          />
          <Route
            path="tickets/:number"
            element={
              <Suspense fallback={null}>
                <TicketView />
              </Suspense>
            }
          />
          <Route
            path="triage"
            element={
              <Suspense fallback={null}>
                <TriageView />
              </Suspense>
            }
          />
          <Route
            path="intake"
            element={
              <Suspense fallback={null}>
                <IntakeView />
              </Suspense>
            }
          />
          <Route
            path="scorecards"
            element={
              <Suspense fallback={null}>
                <ScorecardsView />
              </Suspense>
            }
          />
          <Route
            path="officers"
            element={
              <Suspense fallback={null}>
                <OfficersView />
              </Suspense>
            }
          />
          <Route
            path="settings"
            element={
              <Suspense fallback={null}>
                <SettingsView />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
