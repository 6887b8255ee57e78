'use client'

import type { AttachmentView } from '@connecto/shared'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTRPC } from '@/lib/connecto'
import { Popover } from './popover'

type Variant = 'original' | 'display' | 'thumbnail' | 'poster'

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`

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
  return (
    <button
      type="button"
      className="msg-image"
      onClick={onOpen}
      aria-label={`Open image ${image.name}`}
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
  return (
    <a className="msg-file" href={url} download={file.name} aria-disabled={!url} data-testid="message-file">
      <span aria-hidden="true">📄</span>
      <span className="msg-file-text">
        <strong>{file.name}</strong>
        <span>{sizeText(file.size)} · Download</span>
      </span>
    </a>
  )
}

function ImageViewer({ image, onClose }: { image: AttachmentView; onClose: () => void }) {
  const display = useFileUrl(image.fileId, image.hasDisplay ? 'display' : 'original')
  const original = useFileUrl(image.fileId, 'original')
  return (
    <div className="modal-backdrop viewer-backdrop">
      <Popover onClose={onClose} label={`Image ${image.name}`} className="viewer">
        <div className="viewer-bar">
          <span className="viewer-name">{image.name}</span>
          {original ? (
            <a className="button button-secondary button-small" href={original} download={image.name}>
              Download
            </a>
          ) : null}
          <button type="button" className="icon-button" aria-label="Close viewer" onClick={onClose}>
            ✕
          </button>
        </div>
        {display ? (
          <img className="viewer-image" src={display} alt={image.name} />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </Popover>
    </div>
  )
}
