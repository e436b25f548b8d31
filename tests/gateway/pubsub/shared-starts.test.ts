import { describe, expect, it } from '@jest/globals';
import { SharedStarts } from '../../../gateway/pubsub/shared-starts.js';

describe('SharedStarts', () => {
  it('reads once for the callers of one turn with the same key, after all of them asked', async () => {
    const starts = new SharedStarts();
    const asked: string[] = [];
    let reads = 0;
    const read = async () => {
      reads += 1;
      return `read after ${asked.join(',')}`;
    };
    const first = starts.start('a', read);
    asked.push('first');
    const second = starts.start('a', read);
    asked.push('second');
    expect(await Promise.all([first, second])).toEqual(['read after first,second', 'read after first,second']);
    expect(reads).toBe(1);
  });

  it('reads again for a caller that asks once the read has begun, and apart for another key', async () => {
    const starts = new SharedStarts();
    let reads = 0;
    const read = async () => ++reads;
    const first = await starts.start('a', read);
    const [again, other] = await Promise.all([starts.start('a', read), starts.start('b', read)]);
    expect(first).toBe(1);
    expect(new Set([again, other]).size).toBe(2);
    expect(reads).toBe(3);
  });

  it('gives every caller of a failed read its failure', async () => {
    const starts = new SharedStarts();
    const failing = () => Promise.reject(new Error('not found'));
    const results = await Promise.allSettled([starts.start('a', failing), starts.start('a', failing)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
