// Privacy switches in `profile.preferences.privacy`: each is on unless the user turned it off.
type Preferences = unknown

function privacyFlag(preferences: Preferences, flag: 'lastSeenVisible' | 'readReceipts') {
  if (!preferences || typeof preferences !== 'object') return true
  const privacy = (preferences as { privacy?: unknown }).privacy
  if (!privacy || typeof privacy !== 'object') return true
  return (privacy as Record<string, unknown>)[flag] !== false
}

/** Others see the user's online state and last seen unless `privacy.lastSeenVisible` is false. */
export const lastSeenVisible = (preferences: Preferences) => privacyFlag(preferences, 'lastSeenVisible')

/** Others see that the user read their messages unless `privacy.readReceipts` is false. */
export const readReceiptsVisible = (preferences: Preferences) => privacyFlag(preferences, 'readReceipts')
