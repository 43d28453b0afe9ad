import { idParam } from '@/lib/schemas/api'
import { attachment } from '@/server/api/attachment'
import { sessionRoute } from '@/server/api/session-route'
import { exportCreditNoteXml, exportEInvoiceXmlUseCase } from '@/server/einvoice/export-einvoice-xml'

// GET /api/back/credit-notes/{id}/xml -> the credit note as an adjusting e-invoice in the tax authority's XML format
// (docs/decisions/023, 024). Session cookie; 404 for an unknown id; the error contract otherwise.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: exportEInvoiceXmlUseCase.tasks, params: idParam }, async ({ actor, params }) =>
  attachment(await exportCreditNoteXml(actor, params.id), 'application/xml; charset=utf-8'),
)
