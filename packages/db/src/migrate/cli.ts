// `pnpm db:migrate <create NAME|deploy|reset|status|check>` against DATABASE_URL (or the local default).
import {
  createMigration,
  deployMigrations,
  diffMigrationsToSchema,
  migrationStatus,
  resetDatabase,
} from './index.ts'

const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/connecto'
const [command, name] = process.argv.slice(2)

async function main() {
  switch (command) {
    case 'create': {
      if (!name) throw new Error('usage: db:migrate create <name>')
      const created = await createMigration(databaseUrl, name)
      console.log(
        created
          ? `created prisma/migrations/${created}`
          : 'schema.prisma and migrations agree; nothing to create',
      )
      return
    }
    case 'deploy': {
      const applied = await deployMigrations(databaseUrl)
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
      return
    }
    case 'reset': {
      const applied = await resetDatabase(databaseUrl)
      console.log(`reset; applied: ${applied.join(', ') || 'none'}`)
      return
    }
    case 'status': {
      console.log(JSON.stringify(await migrationStatus(databaseUrl), null, 2))
      return
    }
    case 'check': {
      const drift = await diffMigrationsToSchema(databaseUrl)
      if (drift) {
        console.error(
          `schema.prisma and prisma/migrations disagree; run 'pnpm db:migrate create <name>':\n${drift}`,
        )
        process.exit(1)
      }
      console.log('schema.prisma and prisma/migrations agree')
      return
    }
    default:
      console.error('usage: db:migrate <create NAME|deploy|reset|status|check>')
      process.exit(2)
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
