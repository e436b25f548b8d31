/**
 * The inbox search box: a prefix of the customer's name (case-insensitive) or of
 * their phone number ("+31 6 12" finds +31612…). Both are served by prefix indexes.
 */
export function customerPrefixCondition(alias: string, search: string): { where: string; parameters: Record<string, string> } {
  return {
    where: `(lower(${alias}.name) LIKE :customerNamePrefix OR ${alias}.phone LIKE :customerPhonePrefix)`,
    parameters: {
      customerNamePrefix: `${escapeLike(search.toLowerCase())}%`,
      customerPhonePrefix: `${escapeLike(search.replace(/[\s()-]/g, ''))}%`,
    },
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
