import "../panels/admin/admin.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { istDay, ROOT_UNIT_ID, UNIT_KIND_LABELS } from "../../shared/domain.js";
import { useRemote } from "../api/useRemote.js";
import { placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { AdminNav } from "../panels/admin/AdminNav.js";
import { getScorecards } from "../panels/admin/api.js";
import { PeriodPicker } from "../panels/admin/PeriodPicker.js";
import { periodQuery, presetPeriod, readPeriod, type Period } from "../panels/admin/period.js";
import { ScoreTable } from "../panels/admin/ScoreTable.js";
import { defaultDirection, nextSort, type ScoreSort } from "../panels/admin/sort.js";
import { UnitCrumbs } from "../panels/admin/UnitCrumbs.js";
import { UnitPicker } from "../panels/admin/UnitPicker.js";
import { useUnitInfo, useUnitSearch } from "./adminHooks.js";

/** The address of a scorecard: unit and period, so a link shows the same table to anyone. */
export function scorecardHref(unit: string, p: Pick<Period, "from" | "to">): string {
  const q = new URLSearchParams();
  if (unit !== ROOT_UNIT_ID) q.set("unit", unit);
  q.set("from", p.from);
  q.set("to", p.to);
  return `/scorecards?${q.toString()}`;
}

/** /scorecards?unit=&from=&to=: per child unit and per officer, over a period, sortable. */
export default function Scorecards() {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") || ROOT_UNIT_ID;
  const today = istDay(Date.now());
  const { period, problem } = readPeriod(params.get("from"), params.get("to"), today);
  const [unitSort, setUnitSort] = useState<ScoreSort>({
    key: "breached",
    dir: defaultDirection("breached"),
  });
  const [officerSort, setOfficerSort] = useState<ScoreSort>({
    key: "breached",
    dir: defaultDirection("breached"),
  });
  const search = useUnitSearch();
  const info = useUnitInfo(unit);

  const q = periodQuery(period);
  const key = problem === "fromAfterTo" ? null : `${unit}|${q.from}|${q.to}`;
  const cards = useRemote(key, (signal) => getScorecards({ unit, ...q }, signal));

  const setPeriod = (from: string, to: string) => {
    const next = new URLSearchParams(params);
    next.set("from", from);
    next.set("to", to);
    setParams(next);
  };
  const href = (id: string) => scorecardHref(id, period);
  const crumbs = info.data?.breadcrumbs ?? [];
  const here = crumbs.at(-1) ?? (cards.data ? { ...cards.data.total } : null);
  const name = here ? placeName(here, lng) : unit;
  const childKind = info.data?.children[0]?.kind;
  const error = cards.error?.message ?? null;

  return (
    <div className="page adm-page adm-scorecards">
      <AdminNav unit={unit === ROOT_UNIT_ID ? null : unit} />
      <h1>
        {t("scorecards.title")}
        {here && <span className="adm-h1-sub">: {name}</span>}
      </h1>
      <p className="adm-lead">{t("scorecards.intro")}</p>

      <div className="adm-controls">
        <div className="adm-controls__unit">
          <UnitCrumbs crumbs={crumbs} hrefFor={href} />
          {info.error && (
            <p className="adm-field-error">{t("common.error", { message: info.error.message })}</p>
          )}
          <UnitPicker
            query={search.query}
            onQuery={search.setQuery}
            hits={search.hits}
            status={search.status}
            error={search.error}
            onPick={(hit) => {
              search.setQuery("");
              navigate(href(hit.id));
            }}
          />
        </div>
        <PeriodPicker
          period={period}
          problem={problem}
          onPreset={(d) => {
            const p = presetPeriod(d, today);
            setPeriod(p.from, p.to);
          }}
          onCustom={setPeriod}
        />
      </div>

      {/* A refused period shows its message above instead of empty tables. */}
      {key !== null && (
        <>
          <ScoreTable
            kind="units"
            title={t("scorecards.unitsTitle", { name })}
            hint={t("scorecards.unitsHint")}
            nameHeader={childKind ? UNIT_KIND_LABELS[childKind][lng] : t("scorecards.col.unit")}
            rows={cards.data?.units ?? []}
            total={cards.data?.total}
            totalLabel={t("scorecards.total", { name })}
            sort={unitSort}
            onSort={(k) => setUnitSort((s) => nextSort(s, k))}
            hrefFor={(r) => href(r.id)}
            empty={t("scorecards.noUnits", { name })}
            loading={cards.status === "loading"}
            error={error}
            onRetry={cards.reload}
          />
          <ScoreTable
            kind="officers"
            title={t("scorecards.officersTitle", { name })}
            hint={t("scorecards.officersHint")}
            nameHeader={t("scorecards.col.officer")}
            rows={cards.data?.officers ?? []}
            sort={officerSort}
            onSort={(k) => setOfficerSort((s) => nextSort(s, k))}
            empty={t("scorecards.noOfficers")}
            loading={cards.status === "loading"}
            error={error}
            onRetry={cards.reload}
          />
        </>
      )}
    </div>
  );
}
