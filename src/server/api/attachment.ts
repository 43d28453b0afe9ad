import 'server-only'

/**
 * A file a signed-in screen downloads (the CSV exports, the e-invoice XML): an attachment, never cached. The use cases
 * name their files from kinds, dates, symbols and numbers, ASCII by construction, so the plain `filename="…"` form is
 * enough.
 */
export function attachment(file: { filename: string; body: string }, contentType: string): Response {
  return new Response(file.body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
