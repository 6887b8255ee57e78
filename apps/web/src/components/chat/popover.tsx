'use client'
// A small floating panel that closes on Esc and on a click outside it, returning focus to its opener.
import { type ReactNode, useEffect, useRef } from 'react'

type Props = {
  onClose: () => void
  label: string
  className?: string
  children: ReactNode
  role?: 'menu' | 'dialog'
}

export function Popover({ onClose, label, className, children, role = 'dialog' }: Props) {
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    panel.current?.querySelector<HTMLElement>('button, [href], input')?.focus()
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        onClose()
      }
    }
    const onPointer = (event: PointerEvent) => {
      if (!panel.current?.contains(event.target as Node)) onClose()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
      opener?.focus?.()
    }
  }, [onClose])
  const classes = `popover ${className ?? ''}`
  return role === 'menu' ? (
    <div ref={panel} className={classes} role="menu" aria-label={label}>
      {children}
    </div>
  ) : (
    <div ref={panel} className={classes} role="dialog" aria-label={label}>
      {children}
    </div>
  )
}
