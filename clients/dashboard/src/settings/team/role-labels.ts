import type { StaffRole } from '../../gql/graphql.js';

/** How the Team screens name a role. */
export const ROLE_LABELS: Record<StaffRole, string> = { ADMIN: 'Admin', PHARMACIST: 'Pharmacist', STAFF: 'Staff' };
