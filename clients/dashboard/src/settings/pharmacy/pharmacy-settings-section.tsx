export function PharmacySettingsSection() {
  return <p className="settings__muted">Coming soon.</p>;
}
