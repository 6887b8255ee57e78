// The audit log as a CSV download, with the same filters as the page; the api builds the file.
import { readApiRefusal } from '@connecto/web-kit/api'
import type { NextRequest } from 'next/server'
import { type AuditSearch, toAuditFilter } from '@/lib/audit-filter'
import { staffApi } from '@/lib/staff-api'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest) {
  const { api } = await staffApi()
  const search = Object.fromEntries(request.nextUrl.searchParams) as AuditSearch
  try {
    const file = await api.admin.exportAuditLog.query(toAuditFilter(search))
    return new Response(file.csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
      },
    })
  } catch (error) {
    const refusal = readApiRefusal(error)
    if (!refusal) throw error
    return new Response(refusal.app.message, { status: refusal.httpStatus })
  }
}
