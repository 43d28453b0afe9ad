import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NAPAS_BANKS, napasBank } from '@/domain/napas-banks'
import { buildVietQr, crc16CcittFalse, decodeVietQr, readFields, type VietQrInput } from '@/domain/vietqr'

// Published payloads: the README of vietnam-qr-pay (v1.5.1), ACB (BIN 970416) account 257678859.
const PUBLISHED_STATIC = '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F'
const PUBLISHED_DYNAMIC =
  '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6'
const PUBLISHED_DECODE =
  '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8'

describe('crc16CcittFalse', () => {
  it('gives the catalogue check value for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1')
  })
  it('pads to four upper-case hex digits', () => {
    expect(crc16CcittFalse('')).toBe('FFFF')
    expect(crc16CcittFalse(PUBLISHED_STATIC.slice(0, -4))).toBe('AE9F')
  })
})

describe('buildVietQr', () => {
  it('reproduces the published static payload', () => {
    expect(buildVietQr({ bin: '970416', account: '257678859' })).toBe(PUBLISHED_STATIC)
  })

  it('reproduces the published dynamic payloads byte for byte', () => {
    expect(buildVietQr({ bin: '970416', account: '257678859', amount: 10000, memo: 'Chuyen tien' })).toBe(PUBLISHED_DYNAMIC)
    expect(buildVietQr({ bin: '970416', account: '257678859', amount: 1000, memo: 'Chuyen tien' })).toBe(PUBLISHED_DECODE)
  })

  it('carries every field of an order payment, and a CRC that checks', () => {
    const text = buildVietQr({ bin: '970436', account: '0071000888999', amount: 502_000, memo: 'DH000123' })
    const root = readFields(text)
    expect([...(root?.keys() ?? [])]).toEqual(['00', '01', '38', '53', '54', '58', '62', '63'])
    const decoded = decodeVietQr(text)
    expect(decoded).toEqual({
      format: '01',
      initiation: '12',
      guid: 'A000000727',
      bin: '970436',
      account: '0071000888999',
      service: 'QRIBFTTA',
      currency: '704',
      amount: 502_000,
      country: 'VN',
      memo: 'DH000123',
      crc: text.slice(-4),
      crcValid: true,
    })
    expect(text.slice(-8, -4)).toBe('6304')
  })

  it.each<[VietQrInput, string]>([
    [{ bin: '97041', account: '1' }, 'BIN'],
    [{ bin: '970416', account: '12-34' }, 'account'],
    [{ bin: '970416', account: '1', amount: 0 }, 'amount'],
    [{ bin: '970416', account: '1', amount: 1.5 }, 'amount'],
    [{ bin: '970416', account: '1', amount: 10, memo: 'Đơn hàng' }, 'memo'],
    [{ bin: '970416', account: '1', amount: 10, memo: 'X'.repeat(26) }, 'memo'],
  ])('refuses %j (%s)', (input) => {
    expect(() => buildVietQr(input)).toThrow(RangeError)
  })

  it('round-trips any bank, account, amount and memo (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAPAS_BANKS.map((b) => b.bin)),
        fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.stringMatching(/^[A-Z0-9]{1,25}$/),
        (bin, account, amount, memo) => {
          const text = buildVietQr({ bin, account, amount, memo })
          const decoded = decodeVietQr(text)
          expect(decoded).toMatchObject({ bin, account, amount, memo, crcValid: true, initiation: '12', currency: '704', country: 'VN' })
        },
      ),
    )
  })

  it('any changed character breaks the CRC (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.nat(), fc.integer({ min: 1, max: 9 }), (amount, at, delta) => {
        const text = buildVietQr({ bin: '970422', account: '0123456789', amount, memo: 'DH42' })
        const i = at % (text.length - 4)
        const digit = text[i] ?? '0'
        const changed = /\d/.test(digit) ? String((Number(digit) + delta) % 10) : digit === 'A' ? 'B' : 'A'
        const tampered = text.slice(0, i) + changed + text.slice(i + 1)
        expect(decodeVietQr(tampered)?.crcValid ?? false).toBe(false)
      }),
    )
  })
})

describe('decodeVietQr', () => {
  it('reads the published payloads', () => {
    expect(decodeVietQr(PUBLISHED_DECODE)).toMatchObject({
      bin: '970416',
      account: '257678859',
      amount: 1000,
      memo: 'Chuyen tien',
      crcValid: true,
    })
    expect(decodeVietQr(PUBLISHED_STATIC)).toMatchObject({ initiation: '11', amount: null, memo: null, crcValid: true })
  })
  it('is null for what is not a VietQR payload', () => {
    expect(decodeVietQr('hello')).toBeNull()
    expect(decodeVietQr('000201')).toBeNull()
  })
})

describe('NAPAS_BANKS', () => {
  it('lists each BIN once, six digits, with names', () => {
    expect(new Set(NAPAS_BANKS.map((b) => b.bin)).size).toBe(NAPAS_BANKS.length)
    for (const bank of NAPAS_BANKS) {
      expect(bank.bin).toMatch(/^\d{6}$/)
      expect(bank.shortName.length).toBeGreaterThan(0)
    }
    expect(napasBank('970436')?.shortName).toBe('Vietcombank')
    expect(napasBank('000000')).toBeUndefined()
  })
})
