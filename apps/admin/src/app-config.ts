// What differs between the web and admin apps; the code they share lives in @connecto/web-kit and
// takes these values as parameters.
export const appConfig = {
  name: 'Connecto',
  /** Shown beside the name in the header; null for the traveller app. */
  badge: 'Admin',
  tagline: 'Run your travel groups: members, announcements and moderation',
  port: 3001,
  cookiePrefix: 'connecto-admin',
  devSecret: 'connecto-dev-only-admin-secret-change-me-in-production',
} as const
