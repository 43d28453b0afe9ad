import 'server-only'
import type { Actor } from '../auth/actor'

/** The staff row that records the payments a bank confirmed (created by the migration
 * 20261206030000_bank_transfers_and_vietqr): inactive, without a usable password, and a CHECK keeps it inactive. */
export const BANK_USER_ID = '00000000-0000-4000-8000-0000000ba4c0'

/**
 * The system actor of bank-confirmed payments. Its home role owns RECORD_PAYMENT, so the payment is authorized like
 * any back-office payment and is not cross-role work. It is never the actor of a request: no session or token can
 * load it (loadActor refuses inactive people).
 */
export const BANK_ACTOR: Actor = {
  id: BANK_USER_ID,
  name: 'VietQR',
  email: 'bank-transfer@system.invalid',
  homeRole: 'BACK_OFFICE',
  // Only recorded levels count (ADR 013): the bank records payments, nothing else.
  skills: { RECORD_PAYMENT: 3 },
  locale: null,
  sessionVersion: 0,
}
