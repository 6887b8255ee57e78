// The error-code catalogue: every refusal a client can see has one stable code from this table.
// Codes AUTH001…FILE003 come from the Connecto seeds; the rest extend them in the same families.

export type TrpcCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'

type ErrorSpec = { trpc: TrpcCode; message: string }

export const ERRORS = {
  AUTH001: { trpc: 'UNAUTHORIZED', message: 'The token is invalid.' },
  AUTH002: { trpc: 'UNAUTHORIZED', message: 'The token has expired.' },
  AUTH003: { trpc: 'UNAUTHORIZED', message: 'You need to sign in.' },
  AUTH004: { trpc: 'UNAUTHORIZED', message: 'Email or password is incorrect.' },
  AUTH005: { trpc: 'CONFLICT', message: 'An account with this email already exists.' },
  AUTH006: { trpc: 'FORBIDDEN', message: 'This account is banned.' },
  AUTH007: { trpc: 'UNAUTHORIZED', message: 'The refresh token is invalid or was revoked.' },
  AUTH008: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts. Try again later.' },
  AUTH009: { trpc: 'UNAUTHORIZED', message: 'The social sign-in token could not be verified.' },
  AUTH010: { trpc: 'PRECONDITION_FAILED', message: 'This sign-in method is not configured.' },
  AUTH011: { trpc: 'FORBIDDEN', message: 'You do not have permission to do this.' },
  USR001: { trpc: 'NOT_FOUND', message: 'User not found.' },
  TRV001: { trpc: 'NOT_FOUND', message: 'Travel not found.' },
  TRV002: { trpc: 'FORBIDDEN', message: 'You are not a member of this travel.' },
  TRV003: { trpc: 'CONFLICT', message: 'You are already a member of this travel.' },
  TRV004: { trpc: 'BAD_REQUEST', message: 'The invite code is not valid.' },
  TRV005: { trpc: 'PRECONDITION_FAILED', message: 'This travel has ended.' },
  TRV006: { trpc: 'PRECONDITION_FAILED', message: 'This travel is frozen.' },
  TRV007: { trpc: 'PRECONDITION_FAILED', message: 'This travel is full.' },
  TRV008: { trpc: 'FORBIDDEN', message: 'You are banned from this travel.' },
  TRV009: { trpc: 'FORBIDDEN', message: 'Only the host can do this.' },
  TRV010: { trpc: 'PRECONDITION_FAILED', message: 'Hand over the host role before leaving.' },
  TRV011: { trpc: 'FORBIDDEN', message: 'Only the host and moderators can do this.' },
  TRV012: { trpc: 'FORBIDDEN', message: 'You cannot do this to the host or another moderator.' },
  TRV013: { trpc: 'NOT_FOUND', message: 'This user is not an active member of this travel.' },
  PLT001: { trpc: 'NOT_FOUND', message: 'Planet not found.' },
  PLT002: { trpc: 'FORBIDDEN', message: 'You are not a member of this planet.' },
  PLT003: { trpc: 'FORBIDDEN', message: 'You are muted in this planet.' },
  PLT004: { trpc: 'PRECONDITION_FAILED', message: 'Chat is closed at this time.' },
  PLT005: { trpc: 'FORBIDDEN', message: 'Only hosts and moderators can post announcements.' },
  PLT006: { trpc: 'PRECONDITION_FAILED', message: 'This planet is archived.' },
  PLT007: { trpc: 'PRECONDITION_FAILED', message: 'Direct chats cannot be changed this way.' },
  PLT008: { trpc: 'BAD_REQUEST', message: 'You cannot open a direct chat with yourself.' },
  MSG001: { trpc: 'NOT_FOUND', message: 'Message not found.' },
  MSG002: { trpc: 'PRECONDITION_FAILED', message: 'The edit window for this message has passed.' },
  MSG003: { trpc: 'FORBIDDEN', message: 'You cannot delete this message.' },
  MSG004: { trpc: 'TOO_MANY_REQUESTS', message: 'You are sending messages too fast.' },
  MSG005: { trpc: 'PRECONDITION_FAILED', message: 'The restore window for this message has passed.' },
  MSG006: { trpc: 'FORBIDDEN', message: 'You can only edit your own messages.' },
  MSG007: { trpc: 'PRECONDITION_FAILED', message: 'This message was deleted.' },
  MSG008: { trpc: 'BAD_REQUEST', message: 'Only text messages can be edited.' },
  MSG009: { trpc: 'BAD_REQUEST', message: 'You can only reply to a message in the same planet.' },
  MSG010: { trpc: 'FORBIDDEN', message: 'Only planet moderators and travel staff can pin messages.' },
  MSG011: { trpc: 'PRECONDITION_FAILED', message: 'This message is not deleted.' },
  MSG012: { trpc: 'FORBIDDEN', message: 'Only the sender or an admin can restore this message.' },
  MSG013: { trpc: 'BAD_REQUEST', message: 'This message cannot be forwarded.' },
  FILE001: { trpc: 'PAYLOAD_TOO_LARGE', message: 'The file is too large.' },
  FILE002: { trpc: 'BAD_REQUEST', message: 'This file type is not allowed.' },
  FILE003: { trpc: 'INTERNAL_SERVER_ERROR', message: 'The file upload failed.' },
  FILE004: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many uploads in progress. Finish or cancel one.' },
  FILE005: { trpc: 'BAD_REQUEST', message: 'The uploaded file does not match what was announced.' },
  FILE006: { trpc: 'NOT_FOUND', message: 'File not found.' },
  FILE007: { trpc: 'PRECONDITION_FAILED', message: 'This upload is not in a state that allows this.' },
  FILE008: { trpc: 'FORBIDDEN', message: 'This file link is invalid or has expired.' },
  MOD001: { trpc: 'NOT_FOUND', message: 'Report not found.' },
  MOD002: { trpc: 'PRECONDITION_FAILED', message: 'This report has already been resolved.' },
  MOD003: { trpc: 'BAD_REQUEST', message: 'This action does not fit the reported target.' },
  MOD004: { trpc: 'BAD_REQUEST', message: 'Name the travel the reported user belongs to.' },
  MOD005: { trpc: 'NOT_FOUND', message: 'This user is not a member of this planet.' },
  RT001: { trpc: 'TOO_MANY_REQUESTS', message: 'You are opening chats too fast. Try again shortly.' },
  RT002: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many typing updates. Try again shortly.' },
  RT003: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many live subscriptions on this connection.' },
  RT004: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many open connections for this account.' },
  SYS001: { trpc: 'BAD_REQUEST', message: 'The input is not valid.' },
  SYS002: { trpc: 'NOT_FOUND', message: 'Not found.' },
  SYS003: { trpc: 'CONFLICT', message: 'This conflicts with existing data.' },
  SYS004: { trpc: 'TOO_MANY_REQUESTS', message: 'Too many requests. Slow down.' },
  SYS005: { trpc: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side.' },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ERRORS

export const HTTP_STATUS: Record<TrpcCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
}

/** Shape the api puts in `error.data.app` of every tRPC error. */
export type AppErrorData = {
  code: ErrorCode
  message: string
  field?: string
  /** Rate-limit refusals (MSG004, …): when the caller may try again. */
  retryAfterSeconds?: number
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERRORS
}
