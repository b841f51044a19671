import "../panels/admin/admin.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../api/http.js";
import { useRemote } from "../api/useRemote.js";
import { AdminNav, LoadState } from "../panels/admin/AdminNav.js";
import { getSettings, putSettings } from "../panels/admin/api.js";
import type { LifecycleSettings } from "../panels/admin/types.js";
import { LifecycleFields } from "../panels/admin/LifecycleFields.js";
import { LimitsTable } from "../panels/admin/LimitsTable.js";
import { RoutingTable } from "../panels/admin/RoutingTable.js";
import {
  maxFor,
  newOverrideKey,
  overrideIndexOf,
  snapshot,
  toDraft,
  validateDraft,
  type DraftProblem,
  type SettingsDraft,
} from "../panels/admin/settingsDraft.js";
import { UnitPicker } from "../panels/admin/UnitPicker.js";
import { useUnitNames, useUnitSearch } from "./adminHooks.js";

/** /settings: SLA limits (verified or not), the routing table with unit exceptions, closure rules. */
export default function Settings() {
  const { t } = useTranslation("admin");
  const remote = useRemote("settings", getSettings);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  // The settings as last loaded or saved: what "discard" returns to and what "changed" compares with.
  const [base, setBase] = useState<LifecycleSettings | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{
    kind: "saving" | "saved" | "refused";
    message?: string;
  } | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const search = useUnitSearch();
  const units = useUnitNames(draft?.overrides.map((o) => o.unitId) ?? []);

  // The first answer becomes the form (later reloads must not overwrite what is being typed).
  if (remote.data && draft === null) {
    setBase(remote.data.settings);
    setDraft(toDraft(remote.data.settings));
  }

  const edit = (change: (d: SettingsDraft) => SettingsDraft) => {
    setDraft((d) => (d ? change(d) : d));
    setServerErrors({});
    if (status?.kind !== "saving") setStatus(null);
  };

  if (!draft) {
    return (
      <div className="page adm-page">
        <AdminNav />
        <h1>{t("settings.title")}</h1>
        <LoadState loading error={remote.error?.message} onRetry={remote.reload} />
      </div>
    );
  }

  const { errors: problems, patch } = validateDraft(draft);
  const word = (path: string, p: DraftProblem) => t(`settings.problem.${p}`, { max: maxFor(path) });
  const messages: Record<string, string> = {};
  for (const [path, p] of Object.entries(problems)) {
    if (p !== "unitRequired" || attempted) messages[path] = word(path, p);
  }
  for (const [path, m] of Object.entries(serverErrors))
    messages[path] = t("settings.problem.server", { message: m });
  const overrideErrors: Record<number, string> = {};
  for (const [path, m] of Object.entries(messages)) {
    const i = overrideIndexOf(path);
    if (i !== null) overrideErrors[i] = m;
  }
  const dirty = base === null || snapshot(draft) !== snapshot(toDraft(base));
  const saving = status?.kind === "saving";
  const problemCount = Object.keys(problems).length;

  const save = async () => {
    setAttempted(true);
    if (!patch) {
      // Take the user to the first refused field (it may be far above the save button).
      setTimeout(() =>
        document
          .querySelector<HTMLElement>(
            ".adm-settings [aria-invalid='true'], .adm-settings [data-invalid='true']",
          )
          ?.focus(),
      );
      return;
    }
    setStatus({ kind: "saving" });
    try {
      const res = await putSettings(patch);
      setBase(res.settings);
      setDraft(toDraft(res.settings));
      setServerErrors({});
      setStatus({ kind: "saved" });
    } catch (err) {
      const e = err instanceof ApiRequestError ? err : null;
      setServerErrors(e?.fields ? { ...e.fields } : {});
      setStatus({ kind: "refused", message: err instanceof Error ? err.message : String(err) });
    }
  };

  const picker = (
    <UnitPicker
      query={search.query}
      onQuery={search.setQuery}
      hits={search.hits}
      status={search.status}
      error={search.error}
      autoFocus
      label={picking === null ? undefined : t("settings.unitFor", { n: picking + 1 })}
      onPick={(hit) => {
        if (picking === null) return;
        const i = picking;
        units.remember(hit.id, hit);
        edit((d) => ({
          ...d,
          overrides: d.overrides.map((o, j) => (j === i ? { ...o, unitId: hit.id } : o)),
        }));
        setPicking(null);
        search.setQuery("");
      }}
    />
  );

  return (
    <div className="page adm-page adm-settings">
      <AdminNav />
      <h1>{t("settings.title")}</h1>
      <p className="adm-lead">{t("settings.intro")}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <section className="adm-section" aria-labelledby="limits-title">
          <header className="adm-section__header">
            <h2 id="limits-title" className="adm-section__title">
              {t("settings.limitsTitle")}
            </h2>
            <p className="adm-help">{t("settings.limitsIntro")}</p>
          </header>
          <LimitsTable
            limits={draft.limits}
            errors={messages}
            disabled={saving}
            onChange={(i, p) =>
              edit((d) => ({
                ...d,
                limits: d.limits.map((l, j) => (j === i ? { ...l, ...p } : l)),
              }))
            }
          />
          <p className="adm-help adm-section__foot">
            {t("settings.aClassNote")} {t("settings.limitsApply")}
          </p>
        </section>

        <section className="adm-section" aria-labelledby="routing-title">
          <header className="adm-section__header">
            <h2 id="routing-title" className="adm-section__title">
              {t("settings.routingTitle")}
            </h2>
            <p className="adm-help">{t("settings.routingIntro")}</p>
          </header>
          <div className="adm-section__body">
            <RoutingTable
              general={draft.general}
              overrides={draft.overrides}
              unitNames={units.names}
              overrideErrors={overrideErrors}
              routingError={messages.routing}
              disabled={saving}
              picking={picking}
              picker={picker}
              onPick={(i) => {
                search.setQuery("");
                setPicking(i);
              }}
              onGeneral={(c, role) => edit((d) => ({ ...d, general: { ...d.general, [c]: role } }))}
              onOverride={(i, p) =>
                edit((d) => ({
                  ...d,
                  overrides: d.overrides.map((o, j) => (j === i ? { ...o, ...p } : o)),
                }))
              }
              onAdd={() => {
                setPicking(draft.overrides.length);
                search.setQuery("");
                edit((d) => ({
                  ...d,
                  overrides: [
                    ...d.overrides,
                    { key: newOverrideKey(), category: "supply_cut", role: "sdo", unitId: "" },
                  ],
                }));
              }}
              onRemove={(i) => {
                setPicking(null);
                edit((d) => ({ ...d, overrides: d.overrides.filter((_, j) => j !== i) }));
              }}
            />
          </div>
        </section>

        <section className="adm-section" aria-labelledby="lifecycle-title">
          <header className="adm-section__header">
            <h2 id="lifecycle-title" className="adm-section__title">
              {t("settings.lifecycleTitle")}
            </h2>
          </header>
          <div className="adm-section__body">
            <LifecycleFields
              confirmWindowHours={draft.confirmWindowHours}
              otpMaxAttempts={draft.otpMaxAttempts}
              errors={messages}
              disabled={saving}
              onChange={(p) => edit((d) => ({ ...d, ...p }))}
            />
          </div>
        </section>

        <div className={`adm-savebar${dirty ? " adm-savebar--sticky" : ""}`}>
          <button
            type="submit"
            className="adm-button adm-button--primary"
            disabled={saving || !dirty}
            data-testid="save-settings"
          >
            {saving ? t("settings.saving") : t("settings.save")}
          </button>
          <button
            type="button"
            className="adm-button adm-button--quiet"
            disabled={saving || !dirty}
            onClick={() => {
              if (base) setDraft(toDraft(base));
              setServerErrors({});
              setAttempted(false);
              setPicking(null);
              setStatus(null);
            }}
          >
            {t("settings.discard")}
          </button>
          <p className="adm-savebar__status" role="status" data-testid="settings-status">
            {status?.kind === "saved" && !dirty && (
              <span className="adm-ok">✓ {t("settings.saved")}</span>
            )}
            {status?.kind === "refused" && (
              <span className="adm-field-error">
                ⚠ {t("settings.refused", { message: status.message ?? "" })}
              </span>
            )}
            {status === null && attempted && problemCount > 0 && (
              <span className="adm-field-error">
                ⚠ {t("settings.fixFirst", { count: problemCount })}
              </span>
            )}
            {status === null && dirty && !(attempted && problemCount > 0) && t("settings.unsaved")}
            {status === null && !dirty && t("settings.noChanges")}
          </p>
        </div>
      </form>
    </div>
  );
}
