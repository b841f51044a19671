import "../panels/admin/admin.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { OFFICER_ROLES, type OfficerRole } from "../../shared/officers.js";
import { getUnitChildren, listOfficers } from "../api/endpoints.js";
import { errorMessage } from "../api/http.js";
import type { OfficerWire, UnitCrumb } from "../api/types.js";
import { useRemote } from "../api/useRemote.js";
import { formatCount, placeName } from "../i18n/format.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { AdminNav, LoadState } from "../panels/admin/AdminNav.js";
import {
  getFuseCalls,
  getPublicPhones,
  setFuseCall,
  setOfficerLeave,
  setPublicPhone,
} from "../panels/admin/api.js";
import { FuseCallForm } from "../panels/admin/FuseCallForm.js";
import { LeaveForm } from "../panels/admin/LeaveForm.js";
import {
  filterOfficers,
  isOnLeave,
  officerName,
  sortOfficers,
  standInCandidates,
} from "../panels/admin/officerList.js";
import { OfficersTable } from "../panels/admin/OfficersTable.js";
import { roleLabel } from "../panels/admin/RoleSelect.js";
import { UnitCrumbs } from "../panels/admin/UnitCrumbs.js";
import { UnitPicker } from "../panels/admin/UnitPicker.js";
import { useUnitInfo, useUnitSearch } from "./adminHooks.js";
import { registerPublicStrings } from "./outages-i18n.js";

// The "shown to the public" control speaks the public page's strings.
registerPublicStrings();

const FUSE_KINDS: ReadonlySet<string> = new Set(["division", "subdivision", "substation"]);

interface Area {
  unit: UnitCrumb | null;
  officers: OfficerWire[];
}

/**
 * The officers nearest to a unit: those under its parent, or, when `enough` says none of them
 * will do (a sub-division with one substation has one JE), under the next unit up, to the state.
 */
async function nearestOfficers(
  unitId: string,
  enough: (list: readonly OfficerWire[]) => boolean,
  signal?: AbortSignal,
): Promise<Area> {
  const { breadcrumbs } = await getUnitChildren(unitId, signal);
  for (let i = breadcrumbs.length - 2; i >= 0; i--) {
    const unit = breadcrumbs[i];
    const { officers } = await listOfficers(unit.id, signal);
    if (enough(officers) || unit.kind === "state" || unit.kind === "network")
      return { unit, officers };
  }
  return { unit: null, officers: [] };
}

/** Names of stand-ins outside the list on screen, looked up in their officer's area once. */
function useStandInNames(list: readonly OfficerWire[]) {
  const [known, setKnown] = useState<Record<string, OfficerWire>>({});
  const byId = new Map(list.map((o) => [o.id, o]));
  const missing = list
    .filter(
      (o) => isOnLeave(o) && o.stand_in_id && !byId.has(o.stand_in_id) && !known[o.stand_in_id],
    )
    .map((o) => `${o.unit_id}>${o.stand_in_id}`);
  const key = [...new Set(missing)].join("|");
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    for (const pair of key.split("|")) {
      const [unitId, standInId] = pair.split(">");
      nearestOfficers(unitId, (l) => l.some((o) => o.id === standInId), controller.signal).then(
        (area) =>
          setKnown((k) => ({ ...k, ...Object.fromEntries(area.officers.map((o) => [o.id, o])) })),
        () => undefined, // The id stays on screen instead of the name.
      );
    }
    return () => controller.abort();
  }, [key]);
  return (id: string) => byId.get(id) ?? known[id] ?? null;
}

/** /officers?unit=: who heads each unit, who is on leave and who stands in; leave is set here. */
export default function Officers() {
  const { t } = useTranslation("admin");
  const lng = useLanguage();
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") || ROOT_UNIT_ID;
  const info = useUnitInfo(unit);
  const remote = useRemote(`officers:${unit}`, (signal) => listOfficers(unit, signal));
  const [updated, setUpdated] = useState<Record<string, OfficerWire>>({});
  const [role, setRole] = useState<OfficerRole | "">("");
  const [q, setQ] = useState("");
  const [leaveFor, setLeaveFor] = useState<OfficerWire | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState("");
  const search = useUnitSearch();
  const { t: tp } = useTranslation("public");
  const publicPhones = useRemote(`public-phones:${unit}`, (signal) =>
    getPublicPhones(unit, signal),
  );
  const [publishedNow, setPublishedNow] = useState<Record<string, boolean>>({});
  const here = info.data?.breadcrumbs.at(-1);
  // Fuse-call centres serve a town or a few: set on divisions, sub-divisions or substations.
  const fuseUnit = here && FUSE_KINDS.has(here.kind) && here.id === unit ? here : null;
  const fuseCalls = useRemote(fuseUnit ? `fuse-calls:${unit}` : null, (signal) =>
    getFuseCalls(unit, signal),
  );
  const [fuseNow, setFuseNow] = useState<{ unit: string; phone: string | null } | null>(null);
  const [fuseBusy, setFuseBusy] = useState(false);
  const [fuseError, setFuseError] = useState<string | null>(null);
  const fusePhone =
    fuseNow?.unit === unit
      ? fuseNow.phone
      : (fuseCalls.data?.centres.find((c) => c.unitId === unit)?.phone ?? null);
  const saveFuse = async (phone: string | null) => {
    if (!fuseUnit) return;
    setFuseBusy(true);
    setFuseError(null);
    try {
      const res = await setFuseCall(fuseUnit.id, phone);
      setFuseNow({ unit: res.unitId, phone: res.phone });
      setNotice(
        tp(res.phone ? "admin.fuseSaved" : "admin.fuseRemoved", {
          unit: placeName(fuseUnit, lng),
        }),
      );
    } catch (err) {
      setFuseError(tp("admin.refused", { message: errorMessage(err) }));
    } finally {
      setFuseBusy(false);
    }
  };
  const published = new Set(publicPhones.data?.officerIds ?? []);
  for (const [id, on] of Object.entries(publishedNow)) {
    if (on) published.add(id);
    else published.delete(id);
  }
  const area = useRemote(leaveFor ? `area:${leaveFor.id}` : null, (signal) =>
    leaveFor
      ? nearestOfficers(leaveFor.unit_id, (l) => standInCandidates(leaveFor, l).length > 0, signal)
      : Promise.resolve<Area>({ unit: null, officers: [] }),
  );

  // Answers to PUT .../leave replace the fetched rows, so the table shows them without a reload.
  const all = (remote.data?.officers ?? []).map((o) => updated[o.id] ?? o);
  const nameOf = useStandInNames(all);
  const shown = sortOfficers(filterOfficers(all, role, q), lng);
  const total = remote.data?.total ?? all.length;
  const href = (id: string) =>
    id === ROOT_UNIT_ID ? "/officers" : `/officers?unit=${encodeURIComponent(id)}`;

  const save = async (o: OfficerWire, onLeave: boolean, standInId?: string) => {
    setBusyId(o.id);
    setErrors((e) => ({ ...e, [o.id]: "" }));
    try {
      const res = await setOfficerLeave(o.id, onLeave, standInId);
      setUpdated((u) => ({ ...u, [o.id]: res.officer }));
      const standIn = standInId
        ? (area.data?.officers.find((x) => x.id === standInId) ?? nameOf(standInId))
        : null;
      setNotice(
        onLeave
          ? t("officers.nowOnLeave", {
              name: officerName(o, lng),
              standIn: standIn ? officerName(standIn, lng) : standInId,
            })
          : t("officers.nowBack", { name: officerName(o, lng) }),
      );
      setLeaveFor(null);
    } catch (err) {
      setErrors((e) => ({ ...e, [o.id]: t("officers.refused", { message: errorMessage(err) }) }));
    } finally {
      setBusyId(null);
    }
  };

  const publish = async (o: OfficerWire, isPublic: boolean) => {
    setBusyId(o.id);
    setErrors((e) => ({ ...e, [o.id]: "" }));
    // The box shows the choice at once; a refusal puts it back.
    const before = published.has(o.id);
    setPublishedNow((p) => ({ ...p, [o.id]: isPublic }));
    try {
      const res = await setPublicPhone(o.id, isPublic);
      setPublishedNow((p) => ({ ...p, [o.id]: res.public }));
      setNotice(
        tp(res.public ? "admin.nowPublic" : "admin.nowPrivate", { name: officerName(o, lng) }),
      );
    } catch (err) {
      setPublishedNow((p) => ({ ...p, [o.id]: before }));
      setErrors((e) => ({ ...e, [o.id]: tp("admin.refused", { message: errorMessage(err) }) }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page adm-page adm-officers-page">
      <AdminNav unit={unit === ROOT_UNIT_ID ? null : unit} />
      <h1>{t("officers.title")}</h1>
      <p className="adm-lead">{t("officers.intro")}</p>
      <div className="adm-controls">
        <div className="adm-controls__unit">
          <UnitCrumbs
            crumbs={info.data?.breadcrumbs ?? []}
            hrefFor={href}
            children={info.data?.children ?? []}
          />
          <UnitPicker
            query={search.query}
            onQuery={search.setQuery}
            hits={search.hits}
            status={search.status}
            error={search.error}
            onPick={(hit) => {
              search.setQuery("");
              setParams(hit.id === ROOT_UNIT_ID ? {} : { unit: hit.id });
            }}
          />
        </div>
        <div className="adm-filters">
          <label className="adm-field">
            <span className="adm-label">{t("officers.filterRole")}</span>
            <select
              className="adm-input adm-select"
              value={role}
              onChange={(e) => setRole(OFFICER_ROLES.find((r) => r === e.target.value) ?? "")}
            >
              <option value="">{t("officers.allRoles")}</option>
              {OFFICER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r, lng)}
                </option>
              ))}
            </select>
          </label>
          <label className="adm-field">
            <span className="adm-label">{t("officers.filterName")}</span>
            <input
              type="search"
              className="adm-input"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </label>
        </div>
      </div>

      <p className="adm-status-line" role="status">
        {notice && <span className="adm-ok">✓ {notice}</span>}
      </p>
      {fuseUnit && fuseCalls.status === "ready" && (
        <FuseCallForm
          unitName={placeName(fuseUnit, lng)}
          phone={fusePhone}
          busy={fuseBusy}
          error={fuseError}
          onSave={(phone) => void saveFuse(phone)}
        />
      )}
      <LoadState
        loading={remote.status === "loading" && all.length === 0}
        error={remote.error?.message}
        onRetry={remote.reload}
      />
      {remote.status === "ready" && all.length === 0 && (
        <p className="adm-empty">{t("officers.empty")}</p>
      )}
      {all.length > 0 && (
        <section className="adm-section" aria-labelledby="officers-title">
          <header className="adm-section__header">
            <h2 id="officers-title" className="adm-section__title">
              {t("officers.count", {
                shown: formatCount(shown.length, lng),
                total: formatCount(total, lng),
              })}
            </h2>
            {total > all.length && (
              <p className="adm-help">
                {t("officers.capped", { n: formatCount(all.length, lng) })}
              </p>
            )}
          </header>
          {shown.length === 0 ? (
            <p className="adm-empty">{t("officers.noMatch")}</p>
          ) : (
            <OfficersTable
              officers={shown}
              nameOf={nameOf}
              busyId={busyId}
              errors={errors}
              leaveFor={leaveFor?.id ?? null}
              leaveForm={
                leaveFor && (
                  <LeaveForm
                    officer={leaveFor}
                    candidates={area.data ? standInCandidates(leaveFor, area.data.officers) : null}
                    areaName={area.data?.unit ? placeName(area.data.unit, lng) : ""}
                    loadError={area.error?.message}
                    saveError={errors[leaveFor.id] || null}
                    busy={busyId === leaveFor.id}
                    onConfirm={(id) => void save(leaveFor, true, id)}
                    onCancel={() => setLeaveFor(null)}
                  />
                )
              }
              onMarkLeave={(o) => {
                setNotice("");
                setLeaveFor((cur) => (cur?.id === o.id ? null : o));
              }}
              onBack={(o) => void save(o, false)}
              published={publicPhones.status === "ready" ? published : undefined}
              onPublish={(o, isPublic) => void publish(o, isPublic)}
            />
          )}
        </section>
      )}
    </div>
  );
}
