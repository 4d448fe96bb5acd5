import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A certificate's public code: 128 random bits as RFC 4648 base32 without padding, 26 characters
 * with no 0/O or 1/I to confuse when read aloud or typed from paper.
 */
export function newCertificateCode(): string {
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of randomBytes(16)) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      code += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return code + BASE32[(value << (5 - bits)) & 31];
}
