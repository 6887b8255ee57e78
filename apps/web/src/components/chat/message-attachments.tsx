'use client'

import type { AttachmentView } from '@connecto/shared'
import { useQuery } from '@tanstack/react-query'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { formatSize } from '@/lib/format'
import { Popover } from './popover'

type Variant = 'original' | 'display' | 'thumbnail' | 'poster'

/** A signed URL for one variant, renewed before it expires. */
function useFileUrl(fileId: string, variant: Variant, enabled = true) {
  const trpc = useTRPC()
  return useQuery(
    trpc.files.downloadUrl.queryOptions(
      { fileId, variant },
      { enabled, staleTime: 4 * 60_000, refetchInterval: 4 * 60_000 },
    ),
  ).data?.url
}

const isImage = (a: AttachmentView) => a.mimeType.startsWith('image/')

/** Images as a grid of previews (opening the viewer), other files as download rows. */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentView[] }) {
  const [viewing, setViewing] = useState<AttachmentView | null>(null)
  if (attachments.length === 0) return null
  const images = attachments.filter(isImage)
  const others = attachments.filter((a) => !isImage(a))
  return (
    <div className="msg-attachments">
      {images.length > 0 ? (
        <div className="msg-images" data-count={Math.min(images.length, 4)}>
          {images.map((image) => (
            <ImageThumb key={image.fileId} image={image} onOpen={() => setViewing(image)} />
          ))}
        </div>
      ) : null}
      {others.map((file) => (
        <FileRow key={file.fileId} file={file} />
      ))}
      {viewing ? <ImageViewer image={viewing} onClose={() => setViewing(null)} /> : null}
    </div>
  )
}

function ImageThumb({ image, onOpen }: { image: AttachmentView; onOpen: () => void }) {
  const variant: Variant = image.hasThumbnail ? 'thumbnail' : image.hasDisplay ? 'display' : 'original'
  const url = useFileUrl(image.fileId, variant)
  const t = useTranslations('files')
  return (
    <button
      type="button"
      className="msg-image"
      onClick={onOpen}
      aria-label={t('openImage', { name: image.name })}
      data-testid="message-image"
    >
      {url ? (
        <img src={url} alt={image.name} loading="lazy" />
      ) : (
        <span className="msg-image-loading" aria-hidden="true" />
      )}
    </button>
  )
}

function FileRow({ file }: { file: AttachmentView }) {
  const url = useFileUrl(file.fileId, 'original')
  const t = useTranslations('files')
  const locale = useLocale()
  return (
    <a className="msg-file" href={url} download={file.name} aria-disabled={!url} data-testid="message-file">
      <span aria-hidden="true">📄</span>
      <span className="msg-file-text">
        <strong>{file.name}</strong>
        <span>{t('sizeDownload', { size: formatSize(file.size, locale) })}</span>
      </span>
    </a>
  )
}

function ImageViewer({ image, onClose }: { image: AttachmentView; onClose: () => void }) {
  const display = useFileUrl(image.fileId, image.hasDisplay ? 'display' : 'original')
  const original = useFileUrl(image.fileId, 'original')
  const t = useTranslations()
  return (
    <div className="modal-backdrop viewer-backdrop">
      <Popover onClose={onClose} label={t('files.image', { name: image.name })} className="viewer">
        <div className="viewer-bar">
          <span className="viewer-name">{image.name}</span>
          {original ? (
            <a className="button button-secondary button-small" href={original} download={image.name}>
              {t('files.download')}
            </a>
          ) : null}
          <button type="button" className="icon-button" aria-label={t('files.closeViewer')} onClick={onClose}>
            ✕
          </button>
        </div>
        {display ? (
          <img className="viewer-image" src={display} alt={image.name} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </Popover>
    </div>
  )
}
