import { billingExportSchema } from '@/lib/schemas/billing'
import { csvRoute } from '@/server/api/csv-route'
import { exportBillingCsv, exportBillingCsvUseCase } from '@/server/receivables/export-billing-csv'

// GET /api/back/export?kind=invoices|payments|credit-notes&from=YYYY-MM-DD&to=YYYY-MM-DD -> CSV download.
// Permission first (someone who may not export learns nothing about the query's rules), then the query, then the use
// case (which authorizes again); a failure answers in the API's error contract.

export const dynamic = 'force-dynamic'

export const GET = csvRoute({ tasks: exportBillingCsvUseCase.tasks, query: billingExportSchema }, exportBillingCsv)
