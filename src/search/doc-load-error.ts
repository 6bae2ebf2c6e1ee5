/** A problem with one help article, pointing at the file and line to fix. */
export class DocLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DocLoadError';
  }
}
