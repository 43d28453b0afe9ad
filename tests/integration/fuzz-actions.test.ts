// Fuzzing every server action (#7) with fast-check: random and hostile inputs — huge strings, unicode (RTL marks,
// zero-width, emoji, lone surrogates), NaN/Infinity/negative/huge numbers, wrong types, nested arrays, extra keys
// and prototype-pollution keys — sent by a manager (who passes every permission check, so the input reaches the
// parser and the use case). Never an internal error, never a console.error; a refusal changes no row; nothing
// pollutes Object.prototype.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/server/db'
import { makeStaff } from '../support/factories'
import { ensureManagerSettings } from './manager-support'
import { ACTION_INPUTS } from './security-inputs'
import { businessChecksum, changedTables, discoverServerActions, session, translations, type ServerAction } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

/** Runs per action: ~36 actions x 20 runs take ~20 s here; FUZZ_RUNS=500 for a deeper search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20)

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u202e\u0645\u0631\u062d\u0628\u0627 RTL override',
  'zero\u200bwidth\u200d\u2060\ufeff',
  '🙂👩🏽‍💻🇻🇳'.repeat(50),
  '\ud800 lone surrogate \udfff',
  '\u0000NUL\u0007bell\r\n',
  '\'; DROP TABLE "Order"; --',
  '<script>alert(1)</script>',
  '{{7*7}} ${7*7} %s%n',
  '../../../../etc/passwd',
  'Nguyễn Văn Đức',
  'x'.repeat(100_000),
  '9'.repeat(400),
  '1e309',
  '-0',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
]

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
)
const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 0.5, 2_147_483_648),
  fc.double(),
  fc.integer(),
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}, [[[[[]]]]], new Date(0), new Date(NaN)),
  fc.bigInt(),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
)
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'total', 'status', 'role', 'homeRole', 'passwordHash', 'id', 'actorId', ''),
  fc.string({ maxLength: 12 }),
)

/** Objects whose own keys include __proto__ (as JSON.parse makes them), to catch a merge that walks into the prototype. */
function polluting(base: Record<string, unknown>): unknown {
  return JSON.parse(
    `{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}${Object.keys(base).length > 0 ? `, ${JSON.stringify(base).slice(1)}` : '}'}`,
  )
}

/** An input for one action: garbage, the valid input with one field replaced, with extra keys, or polluting. */
function inputFor(key: string): fc.Arbitrary<unknown> {
  const base = ACTION_INPUTS[key]!
  const fields = Object.keys(base())
  // An action that takes no fields (the e-invoice connection test) is fuzzed with garbage and extra keys only.
  const replacingOneField =
    fields.length === 0
      ? []
      : [
          fc.tuple(fc.constantFrom(...fields), hostileValue).map(([field, value]) => ({ ...base(), [field]: value })),
          fc
            .tuple(fc.constantFrom(...fields), fc.array(hostileValue, { maxLength: 3 }))
            .map(([field, value]) => ({ ...base(), [field]: value })),
        ]
  return fc.oneof(
    hostileValue,
    ...replacingOneField,
    fc.dictionary(hostileKey, hostileValue, { maxKeys: 3 }).map((extra) => ({ ...base(), ...extra })),
    fc.constant(null).map(() => polluting(base())),
  )
}

let actions: Map<string, ServerAction>
let manager: { id: string }

beforeAll(async () => {
  await ensureManagerSettings()
  manager = await makeStaff({ homeRole: 'MANAGER' })
  actions = await discoverServerActions()
  await translations()
})

afterAll(() => {
  session.current = null
})

describe('fuzzing server actions', () => {
  it('covers every discovered action', () => {
    expect([...actions.keys()].filter((k) => !(k in ACTION_INPUTS))).toEqual([])
  })

  const keys = Object.keys(ACTION_INPUTS)
  it.each(keys)(
    '%s',
    async (key) => {
      const action = actions.get(key)!
      session.current = { user: { id: manager.id, sv: 1 } }
      let baseline = await businessChecksum()
      await fc.assert(
        fc.asyncProperty(inputFor(key), async (input) => {
          const result = (await action(input)) as { ok: boolean; code?: string; formError?: string }
          expect(result, 'an action always answers with the error contract').toHaveProperty('ok')
          expect(result.code, `internal error for ${fc.stringify(input).slice(0, 200)}`).not.toBe('INTERNAL')
          const now = await businessChecksum()
          if (!result.ok) expect(changedTables(baseline, now), 'a refusal changed rows').toEqual([])
          baseline = now
          expect(({} as Record<string, unknown>).polluted).toBeUndefined()
          expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      // The manager's own account came through untouched (no input could make them someone else, or lock them out).
      const me = await db().user.findUniqueOrThrow({ where: { id: manager.id } })
      expect(me).toMatchObject({ homeRole: 'MANAGER', active: true, sessionVersion: 1 })
    },
    10_000 + RUNS * 400,
  )

  it('refuses text the database cannot store — a lone surrogate or NUL — as an invalid field, not an internal error', async () => {
    // Found by this fuzzer: a staff name "\ud800…" reached the audit row's JSON and failed there (INTERNAL).
    session.current = { user: { id: manager.id, sv: 1 } }
    const createStaff = actions.get('actions/team.ts#createStaffAction')!
    const createCustomer = actions.get('actions/counter.ts#createCustomerAction')!
    const before = await businessChecksum()
    for (const name of ['\ud800 lone surrogate \udfff', 'Lan\u0000', 'trailing \udbff']) {
      expect(await createStaff({ ...ACTION_INPUTS['actions/team.ts#createStaffAction']!(), name })).toMatchObject({
        ok: false,
        code: 'INVALID',
        fieldErrors: { name: ['Not valid.'] },
      })
      expect(await createCustomer({ name, notes: name })).toMatchObject({ ok: false, code: 'INVALID' })
    }
    expect(await createCustomer({ name: 'Khách', notes: ['ok', { deep: '\ud800' }] })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { 'notes.1.deep': ['Not valid.'] },
    })
    expect(changedTables(before, await businessChecksum())).toEqual([])
  })
})
