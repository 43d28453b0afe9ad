import { z } from 'zod'
import {
  createCustomerBody,
  createOrderBody,
  customerPage,
  customerResponse,
  errorResponse,
  fulfillmentResult,
  healthResponse,
  idParam,
  invoiceIssued,
  invoicePage,
  issueInvoiceBody,
  listCustomersQuery,
  listInvoicesQuery,
  listOrdersQuery,
  orderPage,
  orderSummary,
  paymentRecorded,
  recordFulfillmentBody,
  recordPaymentBody,
  unmatchedTransferList,
} from '@/lib/schemas/api'
import { listUnmatchedTransfersSchema } from '@/lib/schemas/billing'
import { cashSessionDetail, cashSessionPage, listCashSessionsQuery } from '@/lib/schemas/cash'
import { idempotencyTtlHours } from './idempotency'

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
  /** Every body field is optional: the body may be left out. */
  bodyOptional?: boolean
  /** Takes an Idempotency-Key header: required, or optional (as the route's apiRoute spec says). */
  idempotent?: 'required' | 'optional'
  response: z.ZodType
  status?: number
  errors: number[]
}

const BODY_ERRORS = [400, 401, 403, 409, 413, 422, 429]
const ORDER_BODY_ERRORS = [400, 401, 403, 404, 409, 413, 422, 429]

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Is the service up and its database reachable?',
    tag: 'Service',
    auth: false,
    response: healthResponse,
    errors: [503],
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This description of the API (OpenAPI 3.1), generated from the schemas the routes validate with',
    tag: 'Service',
    auth: false,
    response: z.record(z.string(), z.unknown()),
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/orders',
    summary: 'List orders, newest first (keyset pagination)',
    tag: 'Orders',
    task: 'any order task',
    auth: true,
    query: listOrdersQuery,
    response: orderPage,
    errors: [401, 403, 422, 429],
  },
  {
    method: 'post',
    path: '/api/v1/orders',
    summary:
      'Take an order. Prices, tax and totals come from the catalog (a unitPrice differing from it needs the right to override prices). Requires an Idempotency-Key header: a retry with the same key and body answers the same (Idempotent-Replayed: true) without a second order; the same key with another body is 409.',
    tag: 'Orders',
    task: 'TAKE_ORDER',
    auth: true,
    body: createOrderBody,
    idempotent: 'required',
    response: orderSummary,
    status: 201,
    errors: BODY_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/orders/{id}',
    summary: 'One order with lines, documents, payments and timeline',
    tag: 'Orders',
    task: 'any order task',
    auth: true,
    params: idParam,
    response: orderSummary.passthrough(),
    errors: [401, 403, 404, 429],
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/fulfillment',
    summary:
      "Record work done: per line the new fulfilled quantity (set) or how many more (add; negative corrects). expectedVersion is the order's version you read (409 STALE if it changed); never more than ordered, never below what is invoiced.",
    tag: 'Fulfillment',
    task: 'FULFILL',
    auth: true,
    params: idParam,
    body: recordFulfillmentBody,
    idempotent: 'optional',
    response: fulfillmentResult,
    errors: ORDER_BODY_ERRORS,
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/invoices',
    summary:
      'Invoice everything fulfilled and not yet invoiced on the order (gapless number). 409 when there is nothing to invoice or the order changed since expectedVersion.',
    tag: 'Billing',
    task: 'INVOICE',
    auth: true,
    params: idParam,
    body: issueInvoiceBody,
    bodyOptional: true,
    idempotent: 'optional',
    response: invoiceIssued,
    status: 201,
    errors: ORDER_BODY_ERRORS,
  },
  {
    method: 'post',
    path: '/api/v1/orders/{id}/payments',
    summary:
      'Record money received for the order: against one invoice (invoiceId) or its open invoices oldest first, the rest held as a prepayment. Never more than the order will cost (409). Send an Idempotency-Key: a retry after a lost response then answers the first payment (Idempotent-Replayed: true) instead of taking a second; without one, look at the payments of GET /api/v1/orders/{id} before sending it again.',
    tag: 'Billing',
    task: 'HANDLE_PICKUP or RECORD_PAYMENT',
    auth: true,
    params: idParam,
    body: recordPaymentBody,
    idempotent: 'optional',
    response: paymentRecorded,
    status: 201,
    errors: ORDER_BODY_ERRORS,
  },
  {
    method: 'get',
    path: '/api/v1/invoices',
    summary: 'List issued invoices, newest first (keyset pagination), with credited, paid and open amounts',
    tag: 'Billing',
    task: 'INVOICE or RECORD_PAYMENT',
    auth: true,
    query: listInvoicesQuery,
    response: invoicePage,
    errors: [401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/api/v1/unmatched-transfers',
    summary:
      'Bank transfers the bank reported that could not be applied to an order automatically (no memo, unknown order, wrong amount, already paid, overpayment), newest first; they wait for someone to assign them or mark them as not ours',
    tag: 'Billing',
    task: 'RECORD_PAYMENT',
    auth: true,
    query: listUnmatchedTransfersSchema,
    response: unmatchedTransferList,
    errors: [401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/api/v1/cash-sessions',
    summary:
      'List cash drawer sessions, newest opened first (keyset pagination), optionally of one drawer or only open/closed ones: float, and once closed the expected and counted cash and their difference',
    tag: 'Cash',
    task: 'HANDLE_PICKUP or RECORD_PAYMENT',
    auth: true,
    query: listCashSessionsQuery,
    response: cashSessionPage,
    errors: [401, 403, 422, 429],
  },
  {
    method: 'get',
    path: '/api/v1/cash-sessions/{id}',
    summary:
      "One cash drawer session: live figures while open, the Z report once closed (float, cash taken and given back, cash in/out, expected, counted by note, difference and note, each order's cash and each movement, totals per payment method)",
    tag: 'Cash',
    task: 'HANDLE_PICKUP or RECORD_PAYMENT',
    auth: true,
    params: idParam,
    response: cashSessionDetail,
    errors: [401, 403, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/customers',
    summary: 'List customers, newest first (keyset pagination); q finds words in name, phone or email ignoring case and diacritics',
    tag: 'Customers',
    task: 'TAKE_ORDER, CUSTOMER_SERVICE or HANDLE_PICKUP',
    auth: true,
    query: listCustomersQuery,
    response: customerPage,
    errors: [401, 403, 422, 429],
  },
  {
    method: 'post',
    path: '/api/v1/customers',
    summary:
      'Create a customer. When one with the same phone or email exists: 409 with error.duplicates (send ignoreDuplicates: true to create another anyway). invoiceDetails only when the customer wants a VAT invoice: taxCode (10 or 13 digits with a valid check digit; spaces and dots removed) and legalName required; a wrong tax code is 422 with fields["invoiceDetails.taxCode"].',
    tag: 'Customers',
    task: 'TAKE_ORDER or CUSTOMER_SERVICE',
    auth: true,
    body: createCustomerBody,
    response: customerResponse,
    status: 201,
    errors: BODY_ERRORS,
  },
]

const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed request (not JSON, wrong content type)',
  401: 'Missing, unknown or revoked token',
  403: "The token's owner may not do this task",
  404: 'No such resource (or not visible)',
  409: 'Conflict: state changed, duplicate, or Idempotency-Key reused with a different request (or its first request still running, or interrupted)',
  413: 'Body larger than 64 KiB',
  422: 'Invalid fields (see error.fields)',
  429: 'Rate limit exceeded (see Retry-After)',
  503: 'Database unreachable',
}

function schema(s: z.ZodType): unknown {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
}

function parameters(op: Operation, ttlHours: number) {
  const out: unknown[] = []
  for (const [where, obj] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!obj) continue
    const json = z.toJSONSchema(obj, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, unknown>
      required?: string[]
    }
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s })
    }
  }
  if (op.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: op.idempotent === 'required',
      schema: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' },
      description: `A new key (e.g. a UUID) per logical request, the same on every retry of it. Same key and request: the same status and body again, with Idempotent-Replayed: true, and the work done once — also for retries sent at the same time. Same key, different request (body or path): 409. A refused request (4xx) does not use up its key. Keys are remembered for ${ttlHours} hours; after that a key may be used again.`,
    })
  }
  return out
}

export function openApiDocument(serverUrl = '/'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  const ttlHours = idempotencyTtlHours()
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: {
        description: 'Success',
        ...(op.idempotent
          ? {
              headers: {
                'Idempotent-Replayed': {
                  description: 'true when this is the stored response of an earlier request with the same key',
                  schema: { type: 'string', enum: ['true'] },
                },
              },
            }
          : {}),
        content: { 'application/json': { schema: schema(op.response) } },
      },
    }
    for (const code of op.errors) {
      responses[String(code)] = {
        description: STATUS_TEXT[code] ?? 'Error',
        ...(code === 429
          ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } } }
          : {}),
        content: { 'application/json': { schema: schema(errorResponse) } },
      }
    }
    paths[op.path] ??= {}
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      operationId: `${op.method}${op.path
        .replace('/api/v1', '')
        .replace(/[{}]/g, '')
        .split('/')
        .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : ''))
        .join('')}`,
      ...(op.task ? { description: `Requires the task: ${op.task}.` } : {}),
      security: op.auth ? [{ bearer: [] }] : [],
      parameters: parameters(op, ttlHours),
      ...(op.body ? { requestBody: { required: !op.bodyOptional, content: { 'application/json': { schema: schema(op.body) } } } } : {}),
      responses,
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Handoff API',
      version: '1.0.0',
      description: `Orders, customers, fulfillment, invoices, payments and cash drawer sessions for integrations. Every request acts as the staff member who owns the token, with their permissions. Amounts are integers in the minor unit of the business currency. Errors: { error: { code, message, fields? } }. Rate limit per token (429 with Retry-After). Order writes take an Idempotency-Key header (required to create an order): the first response is stored for ${ttlHours} hours and sent again for a retry with the same key and request.`,
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (hof_…) created by a manager.' } },
    },
    paths,
  }
}
