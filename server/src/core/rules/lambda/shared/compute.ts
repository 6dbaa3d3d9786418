import { eitherComputeBounds, LAMBDA_COMPUTE_LIMITS, type Bounds, type LambdaComputeLimits } from '../../../facts/lambda';
import type { LambdaFunction } from '../../../model/lambda';

/**
 * The bounds a function is held to, by its compute type, and the name of that compute type for messages. When
 * the type is unknown (a CapacityProviderConfig given by an intrinsic function), only what is wrong for every
 * compute type is reported.
 */
export function boundsFor(fn: LambdaFunction, pick: (l: LambdaComputeLimits) => Bounds): Bounds & { readonly compute: string } {
  if (fn.computeType === 'unknown') return { ...eitherComputeBounds(pick), compute: 'Lambda' };
  const limits = LAMBDA_COMPUTE_LIMITS[fn.computeType];
  return { ...pick(limits), compute: limits.label };
}
