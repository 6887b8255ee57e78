// Product limits shared by api validation and client-side hints.
export const LIMITS = {
  passwordMin: 8,
  passwordMax: 128,
  nicknameMax: 30,
  travelNameMax: 100,
  planetNameMax: 50,
  messageTextMax: 4000,
  messageEditWindowMinutes: 15,
  messageRestoreWindowHours: 24,
  messagesPerMinute: 100,
  reactionEmojiMax: 32,
  replyExcerptMax: 120,
  historyPageDefault: 50,
  historyPageMax: 100,
  searchPageDefault: 20,
  searchPageMax: 50,
  searchQueryMax: 200,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 7 * 24 * 60 * 60,
  inviteCodeLength: 8,
  /** Fresh planet subscriptions (room joins) per user per window; resumes after a reconnect are free. */
  roomJoinsPerWindow: 20,
  roomJoinWindowSeconds: 5 * 60,
  typingEventsPerMinute: 50,
  typingTtlSeconds: 5,
  messageStatusBatchMax: 100,
} as const

/** Invite-code alphabet without look-alikes (0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
