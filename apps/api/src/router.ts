import { adminConsoleRouter } from './admin/admin-console.router.ts'
import { authRouter } from './auth/auth.router.ts'
import { devicesRouter } from './devices/devices.router.ts'
import { filesRouter } from './files/files.router.ts'
import { meRouter } from './me/me.router.ts'
import { messagesRouter } from './messages/messages.router.ts'
import { adminRouter } from './moderation/admin.router.ts'
import { moderationRouter } from './moderation/moderation.router.ts'
import { notificationsRouter } from './notifications/notifications.router.ts'
import { planetsRouter } from './planets/planets.router.ts'
import { readsRouter } from './reads/reads.router.ts'
import { presenceRouter } from './realtime/presence.router.ts'
import { travelsRouter } from './travels/travels.router.ts'
import { mergeRouters, router } from './trpc/init.ts'
import { usersRouter } from './users/users.router.ts'

export const appRouter = router({
  auth: authRouter,
  devices: devicesRouter,
  travels: travelsRouter,
  messages: messagesRouter,
  planets: planetsRouter,
  moderation: moderationRouter,
  admin: mergeRouters(adminRouter, adminConsoleRouter),
  files: filesRouter,
  reads: readsRouter,
  presence: presenceRouter,
  me: meRouter,
  notifications: notificationsRouter,
  users: usersRouter,
})

export type AppRouter = typeof appRouter
