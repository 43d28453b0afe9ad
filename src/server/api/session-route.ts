import 'server-only'
import type { z } from 'zod'
import { DomainError } from '@/domain/errors'
import { mayCall, type Caller } from '@/domain/permissions'
import { currentActor, type Actor } from '../auth/actor'
import { failureResponse, validation } from './handler'

export interface SessionRouteSpec<S extends z.ZodType | undefined, P extends z.ZodType | undefined = undefined> {
  /** Who may call: the use case's own declaration (`xUseCase.tasks`), checked before the query is read. */
  tasks: Caller
  /** The query's zod schema; `input` picks what it reads from the query string (default: every parameter). */
  query?: S
  input?: (params: URLSearchParams) => unknown
  /** The path's dynamic segments' zod schema (e.g. `idParam`); a value it refuses answers 404. */
  params?: P
  /** Headers on every answer, errors included (e.g. Cache-Control for the as-you-type lookups). */
  headers?: Record<string, string>
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined
type RouteContext = { params?: Promise<Record<string, string | string[]>> }

/**
 * One wrapper for the JSON routes behind the signed-in screens (the counter's lookups, the live queue, the billing
 * export): session cookie -> the use case's tasks -> query parsed with the shared zod schema -> use case (which
 * authorizes again) -> JSON (or the Response the route builds, e.g. a CSV), or the API's error contract
 * `{ error: { code, message, fields?, ref? } }` with the right status (src/server/api/handler.ts). Nothing unexpected
 * leaks: no stack, no SQL.
 */
export function sessionRoute<S extends z.ZodType | undefined = undefined, R = unknown, P extends z.ZodType | undefined = undefined>(
  spec: SessionRouteSpec<S, P>,
  fn: (ctx: { actor: Actor; query: Out<S>; params: Out<P>; request: Request }) => Promise<R | Response>,
) {
  const withHeaders = (response: Response) => {
    for (const [name, value] of Object.entries(spec.headers ?? {})) response.headers.set(name, value)
    return response
  }
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const actor = await currentActor()
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'errors.unauthenticated')
      // Someone who may not call the route learns nothing about its query's rules.
      if (!mayCall(actor, spec.tasks)) throw new DomainError('FORBIDDEN', 'errors.forbidden')
      let query: unknown
      if (spec.query) {
        const params = new URL(request.url).searchParams
        const parsed = spec.query.safeParse(spec.input ? spec.input(params) : Object.fromEntries(params))
        if (!parsed.success) return withHeaders(await validation(parsed.error))
        query = parsed.data
      }
      let params: unknown
      if (spec.params) {
        const parsed = spec.params.safeParse((await context?.params) ?? {})
        if (!parsed.success) throw new DomainError('NOT_FOUND', 'errors.notFound')
        params = parsed.data
      }
      const result = await fn({ actor, query: query as Out<S>, params: params as Out<P>, request })
      return withHeaders(result instanceof Response ? result : Response.json(result))
    } catch (error) {
      return withHeaders(await failureResponse(error, request))
    }
  }
}
