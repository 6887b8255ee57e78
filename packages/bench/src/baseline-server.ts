// The bare baseline: the same insert-then-broadcast with nothing else — no auth, no tRPC, no ORM, no
// Redis. Clients join a planet with ?planet=<id> and send {"planetId","content"}; every socket in that
// planet gets {"seq","content"} once the row is committed, and the sender an {"ack"}.
import http from 'node:http'
import pg from 'pg'
import { type WebSocket, WebSocketServer } from 'ws'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
await pool.query(`CREATE TABLE IF NOT EXISTS baseline_message (
  seq bigserial PRIMARY KEY, planet_id text NOT NULL, content text NOT NULL, created_at timestamptz DEFAULT now())`)

const planets = new Map<string, Set<WebSocket>>()
const server = http.createServer((_req, res) => res.writeHead(200).end('ok'))
const wss = new WebSocketServer({ server, maxPayload: 64 * 1024 })

wss.on('connection', (ws, req) => {
  const planetId = new URL(req.url ?? '/', 'http://x').searchParams.get('planet') ?? ''
  const members = planets.get(planetId) ?? new Set<WebSocket>()
  planets.set(planetId, members.add(ws))
  ws.on('close', () => members.delete(ws))
  ws.on('message', async (data) => {
    const { id, planetId, content } = JSON.parse(data.toString()) as Record<string, string>
    try {
      const { rows } = await pool.query<{ seq: string }>(
        'INSERT INTO baseline_message (planet_id, content) VALUES ($1, $2) RETURNING seq',
        [planetId, content],
      )
      const frame = JSON.stringify({ seq: rows[0]!.seq, content })
      for (const member of planets.get(planetId ?? '') ?? []) member.send(frame)
      ws.send(JSON.stringify({ ack: id }))
    } catch {
      ws.send(JSON.stringify({ ack: id, error: true }))
    }
  })
})

server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1')
process.on('SIGTERM', () => {
  wss.close()
  server.close()
  void pool.end().then(() => process.exit(0))
})
