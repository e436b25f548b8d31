import type { ChannelConnection, ChannelKind, ChannelSecrets } from '../../entities/channel-connection.entity.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { ChannelDependencies } from './channel-dependencies.js';
import { openChannelSecrets } from './channel-secrets.js';

/** A connection with its secrets opened: only ever held in memory, for one webhook or job. */
export interface OpenedConnection {
  connection: ChannelConnection;
  secrets: ChannelSecrets;
}

/**
 * The enabled connection of `kind` a webhook URL names, as its pharmacy, or undefined. The
 * random webhook id finds the pharmacy; the caller then checks the provider's signature with
 * that connection's own secret, so one pharmacy's URL can never carry another's messages.
 */
export async function connectionOfWebhook<T>(
  deps: Pick<ChannelDependencies, 'database' | 'channels'>,
  kind: ChannelKind,
  webhookId: string,
  work: (opened: OpenedConnection, pharmacy: OrganizationScope) => Promise<T>,
): Promise<T | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(webhookId)) return undefined;
  const organizationId = await deps.database.lookups.tenantOfChannelWebhook(webhookId);
  if (!organizationId) return undefined;
  return deps.database.asTenant({ organizationId }, async (pharmacy) => {
    const connection = await withSecrets(pharmacy)
      .andWhere('connection.webhookId = :webhookId AND connection.kind = :kind AND connection.enabled', { webhookId, kind })
      .getOne();
    if (!connection) return undefined;
    return work({ connection, secrets: openChannelSecrets(deps.channels.secrets, connection) }, pharmacy);
  });
}

/** A connection of the pharmacy by id, with its secrets opened; undefined when gone. */
export async function openedConnection(deps: Pick<ChannelDependencies, 'channels'>, pharmacy: OrganizationScope, id: string): Promise<OpenedConnection | undefined> {
  const connection = await withSecrets(pharmacy).andWhere('connection.id = :id', { id }).getOne();
  return connection ? { connection, secrets: openChannelSecrets(deps.channels.secrets, connection) } : undefined;
}

const withSecrets = (pharmacy: OrganizationScope) => pharmacy.channelConnections('connection').addSelect('connection.secretsSealed');
