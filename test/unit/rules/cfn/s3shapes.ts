/** A template with one bucket and one distribution origin, for the S3/CloudFront rule tests. */
export const distribution = (origin: string, extra = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: s3
${origin}
${extra}`;
