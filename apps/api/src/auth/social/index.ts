// Public entry of social sign-in verification for the auth service and the runtime.
export * from './social-verifier.ts'
