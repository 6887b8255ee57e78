export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo.ts'
export * from './factories.ts'
