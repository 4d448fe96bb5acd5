import { ExecutionContext, createParamDecorator } from '@nestjs/common';

import { Permission, Principal } from './policy';

/** What the access guard leaves on the request for the handler. */
export interface AccessContext {
  principal: Principal;
  permission: Permission;
  /** Org-unit paths the caller may act on for this route's permission; null when unrestricted by unit. */
  scope: string[] | null;
}

export interface RequestWithAccess {
  access?: AccessContext;
}

/** The access decision of the current request; only on routes that are not `@Public()`. */
export const Access = createParamDecorator((_data: unknown, context: ExecutionContext): AccessContext => {
  const access = context.switchToHttp().getRequest<RequestWithAccess>().access;
  if (!access) throw new Error('@Access() used on a route that has no access decision');
  return access;
});
