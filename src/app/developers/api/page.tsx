import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { idempotencyTtlHours } from '@/server/api/idempotency'
import { OPERATIONS } from '@/server/api/openapi'
import { panelClass } from '@/components/ui/styles'
import { HeadedSection } from '@/components/ui/section'

export const metadata: Metadata = { title: 'API' }

type JsonSchema = {
  type?: string
  enum?: unknown[]
  format?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

/** A compact type: enums as a | b, arrays as T[], nested objects spelled out (lines: { productId, quantity, … }[]). */
function typeOf(s: JsonSchema, depth = 0): string {
  if (s.enum) return s.enum.join(' | ')
  if (s.anyOf) return s.anyOf.map((x) => typeOf(x, depth)).join(' | ')
  if (s.type === 'array') return s.items?.anyOf ? `(${typeOf(s.items, depth)})[]` : `${typeOf(s.items ?? {}, depth)}[]`
  if (s.type === 'object' && s.properties && depth < 2) {
    return `{ ${Object.entries(s.properties)
      .map(([k, v]) => `${k}${(s.required ?? []).includes(k) ? '' : '?'}: ${typeOf(v, depth + 1)}`)
      .join(', ')} }`
  }
  return [s.type, s.format].filter(Boolean).join(' ') || 'object'
}

function fieldsOf(schema: z.ZodType | undefined): Array<{ name: string; type: string; required: boolean }> {
  if (!schema) return []
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    type: typeOf(s),
    required: (json.required ?? []).includes(name),
  }))
}

// Code, not prose: the same in every language.
const CURL_EXAMPLE = `curl -X POST https://handoff.example/api/v1/orders \\
  -H "Authorization: Bearer hof_…" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: 3f0a6c2e-8d1b-4b7e-9a55-0c1d2e3f4a5b" \\
  -d '{
    "customerId": "7d9f…",
    "lines": [{ "productId": "a41c…", "quantity": 3, "note": "A4, 2 mặt" }],
    "dueDate": "2026-12-01",
    "dueTime": "17:00",
    "mode": "PICKUP"
  }'

HTTP/1.1 201 Created
Location: /api/v1/orders/5b2e…
{ "id": "5b2e…", "number": "DH-000123", "status": "RECEIVED", "total": 8100, … }`

const ERROR_EXAMPLE = '{ "error": { "code", "message", "fields"? } }'

/** Readable API reference, generated from the same schemas as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  const t = await getTranslations('api.docs')
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro', { url: '/api/v1/openapi.json' })}</p>
      </header>
      <HeadedSection id="start" title={t('startTitle')} headingClass="text-xl font-semibold" className="space-y-2">
        <p className="text-slate-700">{t('startIntro')}</p>
        <figure>
          <figcaption className="text-sm font-semibold">{t('example')}</figcaption>
          <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-50" tabIndex={0}>
            <code>{CURL_EXAMPLE}</code>
          </pre>
        </figure>
      </HeadedSection>
      <HeadedSection id="conventions" title={t('conventionsTitle')} headingClass="text-xl font-semibold" className="space-y-2">
        <ul className="list-disc space-y-1 pl-6 text-slate-700">
          <li>{t('conventionErrors', { example: ERROR_EXAMPLE })}</li>
          <li>{t('conventionIdempotency', { hours: idempotencyTtlHours() })}</li>
          <li>{t('conventionStrict')}</li>
          <li>{t('conventionPaging')}</li>
          <li>{t('conventionRate')}</li>
        </ul>
      </HeadedSection>
      <h2 className="text-xl font-semibold">{t('operationsTitle')}</h2>
      {OPERATIONS.map((op) => (
        <section key={`${op.method} ${op.path}`} className={panelClass} aria-labelledby={`${op.method}-${op.path}`}>
          <h3 id={`${op.method}-${op.path}`} className="font-mono text-lg">
            <span className="mr-2 rounded bg-slate-900 px-2 py-0.5 text-sm uppercase text-white">{op.method}</span>
            {op.path}
          </h3>
          <p className="mt-1" lang="en">
            {op.summary}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {op.auth ? t('auth') : t('public')}
            {op.task ? ` · ${t('requires', { task: op.task })}` : ''}
            {op.idempotent ? ` · ${t(op.idempotent === 'required' ? 'idempotency' : 'idempotencyOptional')}` : ''}
          </p>
          {[
            [t('parameters'), [...fieldsOf(op.params), ...fieldsOf(op.query)]],
            [t('body'), fieldsOf(op.body)],
          ].map(([title, fields]) =>
            (fields as ReturnType<typeof fieldsOf>).length > 0 ? (
              <div key={title as string} className="mt-3">
                <h4 className="text-sm font-semibold">{title as string}</h4>
                <ul className="mt-1 space-y-0.5 break-words font-mono text-sm">
                  {(fields as ReturnType<typeof fieldsOf>).map((f) => (
                    <li key={f.name}>
                      {f.name}
                      {f.required ? '' : '?'}: <span className="text-slate-600">{f.type}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
          {op.errors.length > 0 && (
            <p className="mt-3 text-sm">
              <span className="font-semibold">{t('errors')}:</span> {op.errors.join(', ')}
            </p>
          )}
        </section>
      ))}
    </main>
  )
}
