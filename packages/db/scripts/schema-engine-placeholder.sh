#!/bin/sh
# Placeholder for PRISMA_SCHEMA_ENGINE_BINARY: `prisma generate` only checks that the file exists and never
# runs it. Migrations use the WebAssembly schema engine (src/migrate), so the native engine is never needed.
echo "The native Prisma schema engine is not used in Connecto; run 'pnpm db:migrate' instead." >&2
exit 1
