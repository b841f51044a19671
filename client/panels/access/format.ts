import type { Language } from "../../i18n/index.js";

/** "7 Dec 2026, 09:41" in the screen's language and the viewer's time zone. */
export function formatWhen(iso: string, lng: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lng === "hi" ? "hi-IN" : "en-IN", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}
