// First-load JavaScript per route (gzip bytes actually transferred by `next start`), beside the framework's floor:
// a page of the same build with no client component of its own (/developers/api).
// Run: npm run bench:frontend   (builds the app; set BENCH_SKIP_BUILD=1 to reuse .next)
import { chromium } from '@playwright/test'
import { median, startAppServer } from './lib/app-server'

const ROUTES: Array<{ path: string; as?: string; label: string }> = [
  { path: '/developers/api', label: 'floor: no client component' },
  { path: '/login', label: 'login' },
  { path: '/front', as: 'reception@example.com', label: 'counter: today' },
  { path: '/front/new', as: 'reception@example.com', label: 'counter: intake' },
  { path: '/front/desk', as: 'reception@example.com', label: 'counter: desk' },
  { path: '/back', as: 'backoffice@example.com', label: 'workshop: queue' },
  { path: '/back/billing', as: 'backoffice@example.com', label: 'workshop: billing' },
  { path: '/manager', as: 'manager@example.com', label: 'manager: overview' },
  { path: '/manager/kpis', as: 'manager@example.com', label: 'manager: KPIs' },
]
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

const server = await startAppServer({ build: process.env.BENCH_SKIP_BUILD !== '1' })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
})
try {
  const rows: Array<{ label: string; path: string; status: number; kb: number }> = []
  for (const route of ROUTES) {
    const samples: number[] = []
    let status = 0
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      if (route.as) await context.addCookies([{ ...(await server.sessionCookie(route.as)), httpOnly: true, sameSite: 'Lax' }])
      const page = await context.newPage()
      const sizes: Promise<number>[] = []
      page.on('requestfinished', (request) => {
        if (request.resourceType() === 'script') sizes.push(request.sizes().then((s) => s.responseBodySize))
      })
      const response = await page.goto(`${server.baseURL}${route.path}`, { waitUntil: 'networkidle' })
      status = response?.status() ?? 0
      samples.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0))
      await context.close()
    }
    rows.push({ label: route.label, path: route.path, status, kb: median(samples) / 1024 })
  }
  const floor = rows[0]!.kb
  console.log(`\nFirst-load JS (gzip, median of ${RUNS}), floor = ${floor.toFixed(1)} kB\n`)
  console.log('route'.padEnd(22), 'label'.padEnd(28), 'status', '   kB', ' +floor')
  for (const r of rows) console.log(r.path.padEnd(22), r.label.padEnd(28), String(r.status).padStart(6), r.kb.toFixed(1).padStart(6), `${r.kb - floor >= 0 ? '+' : ''}${(r.kb - floor).toFixed(1)}`.padStart(7))
} finally {
  await browser.close()
  await server.stop()
}
