// One tolerant reader for every JSON-lines source the lab reads (the app's
// accounting, nginx's access log): output mixes JSON with other lines, and a
// crash or a kill can cut the last line. Neither is a reason to lose the rest.

/** Each line of `text` that parses as a JSON object, in order; other lines are skipped. */
export function readJsonLines(text: string): object[] {
  const objects: object[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) objects.push(value);
    } catch {
      // a torn or foreign line
    }
  }
  return objects;
}
