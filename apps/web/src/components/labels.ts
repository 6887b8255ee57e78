// Display words for the api's enums.
export const TRAVEL_ROLE_LABELS = {
  HOST: 'Host',
  MODERATOR: 'Moderator',
  PARTICIPANT: 'Participant',
} as const

export const TRAVEL_STATUS_LABELS = { PLANNING: 'Planning', ACTIVE: 'Happening now', ENDED: 'Ended' } as const

export const PLANET_TYPE_LABELS = {
  GROUP: 'Group chat',
  DIRECT: 'Direct message',
  ANNOUNCEMENT: 'Announcements',
} as const
