import type {
  ApiKeyCreated,
  ApiKeyCreateInput,
  ApiKeyView,
  AuditPage,
  AuditQuery,
  DemoInfo,
  SessionResponse,
  SignInInput,
  UserCreateInput,
  UserUpdateInput,
  UserView,
} from "../../shared/access.js";
import { apiFetch, queryString, SESSION_PATH } from "./http.js";

/** Typed calls to sign-in, users, keys and the audit log (the contract is shared/access.ts). */

const enc = encodeURIComponent;

export function getSession(signal?: AbortSignal) {
  return apiFetch<SessionResponse>(SESSION_PATH, { signal });
}

export function postSession(input: SignInInput) {
  return apiFetch<SessionResponse>(SESSION_PATH, { method: "POST", body: input });
}

export function deleteSession() {
  return apiFetch<null>(SESSION_PATH, { method: "DELETE" });
}

export function getDemoInfo(signal?: AbortSignal) {
  return apiFetch<DemoInfo>(`${SESSION_PATH}/demo`, { signal });
}

export function listUsers(signal?: AbortSignal) {
  return apiFetch<{ users: UserView[] }>("/api/v1/users", { signal });
}

export function createUser(input: UserCreateInput) {
  return apiFetch<{ user: UserView }>("/api/v1/users", { method: "POST", body: input });
}

export function updateUser(id: number, patch: UserUpdateInput) {
  return apiFetch<{ user: UserView }>(`/api/v1/users/${id}`, { method: "PATCH", body: patch });
}

export function resetPassword(id: number, password: string) {
  return apiFetch<null>(`/api/v1/users/${id}/password`, { method: "POST", body: { password } });
}

export function listKeys(signal?: AbortSignal) {
  return apiFetch<{ keys: ApiKeyView[] }>("/api/v1/keys", { signal });
}

export function createKey(input: ApiKeyCreateInput) {
  return apiFetch<ApiKeyCreated>("/api/v1/keys", { method: "POST", body: input });
}

export function revokeKey(id: number) {
  return apiFetch<null>(`/api/v1/keys/${enc(String(id))}`, { method: "DELETE" });
}

export function getAudit(query: AuditQuery, signal?: AbortSignal) {
  return apiFetch<AuditPage>(`/api/v1/audit${queryString({ ...query })}`, { signal });
}
