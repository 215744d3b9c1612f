// A cell's failures as the client saw them, counted one way for every reader
// (the verdict's invariants, the report, the live page, compare).

/** What the client saw fail, by kind (a cell's evidence carries these counts). */
export interface ClientFailureCounts {
  status502: number;
  status503: number;
  status504: number;
  emptyReply: number;
  reset: number;
}

/** Every failure the client saw: the gateway statuses, empty replies and resets. */
export function failuresSeen(e: ClientFailureCounts): number {
  return e.status502 + e.status503 + e.status504 + e.emptyReply + e.reset;
}
