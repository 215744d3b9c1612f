// Reads the app's connection accounting: one JSON line per closed socket,
// written by app/lab/connection-accounting.cjs among the app's other output.

export interface SocketClosedRecord {
  lab: 'socket-closed';
  variant: string | null;
  pid: number;
  socketId: number;
  remote: string;
  requests: number;
  acceptedAtMonoMs: number;
  lastResponseEndMonoMs: number | null;
  closedAtMonoMs: number;
  idleMs: number;
  closedBy: 'app' | 'peer' | 'reset';
  reason: string;
  keepAliveTimeoutMs: number | null;
  headersTimeoutMs: number | null;
}

export function parseSocketClosedRecords(output: string): SocketClosedRecord[] {
  const records: SocketClosedRecord[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{"lab":"socket-closed"')) continue;
    try {
      records.push(JSON.parse(line) as SocketClosedRecord);
    } catch {
      // A line cut by a crash is not a record; the rest still count.
    }
  }
  return records;
}
