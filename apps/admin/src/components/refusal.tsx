/** A page the signed-in staff member may not open: what was refused and the api's reason. */
export function Refusal({ title, message, code }: { title: string; message: string; code?: string }) {
  return (
    <section className="panel refusal" role="alert" data-testid="refused">
      <h1>{title}</h1>
      <p>
        {message}
        {code ? <span className="muted"> ({code})</span> : null}
      </p>
    </section>
  )
}
