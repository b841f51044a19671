import type { IncomingMessage, ServerResponse } from "node:http";
import { BODY_LIMIT, HttpError } from "./errors.js";

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/**
 * Reads a JSON request body for the busiest route, `POST /api/v1/reports`. It answers exactly as
 * express.json does there (415 for another type or charset, 413 past the limit, 400 for bad JSON)
 * without body-parser's layers (content-type parsing, iconv, stream wrappers), which cost a storm
 * tens of microseconds per report. Compressed request bodies are refused: no filer sends them.
 */
export function readJsonBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!JSON_TYPE.test(type))
    return Promise.reject(
      new HttpError(415, "unsupported_media_type", "send the report as application/json"),
    );
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8")
    return Promise.reject(
      new HttpError(415, "unsupported_charset", `send the report as UTF-8, not ${charset}`),
    );
  const encoding = req.headers["content-encoding"];
  if (encoding && encoding.toLowerCase() !== "identity")
    return Promise.reject(
      new HttpError(415, "unsupported_encoding", `send the report uncompressed, not ${encoding}`),
    );
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (err: HttpError) => {
      if (failed) return;
      failed = true;
      // Whatever else the client sends is read and dropped, so the answer still reaches it.
      req.removeListener("data", onData);
      req.resume();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(tooLarge());
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", () =>
      fail(new HttpError(400, "bad_request", "the request body was cut off")),
    );
    req.once("end", () => {
      if (failed) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8");
      try {
        resolve(JSON.parse(text));
      } catch {
        fail(
          new HttpError(400, "invalid_json", "the body is not valid JSON", {
            "(body)": "is not valid JSON",
          }),
        );
      }
    });
  });
}

const tooLarge = () => new HttpError(413, "too_large", "the body is too large");

/**
 * A JSON answer written straight to the socket: no ETag hashing or freshness check (a POST's
 * answer is never cached), one encoding, no compression (a filed report's answer is one to three
 * KB; brotli would save a kilobyte at a cost in CPU a storm cannot spare).
 */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
