import type { Driver, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { DriverUtils } from 'typeorm/driver/DriverUtils.js';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer.js';
import type { Row, ScopedQuery } from './scoped-query.js';

/** Where one alias's columns are in a result row, and the entity they make. */
interface AliasPlan {
  metadata: EntityMetadata;
  /** Result column and entity column, for each column of the entity. */
  columns: [string, ColumnMetadata][];
  /** The result column of its primary key. */
  primaryKey: string;
}

/** How a read's result rows become entities: the main alias, and the joined rows mapped onto each. */
export interface HydrationPlan {
  /** The data source's driver, which turns a column's database value into the entity's. */
  driver: Driver;
  main: AliasPlan;
  joins: (AliasPlan & { property: string })[];
}

/**
 * The plan for a read TypeORM's general transformer would hydrate in the same way: whole
 * entities of plain tables (no inheritance, lazy relations, load listeners or subscribers),
 * each with at most one row mapped onto it per join (`leftJoinAndMapOne`). Undefined for
 * anything else, which keeps TypeORM's transformer.
 *
 * That transformer is general: per row it groups by every alias's keys and walks every join
 * for every alias. For the inbox's page (each conversation with its customer, assignee and
 * last message) it was about 0.6 ms of a request's CPU; this is a loop over known columns.
 */
export function hydrationPlanOf(query: ScopedQuery<Row>): HydrationPlan | undefined {
  const map = query.expressionMap;
  const main = map.mainAlias;
  const dataSource = query.dataSource;
  if (!main?.hasMetadata || map.relationIdAttributes.length > 0 || map.skip !== undefined || map.take !== undefined || map.lockMode) return undefined;
  if (dataSource.subscribers.length > 0 || dataSource.options.typename) return undefined;
  const selected = new Set(map.selects.map((select) => select.selection));
  const planOf = (alias: string, metadata: EntityMetadata): AliasPlan | undefined => {
    const plain =
      selected.has(alias) &&
      metadata.tableType !== 'view' &&
      metadata.primaryColumns.length === 1 &&
      !metadata.discriminatorColumn &&
      metadata.childEntityMetadatas.length === 0 &&
      metadata.lazyRelations.length === 0 &&
      metadata.afterLoadListeners.length === 0;
    if (!plain) return undefined;
    const columnOf = (column: ColumnMetadata) => DriverUtils.buildAlias(dataSource.driver, undefined, alias, column.databaseName);
    return {
      metadata,
      columns: metadata.columns.filter((column) => !column.isVirtual).map((column) => [columnOf(column), column]),
      primaryKey: columnOf(metadata.primaryColumns[0]!),
    };
  };
  const mainPlan = planOf(main.name, main.metadata);
  if (!mainPlan) return undefined;
  const joins: HydrationPlan['joins'] = [];
  for (const join of map.joinAttributes) {
    if (!join.isSelected) continue;
    const mapped = !join.relation && !join.isMany && join.mapToPropertyParentAlias === main.name && join.mapToPropertyPropertyName;
    const plan = mapped && join.metadata ? planOf(join.alias.name, join.metadata) : undefined;
    if (!plan) return undefined;
    joins.push({ ...plan, property: join.mapToPropertyPropertyName! });
  }
  return { driver: dataSource.driver, main: mainPlan, joins };
}

/**
 * The entities of `rows` by `plan`, as TypeORM's transformer makes them (its first row for each
 * key). No query runner: a plan has no lazy relations, the one thing entities would need it for.
 */
export function hydrate<T>(plan: HydrationPlan, rows: readonly Row[]): T[] {
  const seen = new Set<unknown>();
  const entities: T[] = [];
  for (const row of rows) {
    const key = row[plan.main.primaryKey];
    if (seen.has(key)) continue;
    seen.add(key);
    const entity = entityOf(plan.main, row, plan.driver);
    if (!entity) continue;
    for (const join of plan.joins) entity[join.property] = entityOf(join, row, plan.driver);
    entities.push(entity as T);
  }
  return entities;
}

/** One alias's entity from a row; null when every column of it is null (a left join that found nothing). */
function entityOf(plan: AliasPlan, row: Row, driver: Driver): Row | null {
  const entity = plan.metadata.create(undefined, { fromDeserializer: true }) as Row;
  let hasData = false;
  for (const [key, column] of plan.columns) {
    const value = row[key];
    if (value === undefined) continue;
    if (value !== null && !column.isVirtualProperty) hasData = true;
    column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return hasData ? entity : null;
}

/**
 * Calls `withRow` with each entity of `query` and the result row it was made from (its key's
 * first, as both transformers take): what the query computed beside the entity's columns.
 */
export function pairWithRows<T extends Row>(query: ScopedQuery<Row>, entities: readonly T[], rows: readonly Row[], withRow: (entity: T, row: Row) => void): void {
  const main = query.expressionMap.mainAlias!;
  const primary = main.metadata.primaryColumns[0]!;
  const column = DriverUtils.buildAlias(query.dataSource.driver, undefined, main.name, primary.databaseName);
  const rowOf = new Map<string, Row>();
  for (const row of rows) if (!rowOf.has(String(row[column]))) rowOf.set(String(row[column]), row);
  for (const entity of entities) withRow(entity, rowOf.get(String(primary.getEntityValue(entity)))!);
}

/** What TypeORM's own transformer makes of `rows`: the reference `hydrate` is checked against outside production. */
export function hydrateAsTypeOrm<T>(query: ScopedQuery<Row>, rows: readonly Row[]): T[] {
  const transformer = new RawSqlResultsToEntityTransformer(query.expressionMap, query.dataSource.driver, []);
  return transformer.transform([...rows], query.expressionMap.mainAlias!) as T[];
}
