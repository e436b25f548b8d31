import { describe, expect, it } from '@jest/globals';
import { groupRepeatedReads, type AuditRow } from '../../../../../clients/dashboard/src/settings/audit-log/audit-log-groups.js';

const row = (id: string, action: string, actorKey: string, objectId: string | null): AuditRow<{ id: string }> => ({ entry: { id }, action, actorKey, objectId });

describe('grouping repeated reads in the audit log', () => {
  it('makes one row of consecutive reads by one person in one conversation, newest first, with the oldest kept', () => {
    const groups = groupRepeatedReads([row('3', 'MESSAGES_READ', 'ben', 'c1'), row('2', 'MESSAGES_READ', 'ben', 'c1'), row('1', 'MESSAGES_READ', 'ben', 'c1')]);
    expect(groups).toEqual([{ entry: { id: '3' }, count: 3, oldest: { id: '1' } }]);
  });

  it('keeps reads apart by person, by conversation, and when something else happened in between', () => {
    const groups = groupRepeatedReads([
      row('6', 'MESSAGES_READ', 'ben', 'c1'),
      row('5', 'MESSAGES_READ', 'anna', 'c1'),
      row('4', 'MESSAGES_READ', 'anna', 'c2'),
      row('3', 'MESSAGE_DELETED', 'anna', 'c2'),
      row('2', 'MESSAGES_READ', 'anna', 'c2'),
    ]);
    expect(groups.map((group) => [group.entry.id, group.count])).toEqual([
      ['6', 1],
      ['5', 1],
      ['4', 1],
      ['3', 1],
      ['2', 1],
    ]);
  });

  it('never merges other actions, even repeated ones', () => {
    const groups = groupRepeatedReads([row('2', 'SIGNED_IN', 'ben', null), row('1', 'SIGNED_IN', 'ben', null)]);
    expect(groups).toHaveLength(2);
  });
});
