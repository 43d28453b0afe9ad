// VietQR and bank-confirmed transfers (#17): the pickup screen's QR code, read back from the screen's pixels, asks for
// the balance due with the order's memo; a bank notification posted to the webhook turns the screen to "paid"
// without a reload; the ticket carries the code; a transfer nobody can match lands on the unmatched list.
import jsQR from 'jsqr'
import type { Locator, Page } from '@playwright/test'
import { orderMemo } from '../src/domain/bank-transfer'
import { decodeVietQr } from '../src/domain/vietqr'
import { DEMO, expect, runtime, screenshotPath, sql, test } from './fixtures'

/** An open order of the demo shop with money left to pay and no invoice yet (left = total - money held). */
async function orderWithBalance(skip: number): Promise<{ id: string; number: number; left: number }> {
  const rows = await sql<{ id: string; number: number; left: number }>(
    `SELECT o.id, o.number, (o.total - COALESCE((SELECT SUM(p.amount) FROM "Payment" p WHERE p."orderId" = o.id), 0))::int AS left
       FROM "Order" o
      WHERE o."cancelledAt" IS NULL AND o.handover = 'WAITING' AND o."heldAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Invoice" i WHERE i."orderId" = o.id)
        AND o.total - COALESCE((SELECT SUM(p.amount) FROM "Payment" p WHERE p."orderId" = o.id), 0) > 0
      ORDER BY o.number DESC OFFSET $1 LIMIT 1`,
    [skip],
  )
  if (!rows[0]) throw new Error('the demo data has no order with a balance due')
  return rows[0]
}

/** The QR code as the screen shows it: a screenshot of the element, decoded by jsQR from the browser's pixels. */
async function readQr(page: Page, code: Locator): Promise<string> {
  const png = (await code.screenshot()).toString('base64')
  const image = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.width
    canvas.height = img.height
    const context = canvas.getContext('2d')!
    context.drawImage(img, 0, 0)
    return { width: img.width, height: img.height, data: Array.from(context.getImageData(0, 0, img.width, img.height).data) }
  }, png)
  const found = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)
  if (!found) throw new Error('no QR code could be read from the screen')
  return found.data
}

function notify(page: Page, body: Record<string, unknown>) {
  const { baseURL, sepayKey } = runtime()
  return page.request.post(`${baseURL}/api/webhooks/sepay`, { headers: { authorization: `Apikey ${sepayKey}` }, data: body })
}

const sepay = (id: number, content: string, transferAmount: number) => ({
  id,
  gateway: 'Vietcombank',
  transactionDate: '2026-12-06 09:15:00',
  accountNumber: '0071000888999',
  code: null,
  content,
  transferType: 'in',
  transferAmount,
  accumulated: 19_077_000,
  subAccount: null,
  referenceCode: `FT26340${id}`,
  description: '',
})

for (const locale of ['en', 'vi'] as const) {
  test(`pickup screen: QR for the balance due, paid live by the bank (${locale})`, async ({ page, login, context }) => {
    await context.addCookies([{ name: 'handoff-locale', value: locale, url: runtime().baseURL }])
    await login(DEMO.reception)
    const order = await orderWithBalance(locale === 'en' ? 0 : 1)
    const memo = orderMemo(`DH-${String(order.number).padStart(6, '0')}`)
    await page.goto(`/front/orders/${order.id}`)
    const qr = page.getByTestId('pickup-panel').getByTestId('transfer-qr')
    await expect(qr).toBeVisible()
    await expect(qr.getByTestId('transfer-qr-memo')).toHaveText(memo)
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live')
    const decoded = decodeVietQr(await readQr(page, qr.locator('[role="img"]')))
    expect(decoded).toMatchObject({ bin: '970436', account: '0071000888999', amount: order.left, memo, crcValid: true, currency: '704' })
    const box = await qr.locator('[role="img"]').boundingBox()
    expect(box!.width).toBeGreaterThanOrEqual(280)
    await page.screenshot({ path: screenshotPath(`pickup-vietqr-${locale}`), fullPage: true })

    // The bank confirms the transfer: the screen turns to paid on its own, within a second or so.
    const sent = Date.now()
    const answer = await notify(page, sepay(700_000 + order.number, `MBVCB.88123.${memo}.CT tu 0123456789`, order.left))
    expect(answer.status()).toBe(200)
    expect(await answer.json()).toEqual({ success: true })
    await expect(page.getByTestId('pickup-paid')).toBeVisible({ timeout: 5_000 })
    test.info().annotations.push({ type: 'webhook-to-paid-ms', description: String(Date.now() - sent) })
    await expect(qr).toHaveCount(0)
    // The order's timeline: "Paid by transfer, <amount>, bank ref FT…", by the bank's system actor.
    await expect(page.locator('ol li').filter({ hasText: `FT26340${700_000 + order.number}` })).toHaveCount(1)
    await page.screenshot({ path: screenshotPath(`pickup-paid-${locale}`), fullPage: true })
  })

  test(`ticket with its QR code, and the unmatched list (${locale})`, async ({ page, login, context }) => {
    await context.addCookies([{ name: 'handoff-locale', value: locale, url: runtime().baseURL }])
    await login(DEMO.manager)
    const order = await orderWithBalance(locale === 'en' ? 2 : 3)
    await page.goto(`/front/orders/${order.id}/ticket?format=a4`)
    const ticketQr = page.locator('#ticket').getByTestId('transfer-qr')
    await expect(ticketQr).toBeVisible()
    expect(decodeVietQr(await readQr(page, ticketQr.locator('[role="img"]')))).toMatchObject({ amount: order.left, crcValid: true })
    await page.screenshot({ path: screenshotPath(`ticket-vietqr-${locale}`), fullPage: true })

    // An overpayment is not applied: it waits on the unmatched list, where it is assigned by hand or set aside. The
    // list is open already and live: the transfers show up on it without a reload.
    await page.goto('/back/transfers')
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live')
    const memo = orderMemo(`DH-${String(order.number).padStart(6, '0')}`)
    const rows = page.getByTestId('unmatched-transfer')
    await expect(rows.filter({ hasText: memo })).toHaveCount(0)
    expect((await notify(page, sepay(800_000 + order.number, memo, order.left + 50_000))).status()).toBe(200)
    expect((await notify(page, sepay(900_000 + order.number, 'chuyen tien', 120_000))).status()).toBe(200)
    await expect(rows.filter({ hasText: memo })).toHaveCount(1, { timeout: 5_000 })
    await page.screenshot({ path: screenshotPath(`unmatched-transfers-${locale}`), fullPage: true })
  })
}
