import type { Rule } from '../types';
import noCircularDependency from './no-circular-dependency';
import noPublicBucketBehindCloudfront from './no-public-bucket-behind-cloudfront';
import preferOriginAccessControl from './prefer-origin-access-control';
import preferS3RestOrigin from './prefer-s3-rest-origin';
import requireCloudfrontSourceCondition from './require-cloudfront-source-condition';
import requireListenerCertificate from './require-listener-certificate';
import requireOwnershipControlsForAcl from './require-ownership-controls-for-acl';
import requireS3OriginAccessControl from './require-s3-origin-access-control';
import requireSamTransform from './require-sam-transform';
import validAlbSubnets from './valid-alb-subnets';
import validGetattAttribute from './valid-getatt-attribute';
import validListenerProtocol from './valid-listener-protocol';
import validReferences from './valid-references';
import validResourceProperties from './valid-resource-properties';

export const CFN_RULES: readonly Rule[] = [
  validReferences,
  validGetattAttribute,
  noCircularDependency,
  noPublicBucketBehindCloudfront,
  requireS3OriginAccessControl,
  requireCloudfrontSourceCondition,
  preferOriginAccessControl,
  preferS3RestOrigin,
  requireOwnershipControlsForAcl,
  requireListenerCertificate,
  validAlbSubnets,
  validListenerProtocol,
  validResourceProperties,
  requireSamTransform,
];
