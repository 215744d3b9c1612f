export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({
    status: 'ok',
    variant: process.env.LAB_VARIANT ?? null,
    serverMode: process.env.LAB_SERVER_MODE ?? 'standalone',
  });
}
