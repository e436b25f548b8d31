import { describe, expect, it } from '@jest/globals';
import { mapIsSafe } from '../../../gateway/uploads/multipart-parser-guards.js';

const operations = () => ({ query: 'mutation { x }', variables: { input: { attachments: [null, null] }, f: null } });
const map = (value: unknown) => JSON.stringify(value);

describe('mapIsSafe', () => {
  it("accepts paths into the operations' own objects and arrays, batches included", () => {
    expect(mapIsSafe(operations(), map({ 0: ['variables.input.attachments.0'], 1: ['variables.input.attachments.1'], 2: ['variables.f'] }))).toBe(true);
    expect(mapIsSafe([operations(), operations()], map({ 0: ['1.variables.f'] }))).toBe(true);
    // A new property at the end of the path is processRequest's to set on the request's own object.
    expect(mapIsSafe(operations(), map({ 0: ['variables.g'] }))).toBe(true);
  });

  it('refuses one file in two places: its stream can be read once', () => {
    expect(mapIsSafe(operations(), map({ 0: ['variables.input.attachments.0', 'variables.input.attachments.1'] }))).toBe(false);
  });

  it('refuses paths through inherited properties, strings or a file placed before', () => {
    for (const path of ['variables.hasOwnProperty.call', 'variables.input.attachments.push.call', 'query.length.x', 'variables.toString.x', 'variables.f.promise.then']) {
      expect({ path, inside: mapIsSafe(operations(), map({ 0: ['variables.f'], 1: [path] })) }).toEqual({ path, inside: false });
    }
  });

  it("leaves what processRequest refuses itself (bad JSON, wrong types) to processRequest", () => {
    expect(mapIsSafe(operations(), '{not json')).toBe(true);
    expect(mapIsSafe(operations(), map({ 0: 'variables.f' }))).toBe(true);
    expect(mapIsSafe(undefined, map({ 0: ['variables.f'] }))).toBe(true);
  });
});
