import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which provider a connection speaks to: the conversation channel its threads carry. */
export enum ChannelKind {
  WHATSAPP = 'WHATSAPP',
  SMS = 'SMS',
}

/** An approved WhatsApp message template the pharmacy may send outside the 24-hour window. */
export interface WhatsAppTemplateRef {
  name: string;
  /** e.g. `nl` or `en_US`, as approved at Meta. */
  language: string;
}

/**
 * The secrets of a connection, sealed together (AES-256-GCM, CHANNEL_SECRETS_KEY): WhatsApp's
 * access token, app secret and webhook verify token, or Twilio's auth token. Never returned.
 */
export interface ChannelSecrets {
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
  authToken?: string;
}

/**
 * A pharmacy's WhatsApp Business number (Cloud API) or SMS number (Twilio) whose messages land
 * in its inbox (issue 22). Providers reach it at `/channels/{whatsapp|sms}/{webhookId}`.
 */
@Entity({ name: 'channel_connection' })
export class ChannelConnection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Text with a CHECK, like conversation.status. */
  @Column({ type: 'text' })
  kind: ChannelKind;

  /** What staff call it ("Counter WhatsApp"). */
  @Column({ type: 'text' })
  name: string;

  /** E.164; for SMS also the `From` of outgoing texts. */
  @Column({ name: 'phone_number', type: 'text' })
  phoneNumber: string;

  /** Random, unguessable: the provider's webhook URL names the connection by it. Unique across pharmacies. */
  @Column({ name: 'webhook_id', type: 'text' })
  webhookId: string;

  /** WhatsApp: the Cloud API's phone number id (the sender, and what inbound webhooks name). */
  @Column({ name: 'whatsapp_phone_number_id', type: 'text', nullable: true })
  whatsappPhoneNumberId: string | null;

  /** WhatsApp: the business account id, whose approved templates can be fetched. */
  @Column({ name: 'whatsapp_business_account_id', type: 'text', nullable: true })
  whatsappBusinessAccountId: string | null;

  /** SMS: Twilio's Account SID (AC…). */
  @Column({ name: 'twilio_account_sid', type: 'text', nullable: true })
  twilioAccountSid: string | null;

  /** ChannelSecrets as JSON, sealed. */
  @Column({ name: 'secrets_sealed', type: 'text', select: false })
  secretsSealed: string;

  /** The last four characters of each secret that is set, for the settings screen. */
  @Column({ name: 'secret_hints', type: 'jsonb', default: () => `'{}'::jsonb` })
  secretHints: Partial<Record<keyof ChannelSecrets, string>>;

  /** WhatsApp: the approved templates staff may send outside the 24-hour window. */
  @Column({ name: 'whatsapp_templates', type: 'jsonb', default: () => `'[]'::jsonb` })
  whatsappTemplates: WhatsAppTemplateRef[];

  /** Off: webhooks are refused (404) and replies are not sent. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
