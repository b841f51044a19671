import { useTranslation } from "react-i18next";
import type { PublicOutage } from "../../../shared/public.js";
import type { Language } from "../../i18n/index.js";
import { formatAge, formatCount } from "../../i18n/format.js";
import { formatIst } from "../tickets/format.js";
import { shortPlace, type DistrictGroup } from "./search.js";

export interface OutageListProps {
  groups: readonly DistrictGroup[];
  lng: Language;
  /** Wall-clock ms for "2 hours ago". */
  now: number;
}

/** The current outages grouped by district: what is off, since when, and when it should be back. */
export function OutageList({ groups, lng, now }: OutageListProps) {
  const { t } = useTranslation("public");
  return (
    <div className="outage-list">
      {groups.map((g) => (
        <section
          key={g.id || "unknown"}
          className="outage-district"
          aria-labelledby={`district-${g.id || "unknown"}`}
          data-district={g.id}
        >
          <h3 id={`district-${g.id || "unknown"}`} className="outage-district__title">
            <span>{g.name || t("list.unknownDistrict")}</span>
            <span className="outage-district__count">
              {t("list.districtCount", { count: g.outages.length })}
            </span>
          </h3>
          <ul className="outage-district__list">
            {g.outages.map((o) => (
              <OutageCard key={o.id} outage={o} lng={lng} now={now} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function OutageCard({ outage: o, lng, now }: { outage: PublicOutage; lng: Language; now: number }) {
  const { t } = useTranslation("public");
  const planned = o.kind === "planned";
  const started = Date.parse(o.since);
  const division = o.division ? shortPlace(o.division.name[lng]) : null;
  return (
    <li className={`outage-card outage-card--${o.kind}`} data-outage={o.id}>
      <p className="outage-card__kind">
        <span className="outage-card__symbol" aria-hidden="true">
          {planned ? "🛠" : "⚡"}
        </span>
        {planned ? t("list.planned") : t("list.unplanned")}
      </p>
      <p className="outage-card__feeders">
        <span className="visually-hidden">{t("list.feeders")}: </span>
        {o.feeders.map((f) => f.name[lng]).join(", ")}
      </p>
      {o.substation && (
        <p className="outage-card__place">
          {t("list.substation", { name: shortPlace(o.substation.name[lng]) })}
          {division && division !== shortPlace(o.substation.name[lng]) && ` · ${division}`}
        </p>
      )}
      <p className="outage-card__since">
        {planned
          ? t("list.starts", { time: formatIst(o.since, lng) })
          : t("list.since", {
              time: formatIst(o.since, lng),
              age: formatAge(Math.max(0, now - started), lng),
            })}
      </p>
      <p className={`outage-card__back${o.expectedRestorationAt ? "" : " outage-card__unknown"}`}>
        {o.expectedRestorationAt
          ? t("list.restoration", { time: formatIst(o.expectedRestorationAt, lng) })
          : t("list.restorationUnknown")}
      </p>
      <p className="outage-card__consumers">
        {t("list.consumers", {
          count: o.consumersAffected,
          formatted: formatCount(o.consumersAffected, lng),
        })}
      </p>
      {o.reason && <p className="outage-card__reason">{t("list.reason", { reason: o.reason })}</p>}
    </li>
  );
}
