/**
 * Shift_JIS for older Excel: Windows code page 932 (Shift_JIS with NEC and IBM extensions), which is
 * what Japanese Excel means by "Shift_JIS". Characters CP932 cannot hold are replaced by the CP932
 * character people expect (the JIS wave dash 〜 by ～, − by －, accented Latin letters by their base
 * letter) and only then by "?", so a name never turns into mojibake and nothing fails to encode.
 */
import iconv from 'iconv-lite';

/**
 * Unicode characters whose CP932 look-alike has another code point: Unicode's JIS mappings and
 * Microsoft's differ for these, so text typed on a Mac or in a browser often carries the left one.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2014': '\u2015', // — EM DASH → ―
  '\u2016': '\u2225', // ‖ → ∥
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2013': '-', // – EN DASH
  '\u2010': '-', // ‐ HYPHEN
  '\u00A0': ' ', // NO-BREAK SPACE
  '\u2009': ' ', // THIN SPACE
  '\u{20BB7}': '\u5409', // 𠮷 (tsuchi-yoshi, common in family names) → 吉
};

const REPLACEMENT = '?';

const cache = new Map<string, string>();

function encodable(ch: string): boolean {
  return iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
}

/** What one character becomes in CP932 text: itself, its look-alike, its base letter, or "?". */
function cp932Char(ch: string): string {
  const cached = cache.get(ch);
  if (cached !== undefined) return cached;
  let out: string = REPLACEMENT;
  if (encodable(ch)) out = ch;
  else if (LOOK_ALIKES[ch] !== undefined) out = LOOK_ALIKES[ch];
  else {
    // é → e, Ä → A: drop combining marks; ligatures and width variants through NFKC.
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC');
    if (base !== '' && [...base].every(encodable)) out = base;
  }
  cache.set(ch, out);
  return out;
}

/** The text with every character CP932 cannot hold replaced (see the module comment). */
export function toCp932Text(text: string): string {
  // Fast path: printable ASCII and the common Japanese ranges never need replacing.
  if (/^[\x20-\x7E\r\n\t]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 0x80 ? ch : cp932Char(ch);
  return out;
}

/** Encodes text as CP932 bytes after replacing what CP932 cannot hold. */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(toCp932Text(text), 'cp932');
}
