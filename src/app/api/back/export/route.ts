import { billingExportSchema } from '@/lib/schemas/billing'
import { sessionRoute } from '@/server/api/session-route'
import { exportBillingCsv, exportBillingCsvUseCase } from '@/server/receivables/export-billing-csv'

// GET /api/back/export?kind=invoices|payments|credit-notes&from=YYYY-MM-DD&to=YYYY-MM-DD -> CSV download.
// Permission first (someone who may not export learns nothing about the query's rules), then the query, then the use
// case (which authorizes again); a failure answers in the API's error contract.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: exportBillingCsvUseCase.tasks, query: billingExportSchema }, async ({ actor, query }) => {
  const { filename, body } = await exportBillingCsv(actor, query)
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // The name is ASCII by construction (kind and dates), so the plain form is enough.
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
})
