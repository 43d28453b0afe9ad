import { cashRangeSchema } from '@/lib/schemas/cash'
import { sessionRoute } from '@/server/api/session-route'
import { exportCashCsv, exportCashCsvUseCase } from '@/server/cash/export-cash-csv'

// GET /api/manager/cash-export?from=YYYY-MM-DD&to=YYYY-MM-DD -> the closed drawer sessions of those days as CSV.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: exportCashCsvUseCase.tasks, query: cashRangeSchema }, async ({ actor, query }) => {
  const { filename, body } = await exportCashCsv(actor, query)
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // ASCII by construction (dates only).
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
})
