import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import {
  mayPublishContacts,
  publicOfficerPhone,
  type Viewer,
} from "../../../server/policies/index.js";
import { startTestApp } from "../../support/app.js";

let app: NigraniApp;
beforeAll(async () => {
  ({ app } = await startTestApp());
});
afterAll(() => app.close());

const user = (role: Viewer["role"], unitId: string): Viewer => ({
  kind: "user",
  actor: `user:${role}`,
  role,
  unitId,
});

describe("what the public pages may publish", () => {
  it("lets an administrator publish numbers in their own area only", () => {
    const [a, b] = [app.network.feeders[0], app.network.feeders.at(-1)!];
    const division = a.path.find((id) => app.network.unit(id)?.kind === "division")!;
    expect(b.path).not.toContain(division);
    const admin = user("admin", division);
    expect(mayPublishContacts(app.network, admin, a.parentId!)).toBe(true);
    expect(mayPublishContacts(app.network, admin, b.parentId!)).toBe(false);
    for (const role of ["control_room", "officer", "minister", "call_centre"] as const)
      expect(mayPublishContacts(app.network, user(role, a.path[0]), a.parentId!), role).toBe(false);
    const anonymous: Viewer = { kind: "anonymous", actor: "anonymous", role: null, unitId: "" };
    expect(mayPublishContacts(app.network, anonymous, a.parentId!)).toBe(false);
  });

  it("lets an officer's number out only when it was published", () => {
    const officer = { id: "je-1", phone: "9000012345" };
    expect(publicOfficerPhone(officer, () => false)).toBeNull();
    expect(publicOfficerPhone(officer, (id) => id === "je-1")).toBe("9000012345");
  });
});
