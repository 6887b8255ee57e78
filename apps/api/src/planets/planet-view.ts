// What the api returns for a planet, and the chat-hours fields a create or update writes.
import { type Planet, Prisma } from '@connecto/db'
import type { TimeRestrictionType } from '@connecto/shared'
import { chatAvailability } from './time-window.ts'

type PlanetRow = Pick<
  Planet,
  | 'id'
  | 'travelId'
  | 'name'
  | 'description'
  | 'type'
  | 'status'
  | 'autoJoin'
  | 'timeRestrictionType'
  | 'timeRestriction'
  | 'timeZone'
  | 'createdAt'
>

export function toPlanetView(p: PlanetRow, now: Date) {
  return {
    id: p.id,
    travelId: p.travelId,
    name: p.name,
    description: p.description,
    type: p.type,
    status: p.status,
    autoJoin: p.autoJoin,
    timeRestrictionType: p.timeRestrictionType,
    timeRestriction: p.timeRestriction,
    timeZone: p.timeZone,
    createdAt: p.createdAt,
    chatHours:
      p.type === 'ANNOUNCEMENT'
        ? { open: true, nextOpenAt: null, closesAt: null }
        : chatAvailability(
            { type: p.timeRestrictionType, restriction: p.timeRestriction, timeZone: p.timeZone },
            now,
          ),
  }
}

/** The stored form of validated chat hours; NONE clears the restriction. */
export function chatHoursData(input: {
  timeRestrictionType?: TimeRestrictionType | undefined
  timeRestriction?: Record<string, unknown> | undefined
}) {
  if (!input.timeRestrictionType) return {}
  if (input.timeRestrictionType === 'NONE') {
    return { timeRestrictionType: 'NONE' as const, timeRestriction: Prisma.DbNull }
  }
  return {
    timeRestrictionType: input.timeRestrictionType,
    timeRestriction: { ...input.timeRestriction, type: input.timeRestrictionType } as Prisma.InputJsonObject,
  }
}
