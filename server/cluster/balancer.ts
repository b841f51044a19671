import http from "node:http";
import net from "node:net";

export interface Upstream {
  name: string;
  /** host:port of a node. */
  host: string;
  port: number;
  healthy: boolean;
}

/**
 * A small round-robin load balancer for trying a cluster on one machine: plain HTTP requests and
 * WebSocket upgrades go to the next healthy node (GET /healthz every second). Not sticky: the
 * client uses the WebSocket transport, so one connection stays on one node, and a node's death
 * only closes its sockets, which reconnect (through here) to another node with `sinceSeq`.
 */
export function startBalancer(
  upstreams: Upstream[],
  port: number,
  host = "127.0.0.1",
): Promise<{ server: http.Server; close(): Promise<void> }> {
  let next = 0;
  const pick = (): Upstream | null => {
    for (let i = 0; i < upstreams.length; i++) {
      const u = upstreams[(next + i) % upstreams.length];
      if (u.healthy) {
        next = (next + i + 1) % upstreams.length;
        return u;
      }
    }
    return null;
  };

  const server = http.createServer((req, res) => {
    const target = pick();
    if (!target) {
      res.writeHead(503, { "retry-after": "2", "content-type": "text/plain" });
      res.end("no node is up\n");
      return;
    }
    const upstream = http.request(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      target.healthy = false;
      if (!res.headersSent) res.writeHead(502, { "retry-after": "1" });
      res.end();
    });
    req.pipe(upstream);
  });

  server.on("upgrade", (req, socket, head) => {
    const target = pick();
    if (!target) return socket.destroy();
    const upstream = net.connect(target.port, target.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      lines.push(`X-Forwarded-For: ${req.socket.remoteAddress ?? ""}`);
      upstream.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on("error", drop);
    upstream.on("close", drop);
    socket.on("error", drop);
    socket.on("close", drop);
  });

  const probe = setInterval(() => {
    for (const u of upstreams) {
      const req = http.get({ host: u.host, port: u.port, path: "/healthz", timeout: 900 }, (r) => {
        u.healthy = r.statusCode === 200;
        r.resume();
      });
      req.on("timeout", () => req.destroy());
      req.on("error", () => {
        u.healthy = false;
      });
    }
  }, 1000);
  probe.unref();

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(probe);
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}
