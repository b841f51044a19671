/**
 * The domain vocabulary of Nigrani as code: one word for one thing, in the API, the UI and the store.
 * Everything here is plain data so both the server and the client can import it.
 */

export const CATEGORY_IDS = [
  "supply_cut",
  "pole_wire",
  "meter_jumping",
  "meter_reading",
  "bill_generation",
  "connection_transfer",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export type Wing = "technical" | "commercial";

export interface Category {
  id: CategoryId;
  en: string;
  hi: string;
  wing: Wing;
}

export const CATEGORIES: Record<CategoryId, Category> = {
  supply_cut: { id: "supply_cut", en: "Supply cut", hi: "बिजली आपूर्ति बाधित", wing: "technical" },
  pole_wire: { id: "pole_wire", en: "Pole / wire", hi: "खंभा / तार", wing: "technical" },
  meter_jumping: {
    id: "meter_jumping",
    en: "Meter jumping",
    hi: "मीटर तेज़ चलना",
    wing: "commercial",
  },
  meter_reading: { id: "meter_reading", en: "Meter reading", hi: "मीटर रीडिंग", wing: "commercial" },
  bill_generation: {
    id: "bill_generation",
    en: "Bill generation",
    hi: "बिल संबंधी",
    wing: "commercial",
  },
  connection_transfer: {
    id: "connection_transfer",
    en: "Connection transfer",
    hi: "कनेक्शन नाम परिवर्तन",
    wing: "commercial",
  },
};

export const CHANNELS = [
  "call_centre",
  "whatsapp",
  "x",
  "facebook",
  "instagram",
  "app",
  "portal",
  "open311",
  "officer_phone",
  "walk_in",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, { en: string; hi: string }> = {
  call_centre: { en: "1912 call centre", hi: "1912 कॉल सेंटर" },
  whatsapp: { en: "WhatsApp", hi: "व्हाट्सऐप" },
  x: { en: "X", hi: "एक्स" },
  facebook: { en: "Facebook", hi: "फ़ेसबुक" },
  instagram: { en: "Instagram", hi: "इंस्टाग्राम" },
  app: { en: "App", hi: "ऐप" },
  portal: { en: "Portal", hi: "पोर्टल" },
  open311: { en: "Open311", hi: "ओपन311" },
  officer_phone: { en: "Officer's phone", hi: "अधिकारी का फ़ोन" },
  walk_in: { en: "Walk-in", hi: "कार्यालय में" },
};

export const STATUSES = [
  "new",
  "assigned",
  "in_progress",
  "resolved",
  "reopened",
  "closed",
  "merged",
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which the ticket still counts as open work (resolved waits for the consumer). */
export const OPEN_STATUSES = ["new", "assigned", "in_progress", "resolved", "reopened"] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpenStatus(status: Status): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** The allowed moves of the ticket state machine; everything else is refused with 409. */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  new: ["assigned", "in_progress", "merged"],
  assigned: ["assigned", "in_progress", "merged"],
  in_progress: ["assigned", "resolved", "merged"],
  resolved: ["closed", "reopened", "merged"],
  reopened: ["assigned", "in_progress", "merged"],
  closed: [],
  merged: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

export const STATUS_LABELS: Record<Status, { en: string; hi: string }> = {
  new: { en: "New", hi: "नई" },
  assigned: { en: "Assigned", hi: "सौंपी गई" },
  in_progress: { en: "In progress", hi: "कार्य जारी" },
  resolved: { en: "Resolved, awaiting consumer", hi: "निस्तारित, उपभोक्ता की पुष्टि बाकी" },
  reopened: { en: "Reopened", hi: "पुनः खोली गई" },
  closed: { en: "Closed", hi: "बंद" },
  merged: { en: "Merged", hi: "विलय" },
};

export const SLA_STATES = ["on_track", "at_risk", "breached"] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const SLA_LABELS: Record<SlaState, { en: string; hi: string }> = {
  on_track: { en: "On track", hi: "समय पर" },
  at_risk: { en: "At risk", hi: "जोखिम में" },
  breached: { en: "Breached", hi: "समय सीमा पार" },
};

/** Share of the allowed time after which a ticket is at risk. */
export const AT_RISK_FRACTION = 0.75;

export const UNIT_KINDS = [
  "network",
  "state",
  "discom",
  "zone",
  "circle",
  "division",
  "subdivision",
  "substation",
  "feeder",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { en: string; hi: string }> = {
  network: { en: "Whole network", hi: "संपूर्ण नेटवर्क" },
  state: { en: "State", hi: "राज्य" },
  discom: { en: "Discom", hi: "वितरण निगम" },
  zone: { en: "Zone", hi: "क्षेत्र" },
  circle: { en: "Circle", hi: "मंडल" },
  division: { en: "Division", hi: "खंड" },
  subdivision: { en: "Sub-division", hi: "उपखंड" },
  substation: { en: "33/11 kV substation", hi: "33/11 केवी उपकेंद्र" },
  feeder: { en: "11 kV feeder", hi: "11 केवी फीडर" },
};

/** Id of the root unit above the states. */
export const ROOT_UNIT_ID = "network";

/** India Standard Time: every "today" in Nigrani is an IST day. */
export const IST_OFFSET_MINUTES = 330;

/** The IST calendar day (YYYY-MM-DD) of an instant. */
export function istDay(at: Date | number): string {
  const ms = typeof at === "number" ? at : at.getTime();
  return new Date(ms + IST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** The five 'A-class' cities with the strictest UPERC limits. */
export const A_CLASS_CITY_DISTRICTS = [
  "lucknow",
  "prayagraj",
  "kanpur-nagar",
  "varanasi",
  "agra",
] as const;
