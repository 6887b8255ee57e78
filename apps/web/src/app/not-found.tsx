import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="page page-narrow">
      <section className="card error-card">
        <h1>Nothing here</h1>
        <p>This page does not exist, or it moved.</p>
        <Link className="button button-secondary" href="/">
          Back to your travels
        </Link>
      </section>
    </div>
  )
}
