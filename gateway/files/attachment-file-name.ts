import mime from 'mime-types';

/** Most file systems refuse longer names, so a longer download name could not be saved as is. */
export const MAX_FILE_NAME_BYTES = 255;

const FALLBACK_STEM = 'attachment';

/**
 * Invisible characters that change how a name reads: controls (Cc), format characters (Cf:
 * the bidi overrides, embeddings and isolates U+202A–U+202E and U+2066–U+2069, the marks
 * U+200E, U+200F and U+061C, zero-width spaces, soft hyphens, the BOM), lone surrogates,
 * private-use characters and line or paragraph separators. `invoice\u202Efdp.exe` shows as
 * "invoiceexe.pdf". The zero-width joiner and non-joiner stay: scripts such as Persian and
 * emoji sequences need them, and they reorder nothing.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;

/** Runs of any kind of space become one ordinary space. */
const SPACES = /\p{Zs}+/gu;

/** What Windows runs that the MIME database doesn't know, so they too count as naming a file type. */
const RUNNABLE_EXTENSIONS = new Set(['bat', 'cmd', 'com', 'hta', 'pif', 'ps1', 'reg', 'scr', 'vbe', 'vbs', 'wsf', 'wsh']);

/**
 * The name an attachment is shown and downloaded under, from what the sender called it and
 * the content type detected from its bytes. Only ever shown, never used as a path. The same
 * for a name that already went through it, so stored names can be passed through again.
 *
 * - Unicode NFC, so the same name always has the same characters.
 * - A path keeps only its last part; the characters in INVISIBLE are removed; spaces of any
 *   kind become one space; leading and trailing dots and spaces go (hidden files, Windows);
 *   nothing left is "attachment".
 * - The extension matches the content: kept when it names the detected type (any spelling,
 *   `.JPEG` for a JPEG), replaced when it names another type (`invoicefdp.exe` as a PDF is
 *   `invoicefdp.pdf`: a double `.exe.pdf` would read "invoicefdp.exe" wherever extensions are
 *   hidden), and otherwise added (`Recept 12.03.2024` is `Recept 12.03.2024.pdf`).
 * - At most MAX_FILE_NAME_BYTES in UTF-8, cut from the end of the stem at a character
 *   boundary people see (a grapheme), so the extension survives.
 */
export function attachmentFileName(original: string | null | undefined, contentType: string): string {
  const cleaned = (original ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .at(-1)!
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ');
  // Windows drops trailing dots and spaces itself; leading ones go with the stem (fitted).
  const { stem, extension } = withHonestExtension(cleaned.replace(/[\s.]+$/u, '').trimStart(), contentType);
  return fitted(stem, extension);
}

function withHonestExtension(name: string, contentType: string): { stem: string; extension: string | null } {
  const acceptable = mime.extensions[contentType.toLowerCase()] ?? [];
  const [preferred] = acceptable;
  const { stem, extension } = split(name);
  if (!preferred) return { stem: name, extension: null }; // an unknown type: nothing to be honest about
  if (extension !== null && acceptable.includes(extension.toLowerCase())) return { stem, extension };
  if (extension !== null && namesAFileType(extension)) {
    // "invoice.pdf.exe": the stem already ends in the right extension; don't double it.
    const inner = split(stem);
    if (inner.extension !== null && acceptable.includes(inner.extension.toLowerCase())) return inner;
    return { stem, extension: preferred };
  }
  return { stem: name, extension: preferred };
}

function namesAFileType(extension: string): boolean {
  const lower = extension.toLowerCase();
  return RUNNABLE_EXTENSIONS.has(lower) || mime.lookup(lower) !== false;
}

/** "photo.JPG" → photo + JPG, ".exe" → "" + exe; "notes" and "Jan v. Dijk" have no extension. */
function split(name: string): { stem: string; extension: string | null } {
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1) : '';
  if (!/^[\p{L}\p{N}]{1,10}$/u.test(extension)) return { stem: name, extension: null };
  return { stem: name.slice(0, dot), extension };
}

function fitted(stem: string, extension: string | null): string {
  const suffix = extension === null ? '' : `.${extension}`;
  const budget = MAX_FILE_NAME_BYTES - byteLength(suffix);
  let kept = trimName(stem);
  if (byteLength(kept) > budget) {
    kept = '';
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(stem)) {
      if (byteLength(kept + segment) > budget) break;
      kept += segment;
    }
    kept = trimName(kept);
  }
  return `${kept || FALLBACK_STEM}${suffix}`;
}

const trimName = (name: string) => name.replace(/^[\s.]+|[\s.]+$/gu, '');

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');
