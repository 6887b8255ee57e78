// What differs between the web and admin apps. Everything under src/lib is identical in both,
// so that folder can move into packages/client as one piece.
export const appConfig = {
  name: 'Connecto',
  /** Shown beside the name in the header; null for the traveller app. */
  badge: null,
  tagline: 'Real-time messaging for travel groups',
  port: 3000,
  cookiePrefix: 'connecto-web',
  devSecret: 'connecto-dev-only-web-secret-change-me-in-production',
} as const
