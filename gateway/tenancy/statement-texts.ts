import type { Row, ScopedQuery } from './scoped-query.js';

/**
 * The SQL text of the hot reads, built once per shape instead of once per statement.
 *
 * TypeORM builds a select's text anew each time it runs: the column list of the entity and
 * of every joined one, then a regular-expression pass per alias over the whole text. In an
 * inbox request that was about 0.75 ms of the gateway's 11 ms of CPU, for a handful of
 * shapes that recur with new values. The text (`getQuery()`) names its values (`:ids`,
 * `:scopeOrganizationId`) and TypeORM binds them when it runs, so one text serves every run
 * of a shape; the values, lists included, are still each builder's own.
 *
 * A shape is everything of a builder that goes into its text: entity and alias, selected
 * columns, joins with their conditions, every condition (the scope's tenant and audience
 * filters among them, so a customer's and a pharmacist's reads never share a text), grouping,
 * order, limit, offset and lock. Only reads that are built from those alone are handed to
 * `reuse` (the loaders and the inbox list); outside production each reuse is checked against
 * a fresh build, so a shape that misses something fails the tests instead of a statement.
 */
export class StatementTexts {
  private readonly texts = new Map<string, string>();

  constructor(
    /** Build anyway and compare with the kept text (everywhere but production). */
    private readonly verify: boolean,
    /** Shapes kept at most; past it the oldest goes (the shapes are few: it is a guard). */
    private readonly capacity = 2_000,
  ) {}

  /** `query`, whose text is now the one kept for its shape (kept from it, the first time). */
  reuse<T extends Row>(query: ScopedQuery<T>): ScopedQuery<T> {
    // A common table expression's text is not in the shape: such reads build theirs each time.
    if (query.expressionMap.commonTableExpressions.length > 0) return query;
    const shape = shapeOf(query);
    const kept = this.texts.get(shape);
    const text = kept ?? query.getQuery();
    if (kept === undefined) {
      if (this.texts.size >= this.capacity) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(shape, text);
    } else if (this.verify && query.getQuery() !== kept) {
      throw new Error(`Two builds of one statement shape gave different SQL; the shape misses what differs: ${shape}`);
    }
    query.getQuery = () => text;
    return query;
  }

  get size(): number {
    return this.texts.size;
  }
}

/** What goes into a select's text, as one string (the builder's values are not part of it). */
export function shapeOf(query: ScopedQuery<Row>): string {
  const map = query.expressionMap;
  return JSON.stringify([
    map.queryType,
    map.mainAlias?.name,
    map.mainAlias?.hasMetadata ? map.mainAlias.metadata.tablePath : map.mainAlias?.tablePath,
    map.selects,
    map.selectDistinct,
    map.selectDistinctOn,
    map.joinAttributes.map((join) => [join.direction, join.alias.name, join.metadata?.tablePath ?? String(join.entityOrProperty), join.condition, join.mapToProperty, join.isSelected]),
    map.wheres,
    map.extraAppendedAndWhereCondition,
    map.groupBys,
    map.havings,
    map.orderBys,
    map.limit,
    map.offset,
    map.skip,
    map.take,
    map.lockMode,
    map.onLocked,
    map.withDeleted,
    map.subQuery,
    map.comment,
  ]);
}

/** The process's texts: checked against fresh builds everywhere but in production. */
const statementTexts = new StatementTexts(process.env.NODE_ENV !== 'production');

/** `query` with the text kept for its shape (see StatementTexts): for reads run again and again. */
export function withKeptText<T extends Row>(query: ScopedQuery<T>): ScopedQuery<T> {
  return statementTexts.reuse(query);
}
