import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface DocFileListing {
  /** Paths relative to the docs folder, `/`-separated, each real file once, sorted. */
  readonly files: string[];
  /** Links that point nowhere, with the reason. */
  readonly broken: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/**
 * Hidden and private entries (`.git`, `_drafts`, and a Kubernetes ConfigMap's
 * `..data` and `..2026_...` folders) are never walked: a mounted ConfigMap
 * shows each article as a link into them, so the links alone load each article once.
 */
const isHidden = (name: string) => /^[_.]/.test(name);

type Kind = 'file' | 'folder' | 'other';

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): Kind {
  if (entry.isFile()) return 'file';
  return entry.isDirectory() ? 'folder' : 'other';
}

/**
 * Lists every file under `docsDir`, following symbolic links to files and
 * folders. A folder reached twice (a link loop, or two links to one folder) is
 * walked once, and a file reached by two paths is listed once.
 */
export async function listDocFiles(docsDir: string): Promise<DocFileListing> {
  const files: string[] = [];
  const broken: Array<{ path: string; reason: string }> = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();

  const kindFollowingLinks = async (path: string, relPath: string, entry: Dirent): Promise<Kind | null> => {
    if (!entry.isSymbolicLink()) return kindOf(entry);
    try {
      return kindOf(await stat(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      broken.push({ path: relPath, reason: `the link points nowhere (${code})` });
      return null;
    }
  };

  const walk = async (dir: string, rel: string): Promise<void> => {
    const real = await realpath(dir);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const path = join(dir, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const kind = await kindFollowingLinks(path, relPath, entry);
      if (kind === 'folder') await walk(path, relPath);
      else if (kind === 'file') {
        // Both forms absolute and free of links, so a file and a link to it compare equal
        // whether docsDir was given relative or through a linked folder.
        const realFile = entry.isSymbolicLink() ? await realpath(path) : join(real, entry.name);
        if (seenFiles.has(realFile)) continue;
        seenFiles.add(realFile);
        files.push(relPath);
      }
    }
  };

  await walk(docsDir, '');
  return { files: files.sort(), broken };
}
