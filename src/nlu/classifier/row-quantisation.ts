/**
 * Weights stored as one signed byte each, with a scale per row (a row's largest weight becomes ±127).
 * A quarter of Float32's memory; on the validation part of BANKING77 and HWU64, quantising the linear
 * model and the network this way left accuracy and AUROC unchanged.
 */
export interface Int8Rows {
  readonly values: Int8Array;
  /** Per row: the weight that one step of the byte stands for. */
  readonly scales: Float32Array;
}

/** Quantises row-major `weights` whose rows are `width` wide. */
export function quantiseRows(weights: Float32Array, width: number): Int8Rows {
  const rows = width > 0 ? weights.length / width : 0;
  const values = new Int8Array(weights.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const start = r * width;
    let max = 0;
    for (let j = start; j < start + width; j++) max = Math.max(max, Math.abs(weights[j]!));
    if (max === 0) continue;
    const scale = max / 127;
    scales[r] = scale;
    for (let j = start; j < start + width; j++) values[j] = Math.round(weights[j]! / scale);
  }
  return { values, scales };
}

/**
 * Weights stored as four bits each (two per byte, -7 to 7 around 8), with a scale per row (a row's largest
 * weight becomes ±7). An eighth of Float32's memory. Rows are `width` wide, padded to whole bytes.
 */
export interface Int4Rows {
  /** Row r, weight j: the nibble at byte `r * rowBytes + (j >> 1)`, low nibble for even j. */
  readonly nibbles: Uint8Array;
  readonly rowBytes: number;
  readonly scales: Float32Array;
}

export function quantiseRowsTo4Bits(weights: Float32Array, width: number): Int4Rows {
  const rows = width > 0 ? weights.length / width : 0;
  const rowBytes = Math.ceil(width / 2);
  const nibbles = new Uint8Array(rows * rowBytes).fill(0x88);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const start = r * width;
    let max = 0;
    for (let j = 0; j < width; j++) max = Math.max(max, Math.abs(weights[start + j]!));
    if (max === 0) continue;
    const scale = max / 7;
    scales[r] = scale;
    for (let j = 0; j < width; j++) {
      const q = Math.round(weights[start + j]! / scale) + 8;
      const at = r * rowBytes + (j >> 1);
      nibbles[at] = j & 1 ? (nibbles[at]! & 0x0f) | (q << 4) : (nibbles[at]! & 0xf0) | q;
    }
  }
  return { nibbles, rowBytes, scales };
}
