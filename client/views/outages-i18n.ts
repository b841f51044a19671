import { i18n } from "../i18n/index.js";
import en from "../i18n/public.en.json";
import hi from "../i18n/public.hi.json";

/**
 * The public outage page's strings travel in its own chunk (a phone opening /outages downloads
 * them; the control room never does) and are added to i18next when that chunk loads.
 */
export function registerPublicStrings(): void {
  if (i18n.hasResourceBundle("en", "public")) return;
  i18n.addResourceBundle("en", "public", en);
  i18n.addResourceBundle("hi", "public", hi);
}
