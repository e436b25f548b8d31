export function WebhooksSection() {
  return <p className="settings__muted">Coming soon.</p>;
}
