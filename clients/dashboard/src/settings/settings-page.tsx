import type { Permission } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { openSettings, settingsPath } from '../routing/use-route.js';
import { ApiKeysSection } from './api-keys/api-keys-section.js';
import { AuditLogSection } from './audit-log/audit-log-section.js';
import { PharmacySettingsSection } from './pharmacy/pharmacy-settings-section.js';
import { NotificationsSection } from './notifications/notifications-section.js';
import { visibleSections, type SettingsSectionName } from './settings-sections.js';
import { StatisticsSection } from './statistics/statistics-section.js';
import { WebhooksSection } from './webhooks/webhooks-section.js';
import { ChannelsSection } from './channels/channels-section.js';
import { WidgetSecretSection } from './widget/widget-secret-section.js';
import { TeamSection } from './team/team-section.js';
import { LabelsSection } from './labels/labels-section.js';
import { SavedRepliesSection } from './saved-replies/saved-replies-section.js';
import './settings.css';

const SECTION_COMPONENTS: Record<SettingsSectionName, () => React.JSX.Element> = {
  team: TeamSection,
  'api-keys': ApiKeysSection,
  webhooks: WebhooksSection,
  labels: LabelsSection,
  pharmacy: PharmacySettingsSection,
  channels: ChannelsSection,
  notifications: NotificationsSection,
  widget: WidgetSecretSection,
  statistics: StatisticsSection,
  'audit-log': AuditLogSection,
  'saved-replies': SavedRepliesSection,
};

/** The admin area: a side list of the sections the viewer may open, and the open one. Lazy-loaded. */
export default function SettingsPage({ section, permissions }: { section: string; permissions: readonly Permission[] }) {
  const t = useStrings();
  const sections = visibleSections(permissions);
  const current = sections.find((s) => s.name === section) ?? sections[0];
  if (!current) {
    return <p className="notice notice--error settings__denied">{t('settingsNone')}</p>;
  }
  const Section = SECTION_COMPONENTS[current.name];
  return (
    <div className="settings">
      <nav className="settings__nav" aria-label={t('settingsSections')}>
        <ul>
          {sections.map((s) => (
            <li key={s.name}>
              <a
                href={settingsPath(s.name)}
                aria-current={s.name === current.name ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  openSettings(s.name);
                }}
              >
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings__section" aria-labelledby="settings-section-title">
        <h1 id="settings-section-title">{t(current.label)}</h1>
        <Section key={current.name} />
      </section>
    </div>
  );
}
