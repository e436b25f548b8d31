import { useState } from 'react';

/** The ten recovery codes, shown once: the server keeps only their hashes. */
export function RecoveryCodes(props: { codes: string[]; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="recovery-codes" role="status">
      <h2>Your recovery codes</h2>
      <p>Each code signs you in once if you lose your phone. Store them somewhere safe now: they won't be shown again.</p>
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-codes__actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard.writeText(props.codes.join('\n')).then(
              () => setCopied(true),
              () => {},
            )
          }
        >
          {copied ? 'Copied' : 'Copy codes'}
        </button>
        <button type="button" className="button button--primary" onClick={props.onDone}>
          I have stored them
        </button>
      </div>
    </div>
  );
}
