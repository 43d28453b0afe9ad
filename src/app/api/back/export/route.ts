import { getTranslations } from 'next-intl/server'
import { DomainError, HTTP_STATUS } from '@/domain/errors'
import { mayCall } from '@/domain/permissions'
import { billingExportSchema } from '@/lib/schemas/billing'
import { currentActor } from '@/server/auth/actor'
import { toKnownFailure } from '@/server/errors'
import { exportBillingCsv, exportBillingCsvUseCase } from '@/server/receivables/export-billing-csv'

// GET /api/back/export?kind=invoices|payments|credit-notes&from=YYYY-MM-DD&to=YYYY-MM-DD -> CSV download.
// Authenticated by the session cookie; permission first (someone who may not export learns nothing about the query's
// rules), then the query, then the use case (which authorizes again).

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const t = await getTranslations()
  const actor = await currentActor()
  if (!actor) return Response.json({ error: t('errors.unauthenticated') }, { status: 401 })
  try {
    if (!mayCall(actor, exportBillingCsvUseCase.tasks)) throw new DomainError('FORBIDDEN', 'errors.forbidden')
    const parsed = billingExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
    if (!parsed.success) return Response.json({ error: t('errors.checkFields') }, { status: 422 })
    const { filename, body } = await exportBillingCsv(actor, parsed.data)
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        // The name is ASCII by construction (kind and dates), so the plain form is enough.
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    })
  } catch (error) {
    const failure = toKnownFailure(error, 'exportBillingCsv')
    const status = failure.code === 'INTERNAL' ? 500 : HTTP_STATUS[failure.code]
    return Response.json({ error: t(failure.messageKey, failure.params) }, { status })
  }
}
