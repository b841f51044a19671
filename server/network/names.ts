/**
 * How synthetic units are named, in English and Hindi, following the discoms' own usage
 * ("विद्युत वितरण खंड गोमती नगर", "33/11 केवी उपकेंद्र चिनहट"), and a per-district pool that hands
 * out each place name once so siblings never share a name.
 */
import type { Rng } from "./geo.js";
import type { PlaceName } from "./places.js";
import { TOWN_LOCALITIES, cityLocalities, districtTowns } from "./places.js";

export type { PlaceName } from "./places.js";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const ORDINAL_HI = ["प्रथम", "द्वितीय", "तृतीय", "चतुर्थ", "पंचम", "षष्ठम", "सप्तम", "अष्टम", "नवम", "दशम"];

/** "I"/"प्रथम" for n = 1 and so on; beyond ten, plain numbers. */
export function ordinal(n: number): PlaceName {
  return n >= 1 && n <= ROMAN.length
    ? { en: ROMAN[n - 1], hi: ORDINAL_HI[n - 1] }
    : { en: String(n), hi: String(n) };
}

// Village names in UP and Bihar are overwhelmingly a personal or deity name plus -pur, -ganj,
// -nagar and the like; combining the two halves gives names that read as real without claiming
// to be any particular place.
const PREFIXES: PlaceName[] = [
  ["Ram", "राम"],
  ["Shiv", "शिव"],
  ["Hari", "हरि"],
  ["Kishan", "किशन"],
  ["Lal", "लाल"],
  ["Madho", "माधो"],
  ["Sita", "सीता"],
  ["Chandra", "चंद्र"],
  ["Bhagwan", "भगवान"],
  ["Daulat", "दौलत"],
  ["Fateh", "फतेह"],
  ["Mohan", "मोहन"],
  ["Gopal", "गोपाल"],
  ["Sultan", "सुल्तान"],
  ["Akbar", "अकबर"],
  ["Nawab", "नवाब"],
  ["Bahadur", "बहादुर"],
  ["Dev", "देव"],
  ["Kamal", "कमल"],
  ["Narayan", "नारायण"],
  ["Bishun", "बिशुन"],
  ["Raghu", "रघु"],
  ["Lakshman", "लक्ष्मण"],
  ["Bharat", "भरत"],
  ["Ratan", "रतन"],
  ["Jagat", "जगत"],
  ["Hasan", "हसन"],
  ["Kalyan", "कल्याण"],
  ["Sundar", "सुंदर"],
  ["Man", "मान"],
  ["Prem", "प्रेम"],
  ["Gokul", "गोकुल"],
  ["Basant", "बसंत"],
  ["Jamal", "जमाल"],
  ["Sher", "शेर"],
  ["Durga", "दुर्गा"],
  ["Kesho", "केशो"],
  ["Parsa", "परसा"],
  ["Bela", "बेला"],
  ["Amar", "अमर"],
  ["Indra", "इंद्र"],
  ["Gauri", "गौरी"],
  ["Salem", "सलेम"],
  ["Khan", "खान"],
  ["Jagdish", "जगदीश"],
  ["Nand", "नंद"],
].map(([en, hi]) => ({ en, hi }));

const SUFFIXES: PlaceName[] = [
  ["pur", "पुर"],
  ["ganj", "गंज"],
  ["nagar", "नगर"],
  ["garh", "गढ़"],
  ["khera", "खेड़ा"],
  ["pura", "पुरा"],
  ["puri", "पुरी"],
  ["gaon", "गांव"],
  ["dih", "डीह"],
  ["bagh", "बाग"],
  ["sarai", "सराय"],
  ["tola", "टोला"],
].map(([en, hi]) => ({ en, hi }));

/** Every prefix x suffix village name, in a fixed order (the pool shuffles it per district). */
const VILLAGES: PlaceName[] = PREFIXES.flatMap((p) =>
  SUFFIXES.map((s) => ({ en: p.en + s.en, hi: p.hi + s.hi })),
);

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Hands out unique place names for one district: urban names (the city's localities, then common
 * town localities) and rural names (the district's towns, then invented villages). Real names go
 * first so that small networks use them; a pool that runs dry numbers its names ("Chinhat II").
 */
export class NamePool {
  private readonly lists: Record<
    "urban" | "rural",
    { names: PlaceName[]; next: number; round: number }
  >;
  private readonly used = new Set<string>();

  constructor(districtId: string, reserved: PlaceName[], rng: Rng) {
    for (const r of reserved) this.used.add(r.en);
    this.lists = {
      urban: {
        names: [...shuffled(cityLocalities(districtId), rng), ...shuffled(TOWN_LOCALITIES, rng)],
        next: 0,
        round: 1,
      },
      // Towns keep their listed order (bigger towns first) so small networks use the known ones.
      rural: {
        names: [...districtTowns(districtId), ...shuffled(VILLAGES, rng)],
        next: 0,
        round: 1,
      },
    };
  }

  /** The next unused urban locality name. */
  urbanName(): PlaceName {
    return this.draw("urban");
  }

  /** The next unused town or village name. */
  ruralName(): PlaceName {
    return this.draw("rural");
  }

  private draw(which: "urban" | "rural"): PlaceName {
    const list = this.lists[which];
    for (;;) {
      if (list.next >= list.names.length) {
        // Start the list again with numbered names, so "Chinhat II" follows "Chinhat".
        list.next = 0;
        list.round++;
      }
      const base = list.names[list.next++];
      const n = ordinal(list.round);
      const name = list.round === 1 ? base : { en: `${base.en} ${n.en}`, hi: `${base.hi} ${n.hi}` };
      if (this.used.has(name.en)) continue;
      this.used.add(name.en);
      return name;
    }
  }
}

/** Labels of each unit kind, in the style of discom letterheads and news reports. */
export const label = {
  zone: (p: PlaceName): PlaceName => ({ en: `${p.en} Zone`, hi: `${p.hi} क्षेत्र` }),
  circle: (p: PlaceName, n: number | null): PlaceName =>
    n === null
      ? { en: `${p.en} Circle`, hi: `${p.hi} मंडल` }
      : { en: `${p.en} Circle ${ordinal(n).en}`, hi: `${p.hi} मंडल ${ordinal(n).hi}` },
  division: (p: PlaceName): PlaceName => ({
    en: `Electricity Distribution Division ${p.en}`,
    hi: `विद्युत वितरण खंड ${p.hi}`,
  }),
  subdivision: (p: PlaceName): PlaceName => ({
    en: `Electricity Distribution Sub-division ${p.en}`,
    hi: `विद्युत वितरण उपखंड ${p.hi}`,
  }),
  substation: (p: PlaceName): PlaceName => ({
    en: `33/11 kV Substation ${p.en}`,
    hi: `33/11 केवी उपकेंद्र ${p.hi}`,
  }),
  feeder: (p: PlaceName, n: number, urban: boolean): PlaceName => ({
    en: `11 kV Feeder ${p.en}-${n} (${urban ? "Urban" : "Rural"})`,
    hi: `11 केवी फीडर ${p.hi}-${n} (${urban ? "शहरी" : "ग्रामीण"})`,
  }),
};
