// Lighthouse performance and accessibility for the login page, the intake, the back-office queue and the manager's
// overview, on the production build, with Debian's Chromium. Lighthouse is run on demand in the version pinned below
// (the last that runs on Node 20), not installed as a dependency: `npm exec --package=lighthouse@12.8.2`.
// Signed-in pages get the session cookie through --extra-headers. Desktop preset (the counter and the workshop use
// desktop screens); mobile emulation with BENCH_LH_MOBILE=1. Baseline in the same run: the floor page of
// bench/frontend.ts (/developers/api, no client component).
//
// Run: npm run bench:lighthouse   (builds into .next-perf; BENCH_SKIP_BUILD=1 reuses it; BENCH_RUNS=3)
// Budget: ≥ 95 for both categories on every page.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startAppServer } from './lib/app-server'
import { loadNote, median, printTable, writeResult, type Row } from './lib/report'

process.env.NEXT_DIST_DIR ??= '.next-perf'
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres'
const LIGHTHOUSE = 'lighthouse@12.8.2'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const PORT = Number(process.env.BENCH_PORT ?? 3360)

const PAGES: Array<{ path: string; as?: string; label: string }> = [
  { path: '/developers/api', label: 'floor: no client component' },
  { path: '/login', label: 'login' },
  { path: '/front/orders/new', as: 'reception@example.com', label: 'intake' },
  { path: '/back', as: 'backoffice@example.com', label: 'queue' },
  { path: '/manager', as: 'manager@example.com', label: 'manager overview' },
]

interface Audit {
  id: string
  title: string
  score: number | null
  details?: { type?: string; overallSavingsMs?: number }
  displayValue?: string
}
interface Report {
  categories: Record<string, { score: number }>
  audits: Record<string, Audit>
}

const server = await startAppServer({ port: PORT, build: process.env.BENCH_SKIP_BUILD !== '1' })
const dir = mkdtempSync(path.join(tmpdir(), 'handoff-lighthouse-'))
try {
  const results: Array<{
    path: string
    label: string
    performance: number
    accessibility: number
    runs: Array<{ performance: number; accessibility: number }>
    opportunities: string[]
    failedA11y: string[]
    metrics: Record<string, string>
  }> = []
  for (const p of PAGES) {
    const runs: Array<{ performance: number; accessibility: number }> = []
    let last: Report | undefined
    for (let run = 0; run < RUNS; run++) {
      const headers = path.join(dir, 'headers.json')
      if (p.as) {
        const cookie = await server.sessionCookie(p.as)
        writeFileSync(headers, JSON.stringify({ Cookie: `${cookie.name}=${cookie.value}` }))
      } else writeFileSync(headers, '{}')
      const out = path.join(dir, `report-${run}.json`)
      const args = [
        'exec',
        '--yes',
        `--package=${LIGHTHOUSE}`,
        '--',
        'lighthouse',
        `${server.baseURL}${p.path}`,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        `--extra-headers=${headers}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic',
        ...(process.env.BENCH_LH_MOBILE === '1' ? [] : ['--preset=desktop']),
      ]
      const lighthouse = () =>
        spawnSync('npm', args, {
          encoding: 'utf8',
          env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
          timeout: 300_000,
        })
      let result = lighthouse()
      // Lighthouse 12.8 with Debian's Chromium sometimes loses the trace (NO_NAVSTART, "Please run Lighthouse again", about
      // one run in ten here): that run measured nothing, so it is run again (twice at most) instead of ending the bench.
      for (let retry = 0; retry < 2 && result.status !== 0 && result.stderr.includes('Please run Lighthouse again'); retry++) {
        console.log(`[bench:lighthouse] ${p.path} run ${run + 1}: Lighthouse lost the trace, running it again`)
        result = lighthouse()
      }
      if (result.status !== 0) throw new Error(`lighthouse failed on ${p.path}: ${result.stderr.slice(-2000)}`)
      last = JSON.parse(readFileSync(out, 'utf8')) as Report
      runs.push({
        performance: Math.round(last.categories.performance!.score * 100),
        accessibility: Math.round(last.categories.accessibility!.score * 100),
      })
      console.log(
        `[bench:lighthouse] ${p.path} run ${run + 1}: performance ${runs.at(-1)!.performance}, accessibility ${runs.at(-1)!.accessibility} (${loadNote()})`,
      )
    }
    const audits = Object.values(last!.audits)
    const opportunities = audits
      .filter((a) => a.score !== null && a.score < 0.9 && a.details?.type === 'opportunity')
      .sort((a, b) => (b.details?.overallSavingsMs ?? 0) - (a.details?.overallSavingsMs ?? 0))
      .slice(0, 5)
      .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`)
    const failedA11y = audits
      .filter(
        (a) =>
          a.score === 0 &&
          [
            'color-contrast',
            'label',
            'button-name',
            'link-name',
            'image-alt',
            'heading-order',
            'aria-allowed-attr',
            'document-title',
            'html-has-lang',
            'list',
            'listitem',
            'landmark-one-main',
            'target-size',
            'label-content-name-mismatch',
            'aria-prohibited-attr',
          ].includes(a.id),
      )
      .map((a) => a.title)
    const metric = (id: string) => last!.audits[id]?.displayValue ?? '—'
    results.push({
      path: p.path,
      label: p.label,
      performance: median(runs.map((r) => r.performance)),
      accessibility: median(runs.map((r) => r.accessibility)),
      runs,
      opportunities,
      failedA11y,
      metrics: {
        FCP: metric('first-contentful-paint'),
        LCP: metric('largest-contentful-paint'),
        TBT: metric('total-blocking-time'),
        CLS: metric('cumulative-layout-shift'),
        SI: metric('speed-index'),
      },
    })
  }
  const floor = results[0]!
  const rows: Row[] = results.flatMap((r) => [
    {
      metric: `${r.path} (${r.label}) performance`,
      value: r.performance,
      unit: '',
      baseline: { label: 'floor page', value: floor.performance },
      ratio: r.performance / floor.performance,
      budget: '≥ 95',
      pass: r.performance >= 95,
      note: Object.entries(r.metrics)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    },
    {
      metric: `${r.path} (${r.label}) accessibility`,
      value: r.accessibility,
      unit: '',
      baseline: { label: 'floor page', value: floor.accessibility },
      ratio: r.accessibility / floor.accessibility,
      budget: '≥ 95',
      pass: r.accessibility >= 95,
      note: r.failedA11y.join('; ') || undefined,
    },
  ])
  printTable(
    `Lighthouse ${LIGHTHOUSE.split('@')[1]} (${process.env.BENCH_LH_MOBILE === '1' ? 'mobile' : 'desktop'} preset), median of ${RUNS}`,
    rows,
  )
  for (const r of results.filter((x) => x.opportunities.length > 0))
    console.log(`\n${r.path}: top opportunities — ${r.opportunities.join('; ')}`)
  writeResult('lighthouse', {
    lighthouse: LIGHTHOUSE,
    preset: process.env.BENCH_LH_MOBILE === '1' ? 'mobile' : 'desktop',
    runs: RUNS,
    rows,
    results,
  })
} finally {
  rmSync(dir, { recursive: true, force: true })
  await server.stop()
}
