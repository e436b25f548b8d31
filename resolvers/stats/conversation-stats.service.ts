import type { ConversationStatus } from '../../entities/conversation.entity.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { areUsableBusinessHours, isKnownTimeZone } from '../organization/business-hours-rules.js';
import { queryStatusCounts, queryTimings, type StatusCounts, type TimingBreakdown } from './conversation-stats-query.js';

/** A year and a day, so "the last 12 months" fits whatever the leap years. */
export const STATS_MAX_RANGE_DAYS = 366;

export interface ConversationStatsRequest {
  from: Date;
  to: Date;
  businessHoursOnly?: boolean | null;
}

export interface ConversationStats extends Omit<StatusCounts, 'byStatus'>, TimingBreakdown {
  from: Date;
  to: Date;
  businessHoursOnly: boolean;
  timeZone: string;
  byStatus: { status: ConversationStatus; count: number }[];
}

/**
 * The pharmacy's dashboard figures. Three statements whatever the data size: the
 * organization's settings, the current counts, and the timings of the range.
 */
export class ConversationStatsService {
  constructor(private readonly scope: TenantScope) {}

  async get(request: ConversationStatsRequest): Promise<ConversationStats> {
    const { from, to } = request;
    if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw badUserInput('from', '"from" is not a valid time.');
    if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw badUserInput('to', '"to" is not a valid time.');
    if (from >= to) throw badUserInput('to', '"to" must be after "from".');
    if (to.getTime() - from.getTime() > STATS_MAX_RANGE_DAYS * 86_400_000) {
      throw badUserInput('to', `The range can be at most ${STATS_MAX_RANGE_DAYS} days.`);
    }
    const businessHoursOnly = request.businessHoursOnly ?? false;
    const { settings } = await this.scope.organization();
    // A broken zone must not take the dashboard down: fall back to UTC, which the answer reports.
    const timeZone = isKnownTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';
    const businessHours = businessHoursOnly ? settings.businessHours ?? [] : null;
    if (businessHours && businessHours.length === 0) {
      throw badUserInput('businessHoursOnly', 'Set the pharmacy’s business hours first.');
    }
    if (businessHours && !areUsableBusinessHours(businessHours)) {
      throw badUserInput('businessHoursOnly', 'The pharmacy’s business hours need a weekday (0-6) and HH:MM times, opening before closing.');
    }
    // One after the other: a request holds one pooled connection at a time.
    const counts = await queryStatusCounts(this.scope, timeZone);
    const timings = await queryTimings(this.scope, { from, to, businessHours, timeZone });
    return {
      from,
      to,
      businessHoursOnly,
      timeZone,
      ...counts,
      byStatus: Object.entries(counts.byStatus).map(([status, count]) => ({ status: status as ConversationStatus, count })),
      ...timings,
    };
  }
}
