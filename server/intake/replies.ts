import type { Language } from "./contacts.js";

/**
 * What we answer on a messaging channel to a message we cannot read, in the consumer's language
 * (both when we do not know it yet).
 */
export function unsupportedMessageText(language: Language | null): string {
  const hi =
    "क्षमा करें, हम इस प्रकार का संदेश नहीं पढ़ पाते। कृपया अपनी बिजली की शिकायत लिखकर भेजें, या फ़ोटो, वॉइस नोट या लोकेशन पिन भेजें।";
  const en =
    "Sorry, we cannot read this kind of message. Please write your electricity complaint in words, or send a photo, a voice note or a location pin.";
  if (language === "hi") return hi;
  if (language === "en") return en;
  return `${hi}\n${en}`;
}
