import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";

/** One Open311 service: our six complaint categories, one each, and "not yet categorised". */
export interface Open311Service {
  service_code: CategoryId | typeof UNCLASSIFIED;
  service_name: string;
  description: string;
  metadata: false;
  type: "realtime";
  keywords: string;
  group: "technical" | "commercial" | "other";
}

/**
 * The service of a complaint no one has categorised yet (it waits in the triage queue). Every
 * request Open311 lists carries a service code, so these carry this one; a client may also file
 * under it when it does not know the category.
 */
export const UNCLASSIFIED = "unclassified";

const ABOUT: Record<CategoryId, { description: string; keywords: string }> = {
  supply_cut: {
    description:
      "No electricity at the premises or in the area: outage, tripping or a failed transformer.",
    keywords: "power cut, no supply, outage, tripping, transformer, bijli nahi",
  },
  pole_wire: {
    description:
      "Broken or leaning pole, snapped or sagging line, sparking wire or an open box. Safety hazard.",
    keywords: "pole, wire, line down, sparking, khamba, taar",
  },
  meter_jumping: {
    description:
      "The meter runs fast, is burnt or faulty, or records consumption when nothing is on.",
    keywords: "meter fast, faulty meter, burnt meter, meter jumping",
  },
  meter_reading: {
    description: "Reading not taken, wrong reading on the bill, or bills based on an estimate.",
    keywords: "meter reading, wrong reading, estimated bill",
  },
  bill_generation: {
    description: "Bill not received, wrong amount, payment not credited or arrears in dispute.",
    keywords: "bill, wrong bill, payment, arrears, bill nahi aaya",
  },
  connection_transfer: {
    description: "Change of name on a connection, load change or transfer of a connection.",
    keywords: "name change, transfer, connection, load change, naam parivartan",
  },
};

/** Every category is a realtime service: a POST answers with the ticket number at once. */
export const OPEN311_SERVICES: Open311Service[] = [
  ...CATEGORY_IDS.map((id) => ({
    service_code: id,
    service_name: CATEGORIES[id].en,
    description: ABOUT[id].description,
    metadata: false as const,
    type: "realtime" as const,
    keywords: ABOUT[id].keywords,
    group: CATEGORIES[id].wing,
  })),
  {
    service_code: UNCLASSIFIED,
    service_name: "Other electricity complaint",
    description:
      "Any other electricity complaint, or one whose kind is not known yet: staff categorise it.",
    metadata: false,
    type: "realtime",
    keywords: "other, complaint, shikayat",
    group: "other",
  },
];

export function findService(code: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.service_code === code);
}
