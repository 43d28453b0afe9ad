// VietQR: the bank-transfer QR code every Vietnamese banking app scans (NAPAS "QR IBFT to account", an EMVCo
// merchant-presented payload). Pure: the text to encode, its decoder (for tests and for checking what a screen shows)
// and CRC-16/CCITT-FALSE. Why our own builder and not vietnam-qr-pay: docs/decisions/015-vietqr-payload.md.
//
// The payload is a list of fields "ID (2 digits) + length (2 digits) + value", in this order:
//   00 "01" payload format · 01 "12" dynamic (an amount is set) or "11" static · 38 the beneficiary: 00 GUID
//   "A000000727" (NAPAS), 01 (00 bank BIN + 01 account number), 02 service "QRIBFTTA" (transfer to an account) ·
//   53 "704" (VND) · 54 the amount · 58 "VN" · 62 additional data: 08 purpose (the transfer memo) · 63 CRC of
//   everything before it, "6304" included, as 4 upper-case hex digits.

export const NAPAS_GUID = 'A000000727'
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA'
export const VND_NUMERIC = '704'

/** The purpose field (62/08) is at most 25 characters (EMVCo); memos are kept far shorter. */
export const MAX_MEMO = 25
const ACCOUNT = /^[A-Za-z0-9]{1,19}$/
const BIN = /^\d{6}$/
const MEMO = /^[A-Za-z0-9 ]{1,25}$/
/** Amounts in whole đồng: up to 13 characters in field 54. */
const MAX_QR_AMOUNT = 9_999_999_999_999

export interface VietQrInput {
  bin: string
  account: string
  /** Whole đồng (VND has no minor unit); omitted for a static code. */
  amount?: number
  memo?: string
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over the UTF-8 bytes, 4 hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

function field(id: string, value: string): string {
  if (value.length > 99) throw new RangeError(`VietQR field ${id} is longer than 99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/** The text of a VietQR code. Throws RangeError for a BIN, account, amount or memo a banking app would refuse. */
export function buildVietQr(input: VietQrInput): string {
  if (!BIN.test(input.bin)) throw new RangeError(`Invalid bank BIN: ${input.bin}`)
  if (!ACCOUNT.test(input.account)) throw new RangeError('Invalid account number')
  if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > MAX_QR_AMOUNT)) {
    throw new RangeError(`Invalid amount: ${input.amount}`)
  }
  if (input.memo !== undefined && !MEMO.test(input.memo)) throw new RangeError(`Invalid memo: ${input.memo}`)
  const beneficiary = field('00', input.bin) + field('01', input.account)
  const merchant = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', SERVICE_TO_ACCOUNT)
  const body =
    field('00', '01') +
    field('01', input.amount === undefined ? '11' : '12') +
    field('38', merchant) +
    field('53', VND_NUMERIC) +
    (input.amount === undefined ? '' : field('54', String(input.amount))) +
    field('58', 'VN') +
    (input.memo === undefined ? '' : field('62', field('08', input.memo))) +
    '6304'
  return body + crc16CcittFalse(body)
}

/** Splits "ID len value ID len value …" into a map; null when the lengths do not add up. */
export function readFields(text: string): Map<string, string> | null {
  const fields = new Map<string, string>()
  let at = 0
  while (at < text.length) {
    const id = text.slice(at, at + 2)
    const length = Number(text.slice(at + 2, at + 4))
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(at + 2, at + 4)) || at + 4 + length > text.length) return null
    fields.set(id, text.slice(at + 4, at + 4 + length))
    at += 4 + length
  }
  return fields
}

export interface DecodedVietQr {
  format: string
  initiation: string
  guid: string
  bin: string
  account: string
  service: string
  currency: string
  amount: number | null
  country: string
  memo: string | null
  crc: string
  /** The CRC in the payload is the one computed over the rest. */
  crcValid: boolean
}

/** Reads a VietQR payload back (any field order); null when it is not one. */
export function decodeVietQr(text: string): DecodedVietQr | null {
  const root = readFields(text)
  const merchant = root?.get('38') === undefined ? null : readFields(root.get('38') ?? '')
  const beneficiary = merchant?.get('01') === undefined ? null : readFields(merchant.get('01') ?? '')
  const crc = root?.get('63')
  if (!root || !merchant || !beneficiary || crc === undefined || !text.endsWith(`6304${crc}`)) return null
  const extra = root.get('62') === undefined ? null : readFields(root.get('62') ?? '')
  const amount = root.get('54')
  return {
    format: root.get('00') ?? '',
    initiation: root.get('01') ?? '',
    guid: merchant.get('00') ?? '',
    bin: beneficiary.get('00') ?? '',
    account: beneficiary.get('01') ?? '',
    service: merchant.get('02') ?? '',
    currency: root.get('53') ?? '',
    amount: amount === undefined ? null : Number(amount),
    country: root.get('58') ?? '',
    memo: extra?.get('08') ?? null,
    crc,
    crcValid: crc16CcittFalse(text.slice(0, -4)) === crc,
  }
}
