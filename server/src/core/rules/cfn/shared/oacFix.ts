/**
 * The origin access control resource that the fixes putting an S3 origin behind CloudFront add. Shared by
 * cfn/no-public-bucket-behind-cloudfront and cfn/prefer-origin-access-control; the edits that write it are
 * fix/structuredEdits.ts (templates) and terraformWebFixes.ts (Terraform). Pure.
 */
import { Fn, Obj } from '../../../fix/structuredEdits';
import type { S3Origin } from '../../../model/cloudfront';

/** The Sid of the grant to cloudfront.amazonaws.com that the fixes write. */
export const MIGRATION_SID = 'AllowCloudFrontServicePrincipal';

export function migrationTitle(origin: S3Origin, reused: string | undefined): string {
  return `Migrate origin ${origin.label} to ${reused ? `origin access control ${reused}` : 'a new origin access control'} (the OAI grant stays: remove it in a later deploy)`;
}

/** The AWS::CloudFront::OriginAccessControl for an S3 bucket: sigv4, signing always. */
export function oacResource(bucketId: string): Obj {
  return new Obj([
    ['Type', 'AWS::CloudFront::OriginAccessControl'],
    [
      'Properties',
      new Obj([
        [
          'OriginAccessControlConfig',
          new Obj([
            ['Name', Fn.sub(`\${AWS::StackName}-${bucketId}`)],
            ['OriginAccessControlOriginType', 's3'],
            ['SigningBehavior', 'always'],
            ['SigningProtocol', 'sigv4'],
          ]),
        ],
      ]),
    ],
  ]);
}
