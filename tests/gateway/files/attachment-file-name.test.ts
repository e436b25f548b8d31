import { describe, expect, it } from '@jest/globals';
import { attachmentFileName, MAX_FILE_NAME_BYTES } from '../../../gateway/files/attachment-file-name.js';

const PDF = 'application/pdf';
const JPEG = 'image/jpeg';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map(({ segment }) => segment);

describe('attachment file names', () => {
  it('turns the right-to-left override trick into an honest name (issue 14)', () => {
    // Shown as "invoiceexe.pdf" by anything that honours U+202E; it is a PDF either way.
    expect(attachmentFileName('invoice\u202Efdp.exe', PDF)).toBe('invoicefdp.pdf');
  });

  it.each([
    ['U+202A–U+202E embeddings and overrides', '\u202A\u202B\u202C\u202D\u202E'],
    ['U+2066–U+2069 isolates', '\u2066\u2067\u2068\u2069'],
    ['U+200E, U+200F and U+061C marks', '\u200E\u200F\u061C'],
    ['C0 and C1 controls, DEL', '\u0000\u0007\t\n\r\u001b\u007f\u0085\u009b'],
    ['zero-width space, soft hyphen, word joiner, BOM', '\u200B\u00AD\u2060\uFEFF'],
    ['line and paragraph separators', '\u2028\u2029'],
    ['private-use characters and a lone surrogate', '\uE000\uDB80\uD800'],
  ])('removes %s', (_label, invisible) => {
    expect(attachmentFileName(`re${invisible}ceipt.pdf`, PDF)).toBe('receipt.pdf');
  });

  it('keeps what scripts and emoji need: joiners and combining marks', () => {
    expect(attachmentFileName('👩‍⚕️ advies.pdf', PDF)).toBe('👩‍⚕️ advies.pdf');
    expect(attachmentFileName('نامه\u200Cها.pdf', PDF)).toBe('نامه\u200Cها.pdf');
  });

  it('composes to NFC', () => {
    const decomposed = 'Bijsluiter e\u0301tiquette.pdf';
    expect(attachmentFileName(decomposed, PDF)).toBe('Bijsluiter \u00E9tiquette.pdf');
  });

  it('keeps only the last part of a path', () => {
    expect(attachmentFileName('C:\\Users\\anna\\Documents\\scan.pdf', PDF)).toBe('scan.pdf');
    expect(attachmentFileName('../../etc/passwd', PDF)).toBe('passwd.pdf');
    expect(attachmentFileName('folder/', PDF)).toBe('attachment.pdf');
  });

  it('tidies spaces and dots at the ends', () => {
    expect(attachmentFileName('  a\u00A0\u3000 b.pdf  ', PDF)).toBe('a b.pdf');
    expect(attachmentFileName('..hidden.pdf', PDF)).toBe('hidden.pdf');
    expect(attachmentFileName('file.pdf. . ', PDF)).toBe('file.pdf');
  });

  describe('the extension', () => {
    it('is kept when it names the detected type, in any spelling', () => {
      expect(attachmentFileName('photo.JPG', JPEG)).toBe('photo.JPG');
      expect(attachmentFileName('photo.jpeg', JPEG)).toBe('photo.jpeg');
      expect(attachmentFileName('form.docx', DOCX)).toBe('form.docx');
    });

    it('is replaced when it names another type, runnable ones included', () => {
      expect(attachmentFileName('leaflet.png', PDF)).toBe('leaflet.pdf');
      expect(attachmentFileName('IMG_0042.HEIC', JPEG)).toBe('IMG_0042.jpg');
      expect(attachmentFileName('setup.exe', PDF)).toBe('setup.pdf');
      expect(attachmentFileName('screensaver.scr', PDF)).toBe('screensaver.pdf');
      expect(attachmentFileName('script.ps1', DOCX)).toBe('script.docx');
    });

    it('is not doubled when the name already ends in the right one underneath', () => {
      expect(attachmentFileName('invoice.pdf.exe', PDF)).toBe('invoice.pdf');
    });

    it('is added when the name has none, or ends in something that is no file type', () => {
      expect(attachmentFileName('report', PDF)).toBe('report.pdf');
      expect(attachmentFileName('Recept 12.03.2024', PDF)).toBe('Recept 12.03.2024.pdf');
      expect(attachmentFileName('Jan v. Dijk', PDF)).toBe('Jan v. Dijk.pdf');
    });

    it('gets a stem when nothing of the name is left', () => {
      for (const name of ['', '   ', '\u202E', '.exe', '.pdf', '...', null, undefined]) expect(attachmentFileName(name, PDF)).toBe('attachment.pdf');
    });

    it('leaves a name alone for a type it knows nothing about', () => {
      expect(attachmentFileName('data.bin', 'application/x-counterchat-unknown')).toBe('data.bin');
    });
  });

  describe('the length', () => {
    it(`is at most ${MAX_FILE_NAME_BYTES} bytes of UTF-8, cut from the stem so the extension stays`, () => {
      const name = attachmentFileName(`${'a'.repeat(1000)}.pdf`, PDF);
      expect(bytes(name)).toBe(MAX_FILE_NAME_BYTES);
      expect(name.endsWith('a.pdf')).toBe(true);
    });

    it('never cuts a character, or a character people see, in half', () => {
      for (const unit of ['💊', 'é', '👨‍👩‍👧', 'e\u0301\u0302']) {
        const original = `${unit.repeat(200)}.pdf`;
        const name = attachmentFileName(original, PDF);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(name.isWellFormed()).toBe(true);
        expect(name.endsWith('.pdf')).toBe(true);
        const kept = graphemes(name.slice(0, -'.pdf'.length));
        expect(kept.length).toBeGreaterThan(0);
        for (const grapheme of kept) expect(graphemes(unit.normalize('NFC'))).toContain(grapheme);
      }
    });
  });

  it('gives the same name when a name is passed through again', () => {
    const samples: [string, string][] = [
      ['invoice\u202Efdp.exe', PDF],
      ['IMG_0042.HEIC', JPEG],
      ['Recept 12.03.2024', PDF],
      [`${'💊'.repeat(300)}.docx`, DOCX],
      ['..hidden.pdf', PDF],
      ['.exe', PDF],
    ];
    for (const [original, type] of samples) {
      const once = attachmentFileName(original, type);
      expect(attachmentFileName(once, type)).toBe(once);
    }
  });
});
