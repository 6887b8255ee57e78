// Decides whether an upload's real bytes fit the type the client announced: a ".jpg" that is really an
// executable (or anything outside the allow-list) is refused. Pure, so the rules are unit-tested.
import { type FileCategory, fileCategoryOf } from '@connecto/shared'

/** How many leading bytes the sniffer needs (file-type reads at most this many). */
export const SNIFF_BYTES = 4100

/** Names file-type gives to types the allow-list spells differently. */
const DETECTED_ALIASES: Record<string, string> = {
  'audio/x-flac': 'audio/flac',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
  'video/ogg': 'audio/ogg',
}

const LEGACY_OFFICE = new Set([
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
])
const ZIP_CONTAINERS = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
])
const PLAIN_TEXT = new Set(['text/plain', 'text/csv'])

export type ContentVerdict =
  | { ok: true; mimeType: string; category: FileCategory }
  /** FILE002: the real content is a type nobody may upload; FILE005: an allowed type, not the announced one. */
  | { ok: false; code: 'FILE002' | 'FILE005'; reason: string }

/** `detectedMime` is file-type's answer for the first bytes (undefined when it recognised nothing). */
export function checkContent(
  declaredMime: string,
  head: Buffer,
  detectedMime: string | undefined,
): ContentVerdict {
  const declaredCategory = fileCategoryOf(declaredMime)
  if (!declaredCategory) return { ok: false, code: 'FILE002', reason: `${declaredMime} is not allowed` }
  if (!detectedMime) {
    if (PLAIN_TEXT.has(declaredMime) && looksLikeText(head)) {
      return { ok: true, mimeType: declaredMime, category: declaredCategory }
    }
    return {
      ok: false,
      code: 'FILE005',
      reason: `content of an announced ${declaredMime} was not recognised`,
    }
  }
  // Containers that hold several formats: keep the more precise announced type.
  if (detectedMime === 'application/x-cfb' && LEGACY_OFFICE.has(declaredMime)) {
    return { ok: true, mimeType: declaredMime, category: 'document' }
  }
  if (detectedMime === 'application/zip' && ZIP_CONTAINERS.has(declaredMime)) {
    return { ok: true, mimeType: declaredMime, category: 'document' }
  }
  const real = DETECTED_ALIASES[detectedMime] ?? detectedMime
  const realCategory = fileCategoryOf(real)
  if (!realCategory)
    return { ok: false, code: 'FILE002', reason: `content is ${detectedMime}, which is not allowed` }
  const media = new Set<FileCategory>(['audio', 'video'])
  const compatible =
    realCategory === declaredCategory || (media.has(realCategory) && media.has(declaredCategory))
  if (!compatible)
    return { ok: false, code: 'FILE005', reason: `announced ${declaredMime} but content is ${detectedMime}` }
  // mp4/webm/ogg are containers for sound or pictures; the announced kind decides how the file is shown.
  if (realCategory !== declaredCategory)
    return { ok: true, mimeType: declaredMime, category: declaredCategory }
  return { ok: true, mimeType: real, category: realCategory }
}

/** No NUL bytes and valid UTF-8 (a multi-byte character cut at the end of the sample is allowed). */
function looksLikeText(head: Buffer) {
  if (head.includes(0)) return false
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(head)
  const replacements = decoded.slice(0, -1).split('\uFFFD').length - 1
  return replacements === 0
}
