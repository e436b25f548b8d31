import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { ConnectionType } from '../pagination/connection.type.js';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit log entry records.',
  valuesConfig: {
    SIGNED_IN: { description: 'A staff member signed in.' },
    SIGN_IN_FAILED: { description: "A wrong password for a staff member's address." },
    MESSAGES_READ: { description: "A conversation's messages were read (a page of them, or a live subscription: details.live)." },
    MESSAGE_DELETED: { description: 'A message was deleted (its text and files are gone).' },
    CONVERSATION_STATUS_CHANGED: { description: 'details: from, to.' },
    CONVERSATION_ASSIGNED: { description: 'details: from, to (staff ids).' },
    CHAT_TOKEN_ISSUED: { description: 'A chat token (and link) was issued for a customer.' },
    API_KEY_CREATED: { description: 'details: scopes.' },
    API_KEY_REVOKED: { description: 'An API key was revoked.' },
    WEBHOOK_ENDPOINT_CREATED: { description: 'details: url.' },
    CHANNEL_CONNECTED: { description: 'A WhatsApp or SMS number was connected. details: kind, phoneNumber.' },
    CHANNEL_UPDATED: { description: 'A channel connection changed. details: the names of the fields that changed (never secrets).' },
    CHANNEL_DISCONNECTED: { description: 'A channel connection was removed. details: kind, phoneNumber.' },
    WEBHOOK_ENDPOINT_DELETED: { description: 'details: url.' },
    WEBHOOK_SECRET_ROTATED: { description: "A webhook endpoint's signing secret was replaced." },
    WIDGET_SECRET_ROTATED: { description: "The pharmacy's widget secret was replaced." },
    SETTINGS_CHANGED: { description: 'details: changed (the setting names).' },
    CUSTOMER_EXPORTED: { description: "A customer's data was exported (right of access)." },
    CUSTOMER_ERASED: { description: "A customer's data was erased on request. details: messages, attachments." },
    CUSTOMER_BLOCKED: { description: 'A customer was blocked: their chat tokens and sockets stopped working; nothing was deleted.' },
    CUSTOMER_UNBLOCKED: { description: 'A customer was unblocked: new chat links work again.' },
    CUSTOMER_UPDATED: { description: "A customer's profile was changed. details: fields (the names of the fields that changed, comma-separated)." },
    RETENTION_PURGE: { description: 'Old messages were purged by the retention period. details: messages, attachments, before.' },
    PHARMACY_CREATED: { description: 'The operator created the pharmacy (npm run admin).' },
    STAFF_INVITED: { description: 'An invitation was sent. details: role.' },
    STAFF_INVITATION_RESENT: { description: 'An invitation was sent again with a new link.' },
    STAFF_INVITATION_REVOKED: { description: 'An invitation was withdrawn.' },
    STAFF_INVITATION_ACCEPTED: { description: 'An invitation was accepted: its staff member was created. details: invitation.' },
    STAFF_ROLE_CHANGED: { description: 'details: from, to.' },
    STAFF_DEACTIVATED: { description: 'A staff member can no longer sign in; their sessions ended.' },
    STAFF_REACTIVATED: { description: 'A deactivated staff member can sign in again.' },
    PROFILE_UPDATED: { description: 'A staff member changed their own name.' },
    PASSWORD_CHANGED: { description: 'A staff member changed their own password; their other sessions ended.' },
    PASSWORD_RESET_REQUESTED: { description: "A reset link was sent to a staff member's address." },
    PASSWORD_RESET: { description: 'A password was set with a reset link; every other session ended.' },
    SIGNED_OUT: { description: 'A staff member signed out of this session.' },
    SESSION_ENDED: { description: 'A session was ended from elsewhere. details: reason.' },
    TWO_FACTOR_ENABLED: { description: 'Two-factor sign-in was turned on.' },
    TWO_FACTOR_DISABLED: { description: 'Two-factor sign-in was turned off.' },
    TWO_FACTOR_FAILED: { description: 'A wrong two-factor or recovery code.' },
    RECOVERY_CODE_USED: { description: 'A recovery code was used to sign in. details: remaining.' },
  },
});

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit log: who did what to which object, when, from where.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field(() => String, { nullable: true, description: 'The GraphQL type of the object, e.g. "Conversation".' })
  objectType: string | null;

  @Field(() => ID, { nullable: true })
  objectId: string | null;

  @Field(() => String, { nullable: true, description: "The client's IP address as the gateway saw it." })
  ip: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Ids and states only; never message text or contact details.' })
  details: Record<string, unknown> | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('AuditEventConnection', { description: 'A page of the audit log, newest first.' })
export class AuditEventConnectionType extends ConnectionType('AuditEvent', AuditEventType) {}
