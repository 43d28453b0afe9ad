// The authorization matrix (#7): every server action and every route handler, discovered from the code, called as each
// kind of principal. A discovered action or route without a row fails, and so does a row whose action or route is
// gone. Allowed: the answer is neither UNAUTHENTICATED nor FORBIDDEN (nor an internal error). Refused: it is, and no
// row of any table changed. Each row also names the use case whose declared tasks the entry point reads; the tasks
// must allow exactly the row's principals, so a declaration that drifts fails here as well as in the calls.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { homeRoleSkills, mayCall, ORDER_READERS, type Capable } from '@/domain/permissions'
import { db } from '@/server/db'
import { endAbsenceUseCase } from '@/server/absences/end-absence'
import { endOwnAbsenceUseCase } from '@/server/absences/end-own-absence'
import { planOwnLunchUseCase } from '@/server/absences/plan-own-lunch'
import { recordAbsenceUseCase } from '@/server/absences/record-absence'
import { startOwnLunchUseCase } from '@/server/absences/start-own-lunch'
import { createApiTokenUseCase } from '@/server/api-tokens/create-api-token'
import { revokeApiTokenUseCase } from '@/server/api-tokens/revoke-api-token'
import { issueCreditNoteUseCase } from '@/server/billing/issue-credit-note'
import { issueInvoiceUseCase } from '@/server/billing/issue-invoice'
import { listInvoicesUseCase } from '@/server/billing/list-invoices'
import { recordPaymentUseCase } from '@/server/billing/record-payment'
import { recordRefundUseCase } from '@/server/billing/record-refund'
import { returnDepositUseCase } from '@/server/billing/return-deposit'
import { closeCashSessionUseCase } from '@/server/cash/close-cash-session'
import { createCashDrawerUseCase } from '@/server/cash/create-cash-drawer'
import { exportCashCsvUseCase } from '@/server/cash/export-cash-csv'
import { getCashSessionUseCase } from '@/server/cash/get-cash-session'
import { listCashSessionsUseCase } from '@/server/cash/list-cash-sessions'
import { openCashSessionUseCase } from '@/server/cash/open-cash-session'
import { recordCashMovementUseCase } from '@/server/cash/record-cash-movement'
import { createProductUseCase } from '@/server/catalog/create-product'
import { searchProductsUseCase } from '@/server/catalog/search-products'
import { setProductActiveUseCase } from '@/server/catalog/set-product-active'
import { setProductSkillUseCase } from '@/server/catalog/set-product-skill'
import { updateProductUseCase } from '@/server/catalog/update-product'
import { optOutUseCase } from '@/server/messages/opt-out'
import { retryMessageUseCase } from '@/server/messages/retry-message'
import { retryEInvoiceUseCase } from '@/server/einvoice/retry-einvoice'
import { setMessagePreferencesUseCase } from '@/server/messages/set-message-preferences'
import { setInvoiceDetailsUseCase } from '@/server/customers/set-invoice-details'
import { updateMessageSettingsUseCase } from '@/server/messages/update-message-settings'
import { createCustomerUseCase } from '@/server/customers/create-customer'
import { findDuplicateCustomersUseCase } from '@/server/customers/find-duplicate-customers'
import { listCustomersUseCase } from '@/server/customers/list-customers'
import { searchCustomersUseCase } from '@/server/customers/search-customers'
import { assignOrderUseCase } from '@/server/fulfillment/assign-order'
import { cancelOrderUseCase } from '@/server/fulfillment/cancel-order'
import { holdOrderUseCase } from '@/server/fulfillment/hold-order'
import { listQueueUseCase } from '@/server/fulfillment/list-queue'
import { recordFulfillmentUseCase } from '@/server/fulfillment/record-fulfillment'
import { releaseOrderUseCase } from '@/server/fulfillment/release-order'
import { createOrderUseCase } from '@/server/orders/create-order'
import { getOrderUseCase } from '@/server/orders/get-order'
import { handOverOrderUseCase } from '@/server/orders/hand-over-order'
import { listOrdersUseCase } from '@/server/orders/list-orders'
import { exportBillingCsvUseCase } from '@/server/receivables/export-billing-csv'
import { exportEInvoiceXmlUseCase } from '@/server/einvoice/export-einvoice-xml'
import { updateSettingsUseCase } from '@/server/settings/update-settings'
import { createShopSkillUseCase } from '@/server/shop-skills/create-shop-skill'
import { setShopSkillLevelUseCase } from '@/server/shop-skills/set-shop-skill-level'
import { createStaffUseCase } from '@/server/team/create-staff'
import { createTrainingGoalUseCase } from '@/server/team/create-training-goal'
import { getReassignmentUseCase } from '@/server/team/get-reassignment'
import { reassignOrdersUseCase } from '@/server/team/reassign-orders'
import { reassignOwnOrdersUseCase } from '@/server/team/reassign-own-orders'
import { markTrainingGoalAchievedUseCase } from '@/server/team/mark-training-goal-achieved'
import { resetPasswordUseCase } from '@/server/team/reset-password'
import { setHomeRoleUseCase } from '@/server/team/set-home-role'
import { setOwnLocaleUseCase } from '@/server/team/set-own-locale'
import { setSkillLevelUseCase } from '@/server/team/set-skill-level'
import { setStaffActiveUseCase } from '@/server/team/set-staff-active'
import { updateBankSettingsUseCase } from '@/server/settings/update-bank-settings'
import { testEInvoiceConnectionUseCase } from '@/server/einvoice/test-einvoice-connection'
import { updateEInvoiceSettingsUseCase } from '@/server/einvoice/update-einvoice-settings'
import { assignTransferUseCase } from '@/server/transfers/assign-transfer'
import { dismissTransferUseCase } from '@/server/transfers/dismiss-transfer'
import { listUnmatchedTransfersUseCase } from '@/server/transfers/list-unmatched-transfers'
import { applyRosterSuggestionUseCase } from '@/server/roster/apply-roster-suggestion'
import { getRosterSuggestionUseCase } from '@/server/roster/get-roster-suggestion'
import { setContractUseCase } from '@/server/roster/set-contract'
import { setIndexTasksUseCase } from '@/server/roster/set-index-tasks'
import { setShiftsUseCase } from '@/server/roster/set-shifts'
import type { UseCase } from '@/server/use-case'
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

/** What each signed-in principal is, for reading a use case's declared tasks (as set up in beforeAll). */
const CAPABLE: Record<Exclude<Principal, 'anonymous' | 'deactivated'>, Capable> = {
  // Established staff: certified in their home role (ADR 013), as the factory records them.
  receptionist: { homeRole: 'RECEPTIONIST', skills: homeRoleSkills('RECEPTIONIST') },
  backOffice: { homeRole: 'BACK_OFFICE', skills: homeRoleSkills('BACK_OFFICE') },
  manager: { homeRole: 'MANAGER', skills: homeRoleSkills('MANAGER') },
  cover: { homeRole: 'BACK_OFFICE', skills: { ...homeRoleSkills('BACK_OFFICE'), HANDLE_PICKUP: 2, TAKE_ORDER: 2 } },
}

type Row = Principal[]
/** Who may call each server action, and the use case whose declaration it reads (inputs: security-inputs.ts). */
const ACTIONS: Record<string, [Row, UseCase]> = {
  'actions/account.ts#startOwnLunchAction': [STAFF, startOwnLunchUseCase],
  'actions/account.ts#planOwnLunchAction': [STAFF, planOwnLunchUseCase],
  'actions/account.ts#endOwnAbsenceAction': [STAFF, endOwnAbsenceUseCase],
  'actions/account.ts#reassignOwnOrdersAction': [STAFF, reassignOwnOrdersUseCase],

  'actions/counter.ts#createCustomerAction': [COUNTER, createCustomerUseCase],
  'actions/counter.ts#createOrderAction': [COUNTER, createOrderUseCase],
  'actions/counter.ts#handOverAction': [COUNTER, handOverOrderUseCase],
  // VAT invoice details: the counter, and the back office before invoicing (INVOICE).
  'actions/counter.ts#setInvoiceDetailsAction': [STAFF, setInvoiceDetailsUseCase],

  'actions/fulfillment.ts#recordFulfillmentAction': [WORKSHOP, recordFulfillmentUseCase],
  'actions/fulfillment.ts#assignOrderAction': [WORKSHOP, assignOrderUseCase],
  'actions/fulfillment.ts#holdOrderAction': [WORKSHOP, holdOrderUseCase],
  'actions/fulfillment.ts#releaseOrderAction': [WORKSHOP, releaseOrderUseCase],
  'actions/fulfillment.ts#cancelOrderAction': [WORKSHOP, cancelOrderUseCase],
  'actions/billing.ts#issueInvoiceAction': [WORKSHOP, issueInvoiceUseCase],
  'actions/billing.ts#retryEInvoiceAction': [WORKSHOP, retryEInvoiceUseCase],
  'actions/billing.ts#recordPaymentAction': [STAFF, recordPaymentUseCase],
  'actions/billing.ts#issueCreditNoteAction': [WORKSHOP, issueCreditNoteUseCase],
  'actions/billing.ts#recordRefundAction': [STAFF, recordRefundUseCase],
  'actions/billing.ts#returnDepositAction': [STAFF, returnDepositUseCase],

  'actions/team.ts#setSkillLevelAction': [MANAGER, setSkillLevelUseCase],
  'actions/team.ts#createTrainingGoalAction': [MANAGER, createTrainingGoalUseCase],
  'actions/team.ts#markTrainingGoalAchievedAction': [MANAGER, markTrainingGoalAchievedUseCase],
  'actions/team.ts#recordAbsenceAction': [MANAGER, recordAbsenceUseCase],
  'actions/team.ts#endAbsenceAction': [MANAGER, endAbsenceUseCase],
  'actions/team.ts#getReassignmentAction': [MANAGER, getReassignmentUseCase],
  'actions/team.ts#reassignOrdersAction': [MANAGER, reassignOrdersUseCase],
  'actions/team.ts#createStaffAction': [MANAGER, createStaffUseCase],
  'actions/team.ts#setHomeRoleAction': [MANAGER, setHomeRoleUseCase],
  'actions/team.ts#resetPasswordAction': [MANAGER, resetPasswordUseCase],
  'actions/team.ts#setStaffActiveAction': [MANAGER, setStaffActiveUseCase],
  'actions/catalog.ts#createProductAction': [MANAGER, createProductUseCase],
  'actions/catalog.ts#updateProductAction': [MANAGER, updateProductUseCase],
  'actions/catalog.ts#setProductActiveAction': [MANAGER, setProductActiveUseCase],
  'actions/catalog.ts#setProductSkillAction': [MANAGER, setProductSkillUseCase],
  'actions/team.ts#createShopSkillAction': [MANAGER, createShopSkillUseCase],
  'actions/team.ts#setShopSkillLevelAction': [MANAGER, setShopSkillLevelUseCase],
  'actions/team.ts#updateSettingsAction': [MANAGER, updateSettingsUseCase],
  'actions/team.ts#updateBankSettingsAction': [MANAGER, updateBankSettingsUseCase],
  'actions/einvoice.ts#updateEInvoiceSettingsAction': [MANAGER, updateEInvoiceSettingsUseCase],
  'actions/einvoice.ts#testEInvoiceConnectionAction': [MANAGER, testEInvoiceConnectionUseCase],
  'actions/billing.ts#assignTransferAction': [WORKSHOP, assignTransferUseCase],
  'actions/billing.ts#dismissTransferAction': [WORKSHOP, dismissTransferUseCase],
  'actions/roster.ts#setShiftsAction': [MANAGER, setShiftsUseCase],
  'actions/roster.ts#setContractAction': [MANAGER, setContractUseCase],
  'actions/roster.ts#getRosterSuggestionAction': [MANAGER, getRosterSuggestionUseCase],
  'actions/roster.ts#applyRosterSuggestionAction': [MANAGER, applyRosterSuggestionUseCase],
  'actions/roster.ts#setIndexTasksAction': [MANAGER, setIndexTasksUseCase],
  'actions/api-tokens.ts#createApiTokenAction': [MANAGER, createApiTokenUseCase],
  'actions/api-tokens.ts#revokeApiTokenAction': [MANAGER, revokeApiTokenUseCase],
  'actions/messages.ts#updateMessageSettingsAction': [MANAGER, updateMessageSettingsUseCase],
  'actions/messages.ts#retryMessageAction': [MANAGER, retryMessageUseCase],
  'actions/messages.ts#setMessagePreferencesAction': [COUNTER, setMessagePreferencesUseCase],

  // The cash drawer: whoever takes money (HANDLE_PICKUP or RECORD_PAYMENT); drawers themselves are the manager's.
  'actions/cash.ts#openCashSessionAction': [STAFF, openCashSessionUseCase],
  'actions/cash.ts#recordCashMovementAction': [STAFF, recordCashMovementUseCase],
  'actions/cash.ts#closeCashSessionAction': [STAFF, closeCashSessionUseCase],
  'actions/cash.ts#createCashDrawerAction': [MANAGER, createCashDrawerUseCase],

  // Public on purpose: a signed-out visitor (login, tracking page) picks a language into a cookie; only a live
  // session also stores it on the person. Signed-out and deactivated callers must still not change a row.
  'actions/account.ts#setLocaleAction': [EVERYONE, setOwnLocaleUseCase],
  // Public on purpose: the customer opting out from a message's link is not signed in; the signed token is the
  // authority (a wrong one changes nothing).
  'actions/messages.ts#optOutAction': [EVERYONE, optOutUseCase],
}

/** Who may call each route handler. Bearer routes get the principal's API token, cookie routes their session.
 * ABSENT: the route answers 404 to everyone in a normal deployment (benchmark-only routes). */
const ABSENT = 'absent' as const
const ROUTES: Record<string, [Row, UseCase | null] | typeof ABSENT> = {
  'GET /api/v1/health': [EVERYONE, null],
  'GET /api/v1/openapi.json': [EVERYONE, null],
  'GET /api/auth/[...nextauth]': [EVERYONE, null],
  'POST /api/auth/[...nextauth]': [EVERYONE, null],

  'GET /api/v1/orders': [STAFF, listOrdersUseCase],
  'POST /api/v1/orders': [COUNTER, createOrderUseCase],
  'GET /api/v1/orders/[id]': [STAFF, getOrderUseCase],
  'POST /api/v1/orders/[id]/fulfillment': [WORKSHOP, recordFulfillmentUseCase],
  'POST /api/v1/orders/[id]/invoices': [WORKSHOP, issueInvoiceUseCase],
  'POST /api/v1/orders/[id]/payments': [STAFF, recordPaymentUseCase],
  'GET /api/v1/customers': [COUNTER, listCustomersUseCase],
  'POST /api/v1/customers': [COUNTER, createCustomerUseCase],
  'GET /api/v1/invoices': [WORKSHOP, listInvoicesUseCase],
  'GET /api/v1/unmatched-transfers': [WORKSHOP, listUnmatchedTransfersUseCase],
  // Authenticated by the provider's key, not by a session or token (docs/decisions/016): every principal sending the
  // key is let in; without it everyone is refused (tests/integration/bank-transfers.test.ts).
  'POST /api/webhooks/sepay': [EVERYONE, null],
  'GET /api/v1/cash-sessions': [STAFF, listCashSessionsUseCase],
  'GET /api/v1/cash-sessions/[id]': [STAFF, getCashSessionUseCase],

  'POST /api/bench/echo': ABSENT,
  'POST /api/bench/echo/auth': ABSENT,
  'POST /api/bench/echo/validate': ABSENT,
  'POST /api/bench/echo/idempotent': ABSENT,

  'GET /api/back/export': [WORKSHOP, exportBillingCsvUseCase],
  'GET /api/back/queue': [WORKSHOP, listQueueUseCase],
  'GET /api/back/invoices/[id]/xml': [WORKSHOP, exportEInvoiceXmlUseCase],
  'GET /api/back/credit-notes/[id]/xml': [WORKSHOP, exportEInvoiceXmlUseCase],
  'GET /api/manager/cash-export': [MANAGER, exportCashCsvUseCase],
  // Names no data (ids and versions only), so every desk and workshop reader may listen.
  'GET /api/live/orders': [STAFF, { name: 'liveOrders', tasks: ORDER_READERS }],

  // The counter's as-you-type lookups (session cookie).
  'GET /front/lookup/customers': [COUNTER, searchCustomersUseCase],
  'GET /front/lookup/duplicates': [COUNTER, findDuplicateCustomersUseCase],
  'GET /front/lookup/products': [COUNTER, searchProductsUseCase],
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
    expect(
      [...actions.keys()].filter((k) => !(k in ACTIONS)),
      'server actions without a row in ACTIONS',
    ).toEqual([])
    expect(
      [...actions.keys()].filter((k) => !(k in ACTION_INPUTS)),
      'server actions without an input in security-inputs.ts',
    ).toEqual([])
    expect(
      Object.keys(ACTIONS).filter((k) => !actions.has(k)),
      'rows whose server action no longer exists',
    ).toEqual([])
    expect(
      Object.keys(ACTION_INPUTS).filter((k) => !actions.has(k)),
      'inputs whose server action no longer exists',
    ).toEqual([])
  })

  it('finds every route handler in the table, and every row in the code', () => {
    expect(
      [...routes.keys()].filter((k) => !(k in ROUTES)),
      'routes without a row in ROUTES',
    ).toEqual([])
    expect(
      [...routes.keys()].filter((k) => !(k in ROUTE_REQUESTS)),
      'routes without a request in security-inputs.ts',
    ).toEqual([])
    expect(
      Object.keys(ROUTES).filter((k) => !routes.has(k)),
      'rows whose route no longer exists',
    ).toEqual([])
    expect(
      Object.keys(ROUTE_REQUESTS).filter((k) => !routes.has(k)),
      'requests whose route no longer exists',
    ).toEqual([])
  })
})

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN']

describe('server actions × principals', () => {
  const cells = Object.keys(ACTIONS).flatMap((key) => PRINCIPALS.map((p) => [key, p] as const))
  it.each(cells)('%s as %s', async (key, principal) => {
    const action = actions.get(key)
    expect(action, `${key} was not discovered`).toBeDefined()
    signIn(principal)
    const allowed = ACTIONS[key]![0].includes(principal)
    const before = await businessChecksum()
    const outcome = outcomeOf(await action!(ACTION_INPUTS[key]!()))
    const changed = changedTables(before, await businessChecksum())
    if (allowed) {
      if (!outcome.ok) expect(REFUSALS, `${key} refused ${principal}`).not.toContain(outcome.code)
      expect(outcome).not.toMatchObject({ code: 'INTERNAL' })
      // Signed-out visitors may choose a language, which lives in a cookie only.
      if (principal === 'anonymous' || principal === 'deactivated') expect(changed).toEqual([])
    } else {
      expect(outcome).toEqual({
        ok: false,
        code: principal === 'anonymous' || principal === 'deactivated' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      })
      expect(changed, `${key} as ${principal} changed rows`).toEqual([])
    }
  })
})

describe('route handlers × principals', () => {
  const cells = Object.keys(ROUTES).flatMap((key) => PRINCIPALS.map((p) => [key, p] as const))
  it.each(cells)('%s as %s', async (key, principal) => {
    const handler = routes.get(key)
    expect(handler, `${key} was not discovered`).toBeDefined()
    const entry = ROUTES[key]!
    const row = entry === ABSENT ? ABSENT : entry[0]
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
      if (ROUTE_REQUESTS[key]!.auth !== 'public')
        expect(answer.code).toBe(principal === 'anonymous' || principal === 'deactivated' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
      expect(changed, `${key} as ${principal} changed rows`).toEqual([])
    }
  })
})

describe('declared once', () => {
  const staff = Object.keys(CAPABLE) as (keyof typeof CAPABLE)[]
  const declared = [
    ...Object.entries(ACTIONS).map(([key, [row, useCase]]) => [key, row, useCase] as const),
    ...Object.entries(ROUTES).flatMap(([key, entry]) =>
      entry === ABSENT || entry[1] === null ? [] : [[key, entry[0], entry[1]] as const],
    ),
  ]
  it.each(declared)("%s: the use case's tasks allow exactly the row", (_key, row, useCase) => {
    expect(staff.filter((p) => mayCall(CAPABLE[p], useCase.tasks))).toEqual(staff.filter((p) => row.includes(p)))
  })
})

describe('the matrix itself', () => {
  it('has a row for each discovered action and route, six principals each', () => {
    const total = (Object.keys(ACTIONS).length + Object.keys(ROUTES).length) * PRINCIPALS.length
    expect(total).toBe((actions.size + routes.size) * PRINCIPALS.length)
  })

  it('a refused principal gets the same translated words a form shows', async () => {
    signIn('receptionist')
    const result = (await actions.get('actions/team.ts#setStaffActiveAction')!({ userId: nobody, active: false })) as { formError?: string }
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN', fieldErrors: {}, formError: 'You are not allowed to do this.' })
    signIn('anonymous')
    expect(await actions.get('actions/team.ts#setStaffActiveAction')!({ userId: nobody, active: false })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      fieldErrors: {},
      formError: 'Your session has ended. Please sign in again.',
    })
  })

  it('checks the permission before the input: a refused caller learns nothing about the schema', async () => {
    signIn('receptionist')
    for (const raw of [undefined, null, 'x', { junk: true }, { userId: 'not-a-uuid', active: 'yes' }]) {
      expect(outcomeOf(await actions.get('actions/team.ts#setStaffActiveAction')!(raw))).toEqual({ ok: false, code: 'FORBIDDEN' })
    }
  })
})
