/**
 * The Japanese font PDF reports are set in: BIZ UDPGothic (Morisawa, SIL Open Font License 1.1),
 * regular and bold TrueType files shipped by the npm package @expo-google-fonts/biz-udpgothic, so
 * a fresh machine gets it from `npm ci` with no system font (docs/decisions/0009-pdf-reports.md).
 * The files are read once per process; each PDF embeds only the glyphs it uses.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

const require = createRequire(import.meta.url);

export const PDF_FONT_PACKAGE = '@expo-google-fonts/biz-udpgothic';
const FILES = {
  regular: `${PDF_FONT_PACKAGE}/400Regular/BIZUDPGothic_400Regular.ttf`,
  bold: `${PDF_FONT_PACKAGE}/700Bold/BIZUDPGothic_700Bold.ttf`,
} as const;

export interface PdfFontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

let loading: Promise<PdfFontFiles> | null = null;

async function readFont(specifier: string): Promise<Uint8Array> {
  let file: string;
  try {
    file = require.resolve(specifier);
  } catch {
    throw new Error(
      `The PDF report font ${specifier} is missing: run \`npm ci\` (it is a dependency in package.json).`,
    );
  }
  return new Uint8Array(await readFile(file));
}

/** The regular and bold font files, read on first use and kept. */
export function loadPdfFonts(): Promise<PdfFontFiles> {
  loading ??= Promise.all([readFont(FILES.regular), readFont(FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  // A failed read is not cached: installing the package fixes the next request without a restart.
  loading.catch(() => (loading = null));
  return loading;
}

interface TrueTypeSubset {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph: (this: TrueTypeSubset, gid: number) => number;
}

const patched = new WeakSet<object>();

/**
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format (offsets / 2) whenever
 * the subset's glyphs total under 64 kB — always, for a report — but copies each glyph's bytes
 * unpadded, so after the first glyph of odd length every offset is off by one byte and most glyphs
 * vanish from the PDF (text still extracts: only the outlines break). The TrueType spec wants
 * short-format offsets even; this pads each copied glyph to an even length, which is what fontkit
 * should do. Patched once on the subset class of the fontkit instance handed to pdf-lib.
 */
function padTrueTypeSubsetGlyphs(fontBytes: Uint8Array): void {
  const subset = fontkit.create(fontBytes).createSubset() as unknown as TrueTypeSubset;
  const proto = Object.getPrototypeOf(subset) as TrueTypeSubset;
  if (patched.has(proto) || typeof proto._addGlyph !== 'function') return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: TrueTypeSubset, gid: number): number {
    const index = addGlyph.call(this, gid);
    const buffer = this.glyf[index]!;
    if (buffer.length % 2 === 1) {
      // The same Buffer class as fontkit's own (its UMD build bundles a Buffer polyfill).
      const BufferClass = buffer.constructor as unknown as { alloc(size: number): Uint8Array };
      const padded = BufferClass.alloc(buffer.length + 1);
      padded.set(buffer);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  patched.add(proto);
}

/** The fontkit pdf-lib should use for these fonts: TrueType subsets padded (see padTrueTypeSubsetGlyphs). */
export async function pdfFontkit(): Promise<typeof fontkit> {
  padTrueTypeSubsetGlyphs((await loadPdfFonts()).regular);
  return fontkit;
}
