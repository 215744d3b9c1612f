import t from 'tap';
import { demuxDockerLogs } from '../../harness/runtime/docker-logs.js';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

t.test('splits stdout and stderr frames in order', async (t) => {
  const logs = demuxDockerLogs(Buffer.concat([frame(1, 'a\n'), frame(2, 'err\n'), frame(1, 'b\n')]));
  t.same(logs, { stdout: 'a\nb\n', stderr: 'err\n' });
});

t.test('a cut final frame keeps what arrived', async (t) => {
  const whole = Buffer.concat([frame(1, 'complete\n'), frame(1, 'cut off here')]);
  t.same(demuxDockerLogs(whole.subarray(0, whole.length - 4)), { stdout: 'complete\ncut off ', stderr: '' });
});
