import WebSocket from "ws";
import type { Delta, LiveLevel, Snapshot, SubscribeAck } from "../../shared/live.js";

/**
 * A bare WebSocket speaking engine.io 4 / socket.io 5 text frames to /live: cheap enough that one
 * process can hold a thousand screens, and able to stop reading (a stalled screen) on demand.
 * Frames: "0{...}" open, "2" ping -> "3" pong, "40/live," connect, "42/live,[event, data]",
 * "42/live,<id>[...]" an emit with an ack, answered by "43/live,<id>[...]".
 */
export class RawLiveClient {
  readonly ws: WebSocket;
  bytes = 0;
  frames = 0;
  closed = false;
  /** The socket.io id the server gave this screen on /live. */
  sid = "";
  private acks = new Map<number, (res: SubscribeAck) => void>();
  private nextAck = 0;
  private connected!: Promise<void>;
  onDelta: (d: Delta, size: number) => void = () => undefined;
  onSnapshot: (s: Snapshot, size: number) => void = () => undefined;
  /** Skip JSON parsing of deltas and snapshots (only bytes and frames are counted). */
  parse = true;

  /** `cookie`: the session cookie of a signed-in screen (the handshake is refused without one). */
  constructor(url: string, cookie?: string) {
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, {
      headers: cookie ? { cookie } : {},
    });
    this.ws = ws;
    this.connected = new Promise((resolve, reject) => {
      ws.on("error", reject);
      ws.on("message", (raw: Buffer) => {
        const text = raw.toString();
        this.bytes += raw.length;
        this.frames++;
        if (text === "2") ws.send("3");
        else if (text.startsWith("0")) ws.send("40/live,");
        else if (text.startsWith("40/live,")) {
          this.sid = (JSON.parse(text.slice(8)) as { sid: string }).sid;
          resolve();
        } else if (text.startsWith("42/live,")) this.onEvent(text.slice(8), raw.length);
        else if (text.startsWith("43/live,")) this.onAck(text.slice(8));
        else if (text.startsWith("44/live,")) reject(new Error(`refused: ${text}`));
      });
    });
    ws.on("close", () => (this.closed = true));
  }

  ready(): Promise<void> {
    return this.connected;
  }

  private onEvent(body: string, size: number): void {
    if (!this.parse) return;
    const [name, data] = JSON.parse(body) as [string, unknown];
    if (name === "delta") this.onDelta(data as Delta, size);
    else if (name === "snapshot") this.onSnapshot(data as Snapshot, size);
  }

  private onAck(body: string): void {
    const at = body.indexOf("[");
    const id = Number(body.slice(0, at));
    const [res] = JSON.parse(body.slice(at)) as [SubscribeAck];
    this.acks.get(id)?.(res);
    this.acks.delete(id);
  }

  subscribe(
    request: { unitId?: string; sinceSeq?: number; level?: LiveLevel } = {},
  ): Promise<SubscribeAck> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.send(`42/live,${id}${JSON.stringify(["subscribe", request])}`);
    });
  }

  /** Sends a frame (for a stalled client, without waiting for any answer). */
  send(frame: string): void {
    this.ws.send(frame);
  }

  /** Stops reading from the socket: the kernel's buffers fill and the server's sends back up. */
  stall(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  close(): void {
    this.ws.terminate();
  }
}
