import 'server-only'
import { createTranslator } from 'next-intl'
import type { z } from 'zod'
import { HTTP_STATUS, type ErrorCode } from '@/domain/errors'
import { loadMessages } from '@/i18n/messages'
import { fieldIssues } from '@/lib/validation'
import type { Actor } from '../auth/actor'
import { toKnownFailure } from '../errors'
import { authenticateBearer } from './authenticate'
import { apiLimiter } from './rate-limit'

export const MAX_BODY_BYTES = 64 * 1024

export type ApiErrorCode = ErrorCode | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL' | 'UNAVAILABLE'
const STATUS: Record<ApiErrorCode, number> = { ...HTTP_STATUS, BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413, INTERNAL: 500, UNAVAILABLE: 503 }

let translator: Promise<(key: string, params?: Record<string, string | number>) => string> | undefined
async function english() {
  translator ??= loadMessages('en').then((messages) => {
    const t = createTranslator({ locale: 'en', messages })
    return (key: string, params?: Record<string, string | number>) => {
      try {
        return t(key as never, params as never)
      } catch {
        return key
      }
    }
  })
  return translator
}

export function apiError(code: ApiErrorCode, message: string, extra: { fields?: Record<string, string[]>; ref?: string; headers?: Record<string, string> } = {}): Response {
  const body = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}), ...(extra.ref ? { ref: extra.ref } : {}) } }
  return Response.json(body, { status: STATUS[code], headers: extra.headers })
}

export interface ApiContext<Q, B> {
  actor: Actor
  tokenId: string
  query: Q
  body: B
  params: Record<string, string>
  request: Request
}

type RouteContext = { params: Promise<Record<string, string | string[]>> }

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get('content-length') ?? '0')
  if (length > MAX_BODY_BYTES) return { ok: false, response: apiError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`) }
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: apiError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`) }
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: apiError('BAD_REQUEST', 'Send the body as JSON with Content-Type: application/json.') }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, response: apiError('BAD_REQUEST', 'The body is not valid JSON.') }
  }
}

async function validation(error: z.ZodError): Promise<Response> {
  const t = await english()
  const fields: Record<string, string[]> = {}
  for (const [path, refs] of Object.entries(fieldIssues(error))) fields[path || '_'] = refs.map((r) => t(r.key, r.params))
  return apiError('INVALID', 'The request has invalid fields.', { fields })
}

/**
 * One wrapper for every /api/v1 route: bearer token -> rate limit -> size-limited JSON body and query parsed with
 * the shared zod schemas -> use case (which checks the permission itself) -> JSON, or the error contract
 * `{ error: { code, message, fields? } }` with the right status. Nothing unexpected leaks: no stack, no SQL.
 */
export function apiRoute<QS extends z.ZodType | undefined, BS extends z.ZodType | undefined, R>(
  spec: { query?: QS; body?: BS; status?: number },
  fn: (ctx: ApiContext<QS extends z.ZodType ? z.output<QS> : undefined, BS extends z.ZodType ? z.output<BS> : undefined>) => Promise<R | Response>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const auth = await authenticateBearer(request.headers.get('authorization'))
      if (!auth) return apiError('UNAUTHENTICATED', 'Send a valid API token: Authorization: Bearer <token>.', { headers: { 'WWW-Authenticate': 'Bearer' } })
      const wait = apiLimiter().take(auth.tokenId)
      if (wait !== null) return apiError('RATE_LIMITED', 'Too many requests for this token.', { headers: { 'Retry-After': String(wait) } })
      const rawParams = await context.params
      const params = Object.fromEntries(Object.entries(rawParams ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]))
      let query: unknown
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
        if (!parsed.success) return validation(parsed.error)
        query = parsed.data
      }
      let body: unknown
      if (spec.body) {
        const json = await readJson(request)
        if (!json.ok) return json.response
        const parsed = spec.body.safeParse(json.value)
        if (!parsed.success) return validation(parsed.error)
        body = parsed.data
      }
      const result = await fn({ actor: auth.actor, tokenId: auth.tokenId, query, body, params, request } as never)
      if (result instanceof Response) return result
      return Response.json(result, { status: spec.status ?? 200 })
    } catch (error) {
      const failure = toKnownFailure(error, `api ${request.method} ${new URL(request.url).pathname}`)
      const t = await english()
      return apiError(failure.code, t(failure.messageKey, failure.params), {
        fields: failure.field ? { [failure.field]: [t(failure.messageKey, failure.params)] } : undefined,
        ref: failure.ref,
      })
    }
  }
}
