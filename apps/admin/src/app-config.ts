// What differs between the web and admin apps. Everything under src/lib is identical in both,
// so that folder can move into packages/client as one piece.
export const appConfig = {
  name: 'Connecto',
  /** Shown beside the name in the header; null for the traveller app. */
  badge: 'Admin',
  tagline: 'Run your travel groups: members, announcements and moderation',
  port: 3001,
  cookiePrefix: 'connecto-admin',
  devSecret: 'connecto-dev-only-admin-secret-change-me-in-production',
} as const
