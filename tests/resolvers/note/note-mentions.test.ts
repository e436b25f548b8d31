import { describe, expect, it } from '@jest/globals';
import { mentionedIn } from '../../../resolvers/note/note-mentions.js';

const colleagues = [
  { id: 'anna', name: 'Anna de Vries' },
  { id: 'annabel', name: 'Annabel Smit' },
  { id: 'bram', name: 'Bram Jansen' },
];

describe('mentionedIn', () => {
  it('finds a colleague by first name or full name, in any case', () => {
    expect(mentionedIn('@anna can you call her back?', colleagues).map((c) => c.id)).toEqual(['anna']);
    expect(mentionedIn('Ask @Bram Jansen.', colleagues).map((c) => c.id)).toEqual(['bram']);
    expect(mentionedIn('For @ANNA DE VRIES', colleagues).map((c) => c.id)).toEqual(['anna']);
  });

  it('does not take a longer name for a shorter one, nor a word without @', () => {
    expect(mentionedIn('@Annabel please', colleagues).map((c) => c.id)).toEqual(['annabel']);
    expect(mentionedIn('Anna and Bram', colleagues)).toEqual([]);
    expect(mentionedIn('mail anna@example.com', colleagues)).toEqual([]);
  });
});
