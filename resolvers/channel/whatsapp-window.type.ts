import { Field, ObjectType } from 'type-graphql';
import { WhatsAppTemplateType } from './channel-connection.type.js';

@ObjectType('WhatsAppWindow', {
  description: "WhatsApp's customer-service window: free-form replies only within 24 hours of the customer's last message; outside it, only an approved template.",
})
export class WhatsAppWindowType {
  @Field({ description: 'Whether a free-form reply may be sent now.' })
  open: boolean;

  @Field(() => Date, { nullable: true, description: 'When it closes; null while closed.' })
  closesAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastCustomerMessageAt: Date | null;

  @Field(() => [WhatsAppTemplateType], { description: "The pharmacy's approved templates for this number." })
  templates: WhatsAppTemplateType[];
}
