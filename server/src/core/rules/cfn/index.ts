import type { Rule } from '../types';
import noCircularDependency from './no-circular-dependency';
import noPublicBucketBehindCloudfront from './no-public-bucket-behind-cloudfront';
import validGetattAttribute from './valid-getatt-attribute';
import validReferences from './valid-references';

export const CFN_RULES: readonly Rule[] = [validReferences, validGetattAttribute, noCircularDependency, noPublicBucketBehindCloudfront];
