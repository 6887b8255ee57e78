'use client'

// The outcome of the last staff action, kept in the layout: an action often changes the very row or
// form that ran it (a ban turns "Ban" into "Unban"), so its inline message can vanish on re-render.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'

type Toast = { ok: boolean; message: string; id: number }

const ToastContext = createContext<(toast: Omit<Toast, 'id'>) => void>(() => {})

export const useToast = () => useContext(ToastContext)

const SHOW_MS = 10_000

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null)
  const show = useCallback((next: Omit<Toast, 'id'>) => setToast({ ...next, id: Date.now() }), [])
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), SHOW_MS)
    return () => clearTimeout(timer)
  }, [toast])
  return (
    <ToastContext.Provider value={show}>
      {children}
      {toast ? (
        <div
          key={toast.id}
          className={toast.ok ? 'toast result result-ok' : 'toast result result-refused'}
          role={toast.ok ? 'status' : 'alert'}
          data-testid="action-toast"
        >
          {toast.message}
        </div>
      ) : null}
    </ToastContext.Provider>
  )
}
