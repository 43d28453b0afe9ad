// The main flows — intake → ticket, queue fulfilment, pickup with invoice and payment, and the customer's tracking
// page — in English and Vietnamese, on a tablet (768 px) and a phone (390 px), with axe on every screen they pass and
// no sideways scrolling. Words come from the message files, so the same steps run in both languages.
import { randomBytes } from 'node:crypto'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { customerSearchText } from '../src/domain/search'
import { expectAccessible, expectNoHorizontalOverflow, LANGS, msg, msgRe, pageIn, WIDTHS } from './a11y-support'
import { DEMO, expect, sql, test } from './fixtures'

// Flows of four screens each, twice per test: more than the default minute on two busy cores.
test.describe.configure({ timeout: 240_000 })

/** A customer of our own with a Vietnamese family name, found at the counter without typing any diacritics. */
async function makeNguyen(): Promise<{ name: string; typed: string }> {
  const word = Array.from(randomBytes(6), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
  const name = `Nguyễn Thị ${word[0]!.toUpperCase()}${word.slice(1)}`
  const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  await sql(`INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())`, [
    name,
    phone,
    customerSearchText({ name, phone }),
  ])
  return { name, typed: `NGUYEN thi ${word}` }
}

/** Reachable: scrolled to, inside the screen's width, and enabled. */
async function expectReachable(target: Locator, width: number) {
  await target.scrollIntoViewIfNeeded()
  await expect(target).toBeInViewport()
  const box = await target.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= width + 1, 'inside the screen width').toBe(true)
}

async function check(page: Page, label: string, testInfo: TestInfo) {
  await expectNoHorizontalOverflow(page, label)
  await expectAccessible(page, label, testInfo)
}

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    const viewport = { width, height: width === 390 ? 844 : 1024 }
    test(`intake → ticket → queue → pickup → tracking in ${lang} at ${width} px`, async ({ browser }, testInfo) => {
      const at = (what: string) => `${lang} ${width}px ${what}`
      const customer = await makeNguyen()

      // The counter: the intake with the keyboard. "NGUYEN thi …" finds "Nguyễn Thị …".
      const counter = await pageIn(browser, lang, DEMO.reception, viewport)
      const c = counter.page
      await c.goto('/front/orders/new')
      await expect(c.getByRole('heading', { level: 1, name: msg(lang, 'front.intake.title') })).toBeVisible()
      await expect(c.getByRole('combobox', { name: msgRe(lang, 'front.intake.customer.searchLabel') })).toBeFocused()
      await c.keyboard.type(customer.typed)
      await expect(c.getByRole('option', { name: new RegExp(customer.name) })).toBeVisible()
      await check(c, at('intake, customer list open'), testInfo)
      await c.keyboard.press('Enter')
      await expect(c.getByTestId('selected-customer')).toContainText(customer.name)
      await c.keyboard.type('poster a1')
      await expect(c.getByRole('option', { name: /Poster A1/ }).first()).toBeVisible()
      await c.keyboard.press('Enter')
      await expect(c.getByTestId('order-line')).toHaveCount(1)
      await c.keyboard.type('2')
      await c.keyboard.press('Enter')
      // 2 × 80,000 + 8 % VAT, in the reader's own number format.
      await expect(c.getByTestId('intake-total')).toHaveText(lang === 'en' ? '₫172,800' : '172.800 ₫')
      await check(c, at('intake, one line'), testInfo)
      await expectReachable(c.getByRole('button', { name: msgRe(lang, 'front.intake.submit') }), width)
      await c.keyboard.press('Control+Enter')
      await expect(c.getByTestId('order-created')).toBeVisible()
      const orderId = /orders\/([0-9a-f-]{36})\//.exec(c.url())![1]!
      const number = (await c.getByTestId('ticket-number').textContent())!.trim()
      await expect(c.locator('#ticket')).toContainText(customer.name)
      await check(c, at('ticket'), testInfo)
      await expectReachable(c.getByTestId('print-ticket'), width)
      await counter.context.close()

      // The workshop: the order is in the queue; open it and mark everything done.
      const workshop = await pageIn(browser, lang, DEMO.backoffice, viewport)
      const w = workshop.page
      await w.goto(`/back?q=${encodeURIComponent(customer.typed.split(' ').pop()!)}`)
      await expect(w.getByRole('heading', { level: 1, name: msg(lang, 'back.queue.title') })).toBeVisible()
      const row = w.getByTestId('queue-row')
      await expect(row).toHaveCount(1)
      await expect(row).toContainText(number)
      await check(w, at('queue'), testInfo)
      await row.getByRole('link').first().click()
      await expect(w).toHaveURL(new RegExp(`/back/orders/${orderId}$`))
      const markAll = w.getByRole('button', { name: msg(lang, 'back.work.allDone') })
      await expectReachable(markAll, width)
      await check(w, at('back order'), testInfo)
      await markAll.click()
      await expect(w.getByText(msg(lang, 'back.work.saved'))).toBeVisible()

      // The counter again (Hùng covers pickups and may invoice): invoice, cash with change, hand over.
      await w.goto(`/front/orders/${orderId}`)
      const panel = w.getByTestId('pickup-panel')
      await expect(panel.getByTestId('left-to-pay')).toHaveText(lang === 'en' ? '₫172,800' : '172.800 ₫')
      await check(w, at('pickup'), testInfo)
      const invoice = panel.getByRole('button', { name: msgRe(lang, 'front.pickup.issueInvoice') })
      await expectReachable(invoice, width)
      await invoice.click()
      await expect(w.getByTestId('pickup-invoice-notice')).toBeVisible()
      await panel.getByLabel(msg(lang, 'front.pickup.tendered')).fill('200000')
      await expect(panel.getByTestId('change-due')).toContainText(lang === 'en' ? '₫27,200' : '27.200 ₫')
      const pay = panel.getByRole('button', { name: msg(lang, 'front.pickup.recordPayment') })
      await expectReachable(pay, width)
      await pay.click()
      await expect(panel.getByTestId('left-to-pay')).toHaveText(lang === 'en' ? '₫0' : '0 ₫')
      const handOver = panel.getByRole('button', { name: msg(lang, 'front.pickup.markCollected') })
      await expectReachable(handOver, width)
      await handOver.click()
      await expect(w.getByTestId('order-closed')).toHaveText(msg(lang, 'front.pickup.closed'))
      await check(w, at('pickup closed'), testInfo)
      await workshop.context.close()

      // The customer, on their phone's language.
      const [{ trackingToken }] = (await sql<{ trackingToken: string }>(`SELECT "trackingToken" FROM "Order" WHERE id = $1`, [
        orderId,
      ])) as [{ trackingToken: string }]
      const visitor = await pageIn(browser, lang, null, viewport)
      await visitor.page.goto(`/track/${trackingToken}`)
      await expect(visitor.page.getByTestId('track-number')).toHaveText(number)
      await expect(visitor.page.getByTestId('track-status')).toHaveText(msg(lang, 'track.headline.COLLECTED'))
      await check(visitor.page, at('tracking'), testInfo)
      await visitor.context.close()
    })
  }
}
