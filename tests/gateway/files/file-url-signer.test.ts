import { describe, expect, it, jest } from '@jest/globals';
import { DomainError } from '../../../gateway/errors/domain-error.js';
import { ErrorCode } from '../../../gateway/errors/error-code.js';
import { FileUrlSigner } from '../../../gateway/files/file-url-signer.js';

const PUBLIC_URL = 'https://chat.example.test';
const INVALID = 'This file link is not valid.';
const EXPIRED = 'This file link has expired. Open the conversation again to get a new one.';

const signer = new FileUrlSigner('test-secret', `${PUBLIC_URL}/`);

/** The token segment of a signed URL: `<publicUrl>/files/<token>/<name>`. */
function tokenOf(url: string): string {
  return new URL(url).pathname.split('/')[2];
}

function verifyError(token: string, using = signer): DomainError {
  try {
    using.verify(token);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected verify to throw');
}

function expectForbidden(token: string, message: string, using = signer): void {
  const error = verifyError(token, using);
  expect(error.message).toBe(message);
  expect(error.extensions.code).toBe(ErrorCode.Forbidden);
}

/** Replaces one character with another valid base64url character. */
function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('FileUrlSigner', () => {
  it('builds a URL under the public URL with the file name encoded at the end', () => {
    const url = signer.url('att-1', 'original', 'Bijsluiter ü; x.pdf');
    expect(url.startsWith(`${PUBLIC_URL}/files/`)).toBe(true);
    expect(url.endsWith('/Bijsluiter%20%C3%BC%3B%20x.pdf')).toBe(true);
  });

  it('verifies its own token and returns the attachment and variant', () => {
    expect(signer.verify(tokenOf(signer.url('att-1', 'original', 'a.pdf')))).toEqual({ attachmentId: 'att-1', variant: 'original' });
    expect(signer.verify(tokenOf(signer.url('att-2', 'thumbnail', 'b.jpg')))).toEqual({ attachmentId: 'att-2', variant: 'thumbnail' });
  });

  it('rejects a token whose payload was changed', () => {
    const [payload, signature] = tokenOf(signer.url('att-1', 'original', 'a.pdf')).split('.');
    expectForbidden(`${flipCharacter(payload, 5)}.${signature}`, INVALID);
  });

  it('rejects a token whose signature was changed, including its last character', () => {
    const [payload, signature] = tokenOf(signer.url('att-1', 'original', 'a.pdf')).split('.');
    expectForbidden(`${payload}.${flipCharacter(signature, 0)}`, INVALID);
    // The last base64url character carries unused bits; a lenient decoder would accept this.
    expectForbidden(`${payload}.${flipCharacter(signature, signature.length - 1)}`, INVALID);
  });

  it('rejects a valid signature moved onto another attachment id', () => {
    const [payload, signature] = tokenOf(signer.url('att-1', 'original', 'a.pdf')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const swapped = Buffer.from(JSON.stringify({ ...claims, a: 'att-2' })).toString('base64url');
    expectForbidden(`${swapped}.${signature}`, INVALID);
  });

  it('rejects a thumbnail link turned into an original link', () => {
    const [payload, signature] = tokenOf(signer.url('att-1', 'thumbnail', 'a.jpg')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const upgraded = Buffer.from(JSON.stringify({ ...claims, v: 'original' })).toString('base64url');
    expectForbidden(`${upgraded}.${signature}`, INVALID);
  });

  it('rejects a token signed with another secret', () => {
    const other = new FileUrlSigner('another-secret', PUBLIC_URL);
    expectForbidden(tokenOf(other.url('att-1', 'original', 'a.pdf')), INVALID);
  });

  it.each([
    ['an empty token', ''],
    ['a token without a signature', 'eyJhIjoiYXR0LTEifQ'],
    ['a token with three parts', 'a.b.c'],
    ['random text', 'not-a-token'],
  ])('rejects %s as not valid', (_what, token) => {
    expectForbidden(token, INVALID);
  });

  it('rejects an expired token with a message that says how to get a new one', () => {
    expectForbidden(tokenOf(signer.url('att-1', 'original', 'a.pdf', -1)), EXPIRED);
  });

  it('accepts a token until its expiry and rejects it afterwards', () => {
    const start = Date.UTC(2025, 5, 1, 12, 0, 0);
    // Only Date.now: fake timers would also freeze the runner's own timeouts.
    const now = jest.spyOn(Date, 'now').mockReturnValue(start);
    try {
      const token = tokenOf(signer.url('att-1', 'original', 'a.pdf', 300));
      now.mockReturnValue(start + 299_000);
      expect(signer.verify(token).attachmentId).toBe('att-1');
      now.mockReturnValue(start + 300_000);
      expectForbidden(token, EXPIRED);
    } finally {
      now.mockRestore();
    }
  });

  it('reports tampering rather than expiry for a tampered expired token', () => {
    const [payload, signature] = tokenOf(signer.url('att-1', 'original', 'a.pdf', -60)).split('.');
    expectForbidden(`${payload}.${flipCharacter(signature, 3)}`, INVALID);
  });
});
