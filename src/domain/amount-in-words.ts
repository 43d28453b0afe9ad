// The amount of an invoice in Vietnamese words ("số tiền viết bằng chữ", Decree 123/2020 art. 10.11): own code rather
// than a dependency (docs/decisions/022): the rules fit on a page and are tested exhaustively.
//
// Conventions (those of the common invoicing software): groups of three digits read as hundreds, tens and units, named
// nghìn, triệu, tỷ (and nghìn tỷ, triệu tỷ above); an all-zero group is skipped ("một triệu không trăm lẻ một"); a group after the first is read in
// full ("không trăm", "lẻ"); 1 after 20 is "mốt", 4 after 20 is "tư", 5 after 10 is "lăm"; "lẻ" for a zero ten (the
// southern usage, as the demo shop's). First letter capitalised, "đồng" at the end.

import { DomainError } from './errors'

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const

function units(u: number, t: number): string[] {
  if (u === 0) return []
  if (u === 1 && t >= 2) return ['mốt']
  if (u === 4 && t >= 2) return ['tư']
  if (u === 5 && t >= 1) return ['lăm']
  return [DIGITS[u]!]
}

/** Words of 0 < n < 1000; `full` reads the hundreds and a zero ten even when they are 0 (any group but the first). */
function group(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100)
  const t = Math.floor(n / 10) % 10
  const u = n % 10
  const words: string[] = []
  if (h > 0 || full) words.push(DIGITS[h]!, 'trăm')
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push('lẻ')
  } else if (t === 1) words.push('mười')
  else words.push(DIGITS[t]!, 'mươi')
  words.push(...units(u, t))
  return words
}

/** Words of n < 10^9 as triệu, nghìn and units; `leading` when nothing was read before it. */
function belowBillion(n: number, leading: boolean): string[] {
  const words: string[] = []
  let started = !leading
  for (const [size, name] of [
    [1_000_000, 'triệu'],
    [1_000, 'nghìn'],
    [1, ''],
  ] as const) {
    const g = Math.floor(n / size) % 1000
    if (g === 0) continue
    words.push(...group(g, started))
    if (name) words.push(name)
    started = true
  }
  return words
}

function read(n: number, leading: boolean): string[] {
  if (n < 1_000_000_000) return belowBillion(n, leading)
  const rest = n % 1_000_000_000
  // "một nghìn tỷ", "hai tỷ không trăm lẻ năm triệu".
  return [...read(Math.floor(n / 1_000_000_000), leading), 'tỷ', ...(rest > 0 ? belowBillion(rest, false) : [])]
}

/** Words of a non-negative safe integer, lower case, without the currency. */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('INVALID', 'errors.invalidAmount', {}, 'amount')
  return n === 0 ? DIGITS[0] : read(n, true).join(' ')
}

/** "Một trăm hai mươi nghìn đồng"; negative amounts (an adjusting invoice that reduces) start with "Âm". */
export function amountInWordsVnd(amount: number): string {
  const text = `${amount < 0 ? 'âm ' : ''}${numberInWords(Math.abs(amount))} đồng`
  return text.charAt(0).toUpperCase() + text.slice(1)
}
