import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { WidgetEvent } from '../../protocol/widget-protocol.js';
import { graphql } from '../gql/index.js';
import { PrechatForm } from '../prechat/prechat-form.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { ChatHome } from '../threads/chat-home.js';
import { PanelHeader } from './panel-header.js';
import { ReconnectBanner } from './reconnect-banner.js';
import { useFocusTrap } from './use-focus-trap.js';

const WidgetConfigQuery = graphql(`
  query WidgetConfig($slug: String!, $locale: String) {
    widgetConfig(organizationSlug: $slug, locale: $locale) {
      name
      replyTimeText
      primaryColor
      threadPolicy
      ...PanelHeader_config
    }
  }
`);

export interface PanelProps {
  signedIn: boolean;
  /** Still looking for a kept session: show neither the form nor a thread yet. */
  restoring: boolean;
  onSignedIn(token: string): void;
  notice: 'sessionExpired' | null;
}

/** The open chat: header with the pharmacy's brand, then the pre-chat form or the conversation. */
export function Panel({ signedIn, restoring, onSignedIn, notice }: PanelProps) {
  const { organizationSlug, lang, bridge, open } = useWidget();
  const t = useStrings();
  const { data, error } = useQuery(WidgetConfigQuery, { variables: { slug: organizationSlug, locale: lang } });
  // Signing in swaps the Apollo Client (one per token); keep showing what we had meanwhile,
  // or the thread would unmount and lose what the customer was typing.
  const lastConfig = useRef(data?.widgetConfig);
  if (data?.widgetConfig) lastConfig.current = data.widgetConfig;
  const config = lastConfig.current;
  const panel = useRef<HTMLDivElement>(null);
  useFocusTrap(panel, open && bridge.embedded, () => bridge.send(WidgetEvent.RequestClose, {}));

  useEffect(() => {
    if (config) bridge.send(WidgetEvent.Brand, { primaryColor: config.primaryColor, name: config.name });
  }, [bridge, config]);

  useEffect(() => {
    // Opening the panel puts the keyboard in it: on the first field or the message box.
    if (!open || !config) return;
    const target = panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current?.querySelector<HTMLElement>('button, input, textarea');
    target?.focus();
  }, [open, config, signedIn, restoring]);

  const style = config && /^#[0-9a-f]{6}$/i.test(config.primaryColor) ? ({ '--cc-primary': config.primaryColor } as React.CSSProperties) : undefined;

  return (
    <div className="cc-panel" ref={panel} style={style} role="dialog" aria-modal={bridge.embedded ? 'true' : undefined} aria-label={config ? t('chatWith', { name: config.name }) : t('loading')}>
      {config ? <PanelHeader config={config} /> : <div className="cc-header" />}
      <ReconnectBanner />
      {error && !config ? (
        <p className="cc-error" role="alert">{t('somethingWrong')}</p>
      ) : !config || restoring ? (
        <p className="cc-loading">{t('loading')}</p>
      ) : signedIn ? (
        <ChatHome threadPolicy={config.threadPolicy} pharmacy={{ name: config.name, replyTimeText: config.replyTimeText ?? null }} />
      ) : (
        <PrechatForm onSignedIn={onSignedIn} notice={notice} />
      )}
    </div>
  );
}
