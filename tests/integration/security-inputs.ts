// Well-formed inputs for every server action and route handler, shared by the authorization matrix and the fuzzers.
// Ids name no record, so a caller who is let in reaches the use case and stops at "not found" (or succeeds where
// creating something is the point). A new action or route needs an entry here (the suite fails without one).
import { randomUUID } from 'node:crypto'
import { addDays, businessDay, demoOpeningHours } from '@/domain/opening-hours'
import { sepayPayload, TEST_SEPAY_KEY, useTestSepayKey } from '../support/sepay'

export const nobody = randomUUID()
export const tomorrow = () => addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1)

export const ACTION_INPUTS: Record<string, () => Record<string, unknown>> = {
  'actions/account.ts#startOwnLunchAction': () => ({ minutes: 30 }),
  'actions/account.ts#planOwnLunchAction': () => ({ startsAt: `${tomorrow()}T12:00`, endsAt: `${tomorrow()}T12:30` }),
  'actions/account.ts#endOwnAbsenceAction': () => ({ absenceId: nobody }),
  'actions/account.ts#reassignOwnOrdersAction': () => ({ toUserId: nobody }),

  'actions/counter.ts#createCustomerAction': () => ({ name: 'Khách ma trận', phone: '0909000111' }),
  'actions/counter.ts#createOrderAction': () => ({
    idempotencyKey: randomUUID(),
    customerId: nobody,
    lines: [{ productId: nobody, quantity: 1 }],
    dueDate: tomorrow(),
    dueTime: '17:00',
    mode: 'PICKUP',
  }),
  'actions/counter.ts#handOverAction': () => ({ orderId: nobody, expectedVersion: 1 }),
  'actions/counter.ts#setInvoiceDetailsAction': () => ({
    customerId: nobody,
    invoiceDetails: { taxCode: '0314409058-002', legalName: 'Công ty ma trận' },
  }),

  'actions/fulfillment.ts#recordFulfillmentAction': () => ({ orderId: nobody, expectedVersion: 1, lines: [{ lineId: nobody, set: 1 }] }),
  'actions/fulfillment.ts#assignOrderAction': () => ({ orderId: nobody, expectedVersion: 1, assigneeId: null }),
  'actions/fulfillment.ts#holdOrderAction': () => ({ orderId: nobody, expectedVersion: 1, reason: 'paper' }),
  'actions/fulfillment.ts#releaseOrderAction': () => ({ orderId: nobody, expectedVersion: 1 }),
  'actions/fulfillment.ts#cancelOrderAction': () => ({ orderId: nobody, expectedVersion: 1, reason: 'customer' }),
  'actions/billing.ts#issueInvoiceAction': () => ({ orderId: nobody }),
  'actions/billing.ts#retryEInvoiceAction': () => ({ einvoiceId: nobody }),
  'actions/billing.ts#recordPaymentAction': () => ({ orderId: nobody, method: 'CARD', amount: 1000 }),
  'actions/billing.ts#assignTransferAction': () => ({ transferId: nobody, orderNumber: 'DH-000001' }),
  'actions/billing.ts#dismissTransferAction': () => ({ transferId: nobody, note: 'Tiền nhà' }),
  'actions/billing.ts#issueCreditNoteAction': () => ({
    invoiceId: nobody,
    reason: 'misprint',
    lines: [{ invoiceLineId: nobody, quantity: 1 }],
  }),
  'actions/billing.ts#recordRefundAction': () => ({ creditNoteId: nobody, method: 'CASH', amount: 1000 }),
  'actions/billing.ts#returnDepositAction': () => ({ orderId: nobody, method: 'CASH', amount: 1000 }),

  'actions/team.ts#setSkillLevelAction': () => ({ userId: nobody, task: 'INVOICE', level: 2 }),
  'actions/team.ts#createTrainingGoalAction': () => ({ userId: nobody, task: 'INVOICE', targetLevel: 2 }),
  'actions/team.ts#markTrainingGoalAchievedAction': () => ({ goalId: nobody }),
  'actions/team.ts#recordAbsenceAction': () => ({
    userId: nobody,
    kind: 'SICK',
    startsAt: `${tomorrow()}T08:00`,
    endsAt: `${tomorrow()}T12:00`,
  }),
  'actions/team.ts#endAbsenceAction': () => ({ absenceId: nobody }),
  'actions/roster.ts#setShiftsAction': () => ({ userId: nobody, scope: 'week', day: tomorrow(), blocks: [['08:00', '12:00']] }),
  'actions/roster.ts#setContractAction': () => ({ userId: nobody, hours: 40 }),
  'actions/roster.ts#getRosterSuggestionAction': () => ({ weekStart: tomorrow() }),
  'actions/roster.ts#applyRosterSuggestionAction': () => ({ weekStart: tomorrow(), basis: '0123456789abcdef' }),
  'actions/roster.ts#setIndexTasksAction': () => ({ excluded: ['MANAGE_TEAM'] }),
  'actions/team.ts#getReassignmentAction': () => ({ userId: nobody }),
  'actions/team.ts#reassignOrdersAction': () => ({ fromUserId: nobody, toUserId: randomUUID() }),
  'actions/team.ts#createStaffAction': () => ({
    name: 'Người Mới',
    email: `matrix-${randomUUID().slice(0, 8)}@test.example`,
    homeRole: 'MANAGER',
    password: 'purple stapler moonlight',
  }),
  'actions/team.ts#setHomeRoleAction': () => ({ userId: nobody, homeRole: 'MANAGER' }),
  'actions/team.ts#resetPasswordAction': () => ({ userId: nobody, password: 'purple stapler moonlight' }),
  'actions/team.ts#setStaffActiveAction': () => ({ userId: nobody, active: false }),
  'actions/catalog.ts#createProductAction': () => ({
    sku: `M-${randomUUID().slice(0, 8)}`,
    name: 'Matrix card',
    price: '1000',
    taxCategoryId: nobody,
    unit: 'pcs',
    locale: 'en',
  }),
  'actions/catalog.ts#updateProductAction': () => ({
    productId: nobody,
    sku: 'MATRIX',
    name: 'X',
    price: '1',
    taxCategoryId: nobody,
    unit: 'pcs',
    locale: 'en',
  }),
  'actions/catalog.ts#setProductActiveAction': () => ({ productId: nobody, active: false }),
  'actions/catalog.ts#setProductSkillAction': () => ({ productId: nobody, skillId: null }),
  'actions/team.ts#createShopSkillAction': () => ({
    nameVi: `Kỹ năng ${randomUUID().slice(0, 8)}`,
    nameEn: `Skill ${randomUUID().slice(0, 8)}`,
  }),
  'actions/team.ts#setShopSkillLevelAction': () => ({ userId: nobody, skillId: randomUUID(), level: 2 }),
  'actions/team.ts#updateBankSettingsAction': () => ({
    bankBin: '970436',
    bankAccount: '0071000888999',
    bankAccountName: 'IN NHANH TEST',
    ticketQrAmount: 'FULL',
    depositPercent: '50',
  }),
  'actions/team.ts#updateSettingsAction': () => ({
    name: 'In Nhanh Test',
    phone: '',
    currency: 'VND',
    defaultTaxRate: '8',
    orderPrefix: 'DH',
    invoicePrefix: 'HD',
    creditNotePrefix: 'GG',
    defaultDueTime: '17:00',
    defaultLeadDays: 1,
    paymentTermsDays: 14,
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: demoOpeningHours(),
    locale: 'en',
  }),
  'actions/api-tokens.ts#createApiTokenAction': () => ({ userId: nobody, name: 'shop' }),
  'actions/api-tokens.ts#revokeApiTokenAction': () => ({ tokenId: nobody }),

  'actions/account.ts#setLocaleAction': () => ({ locale: 'en' }),

  'actions/cash.ts#openCashSessionAction': () => ({ drawerId: nobody, float: 500_000 }),
  'actions/cash.ts#recordCashMovementAction': () => ({ sessionId: nobody, kind: 'OUT', amount: 35_000, reason: 'Mua giấy in' }),
  'actions/cash.ts#closeCashSessionAction': () => ({ sessionId: nobody, counts: { '500000': 1 }, note: 'ok' }),
  'actions/cash.ts#createCashDrawerAction': () => ({ name: `Quầy ${randomUUID().slice(0, 8)}` }),
  'actions/einvoice.ts#updateEInvoiceSettingsAction': () => ({
    taxId: '',
    legalName: '',
    address: '',
    invoiceTemplate: '1',
    invoiceSymbol: '',
    provider: 'NONE',
    username: '',
  }),
  'actions/einvoice.ts#testEInvoiceConnectionAction': () => ({}),
  'actions/messages.ts#updateMessageSettingsAction': () => ({
    enabledEvents: ['ORDER_READY'],
    reminderDays: 3,
    smtpHost: 'smtp.example.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
    smtpUser: '',
    smtpFrom: 'shop@example.com',
    zaloTemplates: { ORDER_RECEIVED: '', ORDER_READY: '231456', INVOICE_ISSUED: '', NOT_COLLECTED: '', PAYMENT_RECEIVED: '' },
    smsUrl: '',
    smsBodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
  }),
  'actions/messages.ts#retryMessageAction': () => ({ messageId: nobody }),
  'actions/messages.ts#setMessagePreferencesAction': () => ({
    customerId: nobody,
    language: 'vi',
    preferredChannel: 'ZALO',
    messageConsent: true,
  }),
  'actions/messages.ts#optOutAction': () => ({ token: `${nobody}.not-a-signature-at-all` }),
}

/** How a route authenticates: an API token (Authorization: Bearer), the session cookie, or not at all. */
export type Auth = 'bearer' | 'cookie' | 'public'
export interface RouteRequest {
  path: string
  method: string
  headers?: Record<string, string>
  /** JSON body (sent with Content-Type: application/json) or a raw body. */
  body?: unknown
  rawBody?: string
  params?: Record<string, string | string[]>
}

export const ROUTE_REQUESTS: Record<string, { auth: Auth; request: () => RouteRequest }> = {
  'GET /api/v1/health': { auth: 'public', request: () => ({ method: 'GET', path: '/api/v1/health' }) },
  'GET /api/v1/openapi.json': { auth: 'public', request: () => ({ method: 'GET', path: '/api/v1/openapi.json' }) },
  'GET /api/auth/[...nextauth]': {
    auth: 'public',
    request: () => ({ method: 'GET', path: '/api/auth/providers', params: { nextauth: ['providers'] } }),
  },
  'POST /api/auth/[...nextauth]': {
    auth: 'public',
    request: () => ({
      method: 'POST',
      path: '/api/auth/callback/credentials',
      params: { nextauth: ['callback', 'credentials'] },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: 'email=nobody%40test.example&password=x&csrfToken=x',
    }),
  },

  'GET /api/v1/orders': { auth: 'bearer', request: () => ({ method: 'GET', path: '/api/v1/orders?limit=5' }) },
  'POST /api/v1/orders': {
    auth: 'bearer',
    request: () => ({
      method: 'POST',
      path: '/api/v1/orders',
      headers: { 'idempotency-key': randomUUID() },
      body: { customerId: nobody, lines: [{ productId: nobody, quantity: 1 }], dueDate: tomorrow(), dueTime: '17:00', mode: 'PICKUP' },
    }),
  },
  'GET /api/v1/orders/[id]': {
    auth: 'bearer',
    request: () => ({ method: 'GET', path: `/api/v1/orders/${nobody}`, params: { id: nobody } }),
  },
  'POST /api/v1/orders/[id]/fulfillment': {
    auth: 'bearer',
    request: () => ({
      method: 'POST',
      path: `/api/v1/orders/${nobody}/fulfillment`,
      params: { id: nobody },
      body: { expectedVersion: 1, lines: [{ lineId: nobody, set: 1 }] },
    }),
  },
  'POST /api/v1/orders/[id]/invoices': {
    auth: 'bearer',
    request: () => ({ method: 'POST', path: `/api/v1/orders/${nobody}/invoices`, params: { id: nobody }, body: {} }),
  },
  'POST /api/v1/orders/[id]/payments': {
    auth: 'bearer',
    request: () => ({
      method: 'POST',
      path: `/api/v1/orders/${nobody}/payments`,
      params: { id: nobody },
      body: { method: 'TRANSFER', amount: 1000 },
    }),
  },
  'GET /api/v1/customers': { auth: 'bearer', request: () => ({ method: 'GET', path: '/api/v1/customers?limit=5' }) },
  'POST /api/v1/customers': {
    auth: 'bearer',
    request: () => ({ method: 'POST', path: '/api/v1/customers', body: { name: 'Khách API ma trận', phone: '0909000222' } }),
  },
  'GET /api/v1/invoices': { auth: 'bearer', request: () => ({ method: 'GET', path: '/api/v1/invoices?limit=5' }) },
  'GET /api/v1/unmatched-transfers': { auth: 'bearer', request: () => ({ method: 'GET', path: '/api/v1/unmatched-transfers?limit=5' }) },
  // SePay's documented notification of money going out (stored, never a payment), with the test key.
  'POST /api/webhooks/sepay': {
    auth: 'public',
    request: () => {
      useTestSepayKey()
      return {
        method: 'POST',
        path: '/api/webhooks/sepay',
        headers: { authorization: `Apikey ${TEST_SEPAY_KEY}` },
        body: sepayPayload({ id: 42, transferType: 'out', transferAmount: 1000 }),
      }
    },
  },
  'GET /api/v1/cash-sessions': { auth: 'bearer', request: () => ({ method: 'GET', path: '/api/v1/cash-sessions?limit=5&state=closed' }) },
  'GET /api/v1/cash-sessions/[id]': {
    auth: 'bearer',
    request: () => ({ method: 'GET', path: `/api/v1/cash-sessions/${nobody}`, params: { id: nobody } }),
  },

  // Benchmark floors (bench/intake.ts): absent unless the server runs with HANDOFF_BENCH=1.
  'POST /api/bench/echo': { auth: 'public', request: () => ({ method: 'POST', path: '/api/bench/echo', body: { lines: [1, 2, 3] } }) },
  'POST /api/bench/echo/auth': {
    auth: 'bearer',
    request: () => ({ method: 'POST', path: '/api/bench/echo/auth', body: { lines: [1, 2, 3] } }),
  },
  'POST /api/bench/echo/validate': {
    auth: 'bearer',
    request: () => ({ method: 'POST', path: '/api/bench/echo/validate', body: { lines: [1, 2, 3] } }),
  },
  'POST /api/bench/echo/idempotent': {
    auth: 'bearer',
    request: () => ({
      method: 'POST',
      path: '/api/bench/echo/idempotent',
      headers: { 'idempotency-key': randomUUID() },
      body: { lines: [1, 2, 3] },
    }),
  },

  'GET /api/back/export': {
    auth: 'cookie',
    request: () => ({ method: 'GET', path: '/api/back/export?kind=invoices&from=2026-01-01&to=2026-01-31' }),
  },
  'GET /api/back/invoices/[id]/xml': {
    auth: 'cookie',
    request: () => ({ method: 'GET', path: `/api/back/invoices/${nobody}/xml`, params: { id: nobody } }),
  },
  'GET /api/back/credit-notes/[id]/xml': {
    auth: 'cookie',
    request: () => ({ method: 'GET', path: `/api/back/credit-notes/${nobody}/xml`, params: { id: nobody } }),
  },
  'GET /api/manager/cash-export': {
    auth: 'cookie',
    request: () => ({ method: 'GET', path: '/api/manager/cash-export?from=2026-01-01&to=2026-01-31' }),
  },
  'GET /api/back/queue': { auth: 'cookie', request: () => ({ method: 'GET', path: '/api/back/queue?status=todo' }) },
  'GET /api/live/orders': { auth: 'cookie', request: () => ({ method: 'GET', path: '/api/live/orders' }) },

  'GET /front/lookup/customers': { auth: 'cookie', request: () => ({ method: 'GET', path: '/front/lookup/customers?q=Nguyen' }) },
  'GET /front/lookup/duplicates': { auth: 'cookie', request: () => ({ method: 'GET', path: '/front/lookup/duplicates?phone=0909000111' }) },
  'GET /front/lookup/products': { auth: 'cookie', request: () => ({ method: 'GET', path: '/front/lookup/products?q=card' }) },
}
