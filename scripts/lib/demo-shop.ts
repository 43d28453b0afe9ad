// The demo shop in a freshly migrated database (DATABASE_URL), plus what a load script needs to take orders through
// the API: a personal API token of the receptionist, some customers and active products.
export async function seedDemoShop(tokenName: string): Promise<{ token: string; customerIds: string[]; productIds: string[] }> {
  // Imported here, once DATABASE_URL names the database: the pool reads it when first used.
  const { seedDemo } = await import('../../src/server/seed/demo')
  const { db } = await import('../../src/server/db')
  const { newTokenSecret } = await import('../../src/server/api-tokens/token-secret')
  await seedDemo()
  const prisma = db()
  try {
    const reception = await prisma.user.findUniqueOrThrow({ where: { email: 'reception@example.com' } })
    const secret = newTokenSecret()
    await prisma.apiToken.create({ data: { userId: reception.id, name: tokenName, tokenHash: secret.hash, prefix: secret.prefix } })
    const customers = await prisma.customer.findMany({ take: 20, select: { id: true } })
    const products = await prisma.product.findMany({ where: { active: true }, take: 10, select: { id: true } })
    return { token: secret.token, customerIds: customers.map((c) => c.id), productIds: products.map((p) => p.id) }
  } finally {
    await prisma.$disconnect()
  }
}
