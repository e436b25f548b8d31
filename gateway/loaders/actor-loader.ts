import DataLoader from 'dataloader';
import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { ApiKey } from '../../entities/api-key.entity.js';
import type { Customer } from '../../entities/customer.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';

export type Actor = StaffUser | Customer | ApiKey;

/** Resolves polymorphic actor references through the per-type id loaders, so each type is one query. */
export function actorLoader(byType: {
  staff: DataLoader<string, StaffUser | null>;
  customers: DataLoader<string, Customer | null>;
  apiKeys: DataLoader<string, ApiKey | null>;
}): DataLoader<ActorRef, Actor | null, string> {
  return new DataLoader(
    (refs) =>
      Promise.all(
        refs.map((ref): Promise<Actor | null> => {
          switch (ref.type) {
            case ActorType.STAFF:
              return byType.staff.load(ref.id);
            case ActorType.CUSTOMER:
              return byType.customers.load(ref.id);
            case ActorType.PARTNER:
              return byType.apiKeys.load(ref.id);
          }
        }),
      ),
    { cacheKeyFn: (ref) => `${ref.type}:${ref.id}` },
  );
}
