import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ControlRoom } from "../views/ControlRoom.js";
import { NotFound } from "../views/NotFound.js";
import { Layout } from "./Layout.js";

// The About page is rarely opened on a wall screen, so it loads on demand.
const About = lazy(() => import("../views/About.js"));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<ControlRoom />} />
          <Route
            path="about"
            element={
              <Suspense fallback={null}>
                <About />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
