// Message text as written, with @mentions highlighted and links made clickable. Never HTML.
import { Fragment } from 'react'

const TOKEN = /(@[\p{L}\p{N}_.-]+|https?:\/\/[^\s<]+)/gu

export function MessageText({ text }: { text: string }) {
  const parts = text.split(TOKEN)
  return (
    <>
      {parts.map((part, i) => {
        const key = `${i}-${part.length}`
        if (part.startsWith('@') && part.length > 1) {
          return (
            <span key={key} className="mention">
              {part}
            </span>
          )
        }
        if (/^https?:\/\//.test(part)) {
          return (
            <a key={key} href={part} target="_blank" rel="noreferrer noopener">
              {part}
            </a>
          )
        }
        return <Fragment key={key}>{part}</Fragment>
      })}
    </>
  )
}
