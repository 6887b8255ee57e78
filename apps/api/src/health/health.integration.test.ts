import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, startTestServer } from '../../test/harness.ts'

let t: Awaited<ReturnType<typeof createTestRuntime>>
let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  t = await createTestRuntime()
  server = await startTestServer(t.rt)
})
afterAll(async () => {
  await server.close()
  await t.close()
})

describe('health and metrics endpoints', () => {
  it('/health answers ok and /health/detailed reports each component with latency', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' })
    const res = await fetch(`${server.url}/health/detailed`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(Object.keys(body.components).sort()).toEqual(['database', 'jobs', 'redis', 'storage', 'websocket'])
    expect(body.components.database).toMatchObject({ status: 'up' })
    expect(typeof body.components.database.latencyMs).toBe('number')
  })

  it('/metrics serves Prometheus text including request durations by route', async () => {
    await fetch(`${server.url}/health`)
    const text = await (await fetch(`${server.url}/metrics`)).text()
    expect(text).toContain('# TYPE connecto_http_request_duration_seconds histogram')
    expect(text).toMatch(/connecto_http_request_duration_seconds_count\{route="\/health",status="200"\} \d+/)
    expect(text).toContain('process_cpu_user_seconds_total')
  })

  it('reports the database down when it cannot be reached', async () => {
    const broken = await createTestRuntime({
      database: { url: 'postgresql://postgres@127.0.0.1:1/none', embedded: false, drop: async () => {} },
    })
    const s = await startTestServer(broken.rt)
    const res = await fetch(`${s.url}/health/detailed`)
    expect(res.status).toBe(503)
    expect((await res.json()).components.database.status).toBe('down')
    await s.close()
    await broken.close()
  })
})
