/** A typed array type that can be rebuilt over a fresh ArrayBuffer. */
export interface TypedArrayType<T> {
  new (buffer: ArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A typed array's bytes as base64 text, for JSON model caches. */
export function typedArrayToBase64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Reads what typedArrayToBase64 wrote; throws when the bytes are not a whole number of elements. */
export function typedArrayFromBase64<T>(text: string, type: TypedArrayType<T>): T {
  const buffer = Buffer.from(text, 'base64');
  if (buffer.byteLength % type.BYTES_PER_ELEMENT !== 0)
    throw new Error('classifier state: array size mismatch');
  return new type(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  );
}
