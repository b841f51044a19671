/**
 * Builds one simulated report: what it is about, which channel it came by, in which language, how
 * it can be placed (account, pin or only words) and the text itself. The mixes are the 1912
 * statistics in DOMAIN.md (supply dominates; meters, bills, poles and name changes follow).
 */
import { CATEGORY_IDS } from "../../shared/domain.js";
import type { CategoryId, Channel } from "../../shared/domain.js";
import type { ReportInput } from "../../shared/schemas.js";
import { supplyBoost } from "./curve.js";
import { fill } from "./fill.js";
import type { Script } from "./fill.js";
import { externalIdFor, fakeMobile, formatPhone, maskedMobile, tenDigits } from "./ids.js";
import type { DocketState } from "./ids.js";
import { jitter } from "./places.js";
import type { FeederPlace } from "./places.js";
import type { Rng } from "./random.js";
import {
  accountPhrase,
  append,
  asForm,
  asOfficerNote,
  asSocial,
  asTweet,
  asWhatsApp,
  placePhrase,
  typo,
} from "./style.js";
import { AGENT_EN, AGENT_HINGLISH } from "./texts/agent.js";
import { EN } from "./texts/en.js";
import { HI } from "./texts/hi.js";
import { HINGLISH } from "./texts/hinglish.js";
import { MIXED } from "./texts/mixed.js";
import type { Lang, TemplateTable, Topic } from "./texts/types.js";

/** Daily base weights before the hour-of-day boost to supply (see curve.supplyBoost). */
export const TOPIC_WEIGHTS: Readonly<Record<Topic, number>> = {
  supply_cut: 0.74,
  bill_generation: 0.07,
  meter_jumping: 0.055,
  meter_reading: 0.035,
  pole_wire: 0.03,
  connection_transfer: 0.02,
  other: 0.04,
  vague: 0.015,
};

export const CHANNEL_WEIGHTS: Readonly<Partial<Record<Channel, number>>> = {
  call_centre: 0.34,
  whatsapp: 0.22,
  x: 0.12,
  app: 0.11,
  portal: 0.06,
  facebook: 0.04,
  open311: 0.03,
  instagram: 0.02,
  officer_phone: 0.03,
  walk_in: 0.03,
};

/** In a storm people ring and message; few fill in forms. */
export const STORM_CHANNEL_WEIGHTS: Readonly<Partial<Record<Channel, number>>> = {
  call_centre: 0.42,
  whatsapp: 0.26,
  x: 0.16,
  app: 0.06,
  facebook: 0.05,
  officer_phone: 0.05,
};

/** 1912 agents write English or Hinglish; the other channels are mostly Devanagari Hindi. */
export const LANG_BY_CHANNEL: Readonly<Record<Channel, Readonly<Partial<Record<Lang, number>>>>> = {
  call_centre: { en: 0.27, hinglish: 0.73 },
  whatsapp: { hi: 0.68, hinglish: 0.2, mixed: 0.1, en: 0.02 },
  x: { hi: 0.52, hinglish: 0.18, en: 0.2, mixed: 0.1 },
  app: { hi: 0.66, en: 0.22, hinglish: 0.06, mixed: 0.06 },
  portal: { hi: 0.62, en: 0.38 },
  facebook: { hi: 0.62, hinglish: 0.22, en: 0.08, mixed: 0.08 },
  open311: { en: 0.55, hi: 0.45 },
  instagram: { hinglish: 0.45, en: 0.35, hi: 0.2 },
  officer_phone: { hi: 0.65, hinglish: 0.2, en: 0.15 },
  walk_in: { hi: 0.65, hinglish: 0.2, en: 0.15 },
};

/** Share of reports carrying the consumer's account: the agent asks for it, the app knows it. */
const ACCOUNT_P: Readonly<Record<Channel, number>> = {
  call_centre: 0.75,
  whatsapp: 0.3,
  x: 0.25,
  app: 0.85,
  portal: 0.75,
  facebook: 0.15,
  open311: 0.2,
  instagram: 0.05,
  officer_phone: 0.5,
  walk_in: 0.8,
};

/** Share with a location: WhatsApp pins, app GPS, Open311's lat/long. */
const GEO_P: Readonly<Record<Channel, number>> = {
  call_centre: 0,
  whatsapp: 0.5,
  x: 0.12,
  app: 0.75,
  portal: 0.15,
  facebook: 0.08,
  open311: 1,
  instagram: 0.2,
  officer_phone: 0.2,
  walk_in: 0,
};

/** Share with a phone number: caller id, WhatsApp sender, form fields; social posts have none. */
const PHONE_P: Readonly<Record<Channel, number>> = {
  call_centre: 1,
  whatsapp: 1,
  x: 0,
  app: 0.9,
  portal: 0.8,
  facebook: 0,
  open311: 0.5,
  instagram: 0,
  officer_phone: 1,
  walk_in: 0.6,
};

const TYPO_P: Readonly<Partial<Record<Channel, number>>> = {
  whatsapp: 0.2,
  x: 0.12,
  facebook: 0.15,
  instagram: 0.15,
  app: 0.05,
};

/** The agent picks a category in the CRM on about one call in five; the rest go to the categoriser. */
export const AGENT_CATEGORY_P = 0.21;

const ACCOUNT_RE = /^[0-9]{6,16}$/;

const TABLES: Readonly<Record<Lang, TemplateTable>> = {
  en: EN,
  hinglish: HINGLISH,
  hi: HI,
  mixed: MIXED,
};

export interface ConsumerLookup {
  (
    feederId: string,
    rnd: number,
  ):
    | { account: string; feederId: string; phone: string }
    | null
    | Promise<{ account: string; feederId: string; phone: string } | null>;
}

export interface ComposeContext {
  rng: Rng;
  atMs: number;
  place: FeederPlace;
  storm: boolean;
  consumerOn: ConsumerLookup;
  dockets: DocketState;
}

export interface Composed {
  input: ReportInput;
  topic: Topic;
  lang: Lang;
  channel: Channel;
}

function isCategory(topic: Topic): topic is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(topic);
}

export function pickTopic(rng: Rng, atMs: number): Topic {
  const boost = supplyBoost(atMs);
  return rng.weighted<Topic>({ ...TOPIC_WEIGHTS, supply_cut: TOPIC_WEIGHTS.supply_cut * boost });
}

function scriptOf(lang: Lang, rng: Rng): Script {
  if (lang === "mixed") return rng.chance(0.7) ? "hi" : "hinglish";
  return lang;
}

function template(rng: Rng, list: readonly string[], withPlace: boolean): string {
  const usable = withPlace ? list : list.filter((t) => !t.includes("{place}"));
  return rng.pick(usable.length ? usable : list);
}

export async function composeReport(ctx: ComposeContext): Promise<Composed> {
  const { rng, place, atMs } = ctx;
  const topic: Topic = ctx.storm ? "supply_cut" : pickTopic(rng, atMs);
  const channel = rng.weighted(ctx.storm ? STORM_CHANNEL_WEIGHTS : CHANNEL_WEIGHTS);
  const lang = rng.weighted(LANG_BY_CHANNEL[channel]);
  const script = scriptOf(lang, rng);
  const bihar = place.discom === "NBPDCL" || place.discom === "SBPDCL";

  const found = rng.chance(ACCOUNT_P[channel])
    ? await ctx.consumerOn(place.feeder.id, rng.next())
    : null;
  // An imported consumer file may hold account numbers intake would refuse; such a caller gives none.
  const consumer = found && ACCOUNT_RE.test(found.account) ? found : null;
  const point = rng.chance(GEO_P[channel])
    ? jitter(place.feeder.lat, place.feeder.lon, () => rng.normal())
    : null;
  const agent = channel === "call_centre";
  // Without an account or a pin the words are all triage has, so nearly everyone names a place.
  const wantPlace = rng.chance(agent ? 0.9 : consumer || point ? 0.5 : 0.9);
  const placeText = wantPlace ? placePhrase(rng, place, script, agent, ctx.storm) : "";

  // Storm reports mostly say "storm"; some are ordinary outage texts from people who did not mention it.
  const key = ctx.storm && rng.chance(0.8) ? "storm" : topic;
  const table = agent ? (lang === "en" ? AGENT_EN : AGENT_HINGLISH) : TABLES[lang];
  const raw = template(rng, table[key], wantPlace);
  let body = fill(raw, { rng, script, mixed: lang === "mixed", atMs, place: placeText });
  const placeUsed = raw.includes("{place}");

  const ten = tenDigits(consumer?.phone) ?? fakeMobile(rng);
  if (agent) {
    if (wantPlace && !placeUsed)
      body = append(body, `${rng.chance(0.8) ? "Add" : "Address:"} ${placeText}.`);
    if (consumer) body = append(body, `A/c ${consumer.account}.`);
    if (rng.chance(0.4)) body = append(body, `Mob ${maskedMobile(ten)}.`);
  } else {
    if (wantPlace && !placeUsed) body = append(body, placeText);
    if (consumer && rng.chance(0.6))
      body = append(body, accountPhrase(rng, script, consumer.account, bihar));
  }

  let text = body;
  if (channel === "x") text = asTweet(rng, body, place, script, topic, ctx.storm);
  else if (channel === "whatsapp") text = asWhatsApp(rng, body, script, topic);
  else if (channel === "facebook" || channel === "instagram")
    text = asSocial(rng, body, channel, place, topic);
  else if (channel === "app" || channel === "portal" || channel === "open311")
    text = asForm(rng, body, script, channel);
  else if (channel === "officer_phone" || channel === "walk_in")
    text = asOfficerNote(rng, body, script, channel);
  if (script !== "hi" && rng.chance(TYPO_P[channel] ?? 0)) text = typo(rng, text);
  text = text.replace(/\s+/g, " ").trim();

  const input: ReportInput = { channel, text, receivedAt: new Date(atMs).toISOString() };
  const externalId = externalIdFor(channel, atMs, rng, ctx.dockets);
  if (externalId) input.externalId = externalId;
  if (consumer) input.consumerAccount = consumer.account;
  if (rng.chance(PHONE_P[channel])) input.phone = formatPhone(channel, ten);
  if (point) {
    input.lat = point.lat;
    input.lon = point.lon;
  }
  if (agent && isCategory(topic) && rng.chance(AGENT_CATEGORY_P)) input.category = topic;
  return { input, topic, lang, channel };
}
