/**
 * The inbox search box and customer lookup. A term of 3 or more characters matches
 * anywhere in the name, case-insensitively ("Dijk" finds "Jan van Dijk"), served by
 * the trigram index `customer_name_trgm_idx`; a shorter one matches the start of the
 * name (prefix index). Phone numbers match by prefix, ignoring spaces, dashes and
 * brackets ("+31 6 12" finds +31612…). The matching runs in `counterchat_customer_search_matches`,
 * where row-level security doesn't keep those indexes from being used.
 */
export interface CustomerSearch {
  where: string;
  parameters: Record<string, string | null>;
  /** 0 for a match at the start of the name or a phone prefix, 1 for one inside the name. */
  rankExpression: string;
  /** `rankExpression` computed for a row, for cursors. */
  rankOf(customer: { name: string; phone: string | null }): number;
}

/** Shortest term matched inside names: trigram indexes need three characters to narrow anything down. */
export const SUBSTRING_SEARCH_MIN_LENGTH = 3;

/**
 * A term only a phone number could match (digits and dialling punctuation): refused, not
 * answered with nothing, to a viewer who may not match on phone numbers.
 */
export function isPhoneNumberSearch(search: string): boolean {
  return /^\+?[\d\s().-]+$/.test(search) && /\d/.test(search);
}

/** `matchPhone: false` matches names only: for viewers who may not read contact details. */
export function customerSearchCondition(alias: string, search: string, { matchPhone = true } = {}): CustomerSearch {
  const term = search.toLowerCase();
  const phone = search.replace(/[\s()-]/g, '');
  const inside = [...term].length >= SUBSTRING_SEARCH_MIN_LENGTH;
  const startsWell = `(lower(${alias}.name) LIKE :customerNamePrefix OR ${alias}.phone LIKE :customerPhonePrefix)`;
  return {
    // Matched through the indexes in a SECURITY DEFINER function: see migration RowLevelSecurity1763830000000.
    where: `${alias}.id IN (SELECT counterchat_customer_search_matches(:customerNamePattern, :customerPhonePrefix))`,
    parameters: {
      customerNamePattern: inside ? `%${escapeLike(term)}%` : `${escapeLike(term)}%`,
      customerNamePrefix: `${escapeLike(term)}%`,
      // NULL matches no phone number (LIKE NULL is never true).
      customerPhonePrefix: matchPhone ? `${escapeLike(phone)}%` : null,
    },
    rankExpression: `(CASE WHEN ${startsWell} THEN 0 ELSE 1 END)`,
    rankOf: (customer) => (customer.name.toLowerCase().startsWith(term) || (matchPhone && customer.phone?.startsWith(phone)) ? 0 : 1),
  };
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
