/** The customer screens' words, in one place until the dashboard moves to i18next. */
export const CUSTOMER_STRINGS = {
  edit: 'Edit details',
  save: 'Save details',
  cancel: 'Cancel',
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  externalId: 'Store id',
  dateOfBirth: 'Date of birth',
  preferredLanguage: 'Preferred language',
  staffNote: 'Note for the team',
  staffNoteHelp: 'Only staff see this note; never the customer.',
  languages: { '': 'Not set', nl: 'Dutch', en: 'English' } as Record<string, string>,
  newCustomer: 'New customer',
  newCustomerTitle: 'Add a customer',
  create: 'Add customer and start a conversation',
  saved: 'Saved.',
};
