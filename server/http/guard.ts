import type { Request, Response } from "express";
import type { AuditLog } from "../access/audit.js";
import type { Network } from "../network/loaded-network.js";
import { allows, canSeePath, type Ability, type Viewer } from "../policies/index.js";
import { factsOf, viewerOf, type RequestFacts } from "./auth.js";
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
    return this.requireOf(viewerOf(res), factsOf(req), ability, unitId);
  }

  /** `require` for a viewer identified outside Express (the report lane). */
  requireOf(viewer: Viewer, at: RequestFacts, ability: Ability, unitId?: string): Viewer {
    if (allows(this.network, viewer, ability, unitId)) return viewer;
    throw this.refuseAt(at, viewer, ability, unitId ?? null);
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
    return this.refuseAt(factsOf(req), viewer, ability, unitId, what);
  }

  refuseAt(
    at: RequestFacts,
    viewer: Viewer,
    ability: Ability,
    unitId: string | null,
    what?: string,
  ): HttpError {
    void this.audit
      .record(
        "refused",
        { actor: viewer.actor, address: at.address() },
        {
          ability,
          unitId,
          method: at.method,
          path: at.url.slice(0, 200),
        },
      )
      .catch(() => undefined);
    return new HttpError(404, "not_found", what ? `no ${what}` : "not found");
  }
}
