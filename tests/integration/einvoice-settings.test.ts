// The manager's e-invoice settings (decision 025): only a manager changes them; a mistyped tax code or symbol is
// refused on its field with nothing changed; a provider is only turned on with everything it needs; the password is
// stored sealed, never returned, replaced or removed on request; "Test connection" signs in to the provider for real;
// an invoice waiting while the settings are incomplete says so.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateEInvoiceSettingsSchema, type UpdateEInvoiceSettingsInput } from '@/lib/schemas/settings'
import type { Actor } from '@/server/auth/actor'
import { getInvoice } from '@/server/billing/get-invoice'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { db } from '@/server/db'
import { providerSecretContext } from '@/server/einvoice/config'
import { getEInvoiceSettings } from '@/server/einvoice/get-einvoice-settings'
import { issueEInvoice } from '@/server/einvoice/issue-einvoice'
import { testEInvoiceConnection } from '@/server/einvoice/test-einvoice-connection'
import { updateEInvoiceSettings } from '@/server/einvoice/update-einvoice-settings'
import { TemporaryFailure } from '@/server/outbox/failures'
import { openSecret } from '@/server/secrets'
import { makeActor } from '../support/factories'
import { STUB_CREDENTIALS, startSInvoiceStub, type SInvoiceStub } from '../support/sinvoice-stub'
import { ensureSettings, makeOrder } from './back-support'
import { expectDomainError } from './manager-support'

process.env.HANDOFF_SECRETS_KEY = randomBytes(32).toString('base64')
process.env.HANDOFF_EINVOICE_TIMEOUT_MS = '2000'

let stub: SInvoiceStub
let manager: Actor
let clerk: Actor

beforeAll(async () => {
  stub = await startSInvoiceStub()
  process.env.HANDOFF_VIETTEL_API_URL = stub.url
  await ensureSettings()
  manager = await makeActor({ homeRole: 'MANAGER' })
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
})

afterAll(async () => {
  await stub?.close()
})

const input = (over: Partial<Record<keyof UpdateEInvoiceSettingsInput, unknown>> = {}): UpdateEInvoiceSettingsInput =>
  updateEInvoiceSettingsSchema.parse({
    taxId: '0100109106 - 506',
    legalName: 'Công ty TNHH In Nhanh Sài Gòn',
    address: '123 Nguyễn Thị Minh Khai, Quận 1, TP. Hồ Chí Minh',
    invoiceTemplate: '1',
    invoiceSymbol: 'c26taa',
    provider: 'VIETTEL',
    username: STUB_CREDENTIALS.username,
    secret: STUB_CREDENTIALS.password,
    ...over,
  })

const row = () => db().businessSettings.findUniqueOrThrow({ where: { id: 1 } })

describe('e-invoice settings', () => {
  it('are the manager’s: the workshop is refused and nothing changes', async () => {
    const before = await row()
    await expectDomainError(updateEInvoiceSettings(clerk, input()), 'FORBIDDEN')
    await expectDomainError(getEInvoiceSettings(clerk), 'FORBIDDEN')
    await expectDomainError(testEInvoiceConnection(clerk), 'FORBIDDEN')
    expect(await row()).toEqual(before)
  })

  it('stores the password sealed, never returns it, and audits that it changed without its value', async () => {
    const saved = await updateEInvoiceSettings(manager, input())
    expect(saved).toMatchObject({ taxId: '0100109106-506', invoiceSymbol: 'C26TAA', provider: 'VIETTEL', hasSecret: true, missing: [] })
    expect(JSON.stringify(saved)).not.toContain(STUB_CREDENTIALS.password)
    expect(JSON.stringify(await getEInvoiceSettings(manager))).not.toContain(STUB_CREDENTIALS.password)
    const stored = await row()
    expect(stored.einvoiceSecret).not.toContain(STUB_CREDENTIALS.password)
    expect(openSecret(stored.einvoiceSecret, providerSecretContext('VIETTEL'))).toBe(STUB_CREDENTIALS.password)
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'settings.einvoice_updated' }, orderBy: { id: 'desc' } })
    expect(audit).toMatchObject({ actorId: manager.id, task: 'MANAGE_TEAM', data: { secret: 'replaced' } })
    expect(JSON.stringify([audit.before, audit.after, audit.data])).not.toContain(STUB_CREDENTIALS.password)
    // Saving again without typing it keeps it.
    await updateEInvoiceSettings(manager, input({ secret: undefined, legalName: 'Công ty TNHH In Nhanh' }))
    expect((await row()).einvoiceSecret).toBe(stored.einvoiceSecret)
  })

  it('refuses a mistyped tax code or symbol on its field, and changes nothing', async () => {
    await updateEInvoiceSettings(manager, input())
    const before = await row()
    await expectDomainError(
      updateEInvoiceSettings(manager, input({ taxId: '0100109107' })),
      'INVALID',
      'manager.einvoice.errors.taxCode.checkDigit',
      'taxId',
    )
    await expectDomainError(
      updateEInvoiceSettings(manager, input({ taxId: '12345' })),
      'INVALID',
      'manager.einvoice.errors.taxCode.format',
      'taxId',
    )
    await expectDomainError(
      updateEInvoiceSettings(manager, input({ invoiceSymbol: 'X26TAA' })),
      'INVALID',
      'manager.einvoice.errors.symbol',
      'invoiceSymbol',
    )
    expect(updateEInvoiceSettingsSchema.safeParse({ ...input(), invoiceTemplate: '3' }).success).toBe(false)
    expect(await row()).toEqual(before)
  })

  it('turns a provider on only with everything it needs, and removes the password on request', async () => {
    await updateEInvoiceSettings(manager, input())
    const before = await row()
    await expectDomainError(
      updateEInvoiceSettings(manager, input({ secret: undefined, clearSecret: true })),
      'INVALID',
      'manager.einvoice.errors.required',
      'secret',
    )
    await expectDomainError(
      updateEInvoiceSettings(manager, input({ invoiceSymbol: '' })),
      'INVALID',
      'manager.einvoice.errors.required',
      'invoiceSymbol',
    )
    expect(await row()).toEqual(before)
    // Without a provider, the password can go.
    const cleared = await updateEInvoiceSettings(manager, input({ provider: 'NONE', secret: undefined, clearSecret: true }))
    expect(cleared).toMatchObject({ provider: 'NONE', hasSecret: false, missing: [] })
    expect((await row()).einvoiceSecret).toBe('')
    // A password typed with no provider to use it is refused, not silently kept.
    await expectDomainError(updateEInvoiceSettings(manager, input({ provider: 'NONE' })), 'INVALID', undefined, 'secret')
  })

  it('tests the connection by signing in to the provider: success, or the provider’s words', async () => {
    await updateEInvoiceSettings(manager, input())
    expect(await testEInvoiceConnection(manager)).toEqual({ ok: true })
    expect(stub.requests.at(-1)?.path).toBe('/auth/login')
    await updateEInvoiceSettings(manager, input({ secret: 'not-the-password' }))
    const refused = await testEInvoiceConnection(manager)
    expect(refused).toMatchObject({ ok: false, problem: 'refused' })
    expect(refused.ok === false && refused.reason).toContain('Tài khoản hoặc mật khẩu không đúng')
    await updateEInvoiceSettings(manager, input({ provider: 'NONE', secret: undefined }))
    await expectDomainError(testEInvoiceConnection(manager), 'CONFLICT', 'manager.einvoice.errors.noProvider')
  })

  it('explains on the invoice that e-invoices are not set up, instead of sending what would be refused', async () => {
    await updateEInvoiceSettings(manager, input())
    // A provider turned on before the settings were complete (or its password lost): the row as it may be found.
    await db().businessSettings.update({ where: { id: 1 }, data: { einvoiceSecret: '' } })
    const order = await makeOrder({
      lines: [{ description: 'Danh thiếp', quantity: 2, unitPrice: 50_000, taxRateBp: 800, qtyFulfilled: 2 }],
    })
    const invoice = await issueInvoice(clerk, { orderId: order.id })
    const e = await db().eInvoice.findUniqueOrThrow({ where: { invoiceId: invoice.invoiceId } })
    const sent = stub.invoices.size
    await expect(issueEInvoice(e.id)).rejects.toBeInstanceOf(TemporaryFailure)
    expect(stub.invoices.size).toBe(sent)
    expect((await getInvoice(clerk, invoice.invoiceId)).einvoice).toMatchObject({ status: 'WAITING', notSetUp: true })
    // Once the manager completes them, the next try issues it and the explanation goes.
    await updateEInvoiceSettings(manager, input())
    await issueEInvoice(e.id)
    expect((await getInvoice(clerk, invoice.invoiceId)).einvoice).toMatchObject({ status: 'ISSUED', notSetUp: false })
  })
})
