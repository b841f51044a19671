import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UNIT_KIND_LABELS, type UnitKind } from "../../../shared/domain.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";

export interface Crumb {
  id: string;
  kind: UnitKind;
  name: string;
  nameHi: string;
}

export interface UnitCrumbsProps {
  crumbs: readonly Crumb[];
  /** Where a crumb leads (the same screen for another unit). */
  hrefFor(unitId: string): string;
  /** Smaller units to narrow to, shown after the trail. */
  children?: readonly Crumb[];
}

/** Whole network › state › … › unit, each a link to this screen for that unit; kind on hover. */
export function UnitCrumbs({ crumbs, hrefFor, children = [] }: UnitCrumbsProps) {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  if (crumbs.length === 0) return null;
  return (
    <div className="adm-crumbs">
      <nav aria-label={t("unitPicker.breadcrumbs")}>
        <ol className="adm-crumbs__list">
          {crumbs.map((c, i) => {
            const kind = UNIT_KIND_LABELS[c.kind][lng];
            return (
              <li key={c.id} className="adm-crumbs__item">
                {i === crumbs.length - 1 ? (
                  <span aria-current="page" className="adm-crumbs__current" title={kind}>
                    {placeName(c, lng)}
                  </span>
                ) : (
                  <Link to={hrefFor(c.id)} title={kind} data-unit={c.id}>
                    {placeName(c, lng)}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {children.length > 0 && (
        <div className="adm-crumbs__children">
          <span className="adm-muted">{t("unitPicker.narrow")}</span>
          <ul className="adm-chips">
            {children.map((c) => (
              <li key={c.id}>
                <Link to={hrefFor(c.id)} className="adm-chip" data-unit={c.id}>
                  {placeName(c, lng)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
