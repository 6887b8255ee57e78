// A runtime plus a listening api whose PUBLIC_API_URL is its own address, so local-storage links that
// initiate and downloadUrl hand out really reach it.
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createTestRuntime, type TestEnv } from '../../../test/harness.ts'
import type { Clock } from '../../runtime.ts'
import { createApiServer } from '../../server.ts'

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

export async function startFilesTestApi(opts: { env?: TestEnv; clock?: Clock } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'connecto-files-'))
  const port = await freePort()
  const t = await createTestRuntime({
    env: {
      DATA_DIR: dir,
      PUBLIC_API_URL: `http://127.0.0.1:${port}`,
      // Deterministic whatever is installed here: videos take the "no preview" path.
      FFMPEG_PATH: path.join(dir, 'no-such-ffmpeg'),
      ...opts.env,
    },
    overrides: opts.clock ? { clock: opts.clock } : {},
  })
  const api = createApiServer(t.rt)
  await api.listen(port, '127.0.0.1')
  return {
    rt: t.rt,
    dir,
    async close() {
      await api.close()
      await t.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
