import { LIVE_LEVELS, type LiveLevel } from "../../shared/live.js";

/** What one mounted screen (or the shell's badge) asks the live socket for. */
export interface Claim {
  /** undefined: the whole network this viewer may see (the server decides). */
  unitId: string | undefined;
  /** undefined: all the role allows; `counts` for summary-sized screens. */
  level: LiveLevel | undefined;
}

/**
 * The one subscription that serves every claim, in the order they were made. The latest claim for
 * a specific unit wins over the shell's default, whatever order their effects ran in (children's
 * effects run first). The level is the most any claim needs: the badge and the summary screens ask
 * for `counts`, the control room for all its role allows, so /summary never takes the control
 * room's stream and the control room never loses its feed to the badge.
 */
export function followed(claims: Iterable<Claim>): Claim {
  let unitId: string | undefined;
  let most = LIVE_LEVELS.length - 1;
  for (const c of claims) {
    if (c.unitId !== undefined) unitId = c.unitId;
    most = Math.min(most, c.level === undefined ? -1 : LIVE_LEVELS.indexOf(c.level));
  }
  return { unitId, level: most < 0 ? undefined : LIVE_LEVELS[most] };
}
