import { Customer } from '../../../entities/customer.entity.js';
import type { Organization } from '../../../entities/organization.entity.js';
import { WidgetThreadPolicy } from '../../../entities/organization-settings.js';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { ConversationStatus } from '../../../entities/conversation.entity.js';
import { ConversationService } from '../../../resolvers/conversation/conversation.service.js';
import { MessageService } from '../../../resolvers/message/message.service.js';
import { ThreadService } from '../../../resolvers/thread/thread.service.js';
import { hashPassword } from '../../auth/password.js';
import type { RealtimePublisher } from '../../pubsub/realtime-publisher.js';
import type { SignedInViewer } from '../../auth/viewer.js';
import type { TenantDatabase } from '../../tenancy/tenant-database.js';

export const DEMO_SLUG = 'demo-pharmacy';
export const DEMO_PASSWORD = 'counterchat-demo';

export interface DemoAccounts {
  organization: Organization;
  staff: StaffUser[];
  customers: Customer[];
}

type Line = [who: 'customer' | 'staff', body: string];

const CUSTOMERS: { name: string; phone: string; email: string; subject: string | null; status: ConversationStatus; lines: Line[] }[] = [
  {
    name: 'Sofie Jansen',
    phone: '+31612345678',
    email: 'sofie@example.com',
    subject: 'Repeat prescription',
    status: ConversationStatus.OPEN,
    lines: [
      ['customer', 'Hi! Is my repeat prescription for levothyroxine ready to collect?'],
      ['staff', 'Hello Sofie, let me check that for you.'],
      ['customer', 'Thank you. I can come by after 5 today.'],
    ],
  },
  {
    name: 'Daan Visser',
    phone: '+31687654321',
    email: 'daan@example.com',
    subject: null,
    status: ConversationStatus.PENDING,
    lines: [
      ['customer', 'Can I take ibuprofen together with my blood pressure medication?'],
      ['staff', 'Good question. Which blood pressure medicine do you take, and what dose?'],
    ],
  },
  {
    name: 'Emma Bakker',
    phone: '+32470123456',
    email: 'emma@example.com',
    subject: 'Travel vaccination',
    status: ConversationStatus.RESOLVED,
    lines: [
      ['customer', 'Do you stock malaria tablets? I travel to Kenya next month.'],
      ['staff', 'We do, with a prescription. Your GP or a travel clinic can write one.'],
      ['customer', 'Perfect, thanks!'],
    ],
  },
  {
    name: 'Lucas Smit',
    phone: '+4915112345678',
    email: 'lucas@example.com',
    subject: null,
    status: ConversationStatus.OPEN,
    lines: [['customer', 'The box of my insulin pens arrived dented. Are they still safe to use?']],
  },
  { name: 'Noor El Amrani', phone: '+31633334444', email: 'noor@example.com', subject: null, status: ConversationStatus.OPEN, lines: [] },
];

/**
 * One demo pharmacy with two staff, a handful of customers and threads with history. Runs
 * once per database, on the schema owner's (`owner`): creating a pharmacy is set-up.
 */
export async function seedDemoData(owner: TenantDatabase, realtime: RealtimePublisher): Promise<DemoAccounts> {
  const existing = await owner.lookups.tenantOfSlug(DEMO_SLUG);
  if (existing) {
    return owner.asTenant({ organizationId: existing }, async (pharmacy) => ({
      organization: await pharmacy.organization(),
      staff: await pharmacy.staff('staff').orderBy('staff.email', 'ASC').getMany(),
      customers: await pharmacy.customers('customer').orderBy('customer.name', 'ASC').getMany(),
    }));
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { organization, staff, customers } = await owner.createOrganization(
    {
      name: 'Demo Pharmacy',
      slug: DEMO_SLUG,
      settings: {
        replyTimeText: 'We usually reply within an hour',
        replyTimeTextNl: 'We antwoorden meestal binnen een uur',
        timeZone: 'Europe/Amsterdam',
        businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '18:00' })).concat({ day: 6, opens: '09:00', closes: '17:00' }),
        primaryColor: '#0f766e',
        language: 'english',
        widgetThreads: WidgetThreadPolicy.REUSE_OPEN,
      },
    },
    async (pharmacy, organization) => ({
      organization,
      staff: await pharmacy.insertMany(StaffUser, [
        { email: 'anna@demo-pharmacy.test', name: 'Anna de Vries', role: StaffRole.ADMIN, passwordHash },
        { email: 'ben@demo-pharmacy.test', name: 'Ben Okafor', role: StaffRole.PHARMACIST, passwordHash },
      ]),
      customers: await pharmacy.insertMany(
        Customer,
        CUSTOMERS.map(({ name, phone, email }) => ({ name, phone, email, externalId: null })),
      ),
    }),
  );

  const servicesOf = (viewer: SignedInViewer) => {
    const scope = owner.scopeFor(viewer);
    const thread = new ThreadService(scope, realtime);
    return { conversations: new ConversationService(scope, thread), messages: new MessageService(scope, thread) };
  };
  const pharmacist: SignedInViewer = { kind: 'staff', organizationId: organization.id, staffId: staff[1]!.id, role: StaffRole.PHARMACIST };
  for (const [index, script] of CUSTOMERS.entries()) {
    const customer = customers[index]!;
    const asCustomer: SignedInViewer = { kind: 'customer', organizationId: organization.id, customerId: customer.id, issuedAt: new Date() };
    if (script.lines.length === 0) continue;
    const conversation = await servicesOf(asCustomer).conversations.start({ subject: script.subject });
    for (const [line, [who, body]] of script.lines.entries()) {
      await servicesOf(who === 'customer' ? asCustomer : pharmacist).messages.send({ conversationId: conversation.id, body, clientMessageId: `demo-${index}-${line}` });
    }
    if (script.status !== ConversationStatus.OPEN) {
      await servicesOf(pharmacist).conversations.setStatus({ conversationId: conversation.id, status: script.status });
    }
  }
  return { organization, staff, customers };
}
