import 'server-only'

/** One bank transfer as a payment-notification service reports it, whatever its wire format. */
export interface TransferNotification {
  /** The provider's own id of the transaction: a retry carries the same one (unique with the provider's name). */
  providerTxId: string
  direction: 'IN' | 'OUT'
  /** Whole đồng. */
  amount: number
  /** The transfer's text as the bank delivered it (our memo somewhere inside, if the customer kept it). */
  content: string
  /** The bank's reference of the transaction. */
  bankReference: string | null
  /** The bank's time of the transaction, as the provider wrote it. */
  bookedAt: string
  gateway: string
  accountNumber: string
}

/**
 * A payment-notification service (SePay today; payOS or another later: docs/decisions/016). The webhook route asks it
 * whether a request is authentic before reading anything, then to parse the body; what it answers is its own
 * documented acknowledgement.
 */
export interface TransferProvider {
  /** Stored with each notification (BankTransfer.provider). */
  name: string
  /** Whether the provider is configured on this deployment (its secret is set). */
  configured(): boolean
  /** The request carries the shop's key or a valid signature. Constant-time where a secret is compared. */
  authentic(headers: Headers, rawBody: string): boolean
  /** The notification in the body; null when the body is not one. */
  parse(rawBody: string): TransferNotification | null
  /** The body the provider expects on success. */
  acknowledgement(): unknown
}
