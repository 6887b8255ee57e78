// Runs `prisma generate` offline: the CLI only needs the schema-engine path to exist.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const placeholder = fileURLToPath(new URL('./schema-engine-placeholder.sh', import.meta.url))
const result = spawnSync('prisma', ['generate', '--schema', 'prisma/schema.prisma'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: placeholder, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  cwd: fileURLToPath(new URL('..', import.meta.url)),
})
process.exit(result.status ?? 1)
