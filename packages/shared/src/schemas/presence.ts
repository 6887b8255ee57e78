// Presence: clients report whether the user is active or away; others read online / away / offline.
import { z } from 'zod'
import { ZId } from './common.ts'

export const ZPresenceState = z.enum(['active', 'away'])

export const ZReportPresenceInput = z.object({ state: ZPresenceState })
export type TReportPresenceInput = z.infer<typeof ZReportPresenceInput>

export const ZTravelPresenceInput = z.object({ travelId: ZId })
export type TTravelPresenceInput = z.infer<typeof ZTravelPresenceInput>

export type PresenceStatus = 'online' | 'away' | 'offline'
