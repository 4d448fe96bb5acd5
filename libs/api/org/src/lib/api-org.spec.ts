import { apiOrg } from './api-org';

describe('apiOrg', () => {
  it('should work', () => {
    expect(apiOrg()).toEqual('api-org');
  });
});
