// `pnpm db:seed` — seeds the demo data into DATABASE_URL once.
import { createDb } from '../client.ts'
import { DEMO_ACCOUNTS, seedDemo } from './demo.ts'

const db = createDb({
  databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/connecto',
})
const seeded = await seedDemo(db)
console.log(seeded ? 'demo data seeded' : 'demo data already present')
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(6)} ${a.email}  ${a.password}`)
await db.$disconnect()
