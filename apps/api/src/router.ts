import { authRouter } from './auth/auth.router.ts'
import { devicesRouter } from './devices/devices.router.ts'
import { messagesRouter } from './messages/messages.router.ts'
import { adminRouter } from './moderation/admin.router.ts'
import { moderationRouter } from './moderation/moderation.router.ts'
import { planetsRouter } from './planets/planets.router.ts'
import { travelsRouter } from './travels/travels.router.ts'
import { router } from './trpc/init.ts'

export const appRouter = router({
  auth: authRouter,
  devices: devicesRouter,
  travels: travelsRouter,
  messages: messagesRouter,
  planets: planetsRouter,
  moderation: moderationRouter,
  admin: adminRouter,
})

export type AppRouter = typeof appRouter
