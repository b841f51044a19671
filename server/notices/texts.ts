import type { Language } from "../intake/contacts.js";

/**
 * What notices say, in the one language the consumer prefers (unlike ticket replies, which carry
 * both): a notice goes to hundreds of people at once and must fit one SMS part where it can.
 */

export interface OutageDetails {
  feederName: string;
  crewAssigned: boolean;
  /** When supply is expected back, if an officer has said. */
  restoreBy: string | null;
}

export interface ShutdownDetails {
  feederName: string;
  reason: string;
  startsAt: string;
  endsAt: string;
}

/** A time as consumers read it: IST, day and month, 24-hour clock. */
export function istTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === "hi" ? "hi-IN" : "en-IN", {
    timeZone: "Asia/Kolkata",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}

const STOP = { hi: "सूचनाएँ बंद करने के लिए STOP भेजें।", en: "Reply STOP to stop these notices." };

export function outageText(d: OutageDetails, language: Language): string {
  const eta = d.restoreBy ? istTime(d.restoreBy, language) : null;
  if (language === "hi")
    return [
      `बिजली सूचना: ${d.feederName} फीडर पर बिजली बंद होने की जानकारी हमें है।`,
      d.crewAssigned ? "मरम्मत दल काम पर लगा है।" : "मरम्मत दल भेजा जा रहा है।",
      eta ? `बिजली लगभग ${eta} तक लौटने की उम्मीद है।` : "",
      "दोबारा शिकायत करने की ज़रूरत नहीं है।",
      STOP.hi,
    ]
      .filter(Boolean)
      .join(" ");
  return [
    `Power notice: we know supply is off on the ${d.feederName} feeder.`,
    d.crewAssigned ? "A crew is at work on it." : "A crew is being sent.",
    eta ? `Supply is expected back by ${eta}.` : "",
    "There is no need to complain again.",
    STOP.en,
  ]
    .filter(Boolean)
    .join(" ");
}

export function etaText(feederName: string, restoreBy: string, language: Language): string {
  const eta = istTime(restoreBy, language);
  if (language === "hi")
    return `बिजली सूचना: ${feederName} फीडर पर बिजली लौटने का नया अनुमानित समय ${eta} है। ${STOP.hi}`;
  return `Power notice update: supply on the ${feederName} feeder is now expected back by ${eta}. ${STOP.en}`;
}

export function restoredText(feederName: string, language: Language): string {
  if (language === "hi")
    return `बिजली सूचना: ${feederName} फीडर पर बिजली बहाल हो गई है। अगर आपके यहाँ अब भी बिजली नहीं है, तो इस संदेश का उत्तर दें (जैसे "बिजली नहीं है")। ${STOP.hi}`;
  return `Power notice: supply on the ${feederName} feeder has been restored. If your power is still off, reply to this message (e.g. "no power"). ${STOP.en}`;
}

export function shutdownText(d: ShutdownDetails, language: Language): string {
  const from = istTime(d.startsAt, language);
  const to = istTime(d.endsAt, language);
  if (language === "hi")
    return `नियोजित बिजली कटौती: ${d.feederName} फीडर पर ${from} से ${to} तक बिजली बंद रहेगी। कारण: ${d.reason}। इस दौरान शिकायत की ज़रूरत नहीं है। ${STOP.hi}`;
  return `Planned shutdown: supply on the ${d.feederName} feeder will be off from ${from} to ${to} (IST). Reason: ${d.reason}. There is no need to complain in this time. ${STOP.en}`;
}

export function optOutText(language: Language): string {
  return language === "hi"
    ? "आपको अब बिजली सूचनाएँ नहीं भेजी जाएँगी। फिर से पाने के लिए START भेजें। शिकायतों के उत्तर मिलते रहेंगे।"
    : "You will get no more power notices. Send START to get them again. Replies to your complaints still come.";
}

export function optInText(language: Language): string {
  return language === "hi"
    ? "आपको फिर से बिजली सूचनाएँ भेजी जाएँगी।"
    : "You will get power notices again.";
}
