// The mail for notifications that stayed unread: plain text and HTML, each item linking into the web app.

type Item = { title: string; body: string; data: unknown }

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function itemLink(webUrl: string, data: unknown) {
  const d = (data ?? {}) as { travelId?: string; planetId?: string }
  if (d.travelId && d.planetId) return `${webUrl}/travels/${d.travelId}/planets/${d.planetId}`
  if (d.travelId) return `${webUrl}/travels/${d.travelId}`
  return `${webUrl}/notifications`
}

export function digestEmail({
  nickname,
  items,
  webUrl,
}: {
  nickname: string
  items: Item[]
  webUrl: string
}) {
  const single = items.length === 1 ? items[0] : undefined
  const subject = single ? single.title : `You have ${items.length} unread notifications on Connecto`
  const lines = items.map((i) => `- ${i.title}\n  ${i.body}\n  ${itemLink(webUrl, i.data)}`)
  const text = [
    `Hi ${nickname},`,
    '',
    'While you were away:',
    '',
    ...lines,
    '',
    `Open Connecto: ${webUrl}`,
    '',
  ].join('\n')
  const rows = items
    .map(
      (i) =>
        `<li><a href="${escapeHtml(itemLink(webUrl, i.data))}"><strong>${escapeHtml(i.title)}</strong></a><br>${escapeHtml(i.body)}</li>`,
    )
    .join('')
  const html = `<!doctype html><html><body><p>Hi ${escapeHtml(nickname)},</p><p>While you were away:</p><ul>${rows}</ul><p><a href="${escapeHtml(webUrl)}">Open Connecto</a></p></body></html>`
  return { subject, text, html }
}
