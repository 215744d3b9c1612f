// POST is the method no load balancer may retry, so it is the one that shows
// the keep-alive race to the client as a 502.
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const body = await request.text();
  return Response.json({
    method: request.method,
    bytes: Buffer.byteLength(body),
    body,
    variant: process.env.LAB_VARIANT ?? null,
  });
}
