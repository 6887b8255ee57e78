import type { Metadata } from 'next'
import { NewTravelForm } from '@/components/new-travel-form'
import { requireSession } from '@/lib/require-session'

export const metadata: Metadata = { title: 'New travel' }

export default async function NewTravelPage() {
  await requireSession('/travels/new')
  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>New travel</h1>
        <p className="lead">You host it: a group chat and an announcements planet come with it.</p>
      </header>
      <NewTravelForm />
    </div>
  )
}
