import type { Unit } from "../../shared/network.js";
import type { OfficerRow } from "./officers.js";
import { ROLE_TITLES, ROLE_UNIT_KIND, OFFICER_ROLES, type OfficerRole } from "./roles.js";

// Synthetic demo officers: names drawn from common UP/Bihar names, numbers in a fake range.
const GIVEN: Array<[string, string]> = [
  ["Rajesh", "राजेश"],
  ["Sunil", "सुनील"],
  ["Anita", "अनीता"],
  ["Pradeep", "प्रदीप"],
  ["Meena", "मीना"],
  ["Vinod", "विनोद"],
  ["Sanjay", "संजय"],
  ["Pooja", "पूजा"],
  ["Ashok", "अशोक"],
  ["Neha", "नेहा"],
  ["Rakesh", "राकेश"],
  ["Kavita", "कविता"],
  ["Manoj", "मनोज"],
  ["Sarita", "सरिता"],
  ["Alok", "आलोक"],
  ["Deepak", "दीपक"],
  ["Rekha", "रेखा"],
  ["Amit", "अमित"],
  ["Shalini", "शालिनी"],
  ["Arvind", "अरविंद"],
  ["Mohd. Irfan", "मो. इरफ़ान"],
  ["Nasreen", "नसरीन"],
  ["Harish", "हरीश"],
  ["Suman", "सुमन"],
];
const FAMILY: Array<[string, string]> = [
  ["Verma", "वर्मा"],
  ["Yadav", "यादव"],
  ["Singh", "सिंह"],
  ["Mishra", "मिश्रा"],
  ["Gupta", "गुप्ता"],
  ["Tripathi", "त्रिपाठी"],
  ["Srivastava", "श्रीवास्तव"],
  ["Kumar", "कुमार"],
  ["Pandey", "पाण्डेय"],
  ["Maurya", "मौर्य"],
  ["Chauhan", "चौहान"],
  ["Khan", "ख़ान"],
  ["Rai", "राय"],
  ["Prasad", "प्रसाद"],
  ["Jha", "झा"],
  ["Sinha", "सिन्हा"],
  ["Tiwari", "तिवारी"],
  ["Saxena", "सक्सेना"],
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * One officer per unit that has a head (JE per substation up to MD per discom), deterministic
 * from the unit ids and the seed. About one in forty is on leave with the officer of a sibling
 * unit as stand-in, so the demo shows leave handling.
 */
export function generateOfficers(units: Iterable<Unit>, seed: number): OfficerRow[] {
  const kindRole = new Map(
    OFFICER_ROLES.map((r) => [ROLE_UNIT_KIND[r], r] as [string, OfficerRole]),
  );
  const out: OfficerRow[] = [];
  const lastOfParent = new Map<string, OfficerRow>();
  for (const u of units) {
    const role = kindRole.get(u.kind);
    if (!role) continue;
    const h = hash(`${seed}:${u.id}`);
    const [g, gh] = GIVEN[h % GIVEN.length];
    const [f, fh] = FAMILY[(h >>> 8) % FAMILY.length];
    const title = ROLE_TITLES[role];
    const officer: OfficerRow = {
      id: `OFF-${u.id}`,
      unit_id: u.id,
      role,
      name: `${g} ${f}`,
      name_hi: `${gh} ${fh}`,
      designation: `${title.en}, ${u.name}`,
      designation_hi: `${title.hi}, ${u.nameHi}`,
      phone: `90000${String(h % 100000).padStart(5, "0")}`,
      on_leave: 0,
      stand_in_id: null,
      notify_by: null,
    };
    const sibling = u.parentId ? lastOfParent.get(`${u.parentId}:${role}`) : undefined;
    if (sibling && (h >>> 16) % 40 === 0) {
      officer.on_leave = 1;
      officer.stand_in_id = sibling.id;
    }
    if (u.parentId) lastOfParent.set(`${u.parentId}:${role}`, officer);
    out.push(officer);
  }
  return out;
}
