import type { ReactNode } from 'react'

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state">
      <div className="empty-state-icon" aria-hidden="true">
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M3 11l18-8-8 18-2-8-8-2z" strokeLinejoin="round" />
        </svg>
      </div>
      <h2>{title}</h2>
      <p>{children}</p>
    </section>
  )
}
