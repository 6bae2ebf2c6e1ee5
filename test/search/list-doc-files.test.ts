import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listDocFiles } from '../../src/search/list-doc-files.js';

describe('listDocFiles', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'doc-files-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('lists a file and a link to it once, whether the folder is given relative or absolute', async () => {
    const docs = join(root, 'docs');
    await mkdir(docs);
    await writeFile(join(docs, 'a.md'), '# A\n');
    await symlink('a.md', join(docs, 'b.md'));
    expect((await listDocFiles(docs)).files).toEqual(['a.md']);
    // The default DOCS_DIR (content/docs) is relative to the working folder.
    expect((await listDocFiles(relative(process.cwd(), docs))).files).toEqual(['a.md']);
  });

  it('lists a file once when the docs folder itself is reached through a link', async () => {
    const real = join(root, 'real-docs');
    await mkdir(real);
    await writeFile(join(real, 'a.md'), '# A\n');
    await symlink('a.md', join(real, 'b.md'));
    await symlink(real, join(root, 'docs'));
    expect((await listDocFiles(join(root, 'docs'))).files).toEqual(['a.md']);
  });
});
