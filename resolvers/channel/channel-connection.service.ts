import { randomBytes } from 'node:crypto';
import { ChannelConnection, ChannelKind, type ChannelSecrets, type WhatsAppTemplateRef } from '../../entities/channel-connection.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { ChannelProviders } from '../../gateway/channels/channel-config.js';
import { WhatsAppCloudApi } from '../../gateway/channels/whatsapp-cloud-api.js';
import { ProviderRefusal } from '../../gateway/channels/provider-errors.js';
import { badUserInput, conflict } from '../../gateway/errors/domain-error.js';
import { logger } from '../../gateway/logging/logger.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { assertE164 } from '../customer/phone-number.js';
import { openChannelSecrets, sealChannelSecrets } from './channel-secrets.js';

/** A pharmacy with more numbers than this is a mistake, not a pharmacy. */
const MAX_CONNECTIONS_PER_ORGANIZATION = 10;
const MAX_TEMPLATES = 100;

export interface ChannelConnectionFields {
  name?: string | null;
  phoneNumber?: string | null;
  whatsappPhoneNumberId?: string | null;
  whatsappBusinessAccountId?: string | null;
  twilioAccountSid?: string | null;
  /** Each given secret replaces the stored one; omitted (or null) ones stay. */
  secrets?: { [K in keyof ChannelSecrets]?: string | null };
  whatsappTemplates?: readonly WhatsAppTemplateRef[] | null;
  enabled?: boolean | null;
}

export interface CreateChannelConnection extends ChannelConnectionFields {
  kind: ChannelKind;
  name: string;
  phoneNumber: string;
}

/** What each kind must have to work: the ids and secrets its provider needs. */
const REQUIRED: Record<ChannelKind, { ids: (keyof ChannelConnection)[]; secrets: (keyof ChannelSecrets)[] }> = {
  [ChannelKind.WHATSAPP]: { ids: ['whatsappPhoneNumberId'], secrets: ['accessToken', 'appSecret', 'verifyToken'] },
  [ChannelKind.SMS]: { ids: ['twilioAccountSid'], secrets: ['authToken'] },
};

/** Connecting, changing and disconnecting a pharmacy's WhatsApp and SMS numbers (admins). Secrets go in and never come out. */
export class ChannelConnectionService {
  constructor(
    private readonly scope: TenantScope,
    private readonly providers: ChannelProviders,
  ) {}

  list(): Promise<ChannelConnection[]> {
    return this.scope.channelConnections('connection').orderBy('connection.createdAt', 'ASC').getMany();
  }

  get(id: string, field = 'id'): Promise<ChannelConnection> {
    return this.scope.findOne(this.scope.channelConnections('connection'), id, field, 'Channel connection');
  }

  async create(input: CreateChannelConnection): Promise<ChannelConnection> {
    if ((await this.scope.channelConnections('connection').getCount()) >= MAX_CONNECTIONS_PER_ORGANIZATION) {
      throw badUserInput('kind', `A pharmacy can connect at most ${MAX_CONNECTIONS_PER_ORGANIZATION} numbers.`);
    }
    const secrets = cleanSecrets(input.secrets ?? {});
    const row = {
      kind: input.kind,
      ...this.checkedFields(input),
      name: checkedName(input.name),
      phoneNumber: assertE164(input.phoneNumber.trim(), 'phoneNumber'),
      webhookId: randomBytes(24).toString('base64url'),
      secretsSealed: sealChannelSecrets(this.providers.secrets, secrets),
      secretHints: hintsOf(secrets),
      enabled: input.enabled ?? true,
    };
    assertComplete(input.kind, row, secrets);
    await this.assertNumberFree(input.kind, row.phoneNumber);
    const connection = await this.scope.insert(ChannelConnection, row);
    await this.scope.audit(AuditAction.CHANNEL_CONNECTED, { type: 'ChannelConnection', id: connection.id! }, { kind: input.kind, phoneNumber: row.phoneNumber });
    return this.get(connection.id!);
  }

  async update(id: string, input: ChannelConnectionFields): Promise<ChannelConnection> {
    return this.scope.transaction(async (tx) => {
      const connection = await tx.findOne(tx.channelConnections('connection').addSelect('connection.secretsSealed').setLock('pessimistic_write'), id, 'id', 'Channel connection');
      const patch: Partial<ChannelConnection> = this.checkedFields(input);
      if (input.name !== undefined && input.name !== null) patch.name = checkedName(input.name);
      if (input.phoneNumber) patch.phoneNumber = assertE164(input.phoneNumber.trim(), 'phoneNumber');
      if (input.enabled !== undefined && input.enabled !== null) patch.enabled = input.enabled;
      const given = cleanSecrets(input.secrets ?? {});
      const secrets = { ...openChannelSecrets(this.providers.secrets, connection), ...given };
      if (Object.keys(given).length > 0) Object.assign(patch, { secretsSealed: sealChannelSecrets(this.providers.secrets, secrets), secretHints: hintsOf(secrets) });
      assertComplete(connection.kind, { ...connection, ...patch }, secrets);
      if (patch.phoneNumber && patch.phoneNumber !== connection.phoneNumber) await this.assertNumberFree(connection.kind, patch.phoneNumber);
      if (Object.keys(patch).length === 0) return connection;
      await tx.update(ChannelConnection, { id: connection.id }, { ...patch, updatedAt: new Date() });
      // Field names only: secrets never reach the audit log.
      const changed = [...Object.keys(patch).filter((key) => key !== 'secretsSealed' && key !== 'secretHints'), ...Object.keys(given)];
      await tx.audit(AuditAction.CHANNEL_UPDATED, { type: 'ChannelConnection', id: connection.id }, { changed: changed.join(', ') });
      return tx.findOne(tx.channelConnections('connection'), connection.id, 'id', 'Channel connection');
    });
  }

  /** Its threads stay (labelled WhatsApp or SMS); replies in them are no longer sent. */
  async delete(id: string): Promise<ChannelConnection> {
    const connection = await this.get(id);
    await this.scope.delete(ChannelConnection, { id: connection.id });
    await this.scope.audit(AuditAction.CHANNEL_DISCONNECTED, { type: 'ChannelConnection', id: connection.id }, { kind: connection.kind, phoneNumber: connection.phoneNumber });
    return connection;
  }

  /** Replaces the connection's template list with the APPROVED templates Meta has for its business account. */
  async refreshWhatsAppTemplates(id: string): Promise<ChannelConnection> {
    const connection = await this.scope.findOne(this.scope.channelConnections('connection').addSelect('connection.secretsSealed'), id, 'id', 'Channel connection');
    if (connection.kind !== ChannelKind.WHATSAPP || !connection.whatsappBusinessAccountId) {
      throw badUserInput('id', 'Set the WhatsApp Business Account id first: templates are fetched from it.');
    }
    const { accessToken } = openChannelSecrets(this.providers.secrets, connection);
    let templates: WhatsAppTemplateRef[];
    try {
      templates = await new WhatsAppCloudApi(this.providers.whatsappApiUrl, accessToken!).approvedTemplates(connection.whatsappBusinessAccountId);
    } catch (error) {
      if (error instanceof ProviderRefusal) throw badUserInput('id', `WhatsApp refused: ${error.reason}`);
      logger.warn({ err: error, connectionId: connection.id }, 'WhatsApp templates could not be fetched');
      throw conflict('WhatsApp could not be reached; try again in a moment.');
    }
    return this.update(id, { whatsappTemplates: templates.slice(0, MAX_TEMPLATES) });
  }

  private checkedFields(input: ChannelConnectionFields): Partial<ChannelConnection> {
    const patch: Partial<ChannelConnection> = {};
    const identifier = (field: 'whatsappPhoneNumberId' | 'whatsappBusinessAccountId' | 'twilioAccountSid', pattern: RegExp, rule: string) => {
      const value = input[field];
      if (value === undefined) return;
      const trimmed = value?.trim() || null;
      if (trimmed !== null && !pattern.test(trimmed)) throw badUserInput(field, rule);
      patch[field] = trimmed;
    };
    identifier('whatsappPhoneNumberId', /^\d{1,32}$/, 'The phone number id is the number Meta shows under WhatsApp → API Setup (digits only).');
    identifier('whatsappBusinessAccountId', /^\d{1,32}$/, 'The WhatsApp Business Account id is digits only.');
    identifier('twilioAccountSid', /^AC[0-9a-fA-F]{32}$/, 'The Account SID starts with AC followed by 32 hexadecimal characters.');
    if (input.whatsappTemplates) {
      if (input.whatsappTemplates.length > MAX_TEMPLATES) throw badUserInput('whatsappTemplates', `At most ${MAX_TEMPLATES} templates.`);
      patch.whatsappTemplates = input.whatsappTemplates.map((template, index) => {
        const name = template.name.trim();
        const language = template.language.trim();
        if (!/^[a-z0-9_]{1,512}$/.test(name)) throw badUserInput(`whatsappTemplates[${index}].name`, 'Template names are lower-case letters, digits and underscores, as approved at Meta.');
        if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) throw badUserInput(`whatsappTemplates[${index}].language`, 'A template language is a code such as nl or en_US.');
        return { name, language };
      });
    }
    return patch;
  }

  private async assertNumberFree(kind: ChannelKind, phoneNumber: string): Promise<void> {
    const taken = await this.scope.channelConnections('connection').andWhere('connection.kind = :kind AND connection.phoneNumber = :phoneNumber', { kind, phoneNumber }).getCount();
    if (taken > 0) throw conflict('This number is already connected.');
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badUserInput('name', 'A name needs 1 to 100 characters.');
  return trimmed;
}

function cleanSecrets(secrets: NonNullable<ChannelConnectionFields['secrets']>): ChannelSecrets {
  const clean: ChannelSecrets = {};
  for (const [name, value] of Object.entries(secrets) as [keyof ChannelSecrets, string | null | undefined][]) {
    if (value === undefined || value === null) continue;
    const trimmed = value.trim();
    if (trimmed.length < 8 || trimmed.length > 1000) throw badUserInput(name, `The ${name} must be 8 to 1,000 characters.`);
    clean[name] = trimmed;
  }
  return clean;
}

/** The last four characters of each secret: enough to recognise, useless to anyone else. */
function hintsOf(secrets: ChannelSecrets): Partial<Record<keyof ChannelSecrets, string>> {
  return Object.fromEntries(Object.entries(secrets).map(([name, value]) => [name, (value as string).slice(-4)]));
}

function assertComplete(kind: ChannelKind, row: Partial<ChannelConnection>, secrets: ChannelSecrets): void {
  for (const id of REQUIRED[kind].ids) if (!row[id]) throw badUserInput(id, `A ${kind === ChannelKind.WHATSAPP ? 'WhatsApp' : 'SMS'} connection needs its ${id}.`);
  for (const secret of REQUIRED[kind].secrets) if (!secrets[secret]) throw badUserInput(secret, `A ${kind === ChannelKind.WHATSAPP ? 'WhatsApp' : 'SMS'} connection needs its ${secret}.`);
}
