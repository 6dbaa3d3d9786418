/**
 * S3 and CloudFront facts the S3/CloudFront rules share.
 * Sources (checked 2026-12-07):
 * - Canned ACLs, by their API names (x-amz-acl) and CloudFormation's AccessControl names:
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl and
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-s3-bucket.html#cfn-s3-bucket-accesscontrol;
 *   Terraform's aws_s3_bucket_acl `acl` takes the API names.
 * - With Object Ownership BucketOwnerEnforced (every new bucket since April 2023) ACLs are disabled: a request that
 *   sets an ACL fails with AccessControlListNotSupported, except the bucket-owner-full-control canned ACL (and
 *   private, which grants the owner alone): https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 * - The ACL grantee group of everyone: https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups
 * - S3 endpoints a CloudFront origin names: REST (`<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3.amazonaws.com`)
 *   and website (`<bucket>.s3-website-<region>.amazonaws.com` or `.s3-website.<region>.`):
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html
 */

/** CloudFormation's AccessControl value → the API's canned ACL name (what Terraform writes). */
export const CFN_CANNED_ACLS: Readonly<Record<string, string>> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  AwsExecRead: 'aws-exec-read',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  LogDeliveryWrite: 'log-delivery-write',
};

/** Canned ACLs (API names) that still work with ACLs disabled (Object Ownership BucketOwnerEnforced). */
export const CANNED_ACLS_WITHOUT_ACLS: ReadonlySet<string> = new Set(['private', 'bucket-owner-full-control']);

/** Canned ACLs (API names) that let anyone read (or write) the bucket. */
export const PUBLIC_CANNED_ACLS: ReadonlySet<string> = new Set(['public-read', 'public-read-write']);

/** The ACL grantee URI of everyone (the AllUsers group). */
export const ALL_USERS_GRANTEE = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** The Object Ownership setting that disables ACLs. */
export const ACLS_DISABLED_OWNERSHIP = 'BucketOwnerEnforced';

/** The service principal CloudFront signs origin requests as, with an origin access control. */
export const CLOUDFRONT_SERVICE_PRINCIPAL = 'cloudfront.amazonaws.com';

/** Condition keys that tie a service principal's grant to one caller (case-insensitive). */
export const SOURCE_SCOPING_KEYS: ReadonlySet<string> = new Set(['aws:sourcearn', 'aws:sourceaccount']);
