export * from './client.ts'
export * from './generated/prisma/client.ts'
export * from './raw-rows.ts'
export * from './search-grams.ts'
