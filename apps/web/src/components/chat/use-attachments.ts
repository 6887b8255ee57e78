'use client'
// Files picked for the next message: each uploads at once with its own progress and can be cancelled;
// the message can go when every upload has finished.
import { FILE_CATEGORIES, fileCategoryOf } from '@connecto/shared'
import { useTranslations } from 'next-intl'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTRPCClient } from '@/lib/connecto'
import { useDescribeRefusal } from '@/lib/refusal'
import { UploadError, uploadFile } from '@/lib/upload'

export type PendingFile = {
  localId: string
  name: string
  size: number
  /** An object URL for images, to preview before the upload ends. */
  previewUrl: string | null
  progress: number
  state: 'uploading' | 'done' | 'failed'
  fileId: string | null
  error: string | null
}

const MB = 1024 * 1024

type FileWords = ReturnType<typeof useTranslations<'files'>>

/** Checked before uploading, so a too-large file is refused at once with the limit in plain words. */
function refusalFor(file: File, t: FileWords): string | null {
  const category = fileCategoryOf(file.type || 'application/octet-stream')
  if (!category) return t('typeNotAllowed', { name: file.name })
  const { maxBytes } = FILE_CATEGORIES[category]
  if (file.size > maxBytes)
    return t('tooLarge', { name: file.name, category: t(`categories.${category}`), max: maxBytes / MB })
  return null
}

export function useAttachments() {
  const client = useTRPCClient()
  const [files, setFiles] = useState<PendingFile[]>([])
  const controllers = useRef(new Map<string, AbortController>())
  const t = useTranslations('files')
  const describeRefusal = useDescribeRefusal()

  const patch = useCallback(
    (localId: string, change: Partial<PendingFile>) =>
      setFiles((list) => list.map((f) => (f.localId === localId ? { ...f, ...change } : f))),
    [],
  )

  const add = useCallback(
    (picked: FileList | File[]) => {
      for (const file of Array.from(picked)) {
        const localId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
        const refusal = refusalFor(file, t)
        const entry: PendingFile = {
          localId,
          name: file.name,
          size: file.size,
          previewUrl: file.type.startsWith('image/') && !refusal ? URL.createObjectURL(file) : null,
          progress: 0,
          state: refusal ? 'failed' : 'uploading',
          fileId: null,
          error: refusal,
        }
        setFiles((list) => [...list, entry])
        if (refusal) continue
        const controller = new AbortController()
        controllers.current.set(localId, controller)
        uploadFile(client, file, {
          signal: controller.signal,
          onProgress: (progress) => patch(localId, { progress }),
        })
          .then((fileId) => patch(localId, { state: 'done', fileId, progress: 1 }))
          .catch((error: unknown) => {
            if (controller.signal.aborted) return
            const text =
              error instanceof UploadError
                ? t(error.reason, { status: error.status ?? 0 })
                : describeRefusal(error).text
            patch(localId, { state: 'failed', error: text })
          })
          .finally(() => controllers.current.delete(localId))
      }
    },
    [client, patch, t, describeRefusal],
  )

  /** Cancels an upload in progress, or drops a finished or failed one. */
  const remove = useCallback((localId: string) => {
    controllers.current.get(localId)?.abort()
    setFiles((list) => {
      const gone = list.find((f) => f.localId === localId)
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl)
      return list.filter((f) => f.localId !== localId)
    })
  }, [])

  /** Empties the tray after a send; the uploaded files now belong to the message. */
  const clear = useCallback(() => {
    setFiles((list) => {
      for (const f of list) if (f.previewUrl) URL.revokeObjectURL(f.previewUrl)
      return []
    })
  }, [])

  useEffect(() => {
    const running = controllers.current
    return () => {
      for (const controller of running.values()) controller.abort()
    }
  }, [])

  const ready = files.filter((f) => f.state === 'done' && f.fileId).map((f) => f.fileId as string)
  const busy = files.some((f) => f.state === 'uploading')
  return { files, add, remove, clear, readyFileIds: ready, busy }
}
