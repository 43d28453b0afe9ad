// Paper: the counter's ticket on an 80 mm receipt printer (and on A4), invoices and credit notes on A4, in both
// languages. With print media the app's frame and every button disappear, the document fits the paper's width, and
// the PDF Chromium prints has the right page size and carries the document's words — Vietnamese diacritics included —
// and its totals. Screenshots (print media, paper width) and the PDFs are kept in e2e/.screenshots/.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { demoIds, LANGS, msg, pageIn, type Lang } from './a11y-support'
import { DEMO, expect, screenshotPath, test } from './fixtures'

const MM = 96 / 25.4
/** Page sizes in PDF points (1/72 in). */
const PT = (mm: number) => (mm * 72) / 25.4

type Doc = {
  name: string
  url: (ids: Awaited<ReturnType<typeof demoIds>>) => string
  sheet: string
  /** Printable width in CSS px: the paper less its margins. */
  printableMm: number
  pageWidthMm: number
  /** Words that must be printed: the total's label and the amount beside it. */
  totals: (page: Page, lang: Lang) => Promise<string[]>
}

const DOCS: Doc[] = [
  {
    name: 'ticket-80mm',
    url: (ids) => `/front/orders/${ids.readyOrder}/ticket`,
    sheet: '#ticket',
    printableMm: 80,
    pageWidthMm: 80,
    totals: async (page, lang) => [msg(lang, 'front.ticket.total'), (await page.getByTestId('ticket-left-to-pay').innerText()).trim()],
  },
  {
    name: 'ticket-a4',
    url: (ids) => `/front/orders/${ids.readyOrder}/ticket?format=a4`,
    sheet: '#ticket',
    printableMm: 210 - 24,
    pageWidthMm: 210,
    totals: async (page, lang) => [msg(lang, 'front.ticket.total'), (await page.getByTestId('ticket-left-to-pay').innerText()).trim()],
  },
  {
    name: 'invoice',
    url: (ids) => `/back/invoices/${ids.invoice}`,
    sheet: '[data-testid="invoice-document"]',
    printableMm: 210 - 24,
    pageWidthMm: 210,
    totals: async (page, lang) => [msg(lang, 'back.document.total'), (await page.getByTestId('document-total').innerText()).trim()],
  },
  {
    name: 'credit-note',
    url: (ids) => `/back/credit-notes/${ids.creditNote}`,
    sheet: '[data-testid="credit-note-document"]',
    printableMm: 210 - 24,
    pageWidthMm: 210,
    totals: async (page, lang) => [msg(lang, 'back.document.totalCredited'), (await page.getByTestId('document-total').innerText()).trim()],
  },
]

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

// Compared without white space: pdftotext splits words where the printed letters are spaced ("Tổ ng").
const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, '')

for (const lang of LANGS) {
  test(`tickets, invoices and credit notes print cleanly in ${lang}`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000)
    const ids = await demoIds()
    const { context, page } = await pageIn(browser, lang, DEMO.backoffice)
    for (const doc of DOCS) {
      await test.step(doc.name, async () => {
        await page.setViewportSize({ width: 1280, height: 900 })
        await page.emulateMedia({ media: 'screen' })
        await page.goto(doc.url(ids))
        const sheet = page.locator(doc.sheet)
        await expect(sheet).toBeVisible()
        const words = norm(await sheet.innerText())
        const totals = (await doc.totals(page, lang)).map(norm)

        // Print media on a viewport as wide as the paper's printable area.
        await page.emulateMedia({ media: 'print' })
        await page.setViewportSize({ width: Math.floor(doc.printableMm * MM), height: 1100 })
        await expect(page.getByRole('navigation', { name: msg(lang, 'common.nav.mainNavigation') })).toBeHidden()
        await expect(page.locator('header.no-print')).toBeHidden()
        expect(await page.locator('button:visible, select:visible, input:visible, textarea:visible').count(), 'no controls on paper').toBe(
          0,
        )
        await expect(sheet).toBeVisible()
        const fits = await page.evaluate((selector) => {
          const el = document.querySelector(selector)!
          const r = el.getBoundingClientRect()
          return { right: r.right, left: r.left, scroll: document.scrollingElement!.scrollWidth, width: window.innerWidth }
        }, doc.sheet)
        expect(fits.left, `${doc.name}: starts on the paper`).toBeGreaterThanOrEqual(0)
        expect(fits.right, `${doc.name}: fits the paper's width`).toBeLessThanOrEqual(fits.width + 1)
        expect(fits.scroll, `${doc.name}: nothing sticks out`).toBeLessThanOrEqual(fits.width)
        await page.screenshot({ path: screenshotPath(`print-${lang}-${doc.name}`), fullPage: true })

        // The PDF: page size from the print CSS, and the words as printed.
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
        const file = screenshotPath(`print-${lang}-${doc.name}`).replace(/\.png$/, '.pdf')
        writeFileSync(file, pdf)
        const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
        expect(mediaBox, 'a page size in the PDF').not.toBeNull()
        expect(Math.abs(Number(mediaBox![1]) - PT(doc.pageWidthMm)), `${doc.name}: paper ${doc.pageWidthMm} mm wide`).toBeLessThan(2)
        if (hasTool('pdftotext')) {
          const text = norm(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'))
          for (const needle of totals) expect(text, `${doc.name} PDF has "${needle}"`).toContain(needle)
          // The business name has diacritics in the demo shop; so do the Vietnamese labels.
          expect(text).toContain(norm('In Nhanh Sài Gòn'))
          expect(words).toContain(norm('In Nhanh Sài Gòn'))
          if (doc.name.startsWith('ticket')) {
            // Printed in the app's own monospace face, which has every precomposed Vietnamese letter (src/app/fonts.ts),
            // never in whatever the machine has: no letter comes out as a base letter plus a loose accent ("Hô`").
            if (doc.name === 'ticket-80mm')
              expect(execFileSync('pdffonts', [file]).toString(), 'the receipt font is embedded').toMatch(/IBMPlexMono/i)
            const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
            expect(raw, `${doc.name}: no combining accents in the printed text`).not.toMatch(/[\u0300-\u036f]/)
            if (lang === 'vi') expect(raw).toMatch(/[\u1ea0-\u1ef9]/)
            execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, file.replace(/\.pdf$/, '-pdf')])
            // A receipt is one long page, not several cut ones.
            const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1])
            if (doc.name === 'ticket-80mm') expect(pages).toBe(1)
          }
        } else {
          testInfo.annotations.push({ type: 'note', description: 'pdftotext (poppler-utils) not installed: PDF text not checked' })
        }
        for (const needle of totals) expect(words).toContain(needle)
      })
    }
    await context.close()
  })
}
