// Just enough of an HTTP/1.1 response parser for the LB's answers: status,
// headers, and a body framed by Content-Length or chunked encoding.

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  /** Bytes of this response, so the rest of the buffer belongs to the next one. */
  length: number;
}

/** Returns the first complete response in `buf`, or null if more bytes are needed. */
export function parseResponse(buf: Buffer): ParsedResponse | null {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return null;
  const lines = buf.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(lines[0].slice(0, 60))}`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let offset = headEnd + 4;
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', offset);
      if (lineEnd < 0) return null;
      const size = parseInt(buf.subarray(offset, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) throw new Error('bad chunk size');
      offset = lineEnd + 2 + size + 2;
      if (offset > buf.length) return null;
      if (size === 0) break;
    }
  } else {
    offset += Number(headers['content-length'] ?? 0);
    if (offset > buf.length) return null;
  }
  return { status: Number(status[1]), headers, length: offset };
}
