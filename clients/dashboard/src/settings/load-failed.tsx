import { useStrings } from '../i18n/dashboard-i18n.js';

/** A section's list that could not be loaded: what failed, and "Try again". */
export function LoadFailed(props: { message: string; onRetry(): Promise<unknown> }) {
  const t = useStrings();
  return (
    <p className="notice notice--error" role="alert">
      {props.message}{' '}
      <button type="button" className="link-button" onClick={() => void props.onRetry().catch(() => {})}>
        {t('tryAgain')}
      </button>
    </p>
  );
}
