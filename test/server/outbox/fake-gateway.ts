import http from "node:http";

export interface GatewayRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in for an outside HTTP API (SMS gateway, Graph API) on 127.0.0.1, port 0: records every
 * request and answers from `script` in order, then with `otherwise` (called with the request's
 * number so each answer can carry its own id).
 */
export async function startFakeGateway(opts: {
  script?: { status: number; body: unknown }[];
  otherwise: (n: number) => { status: number; body: unknown };
}) {
  const requests: GatewayRequest[] = [];
  const script = [...(opts.script ?? [])];
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
      const answer = script.shift() ?? opts.otherwise(requests.length);
      res.statusCode = answer.status;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Queues more scripted answers (consumed before `otherwise`). */
    queue(...answers: { status: number; body: unknown }[]) {
      script.push(...answers);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
