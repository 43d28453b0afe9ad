import { cashRangeSchema } from '@/lib/schemas/cash'
import { csvRoute } from '@/server/api/csv-route'
import { exportCashCsv, exportCashCsvUseCase } from '@/server/cash/export-cash-csv'

// GET /api/manager/cash-export?from=YYYY-MM-DD&to=YYYY-MM-DD -> the closed drawer sessions of those days as CSV.

export const dynamic = 'force-dynamic'

export const GET = csvRoute({ tasks: exportCashCsvUseCase.tasks, query: cashRangeSchema }, exportCashCsv)
