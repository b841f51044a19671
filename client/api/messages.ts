import i18n from "i18next";

/**
 * The screen's own words for an API failure, chosen by the error's code (the server's message is
 * English and meant for integrators). Unknown codes keep the server's message.
 */
export function localisedMessage(code: string, fallback: string): string {
  const key = `errors.${code}`;
  // Looked up by a code known only at run time, which i18next's typed keys cannot express.
  const lookup = i18n.t.bind(i18n) as (key: string) => string;
  return i18n.isInitialized && i18n.exists(key) ? lookup(key) : fallback;
}
