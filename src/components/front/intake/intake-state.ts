// What the intake holds between renders, and every change to it, as one pure reducer (no React, no words): the form
// dispatches what the person did, the tests replay it.
import type { Unfinished } from '@/domain/intake'
import { MAX_ORDER_LINES, type PaymentMethodInput } from '@/lib/schemas/order'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { draftForCustomer, invoiceDetailsDraft, type InvoiceDetailsDraft } from '../../invoice-details-draft'
import type { DraftLine } from '../line-row'
import type { IntakeDraft } from './order-payload'

export type FieldErrors = Record<string, string>

/** What is typed or chosen as it is, with no rule attached: set as is. */
export type IntakeInputs = Pick<IntakeDraft, 'mode' | 'address' | 'notes'> & {
  depositText: string
  depositMethod: PaymentMethodInput
  tenderedText: string
}

export interface IntakeState extends Pick<IntakeDraft, 'dueDate' | 'dueTime' | 'dueQuickOk' | 'mode' | 'address' | 'notes'> {
  customer: CustomerHitDTO | null
  /** "Wants a VAT invoice" and its details, for the chosen customer (issue 19). */
  invoice: InvoiceDetailsDraft
  lines: DraftLine[]
  depositText: string
  depositMethod: PaymentMethodInput
  tenderedText: string
  /** Problems from the last submit, by field path. */
  errors: FieldErrors
  formError: string | null
  /** The order is being created (and stays so while the ticket loads: the key is spent). */
  pending: boolean
  /** The question asked before creating an order with something unfinished; null when not asked. */
  asking: Unfinished[] | null
}

export type IntakeAction =
  | { type: 'chooseCustomer'; customer: CustomerHitDTO | null }
  | { type: 'addLine'; line: DraftLine }
  | { type: 'patchLine'; key: string; patch: Partial<DraftLine> }
  | { type: 'removeLine'; key: string }
  | { type: 'setDue'; dueDate?: string; dueTime?: string; quickOk: boolean }
  | { type: 'set'; inputs: Partial<IntakeInputs> }
  | { type: 'setInvoice'; invoice: InvoiceDetailsDraft }
  | { type: 'ask'; items: Unfinished[] }
  | { type: 'closeQuestion' }
  | { type: 'refused'; errors: FieldErrors; formError: string }
  | { type: 'submitStarted' }
  | { type: 'submitFailed'; formError: string }

export function initialIntake(init: { customer: CustomerHitDTO | null; dueDate: string; dueTime: string }): IntakeState {
  return {
    customer: init.customer,
    invoice: invoiceDetailsDraft(init.customer?.invoiceDetails ?? null),
    lines: [],
    dueDate: init.dueDate,
    dueTime: init.dueTime,
    dueQuickOk: true,
    mode: 'PICKUP',
    address: '',
    notes: '',
    depositText: '',
    depositMethod: 'CASH',
    tenderedText: '',
    errors: {},
    formError: null,
    pending: false,
    asking: null,
  }
}

/** Unchanged lines keep their object, so their memoized rows do not re-render. */
export function intakeReducer(state: IntakeState, action: IntakeAction): IntakeState {
  switch (action.type) {
    case 'chooseCustomer': {
      if (!action.customer) return { ...state, customer: null }
      const { customerId: _dropped, ...errors } = state.errors
      return { ...state, customer: action.customer, invoice: draftForCustomer(state.invoice, action.customer.invoiceDetails), errors }
    }
    case 'addLine':
      return state.lines.length >= MAX_ORDER_LINES ? state : { ...state, lines: [...state.lines, action.line] }
    case 'patchLine':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, ...action.patch } : l)) }
    case 'removeLine':
      return { ...state, lines: state.lines.filter((l) => l.key !== action.key) }
    case 'setDue':
      return { ...state, dueDate: action.dueDate ?? state.dueDate, dueTime: action.dueTime ?? state.dueTime, dueQuickOk: action.quickOk }
    case 'set':
      return { ...state, ...action.inputs }
    case 'setInvoice':
      return { ...state, invoice: action.invoice }
    case 'ask':
      return { ...state, asking: action.items }
    case 'closeQuestion':
      return { ...state, asking: null }
    case 'refused':
      return { ...state, errors: action.errors, formError: action.formError, pending: false }
    case 'submitStarted':
      return { ...state, errors: {}, formError: null, pending: true }
    case 'submitFailed':
      return { ...state, formError: action.formError, pending: false }
  }
}
