/** How deep and how large a JSON value may be; checked without recursion, so any depth is safe. */
export interface JsonBounds {
  /** Nested objects and arrays, the value itself counted: `{"a":1}` is 1 deep. */
  readonly maxDepth: number;
  /** Characters of the value written as JSON. */
  readonly maxChars: number;
}

/** The problem with a parsed JSON value, or null when it is within the bounds. */
export function jsonBoundsProblem(value: unknown, bounds: JsonBounds): string | null {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (depth > bounds.maxDepth) return `must not be nested more than ${bounds.maxDepth} levels deep`;
    const children = Array.isArray(node) ? node : Object.values(node as object);
    for (const child of children) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  // Only measured once the depth is known to be small: JSON.stringify recurses.
  if (JSON.stringify(value).length > bounds.maxChars)
    return `must be at most ${bounds.maxChars} characters as JSON`;
  return null;
}
