// The admin app's own procedures, merged into the `admin` namespace. Platform-wide ones are admin-only;
// the ones hosts use too (their travels, reports, audit entries) check the caller's travel rights.
import {
  ZAuditLogFilter,
  ZDeleteUserMessagesInput,
  ZGetUserInput,
  ZListAuditLogInput,
  ZListStaffTravelsInput,
  ZReportContextInput,
  ZResolveReportWithPlatformBanInput,
  ZRestoreUserInput,
  ZSearchUsersInput,
  ZSetPlatformRoleInput,
  ZSuspendUserInput,
} from '@connecto/shared'
import { adminProcedure, protectedProcedure, router } from '../trpc/init.ts'
import {
  getUserDetail,
  restoreUser,
  searchUsers,
  setPlatformRole,
  suspendUser,
} from './admin-users.service.ts'
import { exportAuditLog, listAuditLog } from './audit-log.service.ts'
import { deleteUserMessages } from './bulk-delete.service.ts'
import { getDashboardStats } from './dashboard-stats.service.ts'
import { getReportContext } from './report-context.service.ts'
import { resolveReportWithPlatformBan } from './report-platform-ban.service.ts'
import { listStaffTravels } from './staff-travels.service.ts'

export const adminConsoleRouter = router({
  dashboardStats: adminProcedure.query(({ ctx }) => getDashboardStats(ctx.rt)),
  searchUsers: adminProcedure.input(ZSearchUsersInput).query(({ ctx, input }) => searchUsers(ctx.rt, input)),
  getUser: adminProcedure.input(ZGetUserInput).query(({ ctx, input }) => getUserDetail(ctx.rt, input)),
  setPlatformRole: adminProcedure
    .input(ZSetPlatformRoleInput)
    .mutation(({ ctx, input }) => setPlatformRole(ctx.rt, ctx.user, input)),
  suspendUser: adminProcedure
    .input(ZSuspendUserInput)
    .mutation(({ ctx, input }) => suspendUser(ctx.rt, ctx.user, input)),
  restoreUser: adminProcedure
    .input(ZRestoreUserInput)
    .mutation(({ ctx, input }) => restoreUser(ctx.rt, ctx.user, input)),
  listTravels: protectedProcedure
    .input(ZListStaffTravelsInput)
    .query(({ ctx, input }) => listStaffTravels(ctx.rt, ctx.user, input)),
  reportContext: protectedProcedure
    .input(ZReportContextInput)
    .query(({ ctx, input }) => getReportContext(ctx.rt, ctx.user, input)),
  resolveReportWithPlatformBan: adminProcedure
    .input(ZResolveReportWithPlatformBanInput)
    .mutation(({ ctx, input }) => resolveReportWithPlatformBan(ctx.rt, ctx.user, input)),
  deleteUserMessages: protectedProcedure
    .input(ZDeleteUserMessagesInput)
    .mutation(({ ctx, input }) => deleteUserMessages(ctx.rt, ctx.user, input)),
  auditLog: protectedProcedure
    .input(ZListAuditLogInput)
    .query(({ ctx, input }) => listAuditLog(ctx.rt, ctx.user, input)),
  exportAuditLog: protectedProcedure
    .input(ZAuditLogFilter)
    .query(({ ctx, input }) => exportAuditLog(ctx.rt, ctx.user, input)),
})
