import type { CategoryId } from "../../../shared/domain.js";

/** Language of a text, as LABELS.md defines it. */
export const LANGS = ["hi", "hinglish", "en", "mixed"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * What a simulated consumer asks for: one of the six categories, "other" (a real ask outside
 * them: new connection, theft, praise) or "vague" (no ask a categoriser could place).
 */
export type Topic = CategoryId | "other" | "vague";

/** Template strings per topic, plus the storm-outage set. Placeholders: see compose/fill.ts. */
export type TemplateTable = Record<Topic | "storm", readonly string[]>;
