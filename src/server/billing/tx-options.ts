import 'server-only'

/**
 * Billing transactions queue on the order's row lock and on the document counter row: under a burst (a whole team
 * pressing "Invoice" at once, or 50 parallel requests in a test) a transaction may wait for a connection and then for
 * the locks. Prisma's defaults (2 s to get a connection, 5 s to finish) would turn that wait into a 500; these give
 * honest queueing room while still failing a stuck transaction.
 */
export const BILLING_TX = { maxWait: 20_000, timeout: 30_000 } as const
