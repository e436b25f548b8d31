import { describe, expect, it } from '@jest/globals';
import { OperationNameLabels } from '../../../gateway/pipeline/operation-name-labels.js';

describe('operation name labels', () => {
  it('keeps the names of trusted documents, however many other names came first', () => {
    const labels = new OperationNameLabels(['Inbox'], 2);
    for (const name of ['A', 'B', 'C', 'D']) labels.labelOf(name);
    expect(labels.labelOf('Inbox')).toBe('Inbox');
  });

  it('gives the first other names their own label and every later one "other"', () => {
    const labels = new OperationNameLabels([], 2);
    expect(['A', 'B', 'C', 'A', 'B', 'D'].map((name) => labels.labelOf(name))).toEqual(['A', 'B', 'other', 'A', 'B', 'other']);
  });

  it('labels unnamed operations "anonymous" and names no metric system should hold "other"', () => {
    const labels = new OperationNameLabels([], 10);
    expect(labels.labelOf(undefined)).toBe('anonymous');
    expect(labels.labelOf(null)).toBe('anonymous');
    expect(labels.labelOf('x'.repeat(65))).toBe('other');
    expect(labels.labelOf('with space')).toBe('other');
    expect(labels.labelOf('x'.repeat(64))).toBe('x'.repeat(64));
  });
});
