import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createAdmin } from "../../../server/cli/create-admin.js";
import { signIn } from "../../support/auth.js";
import { startTestServer } from "../../support/server.js";

describe("npm run create-admin", () => {
  it("creates an administrator who can sign in, and refuses a weak password", async () => {
    const first = await startTestServer({ keepData: true });
    await first.close();
    const weak = await createAdmin(first.app.config, {
      username: "ops.head",
      name: "Ops Head",
      password: "qwerty123",
    });
    expect(weak).toEqual({ ok: false, problems: [expect.stringMatching(/^password: .*common/)] });
    const made = await createAdmin(first.app.config, {
      username: "ops.head",
      name: "Ops Head",
      password: "a long enough passphrase",
    });
    expect(made).toEqual({ ok: true });
    const again = await startTestServer({ dataDir: first.dataDir });
    const s = await signIn(again.url, "ops.head", "a long enough passphrase");
    expect(s.user.role).toBe("admin");
    await again.close();
    fs.rmSync(first.dataDir, { recursive: true, force: true });
  });
});
