'use client'

import Link from 'next/link'

/** Anything a page throws lands here instead of a blank screen. */
export default function PageFailed({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="page page-narrow">
      <section className="card error-card" role="alert">
        <h1>Something went wrong</h1>
        <p>This page could not be shown. Try again in a moment.</p>
        <div className="profile-actions">
          <button type="button" className="button button-primary" onClick={reset}>
            Try again
          </button>
          <Link className="button button-secondary" href="/">
            Back to your travels
          </Link>
        </div>
      </section>
    </div>
  )
}
