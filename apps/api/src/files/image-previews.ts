// Image previews with sharp: EXIF orientation applied, WebP display version and thumbnail.
import sharp from 'sharp'

const DISPLAY_MAX = 1600
const THUMBNAIL_MAX = 320
// Refuses decompression bombs (a tiny file that decodes to gigapixels).
const MAX_PIXELS = 100_000_000

export type ImagePreviews = { width: number; height: number; display: Buffer; thumbnail: Buffer }

/** Null when sharp cannot decode the image (e.g. HEIC without a decoder): no preview, not an error. */
export async function makeImagePreviews(input: Buffer): Promise<ImagePreviews | null> {
  const open = () => sharp(input, { limitInputPixels: MAX_PIXELS }).rotate()
  let width: number
  let height: number
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()
    if (!meta.width || !meta.height) return null
    // Orientations 5–8 are rotated by 90°: the displayed image is the stored one turned sideways.
    const sideways = (meta.orientation ?? 1) >= 5
    width = sideways ? meta.height : meta.width
    height = sideways ? meta.width : meta.height
  } catch {
    return null
  }
  const resize = (max: number) => ({
    width: max,
    height: max,
    fit: 'inside' as const,
    withoutEnlargement: true,
  })
  const [display, thumbnail] = await Promise.all([
    open().resize(resize(DISPLAY_MAX)).webp({ quality: 82 }).toBuffer(),
    open().resize(resize(THUMBNAIL_MAX)).webp({ quality: 70 }).toBuffer(),
  ])
  return { width, height, display, thumbnail }
}
