export function apiOrg(): string {
  return 'api-org';
}
