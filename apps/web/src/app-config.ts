// What differs between the web and admin apps; the code they share lives in @connecto/web-kit and
// takes these values as parameters.
export const appConfig = {
  name: 'Connecto',
  /** Shown beside the name in the header; null for the traveller app. */
  badge: null,
  tagline: 'Real-time messaging for travel groups',
  port: 3000,
  cookiePrefix: 'connecto-web',
  devSecret: 'connecto-dev-only-web-secret-change-me-in-production',
} as const
