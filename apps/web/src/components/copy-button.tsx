'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useState } from 'react'
import styles from './travel-list.module.css'

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies `value` to the clipboard and says so for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle')
  const t = useTranslations('copy')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  return (
    <button
      type="button"
      className={`button button-secondary ${styles.copy}`}
      aria-label={state === 'idle' ? label : t(state)}
      data-state={state}
      onClick={() => {
        navigator.clipboard
          .writeText(value)
          .then(() => setState('copied'))
          .catch(() => setState('failed'))
      }}
    >
      <span aria-live="polite">{t(state)}</span>
    </button>
  )
}
