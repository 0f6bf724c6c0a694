/**
 * Reads back what a PDF written by pdf-lib says, for tests: the text of each page through each
 * font's ToUnicode map (what copy, search and screen readers use), and each embedded TrueType
 * subset with the characters it draws, so a test can check the outlines survived subsetting.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

function streamBytes(doc: PDFDocument, object: PDFObject | undefined): Uint8Array {
  const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (resolved instanceof PDFRawStream) return decodePDFRawStream(resolved).decode();
  if (resolved instanceof PDFArray) {
    const parts = resolved.asArray().map((part) => streamBytes(doc, part));
    return Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')]));
  }
  throw new Error('not a stream');
}

/** CID → text from a ToUnicode CMap (bfchar entries and bfrange runs). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => {
    const units: number[] = [];
    for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(m[1]!, 16), text(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const [from, to, start] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let cid = from; cid <= to; cid++) map.set(cid, String.fromCodePoint(start + cid - from));
    }
  return map;
}

interface PageFont {
  baseFont: string;
  toUnicode: Map<number, string>;
  fontFile: Uint8Array | null;
}

function pageFonts(doc: PDFDocument, page: PDFPage): Map<string, PageFont> {
  const fonts = new Map<string, PageFont>();
  const dict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  if (!dict) return fonts;
  for (const [name, ref] of dict.entries()) {
    const font = doc.context.lookup(ref, PDFDict);
    const toUnicode = font.get(PDFName.of('ToUnicode'));
    const descendant = font.lookup(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0, PDFDict);
    const descriptor = descendant?.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor?.get(PDFName.of('FontFile2'));
    fonts.set(name.decodeText(), {
      baseFont: font.lookup(PDFName.of('BaseFont'), PDFName).decodeText(),
      toUnicode: toUnicode
        ? parseToUnicode(Buffer.from(streamBytes(doc, toUnicode)).toString('latin1'))
        : new Map(),
      fontFile: file ? streamBytes(doc, file) : null,
    });
  }
  return fonts;
}

/** Each page's text: one line per text-showing operator, decoded through the font's ToUnicode map. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const fonts = pageFonts(doc, page);
    const content = Buffer.from(streamBytes(doc, page.node.get(PDFName.of('Contents')))).toString('latin1');
    const lines: string[] = [];
    let font: PageFont | undefined;
    for (const m of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1] !== undefined) {
        font = fonts.get(m[1]);
        continue;
      }
      const hex = m[2]!;
      let line = '';
      for (let i = 0; i < hex.length; i += 4)
        line += font?.toUnicode.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      lines.push(line);
    }
    return lines.join('\n');
  });
}

export interface EmbeddedGlyph {
  char: string;
  /** The PDF font's name, e.g. BIZUDPGothic-Bold-1234 (pdf-lib appends a random tag). */
  baseFont: string;
  /** The glyph's outline in the embedded subset, as SVG path data. */
  subsetPath: string;
}

/** Every character the PDF draws with an embedded TrueType subset, with its outline in that subset. */
export async function pdfEmbeddedGlyphs(bytes: Uint8Array): Promise<EmbeddedGlyph[]> {
  const doc = await PDFDocument.load(bytes);
  const glyphs = new Map<string, EmbeddedGlyph>();
  for (const page of doc.getPages()) {
    for (const font of pageFonts(doc, page).values()) {
      if (!font.fontFile) continue;
      const subset = fontkit.create(Buffer.from(font.fontFile));
      for (const [cid, char] of font.toUnicode) {
        // pdf-lib numbers a subset's glyphs as its CIDs (Identity CIDToGIDMap).
        const key = `${char}:${font.baseFont}`;
        if (!glyphs.has(key))
          glyphs.set(key, { char, baseFont: font.baseFont, subsetPath: subset.getGlyph(cid).path.toSVG() });
      }
    }
  }
  return [...glyphs.values()];
}
