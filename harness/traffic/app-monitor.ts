// Follows one app's connection accounting live: when each response finished
// on each socket (where that socket's idle time starts, on the app's clock)
// and every socket close. The aiming reads it; the analysis reads the closes.
import { parseAppRecords } from '../records/app-records.js';
import type { SocketClosedRecord } from '../model/protocol.js';
import type { Stack } from '../runtime/stack.js';
import type { Variant } from '../scenarios/scenarios.js';

export class AppMonitor {
  private readonly responseEnds = new Map<string, number>();
  readonly closes: SocketClosedRecord[] = [];
  private waiters: Array<() => void> = [];
  private stopFollowing: (() => void) | null = null;

  constructor(readonly variant: Variant) {}

  async start(stack: Pick<Stack, 'followApp'>): Promise<void> {
    this.stopFollowing = await stack.followApp(this.variant, (line) => this.onLine(line));
  }

  /** One line of the app's stdout; anything but a response-finished or socket-closed record is ignored. */
  onLine(line: string): void {
    const [record] = parseAppRecords(line);
    if (record?.lab === 'response-finished') {
      this.responseEnds.set(`${record.socketId}/${record.request}`, record.endMonoMs);
    } else if (record?.lab === 'socket-closed') {
      this.closes.push(record);
    } else {
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  responseEnd(socketId: number, request: number): number | undefined {
    return this.responseEnds.get(`${socketId}/${request}`);
  }

  /** Waits (bounded) until the app has reported the end of every listed response. */
  async waitForResponseEnds(
    keys: Array<{ socketId: number; request: number }>,
    timeoutMs: number,
  ): Promise<Map<string, number>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const missing = keys.filter((k) => this.responseEnd(k.socketId, k.request) === undefined);
      if (missing.length === 0 || Date.now() >= deadline) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const found = new Map<string, number>();
    for (const k of keys) {
      const end = this.responseEnd(k.socketId, k.request);
      if (end !== undefined) found.set(`${k.socketId}/${k.request}`, end);
    }
    return found;
  }

  stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }
}
