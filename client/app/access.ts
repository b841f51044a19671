import type { Role, SessionUser } from "../../shared/access.js";
import { ROOT_UNIT_ID } from "../../shared/domain.js";

/**
 * What each role may open in the client. The server's policies decide what data anyone gets; this
 * only keeps the navigation honest, so nobody is shown links that would answer 404.
 */

/** Screens anyone may open, signed in or not. */
const PUBLIC = [/^\/track(\/|$)/, /^\/about(\/|$)/, /^\/login(\/|$)/];

/** Screens that take no session at all (the public status page never asks who you are). */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC.some((re) => re.test(pathname));
}

const ADMIN_ONLY = /^\/(admin|audit|settings)(\/|$)/;

const ALLOWED: Record<Exclude<Role, "admin" | "control_room">, RegExp[]> = {
  minister: [/^\/summary$/],
  call_centre: [/^\/intake$/, /^\/tickets\/[^/]+$/],
  officer: [
    /^\/units\/[^/]+$/,
    /^\/tickets\/[^/]+$/,
    /^\/triage$/,
    /^\/scorecards$/,
    /^\/notices$/,
  ],
};

/** Whether a role may open `pathname` (public screens are open to all). */
export function mayOpen(role: Role, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (isPublicPath(path)) return true;
  if (role === "admin") return true;
  if (role === "control_room") return !ADMIN_ONLY.test(path);
  return ALLOWED[role].some((re) => re.test(path));
}

/** Where a role starts: the minister's tiles, the officer's own unit, the call centre's entry form. */
export function landingPath(user: Pick<SessionUser, "role" | "unitId">): string {
  switch (user.role) {
    case "minister":
      return "/summary";
    case "call_centre":
      return "/intake";
    case "officer":
      return `/units/${encodeURIComponent(user.unitId)}`;
    default:
      return "/";
  }
}

/** The drill-down a role starts from: its own unit, or the whole network. */
export function homeUnit(user: Pick<SessionUser, "unitId">): string {
  return user.unitId || ROOT_UNIT_ID;
}

export type NavItem =
  | "controlRoom"
  | "units"
  | "triage"
  | "intake"
  | "notices"
  | "admin"
  | "summary"
  | "wall"
  | "about";

/** The control room's staff and administrators see every screen. */
const EVERY_SCREEN: NavItem[] = [
  "controlRoom",
  "units",
  "triage",
  "intake",
  "notices",
  "admin",
  "summary",
  "wall",
  "about",
];

const NAV: Record<Role, NavItem[]> = {
  admin: EVERY_SCREEN,
  control_room: EVERY_SCREEN,
  officer: ["units", "triage", "notices", "admin", "about"],
  call_centre: ["intake", "about"],
  minister: ["summary", "about"],
};

/** The header's links for a role, in display order. */
export function navFor(role: Role): NavItem[] {
  return NAV[role];
}

/**
 * `next` from the address, if it is a path on this site; anything else (another origin,
 * `//evil.example`, `javascript:`, a backslash trick) falls back to the role's landing page.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  // Control characters can turn a path into something a browser reads as another origin.
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  try {
    const url = new URL(next, "http://nigrani.invalid");
    if (url.origin !== "http://nigrani.invalid") return null;
    if (url.pathname.startsWith("/login")) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** The address that brings a signed-out person back here after signing in. */
export function loginPath(current: string): string {
  const next = safeNext(current);
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

/** Where to go after signing in: `next` if this role may open it, else the role's landing page. */
export function afterSignIn(
  user: Pick<SessionUser, "role" | "unitId">,
  next: string | null,
): string {
  const target = safeNext(next);
  if (target) {
    const pathname = new URL(target, "http://nigrani.invalid").pathname;
    if (mayOpen(user.role, pathname)) return target;
  }
  return landingPath(user);
}
