import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql/index.js';
import { ConfirmButton } from '../confirm-button.js';
import { errorMessage } from '../input-errors.js';

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
      <p className="settings__intro">The web store signs its signed-in customers with this secret so the chat widget knows who they are. Keep it on the store's server, never in the page.</p>
      {secret ? (
        <div className="secret-once__row">
          <input id={id} readOnly value={secret} aria-label="Widget secret" spellCheck={false} onFocus={(event) => event.target.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={revealed.loading} onClick={() => void reveal().catch(() => {})}>
          Show widget secret
        </button>
      )}
      <div>
        <ConfirmButton
          label="Rotate widget secret"
          question="Replace the secret? Identities signed with the old one stop working at once."
          confirmLabel="Yes, rotate"
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
      {rotated && <p className="notice notice--info" role="status">A new secret is in use: update the store's server now.</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}
