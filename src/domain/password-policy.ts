// Password policy, shared by the manager's forms, the schemas and the server: long enough, not on the common list (nor
// built around a common word), not the person's own name, and hashed with argon2id at or above OWASP's minimums.
import { COMMON_PASSWORDS } from './common-passwords'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 200

/**
 * Words guessed first by anyone trying, removed before counting what is left: keyboard and digit runs, the words
 * "password" / "mật khẩu", the app's own name. What is left after removing these words, the person's own name and
 * email, digits and separators must still be at least four characters.
 */
const COMMON_WORDS = [
  'password',
  'passwort',
  'matkhau',
  'qwertyuiop',
  'qwerty',
  'azerty',
  'asdfghjkl',
  'asdfgh',
  'zxcvbnm',
  'qazwsx',
  '1q2w3e',
  'iloveyou',
  'letmein',
  'welcome',
  'changeme',
  'admin',
  'secret',
  'handoff',
  'demo',
  'test',
  'hello',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'vietnam',
  'saigon',
  'hanoi',
  'abc',
]

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase()
}

/** "abcdefghijkl", "123456789012", "987654321098": mostly steps of ±1 between neighbours. */
function isRun(s: string): boolean {
  if (s.length < 8) return false
  let steps = 0
  for (let i = 1; i < s.length; i++) if (Math.abs(s.charCodeAt(i) - s.charCodeAt(i - 1)) === 1) steps++
  return steps / (s.length - 1) >= 0.75
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  '5': 's',
  $: 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
}

/** "aaaaaa" -> "a", "monkeymonkey" -> "monkey": the shortest unit the string repeats. */
function repeatedUnit(s: string): string {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n === 0 && s.slice(0, n).repeat(s.length / n) === s) return s.slice(0, n)
  }
  return s
}

/**
 * On the common-password list, or built around an entry of it: the whole password (case, accents and separators
 * ignored), its letters once digits and symbols around them are taken off ("Sunshine2026!"), the same with
 * look-alike characters read back ("P@ssw0rd1234"), or an entry repeated ("monkeymonkey").
 */
export function isCommonPassword(password: string): boolean {
  const whole = fold(password).replace(/[\s._-]+/g, '')
  if (COMMON_PASSWORDS.has(whole) || COMMON_PASSWORDS.has(repeatedUnit(whole))) return true
  const core = whole.replace(/^[^a-z]+|[^a-z]+$/g, '')
  const candidates = [core, [...core].map((c) => LEET[c] ?? c).join('')]
  return candidates.some((c) => c !== '' && (COMMON_PASSWORDS.has(c) || COMMON_PASSWORDS.has(repeatedUnit(c))))
}

/** Too easy to guess, for this person: common, a keyboard or digit run, few distinct characters, or mostly common
 * words and the person's own name or email. (Length is checked by the schema.) */
export function isWeakPassword(password: string, person: { name?: string; email?: string } = {}): boolean {
  const lower = fold(password)
  if (new Set(lower).size <= 3) return true
  if (isRun(lower.replace(/[^a-z0-9]/g, ''))) return true
  if (isCommonPassword(password)) return true
  const own = [...fold(person.name ?? '').split(/[^a-z0-9]+/), ...fold(person.email?.split('@')[0] ?? '').split(/[^a-z0-9]+/)].filter(
    (w) => w.length >= 3,
  )
  // Separators do not make a word less guessable: "mật khẩu 2026" is "matkhau2026".
  let rest = lower.replace(/[\s._-]+/g, '')
  for (const word of [...COMMON_WORDS, ...own]) rest = rest.split(word).join('')
  return rest.replace(/\d/g, '').length < 4
}

/** argon2id settings OWASP's Password Storage Cheat Sheet accepts as equivalent (memory in KiB, iterations). */
export const OWASP_ARGON2ID_MINIMUMS: ReadonlyArray<{ m: number; t: number }> = [
  { m: 47104, t: 1 },
  { m: 19456, t: 2 },
  { m: 12288, t: 3 },
  { m: 9216, t: 4 },
  { m: 7168, t: 5 },
]

export interface Argon2Params {
  algorithm: string
  version: number
  m: number
  t: number
  p: number
}

/** The parameters written in a PHC-format hash: `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
export function argon2Params(hash: string): Argon2Params | null {
  const match = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash)
  if (!match) return null
  return { algorithm: match[1]!, version: Number(match[2]), m: Number(match[3]), t: Number(match[4]), p: Number(match[5]) }
}

/** argon2id, version 1.3, at least one lane and a memory/time pair at or above one of OWASP's minimums. */
export function meetsArgon2Minimum(hash: string): boolean {
  const p = argon2Params(hash)
  if (!p || p.algorithm !== 'argon2id' || p.version !== 19 || p.p < 1) return false
  return OWASP_ARGON2ID_MINIMUMS.some((min) => p.m >= min.m && p.t >= min.t)
}
