import type { ApiKeys } from "../access/keys.js";
import type { Viewer } from "../policies/index.js";
import type { RequestFacts } from "./auth.js";
import { HttpError } from "./errors.js";
import type { Guard } from "./guard.js";

/**
 * May this caller file a report on `channel`? Users need the `file` ability; a key must list the
 * channel and be within its rate (429 with Retry-After otherwise).
 */
export function authoriseFiling(
  guard: Guard,
  keys: ApiKeys,
  viewer: Viewer,
  at: RequestFacts,
  channel: string,
): Viewer {
  guard.requireOf(viewer, at, "file");
  if (viewer.key) {
    if (!viewer.key.channels.has(channel))
      throw new HttpError(403, "channel_not_allowed", `this key may not file on ${channel}`, {
        channel: `this key may file only on ${[...viewer.key.channels].join(", ")}`,
      });
    const wait = keys.take(viewer.key.id, viewer.key.ratePerMinute);
    if (wait > 0)
      throw new HttpError(
        429,
        "rate_limited",
        `this key's rate is used up; try again in ${wait} s`,
        undefined,
        undefined,
        { "Retry-After": String(wait) },
      );
  }
  return viewer;
}
