import { Options } from 'pino-http';

import { loadApiConfig } from '../config/api-config';
import { loggableUrl, loggerParams } from './logging';

describe('request logging', () => {
  it('leaves the token of a password-reset link out of a logged URL', () => {
    expect(loggableUrl('/reset-password/s3cr3t-T0ken_value')).toBe('/reset-password/[redacted]');
    expect(loggableUrl('/reset-password/s3cr3t?lang=ru')).toBe('/reset-password/[redacted]?lang=ru');
    expect(loggableUrl('/api/v1/users?q=reset-password/x')).toBe('/api/v1/users?q=reset-password/x');
  });

  it('applies it to every request it logs', () => {
    const params = loggerParams(loadApiConfig({ NODE_ENV: 'test', LOG_PRETTY: 'false' }));
    const [options] = params.pinoHttp as [Options, unknown];
    const serialize = options.serializers?.['req'] as (request: { url: string }) => { url: string };
    expect(serialize({ url: '/reset-password/abc' }).url).toBe('/reset-password/[redacted]');
  });
});
