import type { Request, Response } from "express";
import type { AuditLog } from "../access/audit.js";
import type { Network } from "../network/loaded-network.js";
import { allows, canSeePath, type Ability, type Viewer } from "../policies/index.js";
import { addressOf, viewerOf } from "./auth.js";
import { HttpError } from "./errors.js";

/**
 * The routes' one way to ask the policy. A refusal is a 404, as for something that does not
 * exist (FixMyStreet's rule: outside your area, nothing is there), and is written to the audit log.
 */
export class Guard {
  constructor(
    private readonly network: Network,
    private readonly audit: AuditLog,
  ) {}

  /** The viewer, if they may do `ability` (within `unitId` when given); else 404. */
  require(req: Request, res: Response, ability: Ability, unitId?: string): Viewer {
    const viewer = viewerOf(res);
    if (allows(this.network, viewer, ability, unitId)) return viewer;
    throw this.refuse(req, viewer, ability, unitId ?? null);
  }

  /** The unit a query is about: the one asked for if visible, else the viewer's own. */
  unit(req: Request, res: Response, ability: Ability, requested: string | undefined): string {
    const viewer = viewerOf(res);
    return (
      this.require(req, res, ability, requested ?? viewer.unitId) && (requested ?? viewer.unitId)
    );
  }

  /** Something with an ancestor path (a ticket, an incident): visible to this viewer for `ability`? */
  requirePath(
    req: Request,
    res: Response,
    ability: Ability,
    path: readonly string[],
    what: string,
  ): Viewer {
    const viewer = viewerOf(res);
    if (allows(this.network, viewer, ability) && canSeePath(viewer, path)) return viewer;
    throw this.refuse(req, viewer, ability, path[path.length - 1] ?? null, what);
  }

  refuse(
    req: Request,
    viewer: Viewer,
    ability: Ability,
    unitId: string | null,
    what?: string,
  ): HttpError {
    void this.audit
      .record(
        "refused",
        { actor: viewer.actor, address: addressOf(req) },
        {
          ability,
          unitId,
          method: req.method,
          path: req.originalUrl.slice(0, 200),
        },
      )
      .catch(() => undefined);
    return new HttpError(404, "not_found", what ? `no ${what}` : "not found");
  }
}
