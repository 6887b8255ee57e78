// Enum values shared by the api, both web apps and the typed client. Mirrors packages/db schema.prisma.
export const PlatformRole = { ADMIN: 'ADMIN', HOST: 'HOST', USER: 'USER' } as const
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole]

export const IdentityProvider = {
  PASSWORD: 'PASSWORD',
  GOOGLE: 'GOOGLE',
  APPLE: 'APPLE',
  FIREBASE: 'FIREBASE',
} as const
export type IdentityProvider = (typeof IdentityProvider)[keyof typeof IdentityProvider]

export const DevicePlatform = { IOS: 'IOS', ANDROID: 'ANDROID', WEB: 'WEB' } as const
export type DevicePlatform = (typeof DevicePlatform)[keyof typeof DevicePlatform]

export const TravelVisibility = { PUBLIC: 'PUBLIC', INVITE_ONLY: 'INVITE_ONLY' } as const
export type TravelVisibility = (typeof TravelVisibility)[keyof typeof TravelVisibility]

export const TravelStatus = { PLANNING: 'PLANNING', ACTIVE: 'ACTIVE', ENDED: 'ENDED' } as const
export type TravelStatus = (typeof TravelStatus)[keyof typeof TravelStatus]

export const TravelRole = { HOST: 'HOST', MODERATOR: 'MODERATOR', PARTICIPANT: 'PARTICIPANT' } as const
export type TravelRole = (typeof TravelRole)[keyof typeof TravelRole]

export const MemberStatus = { ACTIVE: 'ACTIVE', LEFT: 'LEFT', BANNED: 'BANNED' } as const
export type MemberStatus = (typeof MemberStatus)[keyof typeof MemberStatus]

export const PlanetType = { GROUP: 'GROUP', DIRECT: 'DIRECT', ANNOUNCEMENT: 'ANNOUNCEMENT' } as const
export type PlanetType = (typeof PlanetType)[keyof typeof PlanetType]

export const PlanetStatus = { ACTIVE: 'ACTIVE', ARCHIVED: 'ARCHIVED', DELETED: 'DELETED' } as const
export type PlanetStatus = (typeof PlanetStatus)[keyof typeof PlanetStatus]

export const PlanetRole = { MODERATOR: 'MODERATOR', MEMBER: 'MEMBER' } as const
export type PlanetRole = (typeof PlanetRole)[keyof typeof PlanetRole]

export const TimeRestrictionType = {
  NONE: 'NONE',
  DAILY: 'DAILY',
  WEEKLY: 'WEEKLY',
  CUSTOM: 'CUSTOM',
} as const
export type TimeRestrictionType = (typeof TimeRestrictionType)[keyof typeof TimeRestrictionType]

export const MessageType = {
  TEXT: 'TEXT',
  IMAGE: 'IMAGE',
  VIDEO: 'VIDEO',
  FILE: 'FILE',
  LOCATION: 'LOCATION',
  SYSTEM: 'SYSTEM',
} as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

export const NotificationType = {
  MESSAGE: 'MESSAGE',
  MENTION: 'MENTION',
  REPLY: 'REPLY',
  REACTION: 'REACTION',
  BANNED: 'BANNED',
  MUTED: 'MUTED',
  TRAVEL_JOINED: 'TRAVEL_JOINED',
  ANNOUNCEMENT: 'ANNOUNCEMENT',
  SYSTEM: 'SYSTEM',
} as const
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType]

export const NotificationChannel = {
  IN_APP: 'IN_APP',
  WEBSOCKET: 'WEBSOCKET',
  PUSH: 'PUSH',
  EMAIL: 'EMAIL',
} as const
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel]

export const ReportTarget = { MESSAGE: 'MESSAGE', USER: 'USER', PLANET: 'PLANET' } as const
export type ReportTarget = (typeof ReportTarget)[keyof typeof ReportTarget]
