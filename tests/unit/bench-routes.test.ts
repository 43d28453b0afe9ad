// The benchmark-only routes must not ship in a production build: they are named route.bench.ts, which Next routes
// only when next.config.ts adds the `bench.ts` page extension, and it does so only for a build made with
// HANDOFF_BENCH=1 (bench/intake.ts).
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

const benchDir = path.resolve(import.meta.dirname, '../../src/app/api/bench')
const files = readdirSync(benchDir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'))

async function pageExtensions(flag: string | undefined): Promise<string[] | undefined> {
  vi.resetModules()
  vi.stubEnv('HANDOFF_BENCH', flag)
  const config = (await import('../../next.config')).default
  return config.pageExtensions
}

describe('the benchmark routes in a build', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('are all named route.bench.ts, so a build without the flag has no route there', () => {
    const routes = files.filter((f) => /(^|\/)(route|page)\.[^/]+$/.test(f))
    expect(routes.length).toBeGreaterThan(0)
    expect(routes.filter((f) => !f.endsWith('route.bench.ts'))).toEqual([])
  })

  it('are routed only when the build is made with HANDOFF_BENCH=1', async () => {
    for (const flag of [undefined, '', '0', 'true']) expect(await pageExtensions(flag), String(flag)).not.toContain('bench.ts')
    expect(await pageExtensions('1')).toContain('bench.ts')
    // Everything else keeps Next's default extensions.
    expect(await pageExtensions('1')).toEqual(expect.arrayContaining(['tsx', 'ts', 'jsx', 'js']))
  })
})
