/** Issue #14: photos leave the phone with their long side at most this many pixels. */
export const PHOTO_LONG_SIDE = 2560;
/** JPEG quality of a shrunk photo: a 12-megapixel phone photo comes out at roughly 300–800 KB. */
export const PHOTO_QUALITY = 0.8;

/** The size to draw a photo at: the long side capped at `max`, the proportions kept, never enlarged. */
export function shrunkSize(width: number, height: number, max = PHOTO_LONG_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= max || long === 0) return { width, height };
  const scale = max / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The file name of a shrunk photo: its own name with a .jpg ending. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]{1,5}$/, '') || 'anh';
  return `${base}.jpg`;
}
