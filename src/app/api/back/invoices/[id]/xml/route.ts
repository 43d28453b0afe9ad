import { idParam } from '@/lib/schemas/api'
import { sessionRoute } from '@/server/api/session-route'
import { exportEInvoiceXmlUseCase, exportInvoiceXml } from '@/server/einvoice/export-einvoice-xml'
import { xmlDownload } from '../../../xml-download'

// GET /api/back/invoices/{id}/xml -> the invoice as e-invoice XML in the tax authority's format (docs/decisions/024),
// for a provider that takes files. Session cookie; 404 for an unknown id; the error contract otherwise.

export const dynamic = 'force-dynamic'

export const GET = sessionRoute({ tasks: exportEInvoiceXmlUseCase.tasks, params: idParam }, async ({ actor, params }) =>
  xmlDownload(await exportInvoiceXml(actor, params.id)),
)
