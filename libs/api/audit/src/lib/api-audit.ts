export function apiAudit(): string {
  return 'api-audit';
}
