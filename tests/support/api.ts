// Call /api/v1 route handlers in-process, as Next would, with a real token.
import { randomBytes } from 'node:crypto'
import type { Actor } from '@/server/auth/actor'
import { createApiToken } from '@/server/api-tokens/create-api-token'
import { derivedKey } from '@/server/api/idempotency'
import { RateLimiter } from '@/server/api/rate-limit'
import { db } from '@/server/db'
import { makeActor } from './factories'
import { fixedRateCategoryId } from '@/server/seed/factories'

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>

let manager: Promise<Actor> | undefined
export async function tokenFor(userId: string): Promise<string> {
  manager ??= makeActor({ homeRole: 'MANAGER' })
  return (await createApiToken(await manager, { userId, name: 'test' })).token
}

export interface CallResult {
  status: number
  headers: Headers
  json: unknown
  /** The body exactly as sent (replays must match byte for byte). */
  text: string
}

export async function call(
  handler: Handler,
  options: {
    method?: string
    path?: string
    token?: string | null
    body?: unknown
    rawBody?: string
    headers?: Record<string, string>
    params?: Record<string, string>
  } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const method = options.method ?? (body === undefined ? 'GET' : 'POST')
  const request = new Request(`http://localhost${options.path ?? '/api/v1/x'}`, { method, headers, body })
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null, text }
}

export interface PostOptions {
  /** Defaults to the action's token; null sends none. */
  token?: string | null
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
  /** Sent as the Idempotency-Key header. */
  key?: string
}

/** POST /api/v1/orders/{id}/<action> (fulfillment, invoices, payments) through `handler`, as `defaultToken()` unless
 * the call names another token. */
export function orderAction(handler: Handler, action: string, defaultToken: () => string) {
  return (id: string, o: PostOptions = {}) =>
    call(handler, {
      method: 'POST',
      path: `/api/v1/orders/${id}/${action}`,
      params: { id },
      token: o.token === undefined ? defaultToken() : o.token,
      body: o.body,
      rawBody: o.rawBody,
      headers: { ...o.headers, ...(o.key === undefined ? {} : { 'idempotency-key': o.key }) },
    })
}

/** The stored record of a person's Idempotency-Key. */
export function idempotencyRecord(userId: string, key: string) {
  return db().idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } })
}

/** The key a rerunnable use case (createOrder) got for a person's Idempotency-Key, as it is bound now. */
export async function operationKeyOf(userId: string, key: string): Promise<string> {
  const record = await idempotencyRecord(userId, key)
  if (!record) throw new Error(`no idempotency record for ${key}`)
  return derivedKey(userId, key, record.createdAt)
}

/** The error code of an error response (undefined for a success). */
export function errorCode(res: CallResult): string | undefined {
  return (res.json as { error?: { code?: string } } | null)?.error?.code
}

/** The fields named in a 422 response. */
export function errorFields(res: CallResult): string[] {
  return Object.keys((res.json as { error?: { fields?: object } } | null)?.error?.fields ?? {}).sort()
}

/** A JSON body just over the 64 KiB limit (what is inside does not matter: it is refused before parsing). */
export const OVERSIZED_BODY = JSON.stringify({ notes: 'x'.repeat(70 * 1024) })

/** Run `fn` with a tight rate limit (capacity requests, refilled very slowly), then restore the real limiter. */
export async function withRateLimit<T>(capacity: number, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as unknown as { handoffApiLimiter?: RateLimiter }
  const previous = g.handoffApiLimiter
  g.handoffApiLimiter = new RateLimiter(capacity, 0.01)
  try {
    return await fn()
  } finally {
    g.handoffApiLimiter = previous
  }
}

export async function makeProduct(overrides: { unitPrice?: number; taxRateBp?: number; active?: boolean } = {}) {
  const sku = `API-${randomBytes(4).toString('hex').toUpperCase()}`
  const taxRateBp = overrides.taxRateBp ?? 800
  const product = await db().product.create({
    data: {
      sku,
      name: `API product ${sku}`,
      unitPrice: overrides.unitPrice ?? 2_500,
      taxCategoryId: await fixedRateCategoryId(taxRateBp),
      active: overrides.active ?? true,
    },
  })
  return { ...product, taxRateBp }
}
