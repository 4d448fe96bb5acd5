import { apiAudit } from './api-audit';

describe('apiAudit', () => {
  it('should work', () => {
    expect(apiAudit()).toEqual('api-audit');
  });
});
