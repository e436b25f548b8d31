import DataLoader from 'dataloader';
import type { Row, ScopedQuery } from '../tenancy/scoped-query.js';
import { readEntities } from '../tenancy/statement-texts.js';

/** A loader of rows by id through a scoped query; ids the scope can't see load as null. */
export function byIdLoader<T extends Row & { id: string }>(
  query: () => ScopedQuery<T>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const builder = query();
    const rows = await readEntities(builder.andWhere(`${builder.alias}.id IN (:...loaderIds)`, { loaderIds: ids }));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A loader of all rows that point at a parent id, as a list per parent. */
export function byParentLoader<T extends Row>(
  query: () => ScopedQuery<T>,
  parentProperty: keyof T & string,
  orderBy: keyof T & string,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const builder = query();
    const alias = builder.alias;
    const rows = await readEntities(
      builder.andWhere(`${alias}.${parentProperty} IN (:...loaderParentIds)`, { loaderParentIds: parentIds }).orderBy(`${alias}.${orderBy}`, 'ASC'),
    );
    const byParent = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) byParent.get(row[parentProperty] as string)?.push(row);
    return parentIds.map((id) => byParent.get(id)!);
  });
}
