import type { TFunction } from "i18next";
import { ROLES, type Role } from "../../../shared/roles.js";

/** A role's name in the screen's language. */
export function roleName(role: Role, t: TFunction<"access">): string {
  return t(`roles.${role}`);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
