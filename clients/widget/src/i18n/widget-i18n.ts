import { useTranslation } from 'react-i18next';
import type { Translate } from './widget-resources.js';

export { createWidgetI18n, widgetResources, type Translate, type WidgetKey } from './widget-resources.js';

/** react-i18next's `t`, held to the widget's keys. */
export function useStrings(): Translate {
  return useTranslation().t as unknown as Translate;
}
