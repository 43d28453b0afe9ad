import Link from 'next/link'
import type { ReactNode } from 'react'
import { ReceiptPageSize } from '@/components/front/print-controls'

// A sheet printed at the counter (the ticket, a drawer's Z report), on a receipt printer or on A4.

export type PrintFormat = 'receipt' | 'a4'

/** The format a page's query asks for (`?format=a4`); the receipt otherwise. */
export function printFormat(query: string | string[] | undefined): PrintFormat {
  return query === 'a4' ? 'a4' : 'receipt'
}

/** Print rules: the app's chrome carries .no-print; the main area loses its padding so the sheet starts at the paper's
 * edge, and the sheet its card look. */
const printCss = (sheetClass: string) => `
@media print {
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  body { background: #fff !important; }
  .${sheetClass} { box-shadow: none !important; border: 0 !important; }
}
`

/**
 * The sheet and its page: receipt, 72 mm of printable width on 80 mm paper and a page as long as the sheet
 * (ReceiptPageSize); A4, a normal page with margins and the sheet wider. `toolbar` stays on screen, never printed.
 */
export function PrintSheet({
  id,
  sheetClass,
  label,
  format,
  toolbar,
  children,
}: {
  id: string
  sheetClass: string
  label: string
  format: PrintFormat
  toolbar: ReactNode
  children: ReactNode
}) {
  const receipt = format === 'receipt'
  return (
    <div>
      <style>{printCss(sheetClass)}</style>
      {receipt ? <ReceiptPageSize targetId={id} /> : <style>{`@page { size: A4; margin: 12mm; }`}</style>}
      {toolbar}
      <section
        id={id}
        aria-label={label}
        data-format={format}
        className={`${sheetClass} mx-auto bg-white text-black shadow-sm ring-1 ring-slate-200 print:ring-0 ${receipt ? 'w-[72mm] p-[3mm] font-mono text-[11px] leading-snug print:m-[4mm]' : 'max-w-[186mm] p-8 text-sm print:p-0'}`}
      >
        {children}
      </section>
    </div>
  )
}

/** Receipt or A4: the same sheet in each format, the one shown marked as the current page. */
export type FormatChoice = {
  label: string
  current: PrintFormat
  href: (format: PrintFormat) => string
  names: Record<PrintFormat, string>
}

/** Above the sheet, never printed: what just happened (an order taken, a drawer closed), print, the format, and more. */
export function PrintToolbar({
  done,
  print,
  formats,
  children,
}: {
  done: { text: string; testId: string } | null
  print: ReactNode
  formats: FormatChoice
  children: ReactNode
}) {
  return (
    <div className="no-print mb-4 space-y-3">
      {done && (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900" role="status" data-testid={done.testId}>
          {done.text}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {print}
        <nav aria-label={formats.label} className="flex rounded-md ring-1 ring-slate-300">
          {(['receipt', 'a4'] as const).map((f) => (
            <Link
              key={f}
              href={formats.href(f)}
              aria-current={formats.current === f ? 'page' : undefined}
              className={`px-3 py-2 text-sm first:rounded-l-md last:rounded-r-md ${formats.current === f ? 'bg-slate-900 text-white' : 'bg-white hover:bg-slate-100'}`}
            >
              {formats.names[f]}
            </Link>
          ))}
        </nav>
        {children}
      </div>
    </div>
  )
}
