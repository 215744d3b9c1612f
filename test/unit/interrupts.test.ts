// One interrupt, one clean stop (harness/cli/interrupts.ts): a group signal that
// reaches the lab twice, 32 ms apart as tsx's CLI relays it, stops the run once
// and never forces; only a later, deliberate second interrupt forces.
import t from 'tap';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DUPLICATE_SIGNAL_WINDOW_MS, interruptAction, onInterrupts } from '../../harness/cli/interrupts.js';

/** The relay's echo as measured: the lab heard the second SIGINT 32 ms after the first. */
const RELAY_ECHO_MS = 32;

t.test('the rule: the first stops, its echo is ignored, a later one forces', async (t) => {
  t.equal(interruptAction(null, 5_000), 'stop');
  t.equal(interruptAction(5_000, 5_000 + RELAY_ECHO_MS), 'duplicate', "tsx's relay, 32 ms later");
  t.equal(interruptAction(5_000, 5_000), 'duplicate', 'npm forwarding it at once');
  t.equal(interruptAction(5_000, 5_000 + DUPLICATE_SIGNAL_WINDOW_MS - 1), 'duplicate');
  t.equal(interruptAction(5_000, 5_000 + DUPLICATE_SIGNAL_WINDOW_MS), 'force', 'pressed again on purpose');
});

/** Signals on an emitter, at the times a fake clock says. */
function harness() {
  const source = new EventEmitter();
  let now = 0;
  const calls: string[] = [];
  const stopListening = onInterrupts(
    { stop: (s) => calls.push(`stop ${s}`), force: (s) => calls.push(`force ${s}`) },
    { source, nowMs: () => now },
  );
  const send = (signal: NodeJS.Signals, atMs: number) => {
    now = atMs;
    source.emit(signal, signal);
  };
  return { source, calls, send, stopListening };
}

t.test('a group SIGINT heard twice, 32 ms apart: one stop, no force', async (t) => {
  const { calls, send } = harness();
  send('SIGINT', 45_000);
  send('SIGINT', 45_000 + RELAY_ECHO_MS);
  t.same(calls, ['stop SIGINT']);
});

t.test('a deliberate second interrupt, seconds later, forces (SIGINT or SIGTERM alike)', async (t) => {
  const { calls, send } = harness();
  send('SIGTERM', 1_000);
  send('SIGINT', 1_000 + RELAY_ECHO_MS);
  send('SIGINT', 3_500);
  t.same(calls, ['stop SIGTERM', 'force SIGINT']);
});

t.test('stops listening when asked', async (t) => {
  const { source, stopListening } = harness();
  t.equal(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM'), 2);
  stopListening();
  t.equal(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM'), 0);
});

t.test('a real process sent SIGINT twice, 32 ms apart, stops once and exits by itself', async (t) => {
  const modulePath = fileURLToPath(new URL('../../harness/cli/interrupts.ts', import.meta.url));
  // Exits 0 after its "teardown"; a force would exit 130 first.
  const script = `
    import { onInterrupts } from ${JSON.stringify(modulePath)};
    onInterrupts({
      stop: () => { console.log('stop'); setTimeout(() => process.exit(0), 200); },
      force: () => { console.log('force'); process.exit(130); },
    });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  let stdout = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('ready')) resolve();
    }),
  );
  await Promise.race([ready, exited]);
  child.kill('SIGINT');
  setTimeout(() => child.kill('SIGINT'), RELAY_ECHO_MS);
  const code = await exited;
  clearTimeout(killer);
  t.equal(code, 0, 'the run tore down and exited by itself, not forced');
  t.same(stdout.trim().split('\n'), ['ready', 'stop']);
});
