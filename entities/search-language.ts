/**
 * The PostgreSQL text-search configurations an organization may pick for message
 * search (`settings.language`): a fixed list for whatever writes the setting, since
 * the value ends up as a `regconfig` in SQL. The database side is defensive on its
 * own: `organization_search_config()` (migration 1763820000000) accepts only built-in
 * configurations and falls back to `simple` (no stemming, no stop words) for anything
 * else or nothing, so a bad setting can never fail a message insert.
 */
export const SEARCH_LANGUAGES = [
  'simple',
  'danish',
  'dutch',
  'english',
  'finnish',
  'french',
  'german',
  'italian',
  'norwegian',
  'portuguese',
  'spanish',
  'swedish',
  'turkish',
] as const;

export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

export const DEFAULT_SEARCH_LANGUAGE: SearchLanguage = 'simple';

/** For whatever writes `settings.language` (no settings mutation exists yet). */
export const isSearchLanguage = (value: unknown): value is SearchLanguage =>
  typeof value === 'string' && (SEARCH_LANGUAGES as readonly string[]).includes(value);

