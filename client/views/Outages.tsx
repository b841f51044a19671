import "./outages.css";
import { lazy, Suspense, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { formatAge, formatCount } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { PublicPage } from "./PublicPage.js";
import { OutageList } from "../panels/outages/OutageList.js";
import { groupByDistrict, outageMatches } from "../panels/outages/search.js";
import { WhoToCallForm } from "../panels/outages/WhoToCallForm.js";
import { WhoToCallResult } from "../panels/outages/WhoToCallResult.js";
import { registerPublicStrings } from "./outages-i18n.js";
import { OUTAGES_GEOJSON_URL, OUTAGES_URL } from "./OutagesApi.js";
import { useNow } from "../live/useNow.js";
import { useDistrictShapes, useOutages } from "./useOutages.js";
import { useWhoToCall } from "./useWhoToCall.js";

registerPublicStrings();

// Leaflet and the district outlines are the page's heaviest part: loaded only when the map shows.
const OutageMap = lazy(() => import("../panels/outages/OutageMap.js"));

/** Wide screens show the map at once; a phone shows the list and loads the map on request. */
const WIDE = "(min-width: 900px)";

/**
 * /outages: the public outage page. No sign-in and no personal data: what is off (by district,
 * searchable by place in both scripts), since when, how many consumers, when it should be back,
 * and whom to call. Light for a phone on a slow connection.
 */
export default function Outages() {
  const { t } = useTranslation("public");
  const lng = useLanguage();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(() => params.get("q") ?? "");
  const [mapShown, setMapShown] = useState(() => window.matchMedia?.(WIDE).matches ?? false);
  const outages = useOutages();
  const shapes = useDistrictShapes(mapShown);
  // Ticking every 30 s for "2 hours ago".
  const now = useNow(30_000);
  const call = useWhoToCall();
  const searchId = useId();

  const search = (q: string) => {
    setQuery(q);
    const p = new URLSearchParams(params);
    if (q.trim()) p.set("q", q);
    else p.delete("q");
    setParams(p, { replace: true });
  };

  const all = outages.data?.outages;
  const matching = useMemo(() => (all ?? []).filter((o) => outageMatches(o, query)), [all, query]);
  const groups = useMemo(() => groupByDistrict(matching, lng), [matching, lng]);
  const totals = outages.data?.totals;
  const asked = query.trim();

  return (
    <PublicPage brand={t("brand")} title={t("pageTitle")}>
      <main className="outages__main">
        <div className="outages__lead">
          <h1 className="outages__title">{t("title")}</h1>
          <p className="outages__intro">{t("intro")}</p>
          {totals && (
            <p className="outages__headline" data-testid="headline">
              {totals.outages === 0 ? (
                t("headline.none")
              ) : (
                <>
                  <strong>{t("headline.outages", { count: totals.outages })}</strong>{" "}
                  {t("headline.districts", { count: totals.districts })} ·{" "}
                  {t("headline.consumers", {
                    count: totals.consumersAffected,
                    formatted: formatCount(totals.consumersAffected, lng),
                  })}
                </>
              )}
            </p>
          )}
          {outages.checkedAt !== null && (
            <p className="outages__updated">
              {t("updated", { age: formatAge(Math.max(0, now - outages.checkedAt), lng) })}
            </p>
          )}
          <p className="outages__jump">
            <a href="#who-to-call">{t("call.title")} ↓</a>
          </p>
        </div>

        <section className="outages__map" aria-label={t("map.title")}>
          <button
            type="button"
            className="outages__map-toggle"
            aria-expanded={mapShown}
            onClick={() => setMapShown((s) => !s)}
          >
            {mapShown ? t("map.hide") : t("map.show")}
          </button>
          {mapShown && (
            <div className="outage-map" data-testid="outage-map">
              <Suspense fallback={<p className="outage-map__loading">{t("map.loading")}</p>}>
                <OutageMap shapes={shapes} outages={matching} lng={lng} />
              </Suspense>
              <p className="outage-map__legend" aria-hidden="true">
                <span className="outage-map__key outage-map__key--unplanned">!</span>
                {t("map.legendUnplanned")}
                <span className="outage-map__key outage-map__key--planned">⏲</span>
                {t("map.legendPlanned")}
              </p>
            </div>
          )}
        </section>

        <section className="outages__list" aria-labelledby={`${searchId}-list`}>
          <div className="outages__search">
            <label htmlFor={searchId}>{t("search.label")}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(e) => search(e.target.value)}
              placeholder={t("search.placeholder")}
              aria-describedby={`${searchId}-help`}
              data-testid="outage-search"
            />
            <p id={`${searchId}-help`} className="outages__help">
              {t("search.help")}
            </p>
          </div>
          <h2 id={`${searchId}-list`} className="outages__section-title">
            {t("list.title")}
          </h2>
          <p className="outages__results" role="status">
            {asked && all
              ? matching.length
                ? t("search.results", { count: matching.length, query: asked })
                : t("search.noMatch", { query: asked })
              : ""}
          </p>
          {outages.error && !outages.data && (
            <div className="outages__error" role="alert">
              <p>{t("errors.load")}</p>
              <button type="button" onClick={outages.retry}>
                {t("errors.retry")}
              </button>
            </div>
          )}
          <OutageList groups={groups} lng={lng} now={now} />
        </section>

        <section id="who-to-call" className="outages__call" aria-labelledby={`${searchId}-call`}>
          <h2 id={`${searchId}-call`} className="outages__section-title">
            {t("call.title")}
          </h2>
          <p className="outages__help">{t("call.intro")}</p>
          <WhoToCallForm
            busy={call.busy}
            problem={
              call.problem
                ? t(`call.errors.${call.problem.kind}`, { seconds: call.problem.retryAfter ?? 60 })
                : null
            }
            onLookup={(by, value) => void call.lookup(by, value)}
          />
          {call.answer && <WhoToCallResult ref={call.resultRef} answer={call.answer} lng={lng} />}
        </section>
      </main>
      <footer className="outages__footer">
        <p>
          {t("feed")} <a href={OUTAGES_URL}>JSON</a> · <a href={OUTAGES_GEOJSON_URL}>GeoJSON</a>
        </p>
      </footer>
    </PublicPage>
  );
}
