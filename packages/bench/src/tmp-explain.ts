import pg from 'pg'
import { sendContextsStatement } from '../../../apps/api/src/messages/send-statements.ts'
import { createScenario } from './scenario.ts'
const s = await createScenario({ clients: 1000, planetSize: 10 })
const c = new pg.Client(s.databaseUrl)
await c.connect()
await c.query(`INSERT INTO messages (id, planet_id, sender_id, type, content, created_at)
  SELECT 'm' || g, pu.planet_id, pu.user_id, 'TEXT', 'hello ' || g, now() FROM generate_series(1, 50000) g
  JOIN LATERAL (SELECT planet_id, user_id FROM planet_users OFFSET (g % 1000) LIMIT 1) pu ON true`)
await c.query('VACUUM ANALYZE')
const inputs = s.clients.slice(0, 3).map((cl) => ({ senderId: cl.userId, planetId: cl.planetId, clientMessageId: 'x' + Math.random(), mentionNames: [] as string[] }))
const sql = sendContextsStatement(inputs)
await c.query(`PREPARE q AS ${sql.text.replace(/\$(\d+)/g, (_, n) => `$${n}`)}`)
await c.query('SET plan_cache_mode = force_generic_plan')
const lit = (v: unknown) => `'${String(v).replace(/'/g, "''")}'`
const plan = await c.query(`EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(${sql.values.map(lit).join(',')})`)
console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
await c.query('SET plan_cache_mode = force_custom_plan')
const plan2 = await c.query(`EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(${sql.values.map(lit).join(',')})`)
console.log('---- custom\n' + plan2.rows.map((r) => r['QUERY PLAN']).join('\n'))
await c.end()
await s.drop()
