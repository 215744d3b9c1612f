// Rendered on every request: the lab measures the server's connections,
// so a cached page served from a CDN-like layer would hide nothing useful.
export const dynamic = 'force-dynamic';

export default function Home() {
  const variant = process.env.LAB_VARIANT ?? 'unnamed';
  // One string, so the HTML carries the sentence whole (tests read it).
  const line = `Server-rendered at ${new Date().toISOString()} by the ${variant} variant.`;
  return (
    <main>
      <h1>keepalive-lab</h1>
      <p>{line}</p>
    </main>
  );
}
