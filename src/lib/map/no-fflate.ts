/**
 * What the build gives pmtiles for `fflate` (vite.config.ts aliases the package here): pmtiles calls it only when the
 * browser has no `DecompressionStream`, and the site hands pmtiles its own decompression (./decompress.ts), which
 * says so instead. Anything else that comes to need fflate must drop the alias.
 */
export function decompressSync(): never {
  throw new Error('fflate is not part of this build (vite.config.ts aliases it away): unpack with DecompressionStream');
}
