import { describe, expect, it } from "vitest";
import {
  INITIAL_CONNECTION,
  nextConnection,
  OFFLINE_AFTER_ATTEMPTS,
  type ConnectionState,
} from "../../client/live/connection.js";

const run = (events: Parameters<typeof nextConnection>[1][], from = INITIAL_CONNECTION) =>
  events.reduce<ConnectionState>(nextConnection, from);

describe("connection state", () => {
  it("starts connecting and becomes live once subscribed", () => {
    expect(INITIAL_CONNECTION.status).toBe("connecting");
    expect(run([{ type: "subscribed" }]).status).toBe("live");
  });

  it("says reconnecting after losing a live connection, and live again after re-subscribing", () => {
    const lost = run([{ type: "subscribed" }, { type: "disconnected", reason: "transport close" }]);
    expect(lost.status).toBe("reconnecting");
    expect(run([{ type: "attempt_failed", reason: "x" }], lost).status).toBe("reconnecting");
    expect(run([{ type: "subscribed" }], lost).status).toBe("live");
  });

  it("says offline after repeated failures, and when the browser goes offline", () => {
    const failures = Array.from({ length: OFFLINE_AFTER_ATTEMPTS }, () => ({
      type: "attempt_failed" as const,
      reason: "refused",
    }));
    expect(
      run([{ type: "subscribed" }, { type: "disconnected", reason: "x" }, ...failures]).status,
    ).toBe("offline");
    expect(run([{ type: "subscribed" }, { type: "browser_offline" }]).status).toBe("offline");
  });
});
