import "./wall.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { setLanguage } from "../i18n/index.js";
import { formatAge, placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import type { ConnectionStatus } from "../live/connection.js";
import {
  useConnection,
  useDistrictShapes,
  useLiveUnit,
  useNetwork,
  useNow,
} from "../live/hooks.js";
import { useAlarms } from "../panels/alarms/useAlarms.js";
import { useScreenTitle } from "../app/useScreenTitle.js";
import { formatIstTime } from "../stats/format.js";
import { useSummary } from "../stats/hooks.js";
import { parsePlaylist, slideAt, slideUnit, type WallPlaylist } from "./WallPlaylist.js";
import { WallChartsSlide, WallMapSlide, WallWorstSlide } from "./WallSlides.js";

/**
 * Wall mode (/wall): a kiosk screen with no controls that rotates through the playlist in its
 * address (see WallPlaylist.ts), in type readable from five metres, and says loudly when its
 * numbers are not live. Everything it needs is in this chunk, so a wall that lost its server
 * keeps rotating and recovers on its own when the server is back.
 */
export default function Wall() {
  useScreenTitle();
  const { search } = useLocation();
  const playlist = useMemo(() => parsePlaylist(search), [search]);
  const { index, step } = useRotation(playlist);
  const slide = playlist.slides[index];
  const unitId = slideUnit(slide);
  const { t } = useTranslation("screens");
  const lng = useLanguage();
  // Every slide shows counts, the map and outages, never a feed: summary-sized updates suffice.
  const live = useLiveUnit(unitId, "counts");
  const connection = useConnection();
  const network = useNetwork();
  const shapes = useDistrictShapes();
  const now = useNow(1000);
  const isLive = connection.status === "live";
  const summary = useSummary(isLive);
  const alarms = useAlarms(live, { threshold: playlist.surge, sound: playlist.sound, now });
  const fontScale = useViewportScale();
  const lastUpdate = useLastUpdate(live?.updatedAt ?? null);

  useEffect(() => {
    if (playlist.lang) setLanguage(playlist.lang, false);
  }, [playlist.lang]);
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add("wall-mode");
    return () => html.classList.remove("wall-mode");
  }, []);

  const networkData = network.status === "ready" ? network.data : null;
  const unit = unitId ? networkData?.units.get(unitId) : undefined;
  const unknownUnit = unitId !== undefined && networkData !== null && !unit;
  const slideTitle =
    slide.kind === "state"
      ? t("wall.wholeNetwork")
      : slide.kind === "worst"
        ? t("wall.worstTitle")
        : slide.kind === "charts"
          ? t("wall.chartsTitle")
          : unit
            ? placeName(unit, lng)
            : slide.unitId;
  const hasMapSlide = playlist.slides.some((s) => s.kind === "state" || s.kind === "unit");
  const mapSlideShown = slide.kind === "state" || slide.kind === "unit";

  return (
    <div
      className="wall"
      data-slide={slide.kind}
      data-slide-index={index}
      data-status={connection.status}
    >
      <header className="wall__bar">
        <p className="wall__brand">
          <span className="brand__mark" aria-hidden="true" /> {t("wall.brand")}
        </p>
        <h1 className="wall__title" data-testid="wall-title">
          {slideTitle}
        </h1>
        <ol
          className="wall__dots"
          aria-label={t("wall.position", { n: index + 1, of: playlist.slides.length })}
        >
          {playlist.slides.map((s, i) => (
            <li key={i} className={i === index ? "wall__dot wall__dot--on" : "wall__dot"} />
          ))}
        </ol>
        <p className="wall__clock">
          <time>{formatIstTime(now, lng)}</time> <span className="wall__ist">IST</span>
        </p>
        <StatusPill status={connection.status} label={t(`wall.status.${connection.status}`)} />
      </header>
      <div
        key={step}
        className="wall__progress"
        style={{ animationDuration: `${playlist.everyMs}ms` }}
        aria-hidden="true"
      />
      {!isLive && (
        <div className="wall__stale" role="alert" data-testid="stale-banner">
          <strong className="wall__stale-head">
            {t(connection.status === "offline" ? "wall.staleOffline" : "wall.staleHead")}
          </strong>{" "}
          <span>
            {lastUpdate === null
              ? t("wall.staleNoData")
              : t("wall.staleAge", { age: formatAge(now - lastUpdate, lng) })}
          </span>
        </div>
      )}
      <main className="wall__main">
        {hasMapSlide && (
          <WallMapSlide
            visible={mapSlideShown}
            unitId={unitId}
            unknownUnit={unknownUnit}
            title={slideTitle}
            live={live}
            network={network}
            shapes={shapes}
            summary={summary.data}
            alarms={alarms.alarms}
            alarmsTotal={alarms.total}
            threshold={playlist.surge}
            shading={playlist.shading}
            now={now}
            fontScale={fontScale}
          />
        )}
        {slide.kind === "worst" && <WallWorstSlide fontScale={fontScale} refreshKey={isLive} />}
        {slide.kind === "charts" && (
          <WallChartsSlide
            counts={live?.unit ?? null}
            now={now}
            fontScale={fontScale}
            refreshKey={isLive}
          />
        )}
      </main>
    </div>
  );
}

function StatusPill({ status, label }: { status: ConnectionStatus; label: string }) {
  return (
    <p className={`wall__status wall__status--${status}`} data-status={status}>
      <span className="wall__status-dot" aria-hidden="true" />
      {label}
    </p>
  );
}

/** The slide index from the clock, re-read exactly when the slide changes (one timer). */
function useRotation(playlist: WallPlaylist) {
  const [at, setAt] = useState(() => slideAt(Date.now(), playlist));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const next = slideAt(Date.now(), playlist);
      setAt((cur) => (cur.step === next.step && cur.index === next.index ? cur : next));
      timer = setTimeout(tick, Math.max(20, next.nextAt - Date.now() + 5));
    };
    tick();
    return () => clearTimeout(timer);
  }, [playlist]);
  return at;
}

/** Recharts sizes text in pixels: scale it like the wall's root font (about 1.7 at 1920 wide). */
function useViewportScale(): number {
  const read = () => Math.min(2.6, Math.max(1, window.innerWidth / 1120));
  const [scale, setScale] = useState(read);
  useEffect(() => {
    const onResize = () => setScale(read());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return scale;
}

/** The newest update time seen on any slide: switching unit clears the store, not the wall's age. */
function useLastUpdate(updatedAt: number | null): number | null {
  const last = useRef<number | null>(null);
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    if (updatedAt !== null && (last.current === null || updatedAt > last.current)) {
      last.current = updatedAt;
      setValue(updatedAt);
    }
  }, [updatedAt]);
  return value;
}
