// Server-sent events for the live page, by hand (the protocol is a few lines
// of text): every message is kept, so a browser that joins late is replayed
// the story so far and one that reconnects only what it missed (Last-Event-ID);
// then each message goes to every open stream as it comes.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How soon a browser that lost the stream tries again (SSE `retry:`). */
const RECONNECT_MS = 2_000;

interface Message {
  id: number;
  type: string;
  /** The whole SSE frame, ready to write. */
  frame: string;
}

/** One SSE frame: JSON data on one line (JSON.stringify never writes a raw newline). */
function sseFrame(id: number, type: string, data: unknown): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The streams of one server: at most maxClients open at once, a heartbeat on each, and an end. */
export class EventStream {
  private readonly history: Message[] = [];
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private nextId = 1;
  private ended = false;

  constructor(
    private readonly maxClients: number,
    heartbeatMs: number,
  ) {
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) this.write(res, ': heartbeat\n\n');
    }, heartbeatMs);
    // The stream never keeps the lab's process alive on its own.
    this.heartbeat.unref();
  }

  /** Once ended, nothing more is sent; a page that joins then gets the story and the end. */
  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Sends a message to every open stream and keeps it for later ones. With
   * `supersedes`, the kept message of the same type is dropped: it says nothing
   * this one does not (the chart draws every cycle so far).
   */
  send(type: string, data: unknown, options: { supersedes?: boolean } = {}): void {
    if (this.ended) return;
    const id = this.nextId++;
    const message: Message = { id, type, frame: sseFrame(id, type, data) };
    if (options.supersedes) {
      const previous = this.history.findIndex((m) => m.type === type);
      if (previous >= 0) this.history.splice(previous, 1);
    }
    this.history.push(message);
    for (const res of this.clients) this.write(res, message.frame);
  }

  /** Sends a last message, then closes every stream; later pages get the whole story and this end. Safe twice. */
  end(type: string, data: unknown): void {
    if (!this.ended) {
      this.send(type, data);
      this.ended = true;
    }
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /**
   * Serves GET /events: the story so far (or since Last-Event-ID), then each message as it comes; 503 past maxClients.
   */
  attach(req: IncomingMessage, res: ServerResponse): void {
    if (this.clients.size >= this.maxClients) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10' });
      res.end(`At most ${this.maxClients} live pages at once; close one.\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    const lastId = Number(req.headers['last-event-id'] ?? 0);
    const after = Number.isFinite(lastId) ? lastId : 0;
    for (const m of this.history) if (m.id > after) this.write(res, m.frame);
    if (this.ended) {
      res.end();
      return;
    }
    this.clients.add(res);
    const forget = () => this.clients.delete(res);
    res.on('close', forget);
    res.on('error', forget);
  }

  private write(res: ServerResponse, frame: string): void {
    if (!res.writableEnded && !res.destroyed) res.write(frame);
  }
}
