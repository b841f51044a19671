/**
 * The organisations and their names: the two states, the seven discoms (ids exactly as the
 * discoms write them), how districts group into zones, and the short circle codes that prefix
 * ticket numbers. Zone grouping follows the UP revenue divisions (each discom is a set of whole
 * divisions) and the reported 2023 splits; the Bihar grouping is general knowledge.
 */
import type { DistrictFacts } from "./districts.js";
import type { PlaceName } from "./places.js";

export interface DiscomInfo {
  id: string;
  state: "UP" | "BR";
  name: PlaceName;
  /** District of the corporate office (where the discom's marker goes). */
  hqDistrict: string;
}

export const STATES: { id: "UP" | "BR"; name: PlaceName; hqDistrict: string }[] = [
  { id: "UP", name: { en: "Uttar Pradesh", hi: "उत्तर प्रदेश" }, hqDistrict: "lucknow" },
  { id: "BR", name: { en: "Bihar", hi: "बिहार" }, hqDistrict: "patna" },
];

export const DISCOMS: DiscomInfo[] = [
  {
    id: "PuVVNL",
    state: "UP",
    hqDistrict: "varanasi",
    name: { en: "Purvanchal Vidyut Vitran Nigam Ltd", hi: "पूर्वांचल विद्युत वितरण निगम लिमिटेड" },
  },
  {
    id: "MVVNL",
    state: "UP",
    hqDistrict: "lucknow",
    name: { en: "Madhyanchal Vidyut Vitran Nigam Ltd", hi: "मध्यांचल विद्युत वितरण निगम लिमिटेड" },
  },
  {
    id: "PVVNL",
    state: "UP",
    hqDistrict: "meerut",
    name: { en: "Paschimanchal Vidyut Vitran Nigam Ltd", hi: "पश्चिमांचल विद्युत वितरण निगम लिमिटेड" },
  },
  {
    id: "DVVNL",
    state: "UP",
    hqDistrict: "agra",
    name: { en: "Dakshinanchal Vidyut Vitran Nigam Ltd", hi: "दक्षिणांचल विद्युत वितरण निगम लिमिटेड" },
  },
  {
    id: "KESCO",
    state: "UP",
    hqDistrict: "kanpur-nagar",
    name: { en: "Kanpur Electricity Supply Company Ltd", hi: "कानपुर इलेक्ट्रिसिटी सप्लाई कंपनी लिमिटेड" },
  },
  {
    id: "NBPDCL",
    state: "BR",
    hqDistrict: "patna",
    name: {
      en: "North Bihar Power Distribution Company Ltd",
      hi: "नॉर्थ बिहार पावर डिस्ट्रीब्यूशन कंपनी लिमिटेड",
    },
  },
  {
    id: "SBPDCL",
    state: "BR",
    hqDistrict: "patna",
    name: {
      en: "South Bihar Power Distribution Company Ltd",
      hi: "साउथ बिहार पावर डिस्ट्रीब्यूशन कंपनी लिमिटेड",
    },
  },
];

/** Hindi names of the zone seats (revenue division seats and the zones split off them). */
const ZONE_HI: Record<string, string> = {
  Agra: "आगरा",
  Aligarh: "अलीगढ़",
  Ayodhya: "अयोध्या",
  Azamgarh: "आजमगढ़",
  Bareilly: "बरेली",
  Basti: "बस्ती",
  Banda: "बांदा",
  Devipatan: "देवीपाटन",
  Gorakhpur: "गोरखपुर",
  Jhansi: "झांसी",
  Kanpur: "कानपुर",
  Lucknow: "लखनऊ",
  Meerut: "मेरठ",
  Mirzapur: "मिर्जापुर",
  Moradabad: "मुरादाबाद",
  Prayagraj: "प्रयागराज",
  Saharanpur: "सहारनपुर",
  Varanasi: "वाराणसी",
  Sitapur: "सीतापुर",
  "Rae Bareli": "रायबरेली",
  Shahjahanpur: "शाहजहांपुर",
  Deoria: "देवरिया",
  Ghaziabad: "गाजियाबाद",
  Noida: "नोएडा",
  Bulandshahr: "बुलंदशहर",
  Etawah: "इटावा",
  Firozabad: "फिरोजाबाद",
  Etah: "एटा",
  Bijnor: "बिजनौर",
  Muzaffarnagar: "मुजफ्फरनगर",
  KESCO: "केस्को",
  Patna: "पटना",
  Gaya: "गया",
  Bhagalpur: "भागलपुर",
  Munger: "मुंगेर",
  Begusarai: "बेगूसराय",
  Chhapra: "छपरा",
  Muzaffarpur: "मुजफ्फरपुर",
  Darbhanga: "दरभंगा",
  Saharsa: "सहरसा",
  Purnia: "पूर्णिया",
};

/** Revenue divisions whose zone is named after a different seat. */
const ZONE_OF_DIVISION: Record<string, string> = {
  Chitrakoot: "Banda",
  Magadh: "Gaya",
  Saran: "Chhapra",
  Tirhut: "Muzaffarpur",
  Kosi: "Saharsa",
};

/**
 * Districts split off their revenue division's zone, following the 2023 reorganisation where it
 * was reported (Sitapur and Rae Bareli zones out of Lucknow, Bareilly and Gorakhpur split,
 * Ghaziabad in three) and a plausible split elsewhere.
 */
const ZONE_OVERRIDES: Record<string, string> = {
  sitapur: "Sitapur",
  hardoi: "Sitapur",
  "lakhimpur-kheri": "Sitapur",
  "rae-bareli": "Rae Bareli",
  unnao: "Rae Bareli",
  pilibhit: "Shahjahanpur",
  shahjahanpur: "Shahjahanpur",
  deoria: "Deoria",
  kushinagar: "Deoria",
  maharajganj: "Deoria",
  ghaziabad: "Ghaziabad",
  hapur: "Ghaziabad",
  "gautam-buddha-nagar": "Noida",
  bulandshahr: "Bulandshahr",
  etawah: "Etawah",
  auraiya: "Etawah",
  farrukhabad: "Etawah",
  kannauj: "Etawah",
  firozabad: "Firozabad",
  mainpuri: "Firozabad",
  etah: "Etah",
  kasganj: "Etah",
  bijnor: "Bijnor",
  amroha: "Bijnor",
  muzaffarnagar: "Muzaffarnagar",
  shamli: "Muzaffarnagar",
  begusarai: "Begusarai",
  khagaria: "Begusarai",
};

export function zoneSeat(district: DistrictFacts, discom: string): PlaceName {
  const en =
    discom === "KESCO"
      ? "KESCO"
      : (ZONE_OVERRIDES[district.id] ??
        ZONE_OF_DIVISION[district.revenueDivision] ??
        district.revenueDivision);
  return { en, hi: ZONE_HI[en] ?? en };
}

/** Well-known short codes; the rest are derived from the name. */
const PRESET_CODES: Record<string, string> = {
  lucknow: "LKO",
  "kanpur-nagar": "KNP",
  gorakhpur: "GKP",
  varanasi: "VNS",
  prayagraj: "PRJ",
  agra: "AGR",
  ghaziabad: "GZB",
  patna: "PAT",
  meerut: "MRT",
  bareilly: "BRY",
  "gautam-buddha-nagar": "NOI",
  moradabad: "MBD",
  aligarh: "ALG",
  jhansi: "JHS",
  muzaffarnagar: "MZN",
  muzaffarpur: "MFP",
  saharanpur: "SRE",
  mathura: "MTJ",
};

/** A 3-letter code per district, unique across the network (the first circle's ticket prefix). */
export function districtCodes(districts: DistrictFacts[]): Map<string, string> {
  const used = new Set<string>(Object.values(PRESET_CODES));
  const codes = new Map<string, string>();
  for (const d of districts) {
    const preset = PRESET_CODES[d.id];
    if (preset) {
      codes.set(d.id, preset);
      continue;
    }
    const letters = d.name.toUpperCase().replace(/[^A-Z]/g, "");
    const rest = letters.slice(1);
    const consonants = rest.replace(/[AEIOU]/g, "");
    const candidates = [letters[0] + consonants.slice(0, 2)];
    for (let i = 0; i < rest.length; i++)
      for (let j = i + 1; j < rest.length; j++) candidates.push(letters[0] + rest[i] + rest[j]);
    for (let k = 0; k < 26 * 26; k++)
      candidates.push(
        letters[0] +
          String.fromCharCode(65 + Math.floor(k / 26)) +
          String.fromCharCode(65 + (k % 26)),
      );
    const code = candidates.find((c) => c.length === 3 && !used.has(c));
    if (!code) throw new Error(`no free circle code for ${d.id}`);
    used.add(code);
    codes.set(d.id, code);
  }
  return codes;
}

/**
 * The code of the n-th circle of a district: the district code, then e.g. LK2, LK3. `used` holds
 * every code taken so far (all district codes included) and is updated.
 */
export function circleCode(districtCode: string, n: number, used: Set<string>): string {
  if (n === 1) return districtCode;
  const candidates = [districtCode.slice(0, 2) + n, districtCode[0] + districtCode[2] + n];
  for (let c = 65; c < 91; c++)
    candidates.push(districtCode[0] + String.fromCharCode(c) + (n % 10));
  const found = candidates.find((c) => !used.has(c)) ?? `${districtCode}${n}`;
  used.add(found);
  return found;
}
