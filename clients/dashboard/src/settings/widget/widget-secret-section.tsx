import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql/index.js';
import { ConfirmButton } from '../confirm-button.js';
import { errorMessage } from '../input-errors.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

const WidgetSecretQuery = graphql(`
  query WidgetSecret {
    widgetSecret
  }
`);

const RotateWidgetSecretMutation = graphql(`
  mutation RotateWidgetSecret {
    rotateWidgetSecret
  }
`);

/**
 * The secret the web store signs its customers' identities with. It can be read again, so
 * it is revealed on request only (not on every visit) and never cached.
 */
export function WidgetSecretSection() {
  const t = useStrings();
  const id = useId();
  const [reveal, revealed] = useLazyQuery(WidgetSecretQuery, { fetchPolicy: 'no-cache' });
  const [rotate, rotating] = useMutation(RotateWidgetSecretMutation);
  const [rotated, setRotated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const secret = rotated ?? revealed.data?.widgetSecret ?? null;
  const error = revealed.error ?? rotating.error;

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <>
      <p className="settings__intro">{t('widgetIntro')}</p>
      {secret ? (
        <div className="secret-once__row">
          <input id={id} readOnly value={secret} aria-label={t('widgetSecret')} spellCheck={false} onFocus={(event) => event.target.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied ? t('copied') : t('copy')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={revealed.loading} onClick={() => void reveal().catch(() => {})}>
          {t('widgetShowSecret')}
        </button>
      )}
      <div>
        <ConfirmButton
          label={t('widgetRotate')}
          question={t('widgetRotateQuestion')}
          confirmLabel={t('widgetRotateConfirm')}
          disabled={rotating.loading}
          onConfirm={() =>
            void rotate()
              .then((result) => {
                if (result.data) {
                  setRotated(result.data.rotateWidgetSecret);
                  setCopied(false);
                }
              })
              .catch(() => {})
          }
        />
      </div>
      {rotated && (
        <p className="notice notice--info" role="status">
          {t('widgetRotated')}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}
