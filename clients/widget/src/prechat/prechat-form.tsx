import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { errorDetails } from '../session/graphql-errors.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import type { WidgetKey } from '../i18n/widget-i18n.js';

const StartWidgetSession = graphql(`
  mutation StartWidgetSession($input: StartWidgetSessionInput!) {
    startWidgetSession(input: $input) {
      token
      expiresAt
    }
  }
`);

type Field = 'name' | 'contact' | 'consentToContact';
type Errors = Partial<Record<Field | 'form', WidgetKey>>;

const FIELD_ERRORS: Record<Field, WidgetKey> = { name: 'errorName', contact: 'errorContact', consentToContact: 'errorConsent' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{6,15}$/;

/** Every problem at once, next to its field (a customer should not fix them one by one). */
function validate(name: string, contact: string, consent: boolean): Errors {
  const errors: Errors = {};
  if (!name.trim()) errors.name = 'errorName';
  const trimmed = contact.trim();
  if (!trimmed) errors.contact = 'errorContactMissing';
  else if (trimmed.includes('@') ? !EMAIL.test(trimmed) : !PHONE.test(trimmed.replace(/[\s().-]/g, ''))) errors.contact = 'errorContact';
  if (!consent) errors.consentToContact = 'errorConsent';
  return errors;
}

/** Name, a phone number or email, and consent: then the visitor is a customer with a chat token. */
export function PrechatForm({ onSignedIn, notice }: { onSignedIn(token: string): void; notice: 'sessionExpired' | null }) {
  const { organizationSlug } = useWidget();
  const t = useStrings();
  const [start, { loading }] = useMutation(StartWidgetSession);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(name, contact, consent);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const trimmed = contact.trim();
    const isEmail = trimmed.includes('@');
    try {
      const { data } = await start({
        variables: {
          input: {
            organizationSlug,
            name: name.trim(),
            consentToContact: consent,
            ...(isEmail ? { email: trimmed } : { phone: trimmed.replace(/[\s().-]/g, '') }),
          },
        },
      });
      if (data) onSignedIn(data.startWidgetSession.token);
    } catch (error) {
      const details = errorDetails(error);
      if (details.code === 'RATE_LIMITED') return setErrors({ form: 'rateLimited' });
      // The server's text is English: show our own words for the field it names.
      const field: Field | undefined = details.field === 'name' ? 'name' : details.field === 'consentToContact' ? 'consentToContact' : details.field === 'phone' || details.field === 'email' ? 'contact' : undefined;
      if (details.code === 'BAD_USER_INPUT' && field) return setErrors({ [field]: FIELD_ERRORS[field] });
      setErrors({ form: 'somethingWrong' });
    }
  };

  const errorFor = (field: Field) => {
    const key = errors[field];
    return key ? (
      <p className="cc-field-error" role="alert" id={`${id}-${field}-error`}>
        {t(key)}
      </p>
    ) : null;
  };
  const describedBy = (field: Field, extra?: string) => [extra, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <form className="cc-prechat" onSubmit={submit} noValidate>
      {notice === 'sessionExpired' && <p className="cc-notice" role="status">{t('sessionExpired')}</p>}
      <p className="cc-intro">{t('prechatIntro')}</p>
      <label className="cc-label" htmlFor={`${id}-name`}>{t('name')}</label>
      <input id={`${id}-name`} className="cc-input" name="name" autoComplete="name" required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} aria-invalid={Boolean(errors.name)} aria-describedby={describedBy('name')} data-autofocus />
      {errorFor('name')}
      <label className="cc-label" htmlFor={`${id}-contact`}>{t('contact')}</label>
      <input id={`${id}-contact`} className="cc-input" name="contact" autoComplete="email" inputMode="email" required value={contact} onChange={(event) => setContact(event.target.value)} aria-invalid={Boolean(errors.contact)} aria-describedby={describedBy('contact', `${id}-contact-hint`)} />
      <p className="cc-hint" id={`${id}-contact-hint`}>{t('contactHint')}</p>
      {errorFor('contact')}
      <label className="cc-consent">
        <input type="checkbox" name="consent" checked={consent} onChange={(event) => setConsent(event.target.checked)} aria-invalid={Boolean(errors.consentToContact)} aria-describedby={describedBy('consentToContact')} />
        <span>{t('consent')}</span>
      </label>
      {errorFor('consentToContact')}
      {errors.form && <p className="cc-field-error" role="alert">{t(errors.form)}</p>}
      <button type="submit" className="cc-primary-button" disabled={loading}>{loading ? t('starting') : t('startChat')}</button>
    </form>
  );
}
