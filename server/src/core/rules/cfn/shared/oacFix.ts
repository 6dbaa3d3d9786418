/**
 * The origin access control resource that the fixes putting an S3 origin behind CloudFront add. Shared by
 * cfn/no-public-bucket-behind-cloudfront and cfn/prefer-origin-access-control; the edits that write it are
 * fix/structuredEdits.ts. Pure.
 */
import { Fn, Obj } from '../../../fix/structuredEdits';

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
