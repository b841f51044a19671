import { z } from "zod";
import { ticketNumberSchema } from "./schemas.js";

/**
 * The public outage page, its machine-readable feed and the "who to call" lookup: what anyone may
 * read without signing in. Nothing here carries a consumer's name, phone or account number; an
 * officer's phone appears only when an administrator published it.
 */

/** A place's name in both scripts. */
export const bilingualNameSchema = z.strictObject({ en: z.string(), hi: z.string() });
export type BilingualName = z.infer<typeof bilingualNameSchema>;

/**
 * `unplanned`: a feeder outage inferred from clustered calls or confirmed by an officer;
 * `planned`: a scheduled shutdown (maintenance), announced in advance.
 */
export const OUTAGE_KINDS = ["unplanned", "planned"] as const;
export type OutageKind = (typeof OUTAGE_KINDS)[number];

export const publicFeederSchema = z.strictObject({
  id: z.string(),
  name: bilingualNameSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type PublicFeeder = z.infer<typeof publicFeederSchema>;

const placeRefSchema = z.strictObject({ id: z.string(), name: bilingualNameSchema });

/** One current outage as the public sees it. */
export const publicOutageSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(OUTAGE_KINDS),
  /** When supply went off (unplanned) or the shutdown starts (planned). */
  since: z.iso.datetime(),
  /** When an officer expects supply back; null until one sets it (a planned shutdown's end). */
  expectedRestorationAt: z.iso.datetime().nullable(),
  consumersAffected: z.number().int().nonnegative(),
  /** Why, for a planned shutdown ("line maintenance"); null for an unplanned outage. */
  reason: z.string().nullable(),
  district: placeRefSchema.nullable(),
  /** The division, sub-division and substation the feeders hang from: the names towns know them by. */
  division: placeRefSchema.nullable(),
  subdivision: placeRefSchema.nullable(),
  substation: placeRefSchema.nullable(),
  feeders: z.array(publicFeederSchema).min(1),
});
export type PublicOutage = z.infer<typeof publicOutageSchema>;

/** GET /api/v1/public/outages */
export const publicOutagesSchema = z.strictObject({
  /** When this version of the list was first made (it is unchanged since). */
  generatedAt: z.iso.datetime(),
  outages: z.array(publicOutageSchema),
  totals: z.strictObject({
    outages: z.number().int().nonnegative(),
    feeders: z.number().int().nonnegative(),
    consumersAffected: z.number().int().nonnegative(),
    districts: z.number().int().nonnegative(),
  }),
});
export type PublicOutages = z.infer<typeof publicOutagesSchema>;

/** Properties of one feeder point in the GeoJSON feed (one Feature per feeder of each outage). */
export const outageFeaturePropertiesSchema = z.strictObject({
  outageId: z.string(),
  kind: z.enum(OUTAGE_KINDS),
  feederId: z.string(),
  feeder: z.string(),
  feederHi: z.string(),
  substation: z.string().nullable(),
  district: z.string().nullable(),
  districtHi: z.string().nullable(),
  since: z.iso.datetime(),
  expectedRestorationAt: z.iso.datetime().nullable(),
  /** Consumers affected by the whole outage (shared by its feeders: do not sum per feature). */
  outageConsumersAffected: z.number().int().nonnegative(),
});

/** GET /api/v1/public/outages.geojson (RFC 7946: WGS 84, [longitude, latitude]). */
export const outagesGeoJsonSchema = z.strictObject({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.strictObject({
      type: z.literal("Feature"),
      id: z.string(),
      geometry: z.strictObject({
        type: z.literal("Point"),
        coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      }),
      properties: outageFeaturePropertiesSchema,
    }),
  ),
});
export type OutagesGeoJson = z.infer<typeof outagesGeoJsonSchema>;

/** The consumer account number as printed on the bill. */
const accountSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{10}$/, "must be the 10-digit account number on your bill");

/**
 * GET /api/v1/public/who-to-call?account= | ticket= | place=: exactly one of the three.
 * A place is a district, town, substation or feeder name in English or Hindi.
 */
export const whoToCallQuerySchema = z
  .strictObject({
    account: accountSchema.optional(),
    ticket: ticketNumberSchema.optional(),
    place: z
      .string()
      .trim()
      .min(2, "must name a district, town, substation or feeder")
      .max(80, "must be at most 80 characters")
      .optional(),
  })
  .refine((q) => [q.account, q.ticket, q.place].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of account, ticket or place",
    path: ["account"],
  });
export type WhoToCallQuery = z.infer<typeof whoToCallQuerySchema>;

/** An officer who answers for the consumer's area; `phone` is null unless the discom published it. */
export const publicOfficerSchema = z.strictObject({
  role: z.enum(["je", "sdo"]),
  title: bilingualNameSchema,
  name: bilingualNameSchema,
  unit: bilingualNameSchema,
  phone: z.string().nullable(),
});
export type PublicOfficer = z.infer<typeof publicOfficerSchema>;

/** The 1912 helpline: statewide, toll-free, in UP and Bihar alike. */
export const HELPLINE = "1912";

export const whoToCallSchema = z.strictObject({
  /**
   * How precisely the place was found: a feeder (account, ticket, feeder name), a substation, a
   * sub-division (a town's name: its SDO, no JE) or a district only.
   */
  precision: z.enum(["feeder", "substation", "subdivision", "district"]),
  district: placeRefSchema.nullable(),
  subdivision: placeRefSchema.nullable(),
  substation: placeRefSchema.nullable(),
  feeder: placeRefSchema.nullable(),
  officers: z.array(publicOfficerSchema),
  /** The local fuse-call (complaint) centre nearest up the feeder's line of units, if the discom set one. */
  fuseCall: z.strictObject({ unit: bilingualNameSchema, phone: z.string() }).nullable(),
  helpline: z.literal(HELPLINE),
  /** A current outage on the feeder (or substation), if any. */
  outage: z
    .strictObject({
      id: z.string(),
      since: z.iso.datetime(),
      expectedRestorationAt: z.iso.datetime().nullable(),
    })
    .nullable(),
});
export type WhoToCall = z.infer<typeof whoToCallSchema>;

/** PUT /api/v1/officers/:id/public-phone (administrators). */
export const publicPhoneChangeSchema = z.strictObject({ public: z.boolean() });

/** PUT /api/v1/fuse-call-centres/:unitId (administrators); null removes the number. */
export const fuseCallChangeSchema = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 -]{5,15}[0-9]$/, "must be a phone number (digits, spaces or dashes)")
    .nullable(),
});
