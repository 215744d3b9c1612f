// Rendered on every request: the lab measures the server's connections,
// so a cached page served from a CDN-like layer would hide nothing useful.
export const dynamic = 'force-dynamic';

export default function Home() {
  const renderedAt = new Date().toISOString();
  return (
    <main>
      <h1>keepalive-lab</h1>
      <p>Server-rendered at {renderedAt} by the {process.env.LAB_VARIANT ?? 'unnamed'} variant.</p>
    </main>
  );
}
