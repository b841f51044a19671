import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { NigraniApp } from "../../../server/app.js";
import type { Config } from "../../../server/config.js";

/** The fake secrets the fixtures were signed with (test/fixtures/README.md). */
export const META_SECRET = "fake-meta-app-secret-do-not-use";
export const X_SECRET = "fake-x-consumer-secret-do-not-use";
export const VERIFY_TOKEN = "FAKE_VERIFY_TOKEN_0001";
export const OPEN311_KEY = "FAKE_API_KEY_0001";

/** Gives an Open311 client its intake key, as an administrator would on the keys screen. */
export async function issueOpen311Key(
  app: NigraniApp,
  channels: string[] = ["open311"],
): Promise<void> {
  await app.access.keys.create(
    { name: "open311 test client", channels: channels as never, ratePerMinute: 10_000 },
    "user:admin",
    OPEN311_KEY,
  );
}

export const channelConfig: Partial<Config> = {
  WHATSAPP_APP_SECRET: META_SECRET,
  WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
  X_CONSUMER_SECRET: X_SECRET,
  // The jurisdiction_id the Open311 fixture names.
  OPEN311_JURISDICTION_ID: "fake-discom.example",
};

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

/** A fixture's exact bytes: signatures are computed over them, never over re-serialised JSON. */
export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureBytes(name).toString("utf8")) as T;
}

export function metaSignature(body: Buffer | string, secret = META_SECRET): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

export function xSignature(body: Buffer | string, secret = X_SECRET): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("base64");
}

export async function post(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; type: string | null }> {
  // The exact bytes go out (a Uint8Array view: DOM's BodyInit type does not list Buffer).
  const bytes = typeof body === "string" ? body : new Uint8Array(body);
  const res = await fetch(url, { method: "POST", headers, body: bytes });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
}

/** POSTs a WhatsApp webhook delivery signed as Meta would (or with the signature given). */
export function postWhatsapp(
  base: string,
  body: Buffer | string,
  signature: string | null = metaSignature(body),
) {
  return post(`${base}/webhooks/whatsapp`, body, {
    "content-type": "application/json",
    ...(signature === null ? {} : { "x-hub-signature-256": signature }),
  });
}

export function postX(
  base: string,
  body: Buffer | string,
  signature: string | null = xSignature(body),
) {
  return post(`${base}/webhooks/x`, body, {
    "content-type": "application/json",
    ...(signature === null ? {} : { "x-twitter-webhooks-signature": signature }),
  });
}

export async function reportCount(app: NigraniApp, channel?: string): Promise<number> {
  let q = app.store.kysely.selectFrom("reports").select((eb) => eb.fn.countAll<number>().as("n"));
  if (channel) q = q.where("channel", "=", channel);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function ticketCount(app: NigraniApp): Promise<number> {
  const r = await app.store.kysely
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One inbound WhatsApp message wrapped in a webhook delivery, like the text fixture. */
export function whatsappDelivery(message: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "000000000000001",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000001", phone_number_id: "100000000000001" },
              messages: [message],
            },
          },
        ],
      },
    ],
  });
}

export function whatsappStatusDelivery(statuses: Record<string, unknown>[]): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "000000000000001",
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", statuses } }],
      },
    ],
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in for the Graph API on 127.0.0.1: records every request, fails the first `failFirst`
 * with a Meta-style 500 error, then answers with the given responses in turn (the last repeats).
 */
export async function startFakeGraph(opts: { failFirst?: number; responses: unknown[] }) {
  const requests: RecordedRequest[] = [];
  let failures = opts.failFirst ?? 0;
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.setHeader("content-type", "application/json");
      if (failures > 0) {
        failures--;
        res.statusCode = 500;
        res.end(
          JSON.stringify({
            error: {
              message: "An unknown error occurred",
              type: "OAuthException",
              code: 1,
              fbtrace_id: "FAKE",
            },
          }),
        );
        return;
      }
      const body = opts.responses[Math.min(next++, opts.responses.length - 1)];
      res.statusCode = 200;
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
