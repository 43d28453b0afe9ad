import type { EInvoiceXmlFile } from '@/server/einvoice/export-einvoice-xml'

/** An e-invoice XML file as a download. The name is ASCII by construction (symbol and number). */
export function xmlDownload({ filename, body }: EInvoiceXmlFile): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
