// Poster frames need ffmpeg, which many servers lack; without it videos are marked "no preview".
import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import type { Runtime } from '../runtime.ts'

const run = promisify(execFile)

/** The configured ffmpeg, else `ffmpeg` from PATH, if it runs at all; null otherwise. */
export async function findFfmpeg(configured: string | undefined) {
  const candidate = configured ?? 'ffmpeg'
  try {
    await run(candidate, ['-version'], { timeout: 10_000 })
    return candidate
  } catch {
    return null
  }
}

/** The first frame as PNG bytes, or null when ffmpeg could not read one. */
export async function extractPosterFrame(rt: Runtime, ffmpeg: string, key: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'connecto-poster-'))
  try {
    const input = path.join(dir, 'input')
    const output = path.join(dir, 'poster.png')
    await pipeline(await rt.storage.openReadStream(key), createWriteStream(input))
    try {
      await run(
        ffmpeg,
        ['-v', 'error', '-i', input, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', output],
        {
          timeout: 60_000,
        },
      )
    } catch (err) {
      rt.logger.warn({ err, key }, 'ffmpeg could not extract a poster frame')
      return null
    }
    return await readFile(output)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
