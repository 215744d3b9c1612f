// The lab's tree has a lockfile of its own one level up; pin the roots so Next
// traces and bundles this app only, and standalone output lands at
// .next/standalone/server.js rather than under a nested path.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  outputFileTracingRoot: appDir,
  turbopack: { root: appDir },
  // The custom server mode (lab/custom-server.cjs) calls `next()` itself.
  outputFileTracingIncludes: { '/*': ['./node_modules/next/dist/server/next.js'] },
  poweredByHeader: false,
};

export default nextConfig;
