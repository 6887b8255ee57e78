// The caller's own profile and settings. Settings live in Profile.preferences JSON next to keys other
// features own (notifications, quietHours), so updates merge into it instead of replacing it.
import type { UpdateProfileInput, UpdateSettingsInput } from '@connecto/shared'
import type { Runtime } from '../runtime.ts'
import type { ActiveUser } from './active-user.ts'

type Preferences = Record<string, unknown>

const asObject = (value: unknown): Preferences =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Preferences) : {}

/**
 * Five fields worth 20% each; a new account starts at 20 with only its nickname, as createUserWithProfile
 * stores it.
 */
const COMPLETION_FIELDS = ['nickname', 'name', 'age', 'occupation', 'bio'] as const

export function profileCompletion(profile: Partial<Record<(typeof COMPLETION_FIELDS)[number], unknown>>) {
  const filled = COMPLETION_FIELDS.filter(
    (f) => profile[f] !== null && profile[f] !== undefined && profile[f] !== '',
  )
  return Math.round((filled.length / COMPLETION_FIELDS.length) * 100)
}

function settingsOf(preferences: unknown) {
  const prefs = asObject(preferences)
  const privacy = asObject(prefs.privacy)
  return {
    privacy: {
      lastSeenVisible: privacy.lastSeenVisible !== false,
      readReceipts: privacy.readReceipts !== false,
    },
    theme: typeof prefs.theme === 'string' ? prefs.theme : 'system',
    language: typeof prefs.language === 'string' ? prefs.language : 'en',
    timeZone: typeof prefs.timeZone === 'string' ? prefs.timeZone : 'UTC',
  }
}

const profileSelect = {
  nickname: true,
  name: true,
  gender: true,
  age: true,
  occupation: true,
  bio: true,
  avatarFileId: true,
  profileCompletion: true,
  preferences: true,
} as const

export async function getProfile(rt: Runtime, actor: ActiveUser) {
  const { preferences, ...profile } = await rt.db.profile.findUniqueOrThrow({
    where: { userId: actor.id },
    select: profileSelect,
  })
  return { ...profile, settings: settingsOf(preferences) }
}

export async function updateProfile(rt: Runtime, actor: ActiveUser, input: UpdateProfileInput) {
  await rt.db.$transaction(async (tx) => {
    const current = await tx.profile.findUniqueOrThrow({ where: { userId: actor.id }, select: profileSelect })
    const next = { ...current, ...input }
    await tx.profile.update({
      where: { userId: actor.id },
      data: { ...input, profileCompletion: profileCompletion(next) },
    })
  })
  return getProfile(rt, actor)
}

export async function updateSettings(rt: Runtime, actor: ActiveUser, input: UpdateSettingsInput) {
  await rt.db.$transaction(async (tx) => {
    const { preferences } = await tx.profile.findUniqueOrThrow({
      where: { userId: actor.id },
      select: { preferences: true },
    })
    const prefs = asObject(preferences)
    const merged: Preferences = { ...prefs }
    if (input.privacy) merged.privacy = { ...asObject(prefs.privacy), ...input.privacy }
    if (input.theme !== undefined) merged.theme = input.theme
    if (input.language !== undefined) merged.language = input.language
    if (input.timeZone !== undefined) merged.timeZone = input.timeZone
    await tx.profile.update({ where: { userId: actor.id }, data: { preferences: merged as object } })
  })
  return getProfile(rt, actor)
}
