// Product limits shared by api validation and client-side hints.
export const LIMITS = {
  passwordMin: 8,
  passwordMax: 128,
  nicknameMax: 30,
  travelNameMax: 100,
  planetNameMax: 50,
  messageTextMax: 4000,
  historyPageDefault: 50,
  historyPageMax: 100,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 7 * 24 * 60 * 60,
  inviteCodeLength: 8,
} as const

/** Invite-code alphabet without look-alikes (0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
