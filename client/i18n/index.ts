import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import hi from "./hi.json";
import opsEn from "./ops.en.json";
import opsHi from "./ops.hi.json";
import adminEn from "./admin.en.json";
import adminHi from "./admin.hi.json";
import screensEn from "./screens.en.json";
import screensHi from "./screens.hi.json";
import accessEn from "./access.en.json";
import accessHi from "./access.hi.json";
import noticesEn from "./notices.en.json";
import noticesHi from "./notices.hi.json";
// The public outage page registers its own strings when its chunk loads (views/outages-i18n.ts).
import type publicEn from "./public.en.json";

export const LANGUAGES = ["en", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "nigrani.lang";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: {
      translation: typeof en;
      ops: typeof opsEn;
      admin: typeof adminEn;
      screens: typeof screensEn;
      access: typeof accessEn;
      public: typeof publicEn;
      notices: typeof noticesEn;
    };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "hi";
}

/** The URL's ?lang= wins (wall screens are configured by URL), then the remembered choice, then English. */
export function pickLanguage(search: string, stored: string | null): Language {
  const fromUrl = new URLSearchParams(search).get("lang");
  if (isLanguage(fromUrl)) return fromUrl;
  return isLanguage(stored) ? stored : "en";
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled (private mode, kiosk policies); the language then lasts for the session.
    return null;
  }
}

function applyToDocument(lng: Language): void {
  if (typeof document === "undefined") return;
  document.documentElement.lang = lng;
  document.title = i18n.t("app.title");
}

/** Initialises i18next synchronously with both resource bundles. */
export function initI18n(lng?: Language): typeof i18n {
  const initial =
    lng ?? (typeof location === "undefined" ? "en" : pickLanguage(location.search, readStored()));
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {
        en: {
          translation: en,
          ops: opsEn,
          admin: adminEn,
          screens: screensEn,
          access: accessEn,
          notices: noticesEn,
        },
        hi: {
          translation: hi,
          ops: opsHi,
          admin: adminHi,
          screens: screensHi,
          access: accessHi,
          notices: noticesHi,
        },
      },
      lng: initial,
      fallbackLng: "en",
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  } else if (i18n.language !== initial) {
    void i18n.changeLanguage(initial);
  }
  applyToDocument(initial);
  return i18n;
}

/** Switches the language; `remember` stores it for the next visit. */
export function setLanguage(lng: Language, remember: boolean): void {
  void i18n.changeLanguage(lng);
  applyToDocument(lng);
  if (!remember) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // See readStored: not being able to remember is not an error worth showing.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "en";
}

export { i18n };
