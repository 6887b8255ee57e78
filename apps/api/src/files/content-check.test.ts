import { describe, expect, it } from 'vitest'
import { checkContent } from './content-check.ts'

const text = Buffer.from('day 1: Lisbon, day 2: Porto\n')

describe('checkContent', () => {
  it('keeps the detected type when it is allowed and of the announced kind', () => {
    expect(checkContent('image/jpeg', Buffer.alloc(0), 'image/png')).toEqual({
      ok: true,
      mimeType: 'image/png',
      category: 'image',
    })
  })

  it('refuses an executable announced as an image with FILE002', () => {
    expect(checkContent('image/jpeg', Buffer.from('MZ'), 'application/x-msdownload')).toMatchObject({
      ok: false,
      code: 'FILE002',
    })
  })

  it('refuses an allowed type of another kind with FILE005', () => {
    expect(checkContent('image/png', Buffer.alloc(0), 'application/pdf')).toMatchObject({
      ok: false,
      code: 'FILE005',
    })
  })

  it('accepts plain text only when nothing is detected and the bytes are text', () => {
    expect(checkContent('text/plain', text, undefined)).toMatchObject({ ok: true, mimeType: 'text/plain' })
    expect(checkContent('text/plain', Buffer.from([0x41, 0x00, 0x42]), undefined)).toMatchObject({
      ok: false,
    })
    expect(checkContent('image/png', text, undefined)).toMatchObject({ ok: false, code: 'FILE005' })
  })

  it('understands containers: legacy Office in CFB, OOXML in zip, audio in an mp4', () => {
    expect(checkContent('application/msword', Buffer.alloc(0), 'application/x-cfb')).toMatchObject({
      ok: true,
      mimeType: 'application/msword',
    })
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    expect(checkContent(docx, Buffer.alloc(0), 'application/zip')).toMatchObject({ ok: true, mimeType: docx })
    expect(checkContent('audio/mp4', Buffer.alloc(0), 'video/mp4')).toMatchObject({
      ok: true,
      mimeType: 'audio/mp4',
      category: 'audio',
    })
  })
})
