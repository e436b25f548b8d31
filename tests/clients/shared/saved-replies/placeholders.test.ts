import { describe, expect, it } from '@jest/globals';
import { fillPlaceholders, KNOWN_PLACEHOLDERS, unknownPlaceholders } from '../../../../clients/shared/saved-replies/placeholders.js';

const values = { customer: { name: 'Anna van der Berg' }, pharmacy: { name: 'Apotheek De Linde' }, staff: { name: 'Joost Peters' } };

describe('fillPlaceholders', () => {
  it('fills the customer, pharmacy and staff placeholders', () => {
    const body = 'Dear {{customer.firstName}} {{customer.lastName}} ({{customer.name}}), {{pharmacy.name}} here. — {{staff.firstName}} / {{me}} / {{staff.name}}';
    expect(fillPlaceholders(body, values)).toEqual({
      text: 'Dear Anna van der Berg (Anna van der Berg), Apotheek De Linde here. — Joost / Joost / Joost Peters',
      unfilled: [],
    });
  });

  it('accepts spaces inside the braces and fills every occurrence', () => {
    expect(fillPlaceholders('{{ customer.firstName }}, {{customer.firstName}}!', values).text).toBe('Anna, Anna!');
  });

  it('leaves unknown placeholders as typed and lists them once', () => {
    expect(fillPlaceholders('Hi {{customer.firstname}} {{customer.firstname}} from {{pharmacy.name}}', values)).toEqual({
      text: 'Hi {{customer.firstname}} {{customer.firstname}} from Apotheek De Linde',
      unfilled: ['customer.firstname'],
    });
  });

  it('leaves a placeholder without a value as typed: a one-word name has no last name, a thread may have no customer', () => {
    expect(fillPlaceholders('{{customer.firstName}} {{customer.lastName}}', { customer: { name: 'Cher' } })).toEqual({
      text: 'Cher {{customer.lastName}}',
      unfilled: ['customer.lastName'],
    });
    expect(fillPlaceholders('Hi {{customer.firstName}}', {})).toEqual({ text: 'Hi {{customer.firstName}}', unfilled: ['customer.firstName'] });
  });

  it('leaves text without placeholders and stray braces alone', () => {
    expect(fillPlaceholders('Take {1} tablet {{ }} or {{not closed', values)).toEqual({ text: 'Take {1} tablet {{ }} or {{not closed', unfilled: [] });
  });
});

describe('unknownPlaceholders', () => {
  it('names the placeholders that are not supported, each once', () => {
    expect(unknownPlaceholders('{{me}} {{shop}} {{ shop }} {{customer.age}}')).toEqual(['shop', 'customer.age']);
    expect(unknownPlaceholders(KNOWN_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' '))).toEqual([]);
  });

  it('does not take inherited object properties for placeholders', () => {
    expect(unknownPlaceholders('{{constructor}} {{toString}}')).toEqual(['constructor', 'toString']);
    expect(fillPlaceholders('{{constructor}}', values).text).toBe('{{constructor}}');
  });
});
