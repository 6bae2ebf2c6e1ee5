/**
 * npm run teams:package [-- --out dist/helpdesk-teams.zip] [--draw-icons]
 *
 * Builds the Teams app package to sideload: teams/manifest.json with the bot's
 * app ID (MICROSOFT_APP_ID) filled in, and the two icons, zipped flat as Teams
 * expects. `--draw-icons` (re)draws teams/color.png (192×192) and
 * teams/outline.png (32×32, white on transparent) from the shapes below.
 * Node only: PNG and ZIP are written with zlib.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/helpdesk-teams.zip' },
    'draw-icons': { type: 'boolean', default: false },
    'app-id': { type: 'string' },
  },
});

const teamsDir = resolve('teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';

// ------------------------------------------------------------------- icons

type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const triangle = (a: [number, number], b: [number, number], c: [number, number]): Shape => {
  const side = (p: [number, number], q: [number, number], x: number, y: number) =>
    (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

type Rgba = readonly [number, number, number, number];

/** Paints layers (later ones on top) into RGBA pixels, 4×4 samples per pixel for smooth edges. */
function paint(size: number, layers: ReadonlyArray<[Shape, Rgba]>): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let color: Rgba = [0, 0, 0, 0];
          for (const [shape, fill] of layers) if (shape(x, y)) color = fill;
          // premultiplied, so transparent samples do not darken edges
          r += (color[0] * color[3]) / 255;
          g += (color[1] * color[3]) / 255;
          b += (color[2] * color[3]) / 255;
          a += color[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = a / (n * n);
      pixels[i] = alpha ? Math.round((r / a) * 255) : 0;
      pixels[i + 1] = alpha ? Math.round((g / a) * 255) : 0;
      pixels[i + 2] = alpha ? Math.round((b / a) * 255) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGBA PNG. */
function encodePng(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const ACCENT: Rgba = [0x2f, 0x5f, 0xd0, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A speech bubble with three dots: white on the accent colour (192×192). */
function colorIcon(): Buffer {
  const bubble = union(roundedRect(36, 44, 156, 128, 26), triangle([60, 122], [100, 122], [52, 158]));
  const dots = union(circle(68, 86, 11), circle(96, 86, 11), circle(124, 86, 11));
  return encodePng(
    192,
    paint(192, [
      [roundedRect(0, 0, 192, 192, 40), ACCENT],
      [bubble, WHITE],
      [dots, ACCENT],
    ]),
  );
}

/** The same bubble as a white outline on transparent (32×32), as Teams requires. */
function outlineIcon(): Buffer {
  const outer = union(roundedRect(2.5, 4.5, 29.5, 23.5, 5.5), triangle([7, 22], [14, 22], [6, 29.5]));
  const inner = roundedRect(5, 7, 27, 21, 3.5);
  const dots = union(circle(11, 14, 1.8), circle(16, 14, 1.8), circle(21, 14, 1.8));
  return encodePng(32, paint(32, [[union(minus(outer, inner), dots), WHITE]]));
}

// --------------------------------------------------------------------- zip

interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** A ZIP archive (deflate, no folders), enough for a Teams app package. */
function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed date keeps the package byte-for-byte reproducible.
  const dosTime = 0;
  const dosDate = (1 << 5) | 1;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// -------------------------------------------------------------------- main

function manifestWithAppId(appId: string): Buffer {
  const manifest = JSON.parse(readFileSync(resolve(teamsDir, 'manifest.json'), 'utf8'));
  manifest.id = appId;
  for (const bot of manifest.bots ?? []) bot.botId = appId;
  if (manifest.webApplicationInfo) manifest.webApplicationInfo.id = appId;
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

function main(): void {
  if (values['draw-icons'] || !existsSync(resolve(teamsDir, 'color.png'))) {
    writeFileSync(resolve(teamsDir, 'color.png'), colorIcon());
    writeFileSync(resolve(teamsDir, 'outline.png'), outlineIcon());
    console.log('drew teams/color.png (192×192) and teams/outline.png (32×32)');
  }
  const appId = values['app-id'] ?? process.env.MICROSOFT_APP_ID ?? '';
  if (!GUID.test(appId) || appId === PLACEHOLDER) {
    console.error(
      "Set MICROSOFT_APP_ID (or pass --app-id) to the bot's Microsoft app ID (a GUID) to build the package.",
    );
    process.exit(1);
  }
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    zip([
      { name: 'manifest.json', data: manifestWithAppId(appId) },
      { name: 'color.png', data: readFileSync(resolve(teamsDir, 'color.png')) },
      { name: 'outline.png', data: readFileSync(resolve(teamsDir, 'outline.png')) },
    ]),
  );
  console.log(`wrote ${out} (app ID ${appId}); upload it in Teams: Apps › Manage your apps › Upload an app`);
}

main();
