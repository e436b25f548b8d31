import { WidgetEvent } from '../../protocol/widget-protocol.js';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';

const PanelHeaderFragment = graphql(`
  fragment PanelHeader_config on WidgetConfig {
    name
    replyTimeText
    openNow
    timeZone
    businessHours {
      day
      opens
      closes
    }
  }
`);

export function PanelHeader(props: { config: FragmentType<typeof PanelHeaderFragment>; children?: React.ReactNode }) {
  const config = readFragment(PanelHeaderFragment, props.config);
  const { bridge, format } = useWidget();
  const t = useStrings();
  return (
    <header className="cc-header">
      <div className="cc-header-text">
        <h1 className="cc-title">{config.name}</h1>
        {config.replyTimeText && <p className="cc-subtitle">{config.replyTimeText}</p>}
        {config.openNow !== null && (
          <p className="cc-hours">
            <span className={config.openNow ? 'cc-dot cc-dot-open' : 'cc-dot'} aria-hidden="true" />
            {config.openNow ? t('openNow') : t('closedNow')}
          </p>
        )}
        {config.businessHours.length > 0 && (
          <details className="cc-hours-list">
            <summary>{t('openingHours')}</summary>
            <ul>
              {config.businessHours.map((range) => (
                <li key={`${range.day}-${range.opens}`}>
                  {format.weekday(range.day)} {range.opens}–{range.closes}
                </li>
              ))}
            </ul>
            <p className="cc-hint-light">{config.timeZone}</p>
          </details>
        )}
      </div>
      {props.children}
      {bridge.embedded && (
        <button type="button" className="cc-icon-button" aria-label={t('closeChat')} onClick={() => bridge.send(WidgetEvent.RequestClose, {})}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z" />
          </svg>
        </button>
      )}
    </header>
  );
}

