/**
 * How each channel writes: the place phrase in the text's script, account mentions, the X handle
 * and hashtags, WhatsApp greetings and emoji, the formal openings of web forms, officers' notes,
 * and the odd typo. Pure functions of the draws, so the stream stays reproducible.
 */
import type { Channel } from "../../shared/domain.js";
import type { Script } from "./fill.js";
import type { FeederPlace } from "./places.js";
import type { Rng } from "./random.js";
import {
  DISTRICT_ALIASES,
  EMOJI_ANGRY,
  EMOJI_POLITE,
  FORMAL,
  HANDLES,
  HASHTAGS_HI,
  HASHTAGS_LATIN,
  HASHTAGS_STORM,
  OFFICER_PREFIX,
  TOWN_LOCALITIES,
  VILLAGES,
} from "./texts/words.js";
import type { Topic } from "./texts/types.js";

const DEVANAGARI = /[\u0900-\u097F]/;

function districtName(rng: Rng, place: FeederPlace, hi: boolean): string {
  const aliases = DISTRICT_ALIASES[place.district.en];
  if (aliases && rng.chance(0.35)) {
    const a = rng.pick(aliases);
    return hi ? a[1] : a[0];
  }
  return hi ? place.district.hi : place.district.en;
}

function feederLabel(place: FeederPlace, hi: boolean): string {
  return hi ? `${place.feederShort.hi} फीडर` : `${place.feederShort.en} feeder`;
}

/**
 * "Ram Nagar, Lucknow", "ग्राम बेलवा, देवगढ़, बस्ती", "Daliganj-2 feeder, Lucknow" or just the
 * district. Localities come from the names of the feeder and its substation when the network has
 * them (the generated network names them after real towns and mohallas), else from a common list.
 */
export function placePhrase(
  rng: Rng,
  place: FeederPlace,
  script: Script,
  agent: boolean,
  storm: boolean,
): string {
  const hi = script === "hi";
  const district = districtName(rng, place, hi);
  const own = place.localities.length && rng.chance(0.6) ? rng.pick(place.localities) : null;
  if (storm && place.substationShort && rng.chance(0.3)) {
    const sub = hi ? place.substationShort.hi : place.substationShort.en;
    const area = hi
      ? `${sub} बिजलीघर क्षेत्र`
      : script === "hinglish"
        ? `${sub} bijlighar area`
        : `${sub} substation area`;
    return `${area}, ${district}`;
  }
  // Naming the feeder is what lets triage place a text-only report on the map.
  if (rng.chance(agent ? 0.2 : 0.1)) return `${feederLabel(place, hi)}, ${district}`;
  if (place.feeder.urban) {
    if (!rng.chance(agent ? 0.85 : 0.55)) return district;
    const loc = rng.pick(TOWN_LOCALITIES);
    const name = own ? (hi ? own.hi : own.en) : hi ? loc[1] : loc[0];
    const house = agent && rng.chance(0.3) ? `${rng.int(1, 12)}/${rng.int(10, 480)}, ` : "";
    return `${house}${name}, ${district}`;
  }
  if (!rng.chance(agent ? 0.8 : 0.6))
    return own ? `${hi ? own.hi : own.en}, ${district}` : district;
  const village = rng.pick(VILLAGES);
  const name = hi ? village[1] : village[0];
  const prefix = hi
    ? rng.pick(["ग्राम ", "गांव ", ""])
    : script === "hinglish"
      ? rng.pick(["gaon ", "village ", ""])
      : rng.pick(["village ", ""]);
  const town = own ? `${hi ? own.hi : own.en}, ` : "";
  return `${prefix}${name}, ${town}${district}`;
}

/** Adds a trailing phrase after a sentence or a bare clause. */
export function append(body: string, tail: string): string {
  if (!tail) return body;
  return /[.!?।]$/.test(body.trim()) ? `${body.trim()} ${tail}` : `${body.trim()}, ${tail}`;
}

export function accountPhrase(rng: Rng, script: Script, account: string, bihar: boolean): string {
  if (script === "hi")
    return rng.pick([`खाता संख्या ${account}`, `खाता ${account}`, `कनेक्शन नंबर ${account}`]);
  if (bihar && rng.chance(0.5)) return `CA ${account}`;
  if (script === "hinglish")
    return rng.pick([`A/c ${account}`, `account no ${account}`, `A/c no. ${account}`]);
  return rng.pick([`Account ${account}`, `A/c ${account}`, `Account No. ${account}`]);
}

function hashtag(name: string): string {
  return `#${name.replace(/[\s-]+/g, "")}`;
}

/** A tweet: the discom's handle before or after the text, a hashtag or two, sometimes an emoji. */
export function asTweet(
  rng: Rng,
  body: string,
  place: FeederPlace,
  script: Script,
  topic: Topic,
  storm: boolean,
): string {
  const handle = rng.pick(HANDLES[place.discom]);
  const tags: string[] = [];
  const hiTags = script === "hi";
  if (rng.chance(0.5))
    tags.push(hashtag(hiTags && rng.chance(0.5) ? place.district.hi : place.district.en));
  if (rng.chance(storm ? 0.6 : 0.35)) {
    const pool = storm
      ? HASHTAGS_STORM.filter((t) => hiTags || !DEVANAGARI.test(t))
      : hiTags
        ? [...HASHTAGS_HI, ...HASHTAGS_LATIN]
        : HASHTAGS_LATIN;
    if (topic === "supply_cut" || storm) tags.push(rng.pick(pool));
  }
  const emoji = rng.chance(0.3)
    ? ` ${rng.pick(topic === "other" ? EMOJI_POLITE : EMOJI_ANGRY)}`
    : "";
  const text = rng.chance(0.55) ? `${handle} ${body}${emoji}` : `${body}${emoji} ${handle}`;
  return tags.length ? `${text} ${tags.join(" ")}` : text;
}

export function asWhatsApp(rng: Rng, body: string, script: Script, topic: Topic): string {
  let text = body;
  if (rng.chance(0.3) && !/^(sir|सर)(?=[\s,])/i.test(text)) {
    const greet =
      script === "hi"
        ? rng.pick(["नमस्ते सर, ", "सर, ", "भैया "])
        : rng.pick(["sir ", "hello sir, ", "Sir, ", "namaste sir "]);
    text = greet + text;
  }
  if (script === "hinglish" && rng.chance(0.5)) text = text.toLowerCase();
  if (rng.chance(0.25)) text += ` ${rng.pick(topic === "other" ? EMOJI_POLITE : EMOJI_ANGRY)}`;
  return text;
}

export function asSocial(
  rng: Rng,
  body: string,
  channel: "facebook" | "instagram",
  place: FeederPlace,
  topic: Topic,
): string {
  let text = body;
  if (rng.chance(channel === "instagram" ? 0.6 : 0.2))
    text += ` ${rng.pick(topic === "other" ? EMOJI_POLITE : EMOJI_ANGRY)}`;
  if (rng.chance(channel === "instagram" ? 0.8 : 0.25))
    text += ` ${hashtag(place.district.en)} ${rng.pick(HASHTAGS_LATIN)}`;
  return text;
}

/** Web and app forms: people open with "Respected Sir," and close politely. */
export function asForm(rng: Rng, body: string, script: Script, channel: Channel): string {
  const formality = channel === "portal" ? 0.8 : channel === "app" ? 0.35 : 0.15;
  if (!rng.chance(formality)) return body;
  const f = script === "hi" ? FORMAL.hi : FORMAL.en;
  const closed = /[.!?।]$/.test(body) ? body : `${body}${script === "hi" ? "।" : "."}`;
  return [rng.pick(f.open), closed, rng.pick(f.close)].filter(Boolean).join(" ");
}

export function asOfficerNote(
  rng: Rng,
  body: string,
  script: Script,
  channel: "officer_phone" | "walk_in",
): string {
  return `${rng.pick(OFFICER_PREFIX[channel][script])} ${body}`;
}

/**
 * One slip of the thumb in a lower-case Latin word: swapped, dropped or doubled letter. Names
 * (capitalised) are spared so a typo does not also hide the place from triage.
 */
export function typo(rng: Rng, text: string): string {
  const words = text.split(" ");
  const candidates = words
    .map((w, i) => (/^[a-z]{4,}[,.!?]?$/.test(w) ? i : -1))
    .filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = rng.pick(candidates);
  const w = words[i];
  const j = rng.int(1, w.replace(/[,.!?]$/, "").length - 2);
  const op = rng.int(0, 2);
  words[i] =
    op === 0
      ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2)
      : op === 1
        ? w.slice(0, j) + w.slice(j + 1)
        : w.slice(0, j) + w[j] + w.slice(j);
  return words.join(" ");
}
