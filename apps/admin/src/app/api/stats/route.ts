// The dashboard's polling endpoint: the api's figures for the signed-in admin, never cached.
import { readApiRefusal } from '@connecto/web-kit/api'
import { NextResponse } from 'next/server'
import { staffApi } from '@/lib/staff-api'

export const dynamic = 'force-dynamic'

export async function GET() {
  const { api } = await staffApi()
  try {
    return NextResponse.json(await api.admin.dashboardStats.query())
  } catch (error) {
    const refusal = readApiRefusal(error)
    return NextResponse.json(
      { error: refusal?.app.message ?? 'The api could not be reached.' },
      { status: refusal?.httpStatus ?? 502 },
    )
  }
}
