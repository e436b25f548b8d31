import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

export const WhatsAppWindowFields = graphql(`
  fragment WhatsAppWindowFields on Conversation {
    id
    whatsAppWindow {
      open
      closesAt
      templates {
        name
        language
      }
    }
  }
`);

const SendWhatsAppTemplateMutation = graphql(`
  mutation SendWhatsAppTemplate($input: SendWhatsAppTemplateInput!) {
    sendWhatsAppTemplate(input: $input) {
      id
      sequence
      ...TimelineMessageFields
    }
  }
`);

/**
 * Above the composer of a WhatsApp thread whose 24-hour window has closed: WhatsApp then takes
 * only an approved template, so the notice says so and offers the pharmacy's templates (issue 22).
 */
export function WhatsAppWindowNotice(props: { conversation: FragmentType<typeof WhatsAppWindowFields> }) {
  const conversation = readFragment(WhatsAppWindowFields, props.conversation);
  const t = useStrings();
  const [choice, setChoice] = useState('');
  const [values, setValues] = useState('');
  const [sendTemplate, sending] = useMutation(SendWhatsAppTemplateMutation);
  const window = conversation.whatsAppWindow;
  if (!window || window.open) return null;
  const templates = window.templates;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const template = templates[Number(choice)];
    if (!template) return;
    const parameters = values.split('\n').map((value) => value.trim()).filter(Boolean);
    void sendTemplate({
      variables: { input: { conversationId: conversation.id, name: template.name, language: template.language, parameters, clientMessageId: crypto.randomUUID() } },
    }).then(() => {
      setChoice('');
      setValues('');
    }, () => {});
  };

  return (
    <form className="whatsapp-window" onSubmit={submit} aria-label={t('whatsAppWindowClosed')}>
      <p className="whatsapp-window__text" role="status">{t('whatsAppWindowClosed')}</p>
      {templates.length === 0 ? (
        <p className="whatsapp-window__text">{t('whatsAppNoTemplates')}</p>
      ) : (
        <div className="whatsapp-window__row">
          <label>
            {t('whatsAppTemplate')}{' '}
            <select value={choice} onChange={(event) => setChoice(event.target.value)} required>
              <option value="">{t('whatsAppPickTemplate')}</option>
              {templates.map((template, index) => (
                <option key={`${template.name}:${template.language}`} value={index}>
                  {template.name} ({template.language})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('whatsAppTemplateValues')}{' '}
            <textarea rows={2} value={values} onChange={(event) => setValues(event.target.value)} placeholder={t('whatsAppTemplateValuesHint')} />
          </label>
          <button type="submit" className="button button--primary" disabled={choice === '' || sending.loading}>
            {t('whatsAppSendTemplate')}
          </button>
        </div>
      )}
      {sending.error && <p className="composer__errors" role="alert">{sending.error.message}</p>}
    </form>
  );
}
