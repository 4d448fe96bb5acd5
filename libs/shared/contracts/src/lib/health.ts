export type HealthStatus = 'ok' | 'error';

export interface HealthResponse {
  status: HealthStatus;
  version: string;
  uptimeSeconds: number;
  database: {
    status: 'up' | 'down';
    latencyMs?: number;
  };
}
