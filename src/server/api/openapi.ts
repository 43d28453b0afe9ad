import { z } from 'zod'
import { errorResponse, healthResponse, idParam, listOrdersQuery, orderPage, orderSummary } from '@/lib/schemas/api'

/** One documented operation. The route handlers under src/app/api/v1 use the same schemas. */
export interface Operation {
  method: 'get' | 'post'
  path: string
  summary: string
  tag: string
  /** The task the acting staff member needs (documentation; the use case enforces it). */
  task?: string
  auth: boolean
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  idempotent?: boolean
  response: z.ZodType
  status?: number
  errors: number[]
}

export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/api/v1/health', summary: 'Is the service up and its database reachable?', tag: 'Service', auth: false, response: healthResponse, errors: [503] },
  { method: 'get', path: '/api/v1/orders', summary: 'List orders, newest first (keyset pagination)', tag: 'Orders', task: 'any order task', auth: true, query: listOrdersQuery, response: orderPage, errors: [401, 403, 422, 429] },
  { method: 'get', path: '/api/v1/orders/{id}', summary: 'One order with lines, documents, payments and timeline', tag: 'Orders', task: 'any order task', auth: true, params: idParam, response: orderSummary.passthrough(), errors: [401, 403, 404, 429] },
]

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed request (not JSON, wrong content type)',
  401: 'Missing, unknown or revoked token',
  403: "The token's owner may not do this task",
  404: 'No such resource (or not visible)',
  409: 'Conflict: state changed, duplicate, or idempotency key reused with a different body',
  413: 'Body larger than 64 KiB',
  422: 'Invalid fields (see error.fields)',
  429: 'Rate limit exceeded (see Retry-After)',
  503: 'Database unreachable',
}

function schema(s: z.ZodType): unknown {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
}

function parameters(op: Operation) {
  const out: unknown[] = []
  for (const [where, obj] of [['path', op.params], ['query', op.query]] as const) {
    if (!obj) continue
    const json = z.toJSONSchema(obj, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] }
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s })
    }
  }
  if (op.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Same key and body: the same response again. Same key, different body: 409.' })
  }
  return out
}

export function openApiDocument(serverUrl = '/'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: schema(op.response) } } },
    }
    for (const code of op.errors) responses[String(code)] = { description: STATUS_TEXT[code] ?? 'Error', content: { 'application/json': { schema: schema(errorResponse) } } }
    paths[op.path] ??= {}
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path.replace('/api/v1', '').replace(/[{}]/g, '').split('/').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : '')).join('')}`,
      ...(op.task ? { description: `Requires the task: ${op.task}.` } : {}),
      security: op.auth ? [{ bearer: [] }] : [],
      parameters: parameters(op),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } } : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Handoff API',
      version: '1.0.0',
      description:
        'Orders, customers, fulfillment, invoices and payments for integrations. Every request acts as the staff member who owns the token, with their permissions. Amounts are integers in the minor unit of the business currency. Errors: { error: { code, message, fields? } }. Rate limit per token (429 with Retry-After).',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (hof_…) created by a manager.' } } },
    paths,
  }
}
