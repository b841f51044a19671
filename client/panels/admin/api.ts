import type { SettingsUpdate } from "../../../shared/schemas.js";
import { apiFetch, queryString } from "../../api/http.js";
import type { OfficerWire } from "../../api/types.js";
import type { ScorecardResponse, SettingsResponse } from "./types.js";

/** Typed calls to the administration endpoints (settings, officers' leave, scorecards). */

const enc = encodeURIComponent;

export function getSettings(signal?: AbortSignal) {
  return apiFetch<SettingsResponse>("/api/v1/settings", { signal });
}

export function putSettings(patch: SettingsUpdate) {
  return apiFetch<SettingsResponse>("/api/v1/settings", { method: "PUT", body: patch });
}

export function setOfficerLeave(id: string, onLeave: boolean, standInId?: string) {
  return apiFetch<{ officer: OfficerWire }>(`/api/v1/officers/${enc(id)}/leave`, {
    method: "PUT",
    body: onLeave ? { onLeave, standInId } : { onLeave },
  });
}

export function getScorecards(
  query: { unit: string; from: string; to: string },
  signal?: AbortSignal,
) {
  return apiFetch<ScorecardResponse>(`/api/v1/scorecards${queryString(query)}`, { signal });
}

/** Which officers under a unit have their number on the public "who to call" page. */
export function getPublicPhones(unit: string, signal?: AbortSignal) {
  return apiFetch<{ officerIds: string[] }>(
    `/api/v1/officers/public-phones${queryString({ unit })}`,
    { signal },
  );
}

export function setPublicPhone(id: string, isPublic: boolean) {
  return apiFetch<{ officerId: string; public: boolean }>(
    `/api/v1/officers/${enc(id)}/public-phone`,
    { method: "PUT", body: { public: isPublic } },
  );
}

/** The fuse-call centres set on a unit and below it. */
export function getFuseCalls(unit: string, signal?: AbortSignal) {
  return apiFetch<{ centres: { unitId: string; phone: string }[] }>(
    `/api/v1/fuse-call-centres${queryString({ unit })}`,
    { signal },
  );
}

export function setFuseCall(unitId: string, phone: string | null) {
  return apiFetch<{ unitId: string; phone: string | null }>(
    `/api/v1/fuse-call-centres/${enc(unitId)}`,
    { method: "PUT", body: { phone } },
  );
}
