export function apiPlatform(): string {
  return 'api-platform';
}
