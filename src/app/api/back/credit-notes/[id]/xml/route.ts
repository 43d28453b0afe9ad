import { idParam } from '@/lib/schemas/api'
import { sessionRoute } from '@/server/api/session-route'
import { exportCreditNoteXml, exportEInvoiceXmlUseCase } from '@/server/einvoice/export-einvoice-xml'
import { xmlDownload } from '../../../xml-download'

// GET /api/back/credit-notes/{id}/xml -> the credit note as an adjusting e-invoice in the tax authority's XML format
// (docs/decisions/023, 024). Session cookie; 404 for an unknown id; the error contract otherwise.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: exportEInvoiceXmlUseCase.tasks, params: idParam }, async ({ actor, params }) =>
  xmlDownload(await exportCreditNoteXml(actor, params.id)),
)
