// Call /api/v1 route handlers in-process, as Next would, with a real token.
import type { Actor } from '@/server/auth/actor'
import { createApiToken } from '@/server/api-tokens/create-api-token'
import { makeActor } from './factories'

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>

let manager: Promise<Actor> | undefined
export async function tokenFor(userId: string): Promise<string> {
  manager ??= makeActor({ homeRole: 'MANAGER' })
  return (await createApiToken(await manager, { userId, name: 'test' })).token
}

export async function call(
  handler: Handler,
  options: { method?: string; path?: string; token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const request = new Request(`http://localhost${options.path ?? '/api/v1/x'}`, { method: options.method ?? 'GET', headers, body })
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null }
}
