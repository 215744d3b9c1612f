// A loopback port nothing listens on: the OS picks one, the test gets it back.
// For tests that start their own servers (or check ports) beside a lab that
// may be running on the lab's own ports.
import net from 'node:net';

/** A free port on 127.0.0.1 (taken, then given back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
