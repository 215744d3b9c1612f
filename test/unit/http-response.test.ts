import t from 'tap';
import { parseResponse } from '../../harness/traffic/http-response.js';

t.test('content-length framing, and what follows belongs to the next response', async (t) => {
  const raw = Buffer.from('HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 200');
  const r = parseResponse(raw)!;
  t.equal(r.status, 502);
  t.equal(r.headers.server, 'nginx');
  t.equal(raw.subarray(r.length).toString(), 'HTTP/1.1 200');
});

t.test('chunked framing', async (t) => {
  const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Lab-Socket-Id: 7\r\n\r\n';
  const whole = Buffer.from(`${head}4\r\nabcd\r\n0\r\n\r\n`);
  const r = parseResponse(whole)!;
  t.equal(r.status, 200);
  t.equal(r.headers['x-lab-socket-id'], '7');
  t.equal(r.length, whole.length);
  t.equal(parseResponse(whole.subarray(0, whole.length - 3)), null, 'incomplete body waits for more');
});

t.test('incomplete head waits; garbage is an error', async (t) => {
  t.equal(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nContent-Le')), null);
  t.equal(parseResponse(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')), null);
  t.throws(() => parseResponse(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')), /not an HTTP response/);
});
