import type { DeepPartial, ObjectLiteral, QueryDeepPartialEntity, SelectQueryBuilder } from 'typeorm';

/**
 * The types services and loaders work with, so that nothing outside the tenancy and database
 * modules imports TypeORM: every builder they hold came from a scope and is already limited
 * to its tenant's rows.
 */
export type Row = ObjectLiteral;

/** A query builder handed out by a scope (`scope.messages()` …), limited to the scope's rows. */
export type ScopedQuery<T extends Row> = SelectQueryBuilder<T>;

/** The columns of a row to insert; the scope fills in `organizationId`. */
export type NewRow<T> = DeepPartial<T>;

/** Columns to set in an update; a function gives SQL (`() => 'message_count + 1'`). */
export type RowChanges<T> = QueryDeepPartialEntity<T>;

/** Which rows an update or delete means, by property; an array means any of its values. */
export type RowCriteria<T> = { [K in keyof T]?: T[K] | readonly T[K][] };
