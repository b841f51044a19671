import type { ReportInput } from "../../shared/schemas.js";
import type { Store } from "../store/store.js";
import { fileReport, type FiledReport } from "../tickets/commands.js";
import type { TicketContext } from "../tickets/context.js";
import { placeReport } from "../triage/placement.js";
import type { Categorisation, PlaceMatch } from "../triage/types.js";

/** The text-reading half of triage, injected so tests and the CLI can share it. */
export interface TextTriage {
  categorise(text: string): Categorisation;
  findPlace(text: string): PlaceMatch | null;
}

export interface IntakeContext extends TicketContext {
  store: Store;
  triage: TextTriage;
  onReport?(input: ReportInput, filed: FiledReport): void;
}

/**
 * Every channel's adapter ends here with one validated ReportInput: triage it, then file it. The
 * returned promise resolves only after the report is committed, so the channel's 2xx comes after.
 */
export async function ingestReport(
  ctx: IntakeContext,
  input: ReportInput,
  opts: {
    idempotencyKey?: string | null;
    raw?: unknown;
    joinTicketId?: number;
    actor?: string;
  } = {},
): Promise<FiledReport> {
  const categorisation: Categorisation = input.category
    ? { category: input.category, label: input.category, confidence: 1 }
    : ctx.triage.categorise(input.text);
  const consumer = input.consumerAccount
    ? await ctx.store.findConsumer(input.consumerAccount)
    : undefined;
  const placement = placeReport(ctx.network, {
    accountFeederId: consumer?.feeder_id ?? null,
    lat: input.lat,
    lon: input.lon,
    place: ctx.triage.findPlace(input.text),
  });
  const filed = await fileReport(ctx, {
    input,
    idempotencyKey: opts.idempotencyKey ?? null,
    raw: opts.raw,
    joinTicketId: opts.joinTicketId,
    actor: opts.actor,
    triage: {
      category: categorisation.category,
      confidence: categorisation.confidence,
      suggested: categorisation.category === null ? categorisation.label : null,
      feeder: placement.feeder,
      districtId: placement.districtId,
      placedBy: placement.placedBy,
    },
  });
  ctx.onReport?.(input, filed);
  return filed;
}
