import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { OPERATIONS } from '@/server/api/openapi'

export const metadata: Metadata = { title: 'API' }

function fieldsOf(schema: z.ZodType | undefined): Array<{ name: string; type: string; required: boolean }> {
  if (!schema) return []
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string; enum?: unknown[]; format?: string }>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    type: s.enum ? s.enum.join(' | ') : [s.type, s.format].filter(Boolean).join(' ') || 'object',
    required: (json.required ?? []).includes(name),
  }))
}

/** Readable API reference, generated from the same schemas as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  const t = await getTranslations('api.docs')
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('intro', { url: '/api/v1/openapi.json' })}</p>
      </header>
      {OPERATIONS.map((op) => (
        <section key={`${op.method} ${op.path}`} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-labelledby={`${op.method}-${op.path}`}>
          <h2 id={`${op.method}-${op.path}`} className="font-mono text-lg">
            <span className="mr-2 rounded bg-slate-900 px-2 py-0.5 text-sm uppercase text-white">{op.method}</span>
            {op.path}
          </h2>
          <p className="mt-1">{op.summary}</p>
          <p className="mt-1 text-sm text-slate-600">
            {op.auth ? t('auth') : t('public')}
            {op.task ? ` · ${t('requires', { task: op.task })}` : ''}
            {op.idempotent ? ` · ${t('idempotency')}` : ''}
          </p>
          {[
            [t('parameters'), [...fieldsOf(op.params), ...fieldsOf(op.query)]],
            [t('body'), fieldsOf(op.body)],
          ].map(([title, fields]) =>
            (fields as ReturnType<typeof fieldsOf>).length > 0 ? (
              <div key={title as string} className="mt-3">
                <h3 className="text-sm font-semibold">{title as string}</h3>
                <ul className="mt-1 space-y-0.5 font-mono text-sm">
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
          <p className="mt-3 text-sm">
            <span className="font-semibold">{t('errors')}:</span> {op.errors.join(', ')}
          </p>
        </section>
      ))}
    </main>
  )
}
