// First-load JavaScript per route (gzip bytes actually transferred by `next start`), beside the framework's floor:
// a page of the same build with no client component of its own (/developers/api).
// "First load" is what the page's HTML asks for (its <script> tags, preloads and the chunks of the client components
// in its server-rendered payload): what must arrive before the page hydrates, Next's own definition of first-load JS
// (.next*/diagnostics/route-bundle-stats.json). Code a page deliberately loads after hydration (a dynamic import(),
// e.g. the KPI charts' recharts, or next/dynamic with ssr: false) is measured too and reported beside it: everything
// the browser fetched until the network was idle.
// Run: npm run bench:frontend   (builds into .next-perf; BENCH_SKIP_BUILD=1 reuses it; BENCH_RUNS=3)
// Budget: the intake page ≤ 60 kB gzip above the floor, every other page less than the intake page.
import { chromium } from '@playwright/test'
import { startAppServer } from './lib/app-server'
import { median, printTable, writeResult, type Row } from './lib/report'

process.env.NEXT_DIST_DIR ??= '.next-perf'
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres'

const ROUTES: Array<{ path: string; as?: string; label: string }> = [
  { path: '/developers/api', label: 'floor: no client component' },
  { path: '/login', label: 'login' },
  { path: '/front', as: 'reception@example.com', label: 'counter: today' },
  { path: '/front/orders/new', as: 'reception@example.com', label: 'counter: intake' },
  { path: '/front/desk', as: 'reception@example.com', label: 'counter: desk' },
  { path: '/back', as: 'backoffice@example.com', label: 'workshop: queue' },
  { path: '/back/billing', as: 'backoffice@example.com', label: 'workshop: billing' },
  { path: '/manager', as: 'manager@example.com', label: 'manager: overview' },
  { path: '/manager/kpis', as: 'manager@example.com', label: 'manager: KPIs' },
  { path: '/manager/team', as: 'manager@example.com', label: 'manager: skills matrix' },
]
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const INTAKE_BUDGET_KB = 60

const server = await startAppServer({ port: Number(process.env.BENCH_PORT ?? 3350), build: process.env.BENCH_SKIP_BUILD !== '1' })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
})
try {
  const measured: Array<{
    label: string
    path: string
    status: number
    kb: number
    scripts: number
    totalKb: number
    totalScripts: number
  }> = []
  for (const route of ROUTES) {
    const samples: number[] = []
    const totals: number[] = []
    let status = 0
    let scripts = 0
    let totalScripts = 0
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext()
      if (route.as) await context.addCookies([{ ...(await server.sessionCookie(route.as)), httpOnly: true, sameSite: 'Lax' }])
      const page = await context.newPage()
      const sizes: Array<Promise<{ path: string; bytes: number }>> = []
      page.on('requestfinished', (request) => {
        if (request.resourceType() === 'script')
          sizes.push(request.sizes().then((s) => ({ path: new URL(request.url()).pathname, bytes: s.responseBodySize })))
      })
      const response = await page.goto(`${server.baseURL}${route.path}`, { waitUntil: 'networkidle' })
      status = response?.status() ?? 0
      // Every script path the document names (attributes, preloads, the flight data's client-reference chunk lists).
      const named = new Set(((await response?.text()) ?? '').match(/\/_next\/static\/[^"'\s\\]+?\.js/g) ?? [])
      const all = await Promise.all(sizes)
      const first = all.filter((s) => named.has(s.path))
      scripts = first.length
      totalScripts = all.length
      samples.push(first.reduce((a, b) => a + b.bytes, 0))
      totals.push(all.reduce((a, b) => a + b.bytes, 0))
      await context.close()
    }
    measured.push({
      label: route.label,
      path: route.path,
      status,
      kb: median(samples) / 1024,
      scripts,
      totalKb: median(totals) / 1024,
      totalScripts,
    })
  }
  const floor = measured[0]!.kb
  const intake = measured.find((r) => r.path === '/front/orders/new')!
  const rows: Row[] = measured.map((r) => {
    const above = r.kb - floor
    const budget = r === measured[0] ? undefined : r === intake ? `≤ ${INTAKE_BUDGET_KB} kB above floor` : '< intake'
    const pass = r === measured[0] ? undefined : r === intake ? above <= INTAKE_BUDGET_KB : above < intake.kb - floor
    return {
      metric: `${r.path} (${r.label}${r.status === 200 ? '' : `, HTTP ${r.status}`})`,
      value: r.kb,
      unit: 'kB',
      baseline: { label: 'floor', value: floor },
      ratio: r.kb / floor,
      budget,
      pass,
      note: `${above >= 0 ? '+' : ''}${above.toFixed(1)} kB, ${r.scripts} scripts${r.totalKb - r.kb >= 0.05 ? `; ${(r.totalKb - r.kb).toFixed(1)} kB in ${r.totalScripts - r.scripts} more loaded later, ${r.totalKb.toFixed(1)} kB by network idle` : ''}`,
    }
  })
  printTable(`First-load JS (gzip, median of ${RUNS}), floor = ${floor.toFixed(1)} kB`, rows)
  writeResult('frontend', { runs: RUNS, floorKb: floor, routes: measured, rows })
} finally {
  await browser.close()
  await server.stop()
}
