import { apiPlatform } from './api-platform';

describe('apiPlatform', () => {
  it('should work', () => {
    expect(apiPlatform()).toEqual('api-platform');
  });
});
