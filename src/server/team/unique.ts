import 'server-only'

/** Prisma's unique-key violation (P2002), e.g. two managers adding the same email at the same moment. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}
