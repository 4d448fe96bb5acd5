import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** What another module does when enrolments complete, inside the transaction that completed them. */
export type CompletionListener = (manager: EntityManager, enrolmentIds: string[]) => Promise<void>;

/**
 * Lets modules that build on learning (qualifications) act on a completion in the same transaction
 * as the event or submission that completed it, without learning knowing them: a completion is never
 * seen without what it grants, and a failure in a listener undoes the completion too.
 */
@Injectable()
export class EnrolmentCompletionListeners {
  private readonly listeners: CompletionListener[] = [];

  register(listener: CompletionListener): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, enrolmentIds: string[]): Promise<void> {
    if (enrolmentIds.length === 0) return;
    for (const listener of this.listeners) await listener(manager, enrolmentIds);
  }
}
