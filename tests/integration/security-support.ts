// Shared by the security suite (authz-matrix, fuzz-*, security-*): who is "signed in" for a server action, the
// Next request APIs the actions touch outside a request, discovery of every server action and route handler, and a
// checksum of every business table to prove that a refusal changed nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createTranslator } from 'next-intl'
import { NextRequest } from 'next/server'
import { loadMessages } from '@/i18n/messages'
import { db } from '@/server/db'
import type { RouteRequest } from './security-inputs'

const srcDir = path.resolve(import.meta.dirname, '../../src')
const appDir = path.join(srcDir, 'app')

/** The next-auth session getServerSession() answers with: a signed JWT's content, or null when signed out. */
export const session: { current: { user: { id: string; sv: number } } | null } = { current: null }

/** Cookies set through next/headers during the test (the language cookie of setLocaleAction). */
export const cookieJar = new Map<string, string>()

export function cookiesStub() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    has: (name: string) => cookieJar.has(name),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  }
}

let english: Promise<(key: string, params?: Record<string, unknown>) => string> | undefined
/** What getTranslations() gives a server action: English messages, as for a browser asking for English. */
export function translations() {
  english ??= loadMessages('en').then((messages) => {
    const t = createTranslator({ locale: 'en', messages })
    return (key: string, params?: Record<string, unknown>) => t(key as never, params as never)
  })
  return english
}

export type ServerAction = (raw: unknown) => Promise<unknown>

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else if (/\.(ts|tsx)$/.test(name)) out.push(full)
  }
  return out
}

const DIRECTIVE_FIRST = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/

/**
 * Every server action: each export of each file under src/actions (where they live) or src/app (where none should)
 * that starts with 'use server', keyed by its path under src. An inline
 * 'use server' (a function-level directive in a component) would escape this list, so it fails discovery instead.
 */
export async function discoverServerActions(): Promise<Map<string, ServerAction>> {
  const actions = new Map<string, ServerAction>()
  for (const file of [...walk(path.join(srcDir, 'actions')), ...walk(appDir)].sort()) {
    const text = readFileSync(file, 'utf8')
    if (!/['"]use server['"]/.test(text)) continue
    const rel = path.relative(srcDir, file)
    if (!DIRECTIVE_FIRST.test(text))
      throw new Error(
        `${rel}: 'use server' inside a file; keep server actions in a 'use server' actions file so the authorization matrix sees them`,
      )
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') actions.set(`${rel}#${name}`, value as ServerAction)
    }
  }
  return actions
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response> | Response

/** Every route handler under src/app (the API and the screens' JSON routes), as "METHOD /path/[param]" (route groups,
 * "(front)", are not part of the URL). */
export async function discoverRoutes(): Promise<Map<string, RouteHandler>> {
  const routes = new Map<string, RouteHandler>()
  for (const file of walk(appDir).sort()) {
    // route.bench.ts: benchmark-only routes, built only with HANDOFF_BENCH=1 (next.config.ts).
    if (!/\/route(\.bench)?\.tsx?$/.test(file)) continue
    const segments = path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      .filter((segment) => !/^\(.*\)$/.test(segment))
    const url = '/' + segments.join('/')
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === 'function') routes.set(`${method} ${url}`, mod[method] as RouteHandler)
    }
  }
  return routes
}

// Columns that record who was seen, not what was done: a token's "last used" moves on every authenticated request.
const IGNORED_COLUMNS = ['lastUsedAt']
// Tables of the same kind: "Throttle" counts every API request and sign-in attempt, refused ones included.
const IGNORED_TABLES = ['Throttle']

let tables: Promise<string[]> | undefined
/** A fingerprint of every row of every table (row count and md5 per table). Equal before and after = nothing changed. */
export async function businessChecksum(): Promise<Record<string, string>> {
  tables ??= db()
    .$queryRawUnsafe<Array<{ t: string }>>(
      `SELECT table_name::text AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
    .then((rows) => rows.map((r) => r.t).filter((t) => !IGNORED_TABLES.includes(t)))
  const names = await tables
  const strip = IGNORED_COLUMNS.map((c) => ` - '${c}'`).join('')
  const sql = names
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(x)${strip})::text, ',' ORDER BY (to_jsonb(x)${strip})::text), '')) AS h FROM "${t}" x`,
    )
    .join(' UNION ALL ')
  const rows = await db().$queryRawUnsafe<Array<{ t: string; n: number; h: string }>>(sql)
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]))
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t])
}

export type Outcome = { ok: true } | { ok: false; code: string }
/** An action's or a route's answer reduced to ok / error code. */
export function outcomeOf(result: unknown): Outcome {
  const r = result as { ok?: boolean; code?: string }
  if (r && r.ok === true) return { ok: true }
  return { ok: false, code: r?.code ?? 'UNKNOWN' }
}

export async function responseOutcome(response: Response): Promise<{ status: number; code?: string; text: string }> {
  // A live stream never ends on its own: what matters is that it was opened (or refused).
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel()
    return { status: response.status, text: '' }
  }
  const text = response.body ? await response.text() : ''
  let code: string | undefined
  try {
    const json = JSON.parse(text) as { error?: { code?: string } | string }
    code = typeof json.error === 'object' ? json.error?.code : json.error
  } catch {
    code = undefined
  }
  return { status: response.status, code, text }
}

// Factories for the vi.mock calls each file of the suite makes (vi.mock is hoisted, so each file names them inline):
//   vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
export async function mockNextAuth(importOriginal: () => Promise<unknown>) {
  const actual = (await importOriginal()) as Record<string, unknown>
  return { ...actual, getServerSession: async () => session.current }
}
export function mockNextIntlServer() {
  return { getTranslations: async () => translations() }
}
export function mockNextCache() {
  return { revalidatePath: () => undefined, revalidateTag: () => undefined }
}
export function mockNextHeaders() {
  return { cookies: async () => cookiesStub(), headers: async () => new Headers() }
}

const requireCjs = createRequire(import.meta.url)
let workStorage: { run<T>(store: unknown, fn: () => T): T } | undefined

/**
 * Call a route handler in-process as Next would, with an optional bearer token (the cookie session is whatever
 * `session.current` says). The sign-in route reads cookies and headers through Next's request storage, which needs
 * Node's AsyncLocalStorage on globalThis before Next loads (see the vi.hoisted block of the files that call it).
 */
export async function invokeRoute(key: string, handler: RouteHandler, req: RouteRequest, token?: string) {
  const headers = new Headers(req.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  let body: string | undefined = req.rawBody
  if (req.body !== undefined) {
    body = JSON.stringify(req.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  const request = new NextRequest(`http://localhost${req.path}`, { method: req.method, headers, body })
  const context = { params: Promise.resolve(req.params ?? {}) }
  let response: Response
  if (key.includes('[...nextauth]')) {
    workStorage ??= (requireCjs('next/dist/server/app-render/work-async-storage.external.js') as { workAsyncStorage: typeof workStorage })
      .workAsyncStorage
    response = await workStorage!.run({ forceStatic: true, route: '/api/auth/[...nextauth]' }, () => handler(request, context))
  } else {
    response = await handler(request, context)
  }
  return responseOutcome(response)
}
