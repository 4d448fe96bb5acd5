import { apiDb } from './api-db';

describe('apiDb', () => {
  it('should work', () => {
    expect(apiDb()).toEqual('api-db');
  });
});
