import { Injectable } from '@nestjs/common';

/**
 * The time every standing (valid, expiring, expired), due date and reminder is judged at. One
 * provider, so tests move it instead of waiting for months to pass.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
