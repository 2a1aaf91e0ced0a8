// The SM3 digest of a document in this browser, as the server writes it (`sm3:` and the hex of its
// UTF-8 bytes). sm-crypto's SM3 alone is a few KiB; it loads with the agreement page only.

/** `sm3:<hex>` of the UTF-8 bytes of a text. */
export async function sm3Digest(text: string): Promise<string> {
  const { default: sm3 } = await import('sm-crypto/src/sm3/index.js');
  // Bytes from TextEncoder rather than the library's own UTF-8 step (which mishandles characters
  // outside the Basic Multilingual Plane).
  return `sm3:${sm3(new TextEncoder().encode(text))}`;
}
