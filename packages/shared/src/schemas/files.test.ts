import { describe, expect, it } from 'vitest'
import { FILE_CATEGORIES, fileCategoryOf, ZInitiateUploadInput } from './files.ts'
import { ZSendMessageInput } from './message.ts'

const base = { planetId: 'p1', clientMessageId: 'client-0001' }

describe('file schemas', () => {
  it('knows the category and limit of each allowed type, and nothing else', () => {
    expect(fileCategoryOf('IMAGE/JPEG')).toBe('image')
    expect(fileCategoryOf('video/mp4')).toBe('video')
    expect(fileCategoryOf('application/x-msdownload')).toBeNull()
    expect(FILE_CATEGORIES.image.maxBytes).toBe(10 * 1024 * 1024)
    expect(FILE_CATEGORIES.video.maxBytes).toBe(500 * 1024 * 1024)
  })

  it('normalises the announced MIME type and refuses empty names', () => {
    expect(ZInitiateUploadInput.parse({ fileName: ' a.png ', size: 1, mimeType: 'Image/PNG' })).toEqual({
      fileName: 'a.png',
      size: 1,
      mimeType: 'image/png',
    })
    expect(ZInitiateUploadInput.safeParse({ fileName: ' ', size: 1, mimeType: 'image/png' }).success).toBe(
      false,
    )
  })

  it('sends files without text, with a caption, never with content or a file twice', () => {
    expect(ZSendMessageInput.safeParse({ ...base, attachments: { fileIds: ['f1'] } }).success).toBe(true)
    expect(
      ZSendMessageInput.safeParse({ ...base, attachments: { fileIds: ['f1'], caption: 'hi' } }).success,
    ).toBe(true)
    const withContent = ZSendMessageInput.safeParse({
      ...base,
      content: 'x',
      attachments: { fileIds: ['f1'] },
    })
    expect(withContent.error?.issues[0]?.path).toEqual(['attachments'])
    expect(ZSendMessageInput.safeParse({ ...base, attachments: { fileIds: ['f1', 'f1'] } }).success).toBe(
      false,
    )
    expect(ZSendMessageInput.safeParse({ ...base, attachments: { fileIds: [] } }).success).toBe(false)
    expect(ZSendMessageInput.safeParse(base).success).toBe(false)
    const control = { ...base, attachments: { fileIds: ['f1'], caption: 'a\u0007b' } }
    expect(ZSendMessageInput.safeParse(control).success).toBe(false)
  })
})
