// `npm run db:seed`: the demo shop, once (it does nothing when the shop already exists).
import { seedDemo } from '../src/server/seed/demo'
import { DEMO_LOGINS, DEMO_PASSWORD } from '../src/server/seed/demo-logins'
import { db } from '../src/server/db'

const summary = await seedDemo()
console.log(summary ? `Seeded the demo shop: ${JSON.stringify(summary)}` : 'Demo data already present; nothing to do.')
console.log(`Demo logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`)
await db().$disconnect()
