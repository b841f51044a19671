import "../tickets/base.css";
import "./units.css";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UNIT_KIND_LABELS } from "../../../shared/domain.js";
import type { UnitCrumb } from "../../api/types.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";

export interface BreadcrumbsProps {
  crumbs: readonly UnitCrumb[];
  /** Link the last crumb too (on a ticket page the feeder is not the current page). */
  linkLast?: boolean;
  label?: string;
}

/** Whole network > state > ... > unit, each a link to its drill-down, in the current language. */
export function Breadcrumbs({ crumbs, linkLast = false, label }: BreadcrumbsProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  if (crumbs.length === 0) return null;
  return (
    <nav className="crumbs" aria-label={label ?? t("units.breadcrumbs")}>
      <ol className="crumbs__list">
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          const kind = UNIT_KIND_LABELS[c.kind][lng];
          const name = placeName(c, lng);
          return (
            <li key={c.id} className="crumbs__item">
              {last && !linkLast ? (
                <span aria-current="page" className="crumbs__current" title={kind}>
                  {name}
                </span>
              ) : (
                <Link to={`/units/${encodeURIComponent(c.id)}`} title={kind} data-unit={c.id}>
                  {name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
