import { useState, type FormEvent } from 'react';
import './two-factor.css';

export interface Enrolment {
  secret: string;
  qrCodeDataUrl: string;
}

/** Scan (or type) the secret into an authenticator app, then prove it with the code it shows. */
export function EnrolmentPanel(props: { enrolment: Enrolment; error: string | null; busy: boolean; onConfirm(code: string): void }) {
  const [code, setCode] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onConfirm(code.replace(/\s+/g, ''));
  }
  return (
    <form className="enrolment" onSubmit={submit} aria-label="Set up two-factor sign-in">
      <p>Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the 6-digit code it shows.</p>
      <img className="enrolment__qr" src={props.enrolment.qrCodeDataUrl} alt="QR code for your authenticator app" width={200} height={200} />
      <p className="enrolment__secret">
        Can't scan it? Enter this key: <code aria-label="Secret key">{props.enrolment.secret}</code>
      </p>
      <label className="field">
        <span>Code from the app</span>
        <input inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" required value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      {props.error && (
        <p className="notice notice--error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={props.busy}>
        Turn on two-factor sign-in
      </button>
    </form>
  );
}
