import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { checkPayment } from '@/domain/billing'
import { formatMoney } from '@/domain/money'
import { withMoneyParams } from '@/server/billing/money-params'
import { messageFormats } from '@/server/errors'
import en from '../../messages/en/back.json'
import vi from '../../messages/vi/back.json'

/** A refusal as a server action shows it: the message key translated with its params and formats. */
function shown(locale: 'en' | 'vi', key: string, params: Record<string, string | number>) {
  const t = createTranslator({ locale, messages: { back: locale === 'en' ? en : vi } })
  return t(key as never, params as never, messageFormats(params))
}

describe('refusals that name an amount', () => {
  it("show it in the reader's currency format, not as a bare number and a code", () => {
    const money = { orderTotal: 146_600, invoicedNet: 146_600, held: 0, cancelled: false }
    const refusal = withMoneyParams(checkPayment(money, 600_000)!, 'VND')
    expect(refusal.messageKey).toBe('back.errors.overpayment')
    const en_ = shown('en', refusal.messageKey, refusal.params)
    const vi_ = shown('vi', refusal.messageKey, refusal.params)
    expect(en_).toBe(`Overpayment refused: at most ${formatMoney(146_600, 'VND', 'en')} can still be paid.`)
    expect(vi_).toContain(formatMoney(146_600, 'VND', 'vi'))
    for (const text of [en_, vi_]) expect(text).not.toContain('VND')
  })

  it('keep the minor digits of a currency that has them', () => {
    const refusal = withMoneyParams(checkPayment({ orderTotal: 1250, invoicedNet: 1250, held: 0, cancelled: false }, 5000)!, 'EUR')
    expect(shown('en', refusal.messageKey, refusal.params)).toContain('€12.50')
  })
})
