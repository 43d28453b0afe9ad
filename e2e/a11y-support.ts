// Shared by the accessibility, responsive, print and locale specs: both languages, both small widths, axe, overflow.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test'
import { expect, loginAs, sql } from './fixtures'

export type Lang = 'en' | 'vi'
export const LANGS: readonly Lang[] = ['en', 'vi']
/** The demo people have no language of their own, so the browser's decides (the staff setting is tested apart). */
export const BROWSER_LOCALE: Record<Lang, string> = { en: 'en-US', vi: 'vi-VN' }
export const WIDTHS = [768, 390] as const

/** A signed-in (or anonymous) page whose browser asks for `lang`. */
export async function pageIn(
  browser: Browser,
  lang: Lang,
  email: string | null,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: BROWSER_LOCALE[lang], timezoneId: 'Asia/Ho_Chi_Minh', viewport })
  const page = await context.newPage()
  if (email) await loginAs(page, email)
  return { context, page }
}

export type AxeFinding = { id: string; impact: string; nodes: number; targets: string[] }

/**
 * axe-core on the page as it is now (all rules, WCAG 2.1 A/AA and best practices). Serious and critical findings fail
 * the test; lesser ones are attached to the report so they stay visible.
 */
export async function expectAccessible(page: Page, label: string, testInfo?: TestInfo): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze()
  const findings: AxeFinding[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }))
  const blocking = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical')
  const line = `axe ${label}: ${findings.length === 0 ? 'no violations' : findings.map((f) => `${f.id}(${f.impact}×${f.nodes})`).join(', ')}`
  console.log(line)
  if (testInfo) await testInfo.attach(`axe ${label}`, { body: JSON.stringify(findings, null, 2), contentType: 'application/json' })
  expect(blocking, `${label}: serious or critical axe violations`).toEqual([])
  return findings
}

/** The page does not scroll sideways (tables and wide content scroll inside their own containers). */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth
    const wide: string[] = []
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect()
      if (r.right > width + 1 && r.width > 0) {
        // Only the outermost offender of each branch, and not what sits inside a scroll container.
        let p = el.parentElement
        let inside = false
        while (p && p !== document.body) {
          const s = getComputedStyle(p)
          if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden' || s.overflowX === 'clip') inside = true
          p = p.parentElement
        }
        if (!inside)
          wide.push(
            `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ').slice(0, 3).join('.')} → ${Math.round(r.right)}`,
          )
      }
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, culprits: wide.slice(0, 8) }
  })
  expect(scrollWidth, `${label}: page wider than the screen (${culprits.join(' | ')})`).toBeLessThanOrEqual(innerWidth)
}

/** Seeded documents to look at: an order ready to collect, one in progress, an invoice and a credit note. The oldest
 * ones, which no spec changes (specs make and change orders of their own, newer ones). */
export async function demoIds(): Promise<{
  readyOrder: string
  readyPhone: string
  openOrder: string
  trackingToken: string
  invoice: string
  creditNote: string
  cashSession: string
}> {
  const [ready] = await sql<{ id: string; trackingToken: string; phone: string }>(
    `SELECT o.id, o."trackingToken", c.phone FROM "Order" o JOIN "Customer" c ON c.id = o."customerId"
     WHERE fulfillment = 'FULFILLED' AND handover = 'WAITING' AND "cancelledAt" IS NULL AND "heldAt" IS NULL AND c.phone IS NOT NULL ORDER BY number LIMIT 1`,
  )
  const [open] = await sql<{ id: string }>(
    `SELECT o.id FROM "Order" o WHERE fulfillment = 'PARTLY_FULFILLED' AND "cancelledAt" IS NULL AND "heldAt" IS NULL
     AND EXISTS (SELECT 1 FROM "Invoice" i WHERE i."orderId" = o.id) ORDER BY number LIMIT 1`,
  )
  const [fallbackOpen] = await sql<{ id: string }>(
    `SELECT id FROM "Order" WHERE fulfillment <> 'FULFILLED' AND "cancelledAt" IS NULL ORDER BY number LIMIT 1`,
  )
  const [invoice] = await sql<{ id: string }>(
    `SELECT i.id FROM "Invoice" i JOIN "CreditNote" c ON c."invoiceId" = i.id ORDER BY i."issuedAt" LIMIT 1`,
  )
  const [credit] = await sql<{ id: string }>(`SELECT id FROM "CreditNote" ORDER BY "issuedAt" LIMIT 1`)
  const [session] = await sql<{ id: string }>(`SELECT id FROM "CashSession" WHERE "closedAt" IS NOT NULL ORDER BY "openedAt" LIMIT 1`)
  if (!ready || !(open ?? fallbackOpen) || !invoice || !credit || !session)
    throw new Error('the demo seed lacks an order, invoice, credit note or closed cash session to look at')
  return {
    readyOrder: ready.id,
    readyPhone: ready.phone,
    openOrder: (open ?? fallbackOpen)!.id,
    trackingToken: ready.trackingToken,
    invoice: invoice.id,
    cashSession: session.id,
    creditNote: credit.id,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The words on screen, read from the message files, so one spec runs in both languages.

const messageCache = new Map<Lang, Record<string, unknown>>()
function messages(lang: Lang): Record<string, unknown> {
  let m = messageCache.get(lang)
  if (!m) {
    const dir = path.join(import.meta.dirname, '../messages', lang)
    m = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
    )
    messageCache.set(lang, m)
  }
  return m
}

/** The raw message for `key` ("front.pickup.recordPayment") in `lang`. */
export function msg(lang: Lang, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages(lang))
  if (typeof value !== 'string') throw new Error(`no message ${lang}/${key}`)
  return value
}

/** A message as a pattern: each {argument} (plural and select included) matches any text. */
export function msgRe(lang: Lang, key: string, flags = ''): RegExp {
  const text = msg(lang, key)
  let out = ''
  let depth = 0
  for (const ch of text) {
    if (ch === '{') {
      if (depth === 0) out += '.*?'
      depth++
    } else if (ch === '}') depth--
    else if (depth === 0) out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(out, flags)
}
