// What other packages import from the api: the router's type only, never its code.
export type { AppRouter } from './router.ts'
