/** Terraform shapes for the S3/CloudFront rule tests: a bucket (in its own file) and a distribution with one origin. */

/** bucket.tf: aws_s3_bucket.site named my-site, and what else the case adds (policy, ACL, …). */
export const tfBucket = (extra = '') => `resource "aws_s3_bucket" "site" {
  bucket = "my-site"
}
${extra}`;

/** cdn.tf: a distribution whose one origin (id "site") is written by the case; the origin block opens on line 4. */
export const tfDistribution = (origin: string, extra = '') => `resource "aws_cloudfront_distribution" "cdn" {
  enabled = true

  origin {
    origin_id   = "site"
${origin}
  }
}
${extra}`;

export const REST_DOMAIN = '    domain_name = aws_s3_bucket.site.bucket_regional_domain_name';

/** A bucket policy in jsonencode() with one statement whose principal (and more) the case writes. */
export const tfJsonencodePolicy = (statement: string) => `
resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
${statement}
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`;

/** What the fixes add: the origin access control after the distribution, and the origin's setting. */
export const TF_NEW_OAC = `
resource "aws_cloudfront_origin_access_control" "site" {
  name                              = aws_s3_bucket.site.bucket
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}
`;
export const TF_ORIGIN_OAC = '\n    origin_access_control_id = aws_cloudfront_origin_access_control.site.id';

/** What terraform fmt makes of the origin once origin_access_control_id joins the run of origin_id and domain_name. */
export const alignedOrigin = (text: string) =>
  text.replace('    origin_id   = "site"\n    domain_name = ', '    origin_id                = "site"\n    domain_name              = ');
