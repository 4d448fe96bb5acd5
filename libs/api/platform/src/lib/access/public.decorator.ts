import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'border-academy:public-route';

/** Marks a controller or route as open to anonymous callers; everything else needs an identity. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
