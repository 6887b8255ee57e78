import {
  ZFocusInput,
  ZListNotificationsInput,
  ZMarkNotificationsReadInput,
  ZSetPlanetNotificationsInput,
  ZUpdateNotificationPreferencesInput,
} from '@connecto/shared'
import { protectedProcedure, router } from '../trpc/init.ts'
import {
  focus,
  getUnreadCount,
  listNotifications,
  markAllRead,
  markRead,
  setPlanetNotifications,
} from './notifications.service.ts'
import { getPreferences, updatePreferences } from './preferences.ts'

export const notificationsRouter = router({
  list: protectedProcedure
    .input(ZListNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.rt, ctx.user.id, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => getUnreadCount(ctx.rt, ctx.user.id)),
  markRead: protectedProcedure
    .input(ZMarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.rt, ctx.user.id, input)),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllRead(ctx.rt, ctx.user.id)),
  preferences: protectedProcedure.query(({ ctx }) => getPreferences(ctx.rt, ctx.user.id)),
  updatePreferences: protectedProcedure
    .input(ZUpdateNotificationPreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx.rt, ctx.user.id, input)),
  setPlanetNotifications: protectedProcedure
    .input(ZSetPlanetNotificationsInput)
    .mutation(({ ctx, input }) => setPlanetNotifications(ctx.rt, ctx.user.id, input)),
  /** Called every ~20 s by a focused client; push skips the planet the user is looking at. */
  focus: protectedProcedure
    .input(ZFocusInput)
    .mutation(({ ctx, input }) => focus(ctx.rt, ctx.user.id, input)),
})
