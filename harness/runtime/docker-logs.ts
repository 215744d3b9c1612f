// Docker's log endpoint multiplexes stdout and stderr of a non-TTY container
// into frames: 1 byte stream id, 3 zero bytes, 4 bytes big-endian length.
import type { LogStreams } from './stack.js';

export function demuxDockerLogs(buffer: Buffer): LogStreams {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    const length = buffer.readUInt32BE(offset + 4);
    const payload = buffer.subarray(offset + 8, offset + 8 + length);
    (stream === 2 ? err : out).push(payload);
    offset += 8 + length;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
