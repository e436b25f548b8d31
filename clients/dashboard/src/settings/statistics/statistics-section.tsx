export function StatisticsSection() {
  return <p className="settings__muted">Coming soon.</p>;
}
