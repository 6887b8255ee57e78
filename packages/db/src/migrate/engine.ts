// Drives Prisma's WebAssembly schema engine through the pg driver adapter, so migrations work on machines
// where the native engine cannot be downloaded. Produces and reads the standard prisma/migrations folder.
import { randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import pg from 'pg'

export const DB_PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url))
export const SCHEMA_PATH = path.join(DB_PACKAGE_DIR, 'prisma', 'schema.prisma')
export const MIGRATIONS_DIR = path.join(DB_PACKAGE_DIR, 'prisma', 'migrations')
const LOCKFILE = 'migration_lock.toml'

export const NO_FILTERS = { externalTables: [], externalEnums: [] }

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>

let wasmReady: Promise<void> | undefined

function loadWasm() {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url)
    const jsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bytes = await readFile(path.join(path.dirname(jsPath), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never })
    bg.__wbg_set_wasm(instance.exports)
    ;(instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.()
  })()
  return wasmReady
}

/** pg pool config from a URL, split into fields so the adapter's shadow database (`database`) takes effect. */
export function poolConfigFromUrl(databaseUrl: string) {
  const url = new URL(databaseUrl)
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '') || 'postgres'),
    max: 1,
  }
}

export async function readSchema() {
  return readFile(SCHEMA_PATH, 'utf8')
}

/**
 * The stock adapter drops its shadow database while its own pool still holds a connection to it, which
 * Postgres refuses; this one closes the pool first and drops with FORCE.
 */
class MigrationAdapterFactory extends PrismaPg {
  /** Adapters the engine opened; the engine never closes them, so `closeAll` does. */
  private readonly opened: { dispose: () => Promise<void> }[] = []

  constructor(private readonly poolConfig: ReturnType<typeof poolConfigFromUrl>) {
    super(poolConfig)
  }

  override async connect() {
    const adapter = await super.connect()
    this.opened.push(adapter)
    return adapter
  }

  async closeAll() {
    await Promise.allSettled(this.opened.splice(0).map((a) => a.dispose()))
  }

  override async connectToShadowDb() {
    const name = `connecto_shadow_${randomUUID().replaceAll('-', '')}`
    await runAdminSql(this.poolConfig, `CREATE DATABASE "${name}"`)
    const adapter = await new PrismaPg({ ...this.poolConfig, database: name }).connect()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      await runAdminSql(this.poolConfig, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    return adapter
  }
}

async function runAdminSql(config: ReturnType<typeof poolConfigFromUrl>, sql: string) {
  const client = new pg.Client(config)
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Runs `work` with a schema engine on the database, then frees the engine and closes its connections. */
export async function withEngine<T>(databaseUrl: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  await loadWasm()
  const schema = await readSchema()
  const factory = new MigrationAdapterFactory(poolConfigFromUrl(databaseUrl))
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )
  try {
    return await work(engine)
  } finally {
    engine.free()
    await factory.closeAll()
  }
}

export async function loadMigrationsList(baseDir = MIGRATIONS_DIR) {
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => [])
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => {
      const file = path.join(baseDir, dir, 'migration.sql')
      const content = await readFile(file, 'utf8').then(
        (ok) => ({ tag: 'ok' as const, value: ok }),
        (err: Error) => ({ tag: 'error' as const, value: err.message }),
      )
      return { path: dir, migrationFile: { path: 'migration.sql', content } }
    }),
  )
  const lockContent = await readFile(path.join(baseDir, LOCKFILE), 'utf8').catch(() => null)
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  }
}

export const LOCKFILE_NAME = LOCKFILE
