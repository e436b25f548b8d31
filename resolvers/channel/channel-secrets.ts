import type { ChannelConnection, ChannelSecrets } from '../../entities/channel-connection.entity.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';

/** The connection's secrets as one sealed JSON value (AES-256-GCM under CHANNEL_SECRETS_KEY). */
export function sealChannelSecrets(box: SecretBox, secrets: ChannelSecrets): string {
  return box.seal(JSON.stringify(secrets));
}

/** The connection's secrets; the row must have been read with `secretsSealed` (it isn't selected by default). */
export function openChannelSecrets(box: SecretBox, connection: Pick<ChannelConnection, 'secretsSealed'>): ChannelSecrets {
  if (!connection.secretsSealed) throw new Error('The connection was read without its sealed secrets');
  return JSON.parse(box.open(connection.secretsSealed)) as ChannelSecrets;
}
