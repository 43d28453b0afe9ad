// The authorization matrix (#7): every server action and every route handler, discovered from the code, called as each
// kind of principal. A discovered action or route without a row fails, and so does a row whose action or route is
// gone. Allowed: the answer is neither UNAUTHENTICATED nor FORBIDDEN (nor an internal error). Refused: it is, and no
// row of any table changed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db } from '@/server/db'
import { orderEvents } from '@/server/live/order-events'
import { tokenFor } from '../support/api'
import { makeStaff } from '../support/factories'
import { ensureManagerSettings } from './manager-support'
import { ACTION_INPUTS, nobody, ROUTE_REQUESTS } from './security-inputs'
import {
  businessChecksum,
  changedTables,
  discoverRoutes,
  discoverServerActions,
  invokeRoute,
  outcomeOf,
  session,
  translations,
  type RouteHandler,
  type ServerAction,
} from './security-support'

// Next's request-scoped storage needs Node's AsyncLocalStorage before any Next module loads (the sign-in route).
vi.hoisted(() => {
  const g = globalThis as { AsyncLocalStorage?: unknown }
  g.AsyncLocalStorage ??= process.getBuiltinModule('node:async_hooks').AsyncLocalStorage
  // As deployed: the benchmark-only routes are switched off.
  delete process.env.HANDOFF_BENCH
})
vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

const PRINCIPALS = ['anonymous', 'receptionist', 'backOffice', 'manager', 'cover', 'deactivated'] as const
type Principal = (typeof PRINCIPALS)[number]
type Person = { id: string; sv: number; token: string }

// Who may: the rows below name the allowed principals; everyone else is refused.
const STAFF: Principal[] = ['receptionist', 'backOffice', 'manager', 'cover']
const EVERYONE: Principal[] = [...PRINCIPALS]
const COUNTER: Principal[] = ['receptionist', 'manager', 'cover'] // TAKE_ORDER / HANDLE_PICKUP (cover has both at 2)
const WORKSHOP: Principal[] = ['backOffice', 'manager', 'cover'] // FULFILL / INVOICE / RECORD_PAYMENT (cover's home role)
const MANAGER: Principal[] = ['manager']

type Row = Principal[]
/** Who may call each server action (inputs: security-inputs.ts). */
const ACTIONS: Record<string, Row> = {
  '(account)/account/actions.ts#startOwnLunchAction': STAFF,
  '(account)/account/actions.ts#planOwnLunchAction': STAFF,
  '(account)/account/actions.ts#endOwnAbsenceAction': STAFF,
  '(account)/account/actions.ts#reassignOwnOrdersAction': STAFF,

  '(front)/front/actions.ts#createCustomerAction': COUNTER,
  '(front)/front/actions.ts#createOrderAction': COUNTER,
  '(front)/front/actions.ts#handOverAction': COUNTER,
  '(front)/front/actions.ts#issueInvoiceAction': WORKSHOP,
  '(front)/front/actions.ts#recordPaymentAction': STAFF,

  '(back)/back/actions.ts#recordFulfillmentAction': WORKSHOP,
  '(back)/back/actions.ts#assignOrderAction': WORKSHOP,
  '(back)/back/actions.ts#holdOrderAction': WORKSHOP,
  '(back)/back/actions.ts#releaseOrderAction': WORKSHOP,
  '(back)/back/actions.ts#cancelOrderAction': WORKSHOP,
  '(back)/back/actions.ts#issueInvoiceAction': WORKSHOP,
  '(back)/back/actions.ts#recordPaymentAction': STAFF,
  '(back)/back/actions.ts#issueCreditNoteAction': WORKSHOP,
  '(back)/back/actions.ts#recordRefundAction': STAFF,
  '(back)/back/actions.ts#returnDepositAction': STAFF,

  '(manager)/manager/actions.ts#setSkillLevelAction': MANAGER,
  '(manager)/manager/actions.ts#createTrainingGoalAction': MANAGER,
  '(manager)/manager/actions.ts#markTrainingGoalAchievedAction': MANAGER,
  '(manager)/manager/actions.ts#recordAbsenceAction': MANAGER,
  '(manager)/manager/actions.ts#endAbsenceAction': MANAGER,
  '(manager)/manager/actions.ts#getReassignmentAction': MANAGER,
  '(manager)/manager/actions.ts#reassignOrdersAction': MANAGER,
  '(manager)/manager/actions.ts#createStaffAction': MANAGER,
  '(manager)/manager/actions.ts#setHomeRoleAction': MANAGER,
  '(manager)/manager/actions.ts#resetPasswordAction': MANAGER,
  '(manager)/manager/actions.ts#setStaffActiveAction': MANAGER,
  '(manager)/manager/actions.ts#createProductAction': MANAGER,
  '(manager)/manager/actions.ts#updateProductAction': MANAGER,
  '(manager)/manager/actions.ts#setProductActiveAction': MANAGER,
  '(manager)/manager/actions.ts#updateSettingsAction': MANAGER,
  '(manager)/manager/api-tokens/actions.ts#createApiTokenAction': MANAGER,
  '(manager)/manager/api-tokens/actions.ts#revokeApiTokenAction': MANAGER,

  // Public on purpose: a signed-out visitor (login, tracking page) picks a language into a cookie; only a live
  // session also stores it on the person. Signed-out and deactivated callers must still not change a row.
  'actions/set-locale.ts#setLocaleAction': EVERYONE,
}

/** Who may call each route handler. Bearer routes get the principal's API token, cookie routes their session.
 * ABSENT: the route answers 404 to everyone in a normal deployment (benchmark-only routes). */
const ABSENT = 'absent' as const
const ROUTES: Record<string, Row | typeof ABSENT> = {
  'GET /api/v1/health': EVERYONE,
  'GET /api/v1/openapi.json': EVERYONE,
  'GET /api/auth/[...nextauth]': EVERYONE,
  'POST /api/auth/[...nextauth]': EVERYONE,

  'GET /api/v1/orders': STAFF,
  'POST /api/v1/orders': COUNTER,
  'GET /api/v1/orders/[id]': STAFF,
  'POST /api/v1/orders/[id]/fulfillment': WORKSHOP,
  'POST /api/v1/orders/[id]/invoices': WORKSHOP,
  'POST /api/v1/orders/[id]/payments': STAFF,
  'GET /api/v1/customers': COUNTER,
  'POST /api/v1/customers': COUNTER,
  'GET /api/v1/invoices': WORKSHOP,

  'POST /api/bench/echo': ABSENT,
  'POST /api/bench/echo/auth': ABSENT,
  'POST /api/bench/echo/validate': ABSENT,
  'POST /api/bench/echo/idempotent': ABSENT,

  'GET /api/back/export': WORKSHOP,
  'GET /api/back/queue': WORKSHOP,
  // Names no data (ids and versions only), so every desk and workshop reader may listen.
  'GET /api/live/orders': STAFF,
}

const people = {} as Record<Exclude<Principal, 'anonymous'>, Person>
let actions: Map<string, ServerAction>
let routes: Map<string, RouteHandler>

function signIn(principal: Principal) {
  session.current = principal === 'anonymous' ? null : { user: { id: people[principal].id, sv: people[principal].sv } }
}

async function callRoute(key: string, handler: RouteHandler, principal: Principal) {
  const { auth, request } = ROUTE_REQUESTS[key]!
  signIn(auth === 'bearer' ? 'anonymous' : principal)
  return invokeRoute(key, handler, request(), auth === 'bearer' && principal !== 'anonymous' ? people[principal].token : undefined)
}

beforeAll(async () => {
  await ensureManagerSettings()
  const make = async (homeRole: 'RECEPTIONIST' | 'BACK_OFFICE' | 'MANAGER', skills?: Record<string, number>) => {
    const user = await makeStaff({ homeRole, skills })
    return { id: user.id, sv: 1, token: await tokenFor(user.id) }
  }
  people.receptionist = await make('RECEPTIONIST')
  people.backOffice = await make('BACK_OFFICE')
  people.manager = await make('MANAGER')
  // Back office, certified to cover the counter (take orders, hand them over) at level 2.
  people.cover = await make('BACK_OFFICE', { HANDLE_PICKUP: 2, TAKE_ORDER: 2 })
  // A manager deactivated while signed in: the cookie and the API token are still "valid" on their own, the session
  // version was not even moved on. Only the active flag stands in the way.
  people.deactivated = await make('MANAGER')
  await db().user.update({ where: { id: people.deactivated.id }, data: { active: false } })
  actions = await discoverServerActions()
  routes = await discoverRoutes()
  await translations()
})

afterAll(async () => {
  session.current = null
  await orderEvents().close()
})

describe('discovery', () => {
  it('finds every server action in the table, and every row in the code', () => {
    expect([...actions.keys()].filter((k) => !(k in ACTIONS)), 'server actions without a row in ACTIONS').toEqual([])
    expect([...actions.keys()].filter((k) => !(k in ACTION_INPUTS)), 'server actions without an input in security-inputs.ts').toEqual([])
    expect(Object.keys(ACTIONS).filter((k) => !actions.has(k)), 'rows whose server action no longer exists').toEqual([])
    expect(Object.keys(ACTION_INPUTS).filter((k) => !actions.has(k)), 'inputs whose server action no longer exists').toEqual([])
  })

  it('finds every route handler in the table, and every row in the code', () => {
    expect([...routes.keys()].filter((k) => !(k in ROUTES)), 'routes without a row in ROUTES').toEqual([])
    expect([...routes.keys()].filter((k) => !(k in ROUTE_REQUESTS)), 'routes without a request in security-inputs.ts').toEqual([])
    expect(Object.keys(ROUTES).filter((k) => !routes.has(k)), 'rows whose route no longer exists').toEqual([])
    expect(Object.keys(ROUTE_REQUESTS).filter((k) => !routes.has(k)), 'requests whose route no longer exists').toEqual([])
  })
})

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN']

describe('server actions × principals', () => {
  const cells = Object.keys(ACTIONS).flatMap((key) => PRINCIPALS.map((p) => [key, p] as const))
  it.each(cells)('%s as %s', async (key, principal) => {
    const action = actions.get(key)
    expect(action, `${key} was not discovered`).toBeDefined()
    signIn(principal)
    const allowed = ACTIONS[key]!.includes(principal)
    const before = await businessChecksum()
    const outcome = outcomeOf(await action!(ACTION_INPUTS[key]!()))
    const changed = changedTables(before, await businessChecksum())
    if (allowed) {
      if (!outcome.ok) expect(REFUSALS, `${key} refused ${principal}`).not.toContain(outcome.code)
      expect(outcome).not.toMatchObject({ code: 'INTERNAL' })
      // Signed-out visitors may choose a language, which lives in a cookie only.
      if (principal === 'anonymous' || principal === 'deactivated') expect(changed).toEqual([])
    } else {
      expect(outcome).toEqual({ ok: false, code: principal === 'anonymous' || principal === 'deactivated' ? 'UNAUTHENTICATED' : 'FORBIDDEN' })
      expect(changed, `${key} as ${principal} changed rows`).toEqual([])
    }
  })
})

describe('route handlers × principals', () => {
  const cells = Object.keys(ROUTES).flatMap((key) => PRINCIPALS.map((p) => [key, p] as const))
  it.each(cells)('%s as %s', async (key, principal) => {
    const handler = routes.get(key)
    expect(handler, `${key} was not discovered`).toBeDefined()
    const row = ROUTES[key]!
    const before = await businessChecksum()
    const answer = await callRoute(key, handler!, principal)
    const changed = changedTables(before, await businessChecksum())
    expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500)
    if (row === ABSENT) {
      expect(answer.status).toBe(404)
      expect(changed).toEqual([])
    } else if (row.includes(principal)) {
      expect([401, 403], `${key} refused ${principal}: ${answer.text.slice(0, 200)}`).not.toContain(answer.status)
    } else {
      expect(answer.status, answer.text.slice(0, 200)).toBe(principal === 'anonymous' || principal === 'deactivated' ? 401 : 403)
      if (ROUTE_REQUESTS[key]!.auth === 'bearer') expect(answer.code).toBe(principal === 'anonymous' || principal === 'deactivated' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
      expect(changed, `${key} as ${principal} changed rows`).toEqual([])
    }
  })
})

describe('the matrix itself', () => {
  it('has a row for each discovered action and route, six principals each', () => {
    const total = (Object.keys(ACTIONS).length + Object.keys(ROUTES).length) * PRINCIPALS.length
    expect(total).toBe((actions.size + routes.size) * PRINCIPALS.length)
  })

  it('a refused principal gets the same translated words a form shows', async () => {
    signIn('receptionist')
    const result = (await actions.get('(manager)/manager/actions.ts#setStaffActiveAction')!({ userId: nobody, active: false })) as { formError?: string }
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN', fieldErrors: {}, formError: 'You are not allowed to do this.' })
    signIn('anonymous')
    expect(await actions.get('(manager)/manager/actions.ts#setStaffActiveAction')!({ userId: nobody, active: false })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      fieldErrors: {},
      formError: 'Your session has ended. Please sign in again.',
    })
  })

  it('checks the permission before the input: a refused caller learns nothing about the schema', async () => {
    signIn('receptionist')
    for (const raw of [undefined, null, 'x', { junk: true }, { userId: 'not-a-uuid', active: 'yes' }]) {
      expect(outcomeOf(await actions.get('(manager)/manager/actions.ts#setStaffActiveAction')!(raw))).toEqual({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

