import 'server-only'
import { createTranslator } from 'next-intl'
import type { z } from 'zod'
import { HTTP_STATUS, isDomainError, type ErrorCode } from '@/domain/errors'
import { callerTasks, type Caller } from '@/domain/permissions'
import { apiErrorBody, type ApiErrorExtra } from '@/lib/api-error'
import { IDEMPOTENCY_KEY_PATTERN } from '@/lib/schemas/api'
import { loadMessages } from '@/i18n/messages'
import { unstorableTextPath } from '@/lib/safe-input'
import { fieldIssues } from '@/lib/validation'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { messageFormats, toKnownFailure } from '../errors'
import { authenticateBearer } from './authenticate'
import { idempotent, type StoredResponse } from './idempotency'
import { apiLimiter } from './rate-limit'

export const MAX_BODY_BYTES = 64 * 1024

export type ApiErrorCode = ErrorCode | 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL' | 'UNAVAILABLE'
const STATUS: Record<ApiErrorCode, number> = { ...HTTP_STATUS, BAD_REQUEST: 400, PAYLOAD_TOO_LARGE: 413, INTERNAL: 500, UNAVAILABLE: 503 }

let translator:
  Promise<(key: string, params?: Record<string, string | number>, formats?: ReturnType<typeof messageFormats>) => string> | undefined
async function english() {
  translator ??= loadMessages('en').then((messages) => {
    const t = createTranslator({ locale: 'en', messages })
    return (key: string, params?: Record<string, string | number>, formats?: ReturnType<typeof messageFormats>) => {
      try {
        return t(key as never, params as never, formats)
      } catch {
        return key
      }
    }
  })
  return translator
}

export function apiError(code: ApiErrorCode, message: string, extra: ApiErrorExtra & { headers?: Record<string, string> } = {}): Response {
  return Response.json(apiErrorBody(code, message, extra), { status: STATUS[code], headers: extra.headers })
}

/** A response remembered under an Idempotency-Key, sent again exactly (same status, same bytes). */
export function storedResponse(stored: StoredResponse, headers: Record<string, string> = {}): Response {
  return new Response(stored.json, {
    status: stored.status,
    headers: { 'content-type': 'application/json', ...headers, ...(stored.replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
  })
}

export interface ApiContext<Q, B, P> {
  actor: Actor
  tokenId: string
  query: Q
  body: B
  params: P
  /** The Idempotency-Key header, when the route takes one and it was sent (validated; otherwise ''). */
  idempotencyKey: string
  /** With an Idempotency-Key: the key a rerunnable use case is idempotent on (one per person, key and binding, see
   * idempotency.ts); otherwise ''. */
  operationKey: string
  request: Request
}

type RouteContext = { params: Promise<Record<string, string | string[]>> }

async function readJson(request: Request, optional: boolean): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const length = Number(request.headers.get('content-length') ?? '0')
  if (length > MAX_BODY_BYTES)
    return { ok: false, response: apiError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`) }
  let text: string
  try {
    text = await request.text()
  } catch {
    // Reading the body fails only when the client hangs up mid-request (ECONNRESET, "aborted"): its mistake or its
    // network's, and nobody is left to read the answer — not an internal failure to log and investigate.
    return {
      ok: false,
      response: apiError('BAD_REQUEST', 'The request body could not be read: the connection closed before it was complete.'),
    }
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return { ok: false, response: apiError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`) }
  // An operation whose body fields are all optional may be sent without a body at all.
  if (optional && text.trim() === '') return { ok: true, value: {} }
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, response: apiError('BAD_REQUEST', 'Send the body as JSON with Content-Type: application/json.') }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, response: apiError('BAD_REQUEST', 'The body is not valid JSON.') }
  }
  // NUL and lone surrogates ("\ud800") cannot be stored by PostgreSQL: refused here as a field error, not a 500 later.
  const unstorable = unstorableTextPath(value)
  if (unstorable !== null) {
    const t = await english()
    return {
      ok: false,
      response: apiError('INVALID', 'The request has invalid fields.', { fields: { [unstorable || '_']: [t('validation.invalid')] } }),
    }
  }
  return { ok: true, value }
}

/** A zod failure as the error contract: 422 INVALID with the English message of each field. */
export async function validation(error: z.ZodError): Promise<Response> {
  const t = await english()
  const fields: Record<string, string[]> = {}
  for (const [path, refs] of Object.entries(fieldIssues(error))) fields[path || '_'] = refs.map((r) => t(r.key, r.params))
  return apiError('INVALID', 'The request has invalid fields.', { fields })
}

export interface ApiRouteSpec<QS, BS, PS, R> {
  /** Who may call: the use case's own declaration (`xUseCase.tasks`), any one of its tasks, checked before anything is
   * parsed (the use case checks it again). */
  tasks?: Caller
  /** Path parameters: one that does not fit (e.g. a malformed id) is 404, like an unknown one. */
  params?: PS
  query?: QS
  body?: BS
  /** All body fields are optional: an empty body reads as {}. */
  bodyOptional?: boolean
  /** The route takes an `Idempotency-Key` header: 'required' (400 without a valid one) or 'optional' (400 for an
   * invalid one). With a key, the response is stored and a retry with the same key and request gets it again, and
   * the use case runs at most once in effect (src/server/api/idempotency.ts). */
  idempotencyKey?: 'required' | 'optional'
  /** The use case is itself idempotent on `ctx.operationKey`, so concurrent duplicates and retries after a crash may
   * run it again (createOrder). Otherwise only one request of a key runs it and the others wait for its response. */
  rerunnable?: boolean
  /** Headers derived from the response body, on replays too (e.g. Location). */
  headers?: (body: R) => Record<string, string>
  status?: number
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined

/**
 * One wrapper for every /api/v1 route: bearer token -> rate limit -> the route's task -> path parameters ->
 * Idempotency-Key -> size-limited JSON body and query parsed with the shared zod schemas -> use case (which checks
 * its permission again) -> JSON, or the error contract `{ error: { code, message, fields? } }` with the right
 * status. Nothing unexpected leaks: no stack, no SQL.
 */
export function apiRoute<
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  PS extends z.ZodType | undefined = undefined,
  R = unknown,
>(
  spec: ApiRouteSpec<QS, BS, PS, R>,
  fn: (ctx: ApiContext<Out<QS>, Out<BS>, PS extends z.ZodType ? z.output<PS> : Record<string, string>>) => Promise<R | Response>,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const auth = await authenticateBearer(request.headers.get('authorization'))
      if (!auth)
        return apiError('UNAUTHENTICATED', 'Send a valid API token: Authorization: Bearer <token>.', {
          headers: { 'WWW-Authenticate': 'Bearer' },
        })
      const wait = await apiLimiter().take(auth.tokenId)
      if (wait !== null) return apiError('RATE_LIMITED', 'Too many requests for this token.', { headers: { 'Retry-After': String(wait) } })
      if (spec.tasks && spec.tasks !== 'signed-in') authorizeAny(auth.actor, callerTasks(spec.tasks))
      const rawParams = await context.params
      let params: unknown = Object.fromEntries(Object.entries(rawParams ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]))
      if (spec.params) {
        const parsed = spec.params.safeParse(params)
        if (!parsed.success) return apiError('NOT_FOUND', 'No such resource.')
        params = parsed.data
      }
      // An optional key that is sent must be valid too: a client that believes it is protected should hear otherwise.
      const idempotencyKey = spec.idempotencyKey ? (request.headers.get('idempotency-key') ?? '') : ''
      const withoutKey = spec.idempotencyKey === 'optional' && idempotencyKey === ''
      if (spec.idempotencyKey && !withoutKey && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
        return apiError(
          'BAD_REQUEST',
          'Send an Idempotency-Key header: 8 to 100 visible ASCII characters, e.g. a UUID, new for each request and the same on every retry of it.',
        )
      }
      let query: unknown
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
        if (!parsed.success) return validation(parsed.error)
        query = parsed.data
      }
      let body: unknown
      if (spec.body) {
        const json = await readJson(request, spec.bodyOptional ?? false)
        if (!json.ok) return json.response
        const parsed = spec.body.safeParse(json.value)
        if (!parsed.success) return validation(parsed.error)
        body = parsed.data
      }
      const ctx = { actor: auth.actor, tokenId: auth.tokenId, query, body, params, idempotencyKey, operationKey: '', request }
      if (!idempotencyKey) {
        const result = await fn(ctx as never)
        return result instanceof Response ? result : Response.json(result, { status: spec.status ?? 200, headers: spec.headers?.(result) })
      }
      const stored = await idempotent(
        { userId: auth.actor.id, key: idempotencyKey, route: operationName(request), body },
        async ({ operationKey }) => {
          try {
            const result = await fn({ ...ctx, operationKey } as never)
            return result instanceof Response
              ? { status: result.status, body: await result.json() }
              : { status: spec.status ?? 200, body: result }
          } catch (error) {
            if (spec.rerunnable || isDomainError(error)) throw error
            // It failed unexpectedly and may still have taken effect (a commit whose answer was lost): that is its
            // response, so a retry with this key is told so instead of paying twice.
            const response = await failureResponse(error, request, 'api.errors.idempotencyFailed')
            return { status: response.status, body: await response.json() }
          }
        },
        { rerunnable: spec.rerunnable },
      )
      return storedResponse(stored, stored.status < 300 ? spec.headers?.(JSON.parse(stored.json) as R) : undefined)
    } catch (error) {
      return failureResponse(error, request)
    }
  }
}

/** What a keyed request does, e.g. `POST /api/v1/orders/<id>/payments` (the path decoded: its parameters passed
 * validation, so it is short; bounded anyway to the record's column). */
function operationName(request: Request): string {
  const { pathname } = new URL(request.url)
  let path = pathname
  try {
    path = decodeURIComponent(pathname)
  } catch {
    // Malformed escapes: keep the path as sent.
  }
  return `${request.method} ${path}`.slice(0, 100)
}

/** The error contract for anything a route threw (the API's, and the session-authenticated JSON routes behind the
 * live screens); an unexpected error is logged and shown as `internalKey` with its reference id. */
export async function failureResponse(error: unknown, request: Request, internalKey = 'errors.internal'): Promise<Response> {
  const failure = toKnownFailure(error, `api ${request.method} ${new URL(request.url).pathname}`)
  const t = await english()
  const message = t(failure.code === 'INTERNAL' ? internalKey : failure.messageKey, failure.params, messageFormats(failure.params))
  return apiError(failure.code, message, { fields: failure.field ? { [failure.field]: [message] } : undefined, ref: failure.ref })
}
