import type { ReactNode } from 'react';
import { useStrings } from '../i18n/dashboard-i18n.js';

/**
 * A settings list as a table: named for screen readers, one header per column, and (with
 * `actions`) a last column for the row's buttons whose header only screen readers hear. It
 * scrolls sideways on its own when the screen is narrow.
 */
export function SettingsTable(props: { label: string; columns: readonly string[]; actions?: boolean; children: ReactNode }) {
  const t = useStrings();
  return (
    <div className="settings-table__scroll">
      <table className="settings-table" aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {props.actions && (
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
