/**
 * The roles a user may have. Apart from shared/access.ts (which re-exports them) so the client's
 * first download, which names the signed-in user's role in its header, does not carry zod.
 */
export const ROLES = ["admin", "control_room", "officer", "call_centre", "minister"] as const;
export type Role = (typeof ROLES)[number];
