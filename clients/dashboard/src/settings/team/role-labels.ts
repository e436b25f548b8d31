import type { StaffRole } from '../../gql/graphql.js';
import type { DashboardKey } from '../../i18n/dashboard-i18n.js';

/** How the Team screens name a role: the key of its name. */
export const ROLE_LABELS: Record<StaffRole, DashboardKey> = { ADMIN: 'roleAdmin', PHARMACIST: 'rolePharmacist', STAFF: 'roleStaff' };
