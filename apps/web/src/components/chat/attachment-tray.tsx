'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useRef } from 'react'
import { formatSize } from '@/lib/format'
import type { PendingFile } from './use-attachments'

/** The paperclip: opens the file picker. */
export function AttachButton({
  onPick,
  disabled,
}: {
  onPick: (files: FileList) => void
  disabled?: boolean
}) {
  const input = useRef<HTMLInputElement>(null)
  const t = useTranslations('files')
  return (
    <>
      <button
        type="button"
        className="icon-button attach-button"
        aria-label={t('attach')}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path
            d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l8-8"
            strokeLinecap="round"
          />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(event) => {
          if (event.target.files?.length) onPick(event.target.files)
          event.target.value = ''
        }}
      />
    </>
  )
}

/** Files waiting to go with the next message, each with its progress and a way to cancel it. */
export function AttachmentTray({
  files,
  onRemove,
}: {
  files: PendingFile[]
  onRemove: (localId: string) => void
}) {
  const t = useTranslations('files')
  const locale = useLocale()
  if (files.length === 0) return null
  return (
    <ul className="attach-tray" aria-label={t('tray')}>
      {files.map((file) => (
        <li key={file.localId} className="attach-item" data-state={file.state} data-testid="pending-file">
          {file.previewUrl ? (
            <img src={file.previewUrl} alt="" className="attach-thumb" />
          ) : (
            <span className="attach-thumb attach-icon" aria-hidden="true">
              📄
            </span>
          )}
          <div className="attach-text">
            <span className="attach-name">{file.name}</span>
            {file.state === 'failed' ? (
              <span className="form-error" role="alert">
                {file.error}
              </span>
            ) : (
              <progress
                className="attach-progress"
                max={1}
                value={file.progress}
                aria-label={t('uploadOf', { name: file.name })}
              />
            )}
            <span className="muted">
              {formatSize(file.size, locale)}
              {file.state === 'uploading'
                ? ` · ${Math.round(file.progress * 100)}%`
                : file.state === 'done'
                  ? t('ready')
                  : ''}
            </span>
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t(file.state === 'uploading' ? 'cancelUpload' : 'remove', { name: file.name })}
            onClick={() => onRemove(file.localId)}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  )
}
