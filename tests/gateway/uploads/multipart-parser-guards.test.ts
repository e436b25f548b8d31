import { describe, expect, it } from '@jest/globals';
import { mapStaysInside } from '../../../gateway/uploads/multipart-parser-guards.js';

const operations = () => ({ query: 'mutation { x }', variables: { input: { attachments: [null, null] }, f: null } });
const map = (value: unknown) => JSON.stringify(value);

describe('mapStaysInside', () => {
  it("accepts paths into the operations' own objects and arrays, batches included", () => {
    expect(mapStaysInside(operations(), map({ 0: ['variables.input.attachments.0'], 1: ['variables.input.attachments.1', 'variables.f'] }))).toBe(true);
    expect(mapStaysInside([operations(), operations()], map({ 0: ['1.variables.f'] }))).toBe(true);
    // A new property at the end of the path is processRequest's to set on the request's own object.
    expect(mapStaysInside(operations(), map({ 0: ['variables.g'] }))).toBe(true);
  });

  it('refuses paths through inherited properties, strings or a file placed before', () => {
    for (const path of ['variables.hasOwnProperty.call', 'variables.input.attachments.push.call', 'query.length.x', 'variables.toString.x', 'variables.f.promise.then']) {
      expect({ path, inside: mapStaysInside(operations(), map({ 0: ['variables.f'], 1: [path] })) }).toEqual({ path, inside: false });
    }
  });

  it("leaves what processRequest refuses itself (bad JSON, wrong types) to processRequest", () => {
    expect(mapStaysInside(operations(), '{not json')).toBe(true);
    expect(mapStaysInside(operations(), map({ 0: 'variables.f' }))).toBe(true);
    expect(mapStaysInside(undefined, map({ 0: ['variables.f'] }))).toBe(true);
  });
});
