import { isDeepStrictEqual } from 'node:util';
import { hydrate, hydrateAsTypeOrm, hydrationPlanOf, pairWithRows, type HydrationPlan } from './row-hydration.js';
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
 * `reuse` (the loaders and the keyset pages); outside production each reuse is checked against
 * a fresh build, so a shape that misses something fails the tests instead of a statement.
 *
 * A shape also keeps how its rows become entities (row-hydration.ts), checked outside
 * production against what TypeORM's own transformer makes of the same rows.
 */
export class StatementTexts {
  /** By data source: a shape's plan holds that source's entity metadata (tests run several at once). */
  private readonly texts = new WeakMap<ScopedQuery<Row>['dataSource'], Map<string, Kept>>();

  constructor(
    /** Build anyway and compare with the kept text (everywhere but production). */
    private readonly verify: boolean,
    /** Shapes kept at most per data source; past it the oldest goes (the shapes are few: it is a guard). */
    private readonly capacity = 2_000,
  ) {}

  /**
   * The rows of `query`, as entities (what `getMany` returns). `withRow` sees each entity with
   * its result row: for columns the query computes beside the entity's own (`addSelect`).
   */
  async readEntities<T extends Row>(query: ScopedQuery<T>, withRow?: (entity: T, row: Row) => void): Promise<T[]> {
    query.expressionMap.queryEntity = true;
    const kept = this.reuse(query);
    if (!kept?.plan) {
      if (!withRow) return query.getMany();
      const { entities, raw } = await query.getRawAndEntities();
      pairWithRows(query, entities, raw, withRow);
      return entities;
    }
    const rows: Row[] = await query.getRawMany();
    const entities = hydrate<T>(kept.plan, rows);
    if (this.verify && !isDeepStrictEqual(entities, hydrateAsTypeOrm(query, rows))) {
      throw new Error(`Rows hydrated by plan differ from TypeORM's for the shape ${kept.shape}`);
    }
    if (withRow) pairWithRows(query, entities, rows, withRow);
    return entities;
  }

  /** The rows of `query` as the database returns them (what `getRawMany` returns). */
  readRaw<R extends Row>(query: ScopedQuery<Row>): Promise<R[]> {
    query.expressionMap.queryEntity = false;
    this.reuse(query);
    return query.getRawMany<R>();
  }

  /** Gives `query` the text kept for its shape (kept from it, the first time); nothing for a shape it can't tell. */
  reuse(query: ScopedQuery<Row>): Kept | undefined {
    // A common table expression's text is not in the shape: such reads build theirs each time.
    if (query.expressionMap.commonTableExpressions.length > 0) return undefined;
    const shape = shapeOf(query);
    let texts = this.texts.get(query.dataSource);
    if (!texts) this.texts.set(query.dataSource, (texts = new Map()));
    let kept = texts.get(shape);
    if (kept === undefined) {
      if (texts.size >= this.capacity) texts.delete(texts.keys().next().value!);
      kept = { shape, text: query.getQuery(), plan: query.expressionMap.queryEntity ? hydrationPlanOf(query) : undefined };
      texts.set(shape, kept);
    } else if (this.verify && query.getQuery() !== kept.text) {
      throw new Error(`Two builds of one statement shape gave different SQL; the shape misses what differs: ${shape}`);
    }
    const text = kept.text;
    query.getQuery = () => text;
    return kept;
  }

  /** How many shapes are kept for `dataSource`: for tests. */
  sizeOf(dataSource: ScopedQuery<Row>['dataSource']): number {
    return this.texts.get(dataSource)?.size ?? 0;
  }
}

interface Kept {
  shape: string;
  text: string;
  /** For entity reads: how rows become entities, unless TypeORM's transformer must do it. */
  plan?: HydrationPlan;
}

/** What goes into a select's text, as one string (the builder's values are not part of it). */
export function shapeOf(query: ScopedQuery<Row>): string {
  const map = query.expressionMap;
  return JSON.stringify([
    map.queryType,
    map.queryEntity,
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

/** The entities `query` reads, by the text and hydration kept for its shape (see StatementTexts). */
export function readEntities<T extends Row>(query: ScopedQuery<T>, withRow?: (entity: T, row: Row) => void): Promise<T[]> {
  return statementTexts.readEntities(query, withRow);
}

/** The raw rows `query` reads, by the text kept for its shape (see StatementTexts). */
export function readRaw<R extends Row>(query: ScopedQuery<Row>): Promise<R[]> {
  return statementTexts.readRaw<R>(query);
}
