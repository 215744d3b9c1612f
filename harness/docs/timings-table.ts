// The README's times for its two commands, cold and warm, as scripts/measure.ts
// timed them on a machine of the kind the lab runs on.
import { describeMachine, type Timing } from './measurements.js';

const minutes = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

export function timingsTable(timings: readonly Timing[]): string {
  // Timing the two commands takes a clone of a commit whose docs are generated already: until then, this says so.
  if (timings.length === 0)
    return 'Not timed yet (`scripts/measure.ts time`, kept under `docs/measurements/timings/`).';
  const commands = [...new Set(timings.map((t) => t.command))];
  const at = (command: string, condition: Timing['condition']) => {
    const t = timings.find((x) => x.command === command && x.condition === condition);
    if (t === undefined) return '—';
    const load = t.machine.loadAverage === undefined ? '' : ` (load ${t.machine.loadAverage[2].toFixed(1)})`;
    return `${minutes(t.wallMs)}${t.exitCode === 0 ? '' : ` (exit ${t.exitCode})`}${load}`;
  };
  const machines = [...new Set(timings.map((t) => describeMachine({ ...t.machine, loadAverage: undefined })))];
  const dates = [...new Set(timings.map((t) => t.startedAt.slice(0, 10)))].sort();
  const removed = [...new Set(timings.flatMap((t) => t.removedBefore ?? []))];
  return [
    '| command | cold | warm: run again |',
    '|---|---|---|',
    ...commands.map((c) => `| \`${c}\` | ${at(c, 'cold')} | ${at(c, 'warm')} |`),
    '',
    `Cold: removed just before, ${removed.join('; ')}; the base images stayed (air-gapped substitutes here, ` +
      `pulls elsewhere). Timed ${dates.join(', ')} on ${machines.join('; ')}; in brackets the load average over ` +
      `the 15 min before each was kept (\`docs/measurements/timings/\`).`,
  ].join('\n');
}
