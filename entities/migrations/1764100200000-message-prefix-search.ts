import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Message search finds partial words (issue 19): "insul" finds "insulin", "Levo" finds
 * "Levothyroxine".
 *
 * `message_search_query(config, text, prefix)` is the one place a search text becomes a
 * tsquery: web-search syntax as before (`websearch_to_tsquery`), and with `prefix` every
 * lexeme of three characters or more becomes a prefix match (`'insul':*`). Shorter ones
 * stay whole words: a one- or two-letter prefix matches most of a pharmacy's messages,
 * and all of them would then be ranked.
 *
 * Why prefix tsqueries on the existing index and not pg_trgm on `body`: the GIN index on
 * (organization_id, search_vector) keeps its lexemes sorted, and GIN answers `:*` with a
 * range scan over them (a partial match), so a prefix costs about what a whole word does
 * at 100k messages, with stemming, ranking and `ts_headline` unchanged. A trigram index
 * would find infixes too ("thyrox"), but would be a second, larger index over every body,
 * unstemmed, and its similarity isn't a rank we can show next to `ts_rank_cd`.
 *
 * `counterchat_message_search_matches` (the SECURITY DEFINER matcher of migration
 * RowLevelSecurity1763830000000) now matches with the prefix query; the service ranks
 * whole-word matches (the same query without prefixes) first.
 */
export class MessagePrefixSearch1764100200000 implements MigrationInterface {
  name = 'MessagePrefixSearch1764100200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION message_search_query(config regconfig, search_text text, prefix boolean) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN prefix
          THEN regexp_replace(websearch_to_tsquery(config, search_text)::text, '''([^'']{3,})''(?!:)', '''\\1'':*', 'g')::tsquery
          ELSE websearch_to_tsquery(config, search_text) END
      $$`);
    await db.query(matcherWith('public.message_search_query(public.organization_search_config(public.counterchat_organization_id()), search_text, true)'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(matcherWith('websearch_to_tsquery(public.organization_search_config(public.counterchat_organization_id()), search_text)'));
    await db.query(`DROP FUNCTION message_search_query(regconfig, text, boolean)`);
  }
}

/** The matcher with `tsquery` (its grants stay: CREATE OR REPLACE keeps them). */
const matcherWith = (tsquery: string) => `
  CREATE OR REPLACE FUNCTION counterchat_message_search_matches(search_text text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT m.id FROM public.message m
     WHERE m.organization_id = public.counterchat_organization_id()
       AND m.kind = 'TEXT'
       AND m.search_vector @@ ${tsquery}
       AND (public.counterchat_customer_id() IS NULL
            OR m.conversation_id IN (SELECT c.id FROM public.conversation c WHERE c.customer_id = public.counterchat_customer_id()))
  $$`;
