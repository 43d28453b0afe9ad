import 'server-only'
import QRCode from 'qrcode'
import { depositAsk, orderMemo } from '@/domain/bank-transfer'
import { napasBank } from '@/domain/napas-banks'
import { buildVietQr } from '@/domain/vietqr'
import { getBankSettings } from '../settings/get-bank-settings'
import { getSettings } from '../settings/get-settings'

/** A VietQR code asking for one amount (docs/decisions/015), ready to show or print. */
export interface TransferQrDTO {
  /** The payload the code holds. */
  payload: string
  /** The code as SVG, drawn on the server by `qrcode` from our own payload. */
  svg: string
  /** Whole đồng. */
  amount: number
  memo: string
  bankName: string
  account: string
  accountName: string
}

/**
 * The VietQR code asking for `amount` with `memo` (orderMemo/invoiceMemo), or null when there is nothing to ask, the
 * shop has no bank set, or its currency is not VND (a VietQR amount is in đồng).
 */
export async function transferQr(amount: number, memo: string): Promise<TransferQrDTO | null> {
  const [settings, bank] = await Promise.all([getSettings(), getBankSettings()])
  const known = napasBank(bank.bankBin)
  if (amount <= 0 || settings.currency !== 'VND' || !known || bank.bankAccount === '') return null
  const payload = buildVietQr({ bin: known.bin, account: bank.bankAccount, amount, memo })
  // Level M and a quiet zone of 2 modules: scanned from a phone across the counter as well as from paper.
  const svg = await QRCode.toString(payload, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  })
  return { payload, svg, amount, memo, bankName: known.shortName, account: bank.bankAccount, accountName: bank.bankAccountName }
}

/** What the ticket's QR code asks for (the shop's choice, ADR 015): what is left to pay, or a deposit of a share of
 * the total not yet held; with the share when it is a deposit. Null: no code on the ticket. */
export async function ticketTransferQr(ticket: {
  number: string
  total: number
  paidNet: number
  leftToPay: number
  status: string
}): Promise<{ qr: TransferQrDTO; depositPercent: number | null } | null> {
  if (ticket.status === 'CANCELLED' || ticket.leftToPay <= 0) return null
  const bank = await getBankSettings()
  const deposit = bank.ticketQrAmount === 'DEPOSIT'
  const amount = deposit ? depositAsk(ticket.total, ticket.paidNet, ticket.leftToPay, bank.depositPercent) : ticket.leftToPay
  const qr = await transferQr(amount, orderMemo(ticket.number))
  return qr ? { qr, depositPercent: deposit ? bank.depositPercent : null } : null
}
