export function AuditLogSection() {
  return <p className="settings__muted">Coming soon.</p>;
}
