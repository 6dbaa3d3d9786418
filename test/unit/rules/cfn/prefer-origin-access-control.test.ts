import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint, prepare } from '../../../../server/src/core/analyze';
import rule from '../../../../server/src/core/rules/cfn/prefer-origin-access-control';
import { applyEdits, runRuleTests, ruleFindings, type InvalidCase } from '../../../helpers/ruleTester';
import { distribution } from './s3shapes';
import { TF_NEW_OAC, alignedOrigin } from './tfwebshapes';

const SUB_PRINCIPAL = "AWS: !Sub 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${Oai}'";
const CANONICAL_PRINCIPAL = 'CanonicalUser: !GetAtt Oai.S3CanonicalUserId';
const ORIGIN_OAI = "OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/${Oai}'";

/** A bucket served through an OAI, its policy granting the OAI; the parts a case changes are parameters. */
const site = ({ principal = SUB_PRINCIPAL, statements = '', resources = '', distribution = '', originOai = ORIGIN_OAI } = {}) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  SiteBucket:
    Type: AWS::S3::Bucket
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref SiteBucket
      PolicyDocument:
        Statement:
          - Sid: AllowOai
            Effect: Allow
            Principal:
              ${principal}
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'${statements}
  Oai:
    Type: AWS::CloudFront::CloudFrontOriginAccessIdentity
    Properties:
      CloudFrontOriginAccessIdentityConfig:
        Comment: site${resources}
  Distribution:
    Type: AWS::CloudFront::Distribution${distribution}
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: site
            DomainName: !GetAtt SiteBucket.RegionalDomainName
            S3OriginConfig:
              ${originOai}
`;

/** The statement the fix adds, for the OAI statement above. */
const NEW_STATEMENT = `
          - Sid: AllowCloudFrontServicePrincipal
            Effect: Allow
            Principal:
              Service: cloudfront.amazonaws.com
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
            Condition:
              ArnLike:
                AWS:SourceArn: !Sub 'arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/*'`;

const NEW_OAC = `
  SiteBucketOriginAccessControl:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: !Sub '\${AWS::StackName}-SiteBucket'
        OriginAccessControlOriginType: s3
        SigningBehavior: always
        SigningProtocol: sigv4`;

/** The migrated origin, using the OAC `oac`. */
const migratedOrigin = (oac: string) => `            DomainName: !GetAtt SiteBucket.RegionalDomainName
            OriginAccessControlId: !GetAtt ${oac}.Id
            S3OriginConfig:
              OriginAccessIdentity: ''`;

const migrated = ({ principal = SUB_PRINCIPAL, statements = NEW_STATEMENT, resources = NEW_OAC, distribution = '\n    DependsOn: SiteBucketPolicy', oac = 'SiteBucketOriginAccessControl' } = {}) =>
  site({ principal, statements, resources, distribution }).replace(
    `            DomainName: !GetAtt SiteBucket.RegionalDomainName\n            S3OriginConfig:\n              ${ORIGIN_OAI}`,
    migratedOrigin(oac),
  );

/** An OAC already in the template, fit for S3 origins. */
const EXISTING_OAC = `
  SharedOac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties:
      OriginAccessControlConfig:
        Name: shared
        OriginAccessControlOriginType: s3
        SigningBehavior: always
        SigningProtocol: sigv4`;

/** A grant to cloudfront.amazonaws.com for this distribution, already in the policy. */
const EXISTING_GRANT = `
          - Effect: Allow
            Principal: { Service: cloudfront.amazonaws.com }
            Action: s3:GetObject
            Resource: !Sub '\${SiteBucket.Arn}/*'
            Condition:
              StringEquals:
                AWS:SourceArn: !Sub 'arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${Distribution}'`;

const LEGACY = { messageId: 'legacyOai', line: 31, column: 37, endLine: 31, endColumn: 84, severity: 'info' } as const;

const json = (statementExtra = '', dependsOn = '"DependsOn": "Oai",') => `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Bucket": { "Type": "AWS::S3::Bucket" },
    "BucketPolicy": {
      "Type": "AWS::S3::BucketPolicy",
      "Properties": {
        "Bucket": { "Ref": "Bucket" },
        "PolicyDocument": {
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "CanonicalUser": { "Fn::GetAtt": ["Oai", "S3CanonicalUserId"] } },
              "Action": ["s3:GetObject"],
              "Resource": {
                "Fn::Join": ["", [{ "Fn::GetAtt": ["Bucket", "Arn"] }, "/*"]]
              }
            }${statementExtra}
          ]
        }
      }
    },
    "Oai": {
      "Type": "AWS::CloudFront::CloudFrontOriginAccessIdentity",
      "Properties": { "CloudFrontOriginAccessIdentityConfig": { "Comment": "site" } }
    },
    "Distribution": {
      "Type": "AWS::CloudFront::Distribution",
      ${dependsOn}
      "Properties": {
        "DistributionConfig": {
          "Enabled": true,
          "Origins": [
            {
              "Id": "s3",
              "DomainName": { "Fn::GetAtt": ["Bucket", "RegionalDomainName"] },
              "S3OriginConfig": { "OriginAccessIdentity": { "Fn::Sub": "origin-access-identity/cloudfront/\${Oai}" } }
            }
          ]
        }
      }
    }
  }
}`;

const jsonMigrated = json(
  `,
            {
              "Sid": "AllowCloudFrontServicePrincipal",
              "Effect": "Allow",
              "Principal": {
                "Service": "cloudfront.amazonaws.com"
              },
              "Action": ["s3:GetObject"],
              "Resource": {
                "Fn::Join": ["", [{ "Fn::GetAtt": ["Bucket", "Arn"] }, "/*"]]
              },
              "Condition": {
                "ArnLike": {
                  "AWS:SourceArn": { "Fn::Sub": "arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/*" }
                }
              }
            }`,
  '"DependsOn": ["Oai", "BucketPolicy"],',
)
  .replace(
    '    "Distribution": {\n',
    `    "BucketOriginAccessControl": {
      "Type": "AWS::CloudFront::OriginAccessControl",
      "Properties": {
        "OriginAccessControlConfig": {
          "Name": { "Fn::Sub": "\${AWS::StackName}-Bucket" },
          "OriginAccessControlOriginType": "s3",
          "SigningBehavior": "always",
          "SigningProtocol": "sigv4"
        }
      }
    },
    "Distribution": {\n`,
  )
  .replace(
    `              "S3OriginConfig": { "OriginAccessIdentity": { "Fn::Sub": "origin-access-identity/cloudfront/\${Oai}" } }`,
    `              "OriginAccessControlId": { "Fn::GetAtt": ["BucketOriginAccessControl", "Id"] },
              "S3OriginConfig": { "OriginAccessIdentity": "" }`,
  );

const invalid: InvalidCase[] = [
  {
    name: 'no bucket policy in the template: reported, no fix',
    code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig:\n              OriginAccessIdentity: !Sub 'origin-access-identity/cloudfront/${Oai}'"),
    errors: [{ messageId: 'legacyOai', line: 14, column: 37, endLine: 14, endColumn: 84, severity: 'info' }],
  },
  {
    name: 'OAI granted by a Sub ARN principal: OAC added, origin switched, statement added beside the OAI one, policy first',
    code: site(),
    errors: [LEGACY],
    output: migrated(),
  },
  {
    name: 'OAI granted by CanonicalUser, DependsOn already a name: it becomes a list',
    code: site({ principal: CANONICAL_PRINCIPAL, distribution: '\n    DependsOn: Oai' }),
    errors: [{ ...LEGACY, line: 32, endLine: 32 }],
    output: migrated({ principal: CANONICAL_PRINCIPAL, distribution: '\n    DependsOn: [Oai, SiteBucketPolicy]' }),
  },
  {
    name: 'a block DependsOn list gets one more item',
    code: site({ distribution: '\n    DependsOn:\n      - Oai' }),
    errors: [{ ...LEGACY, line: 33, endLine: 33 }],
    output: migrated({ distribution: '\n    DependsOn:\n      - Oai\n      - SiteBucketPolicy' }),
  },
  {
    name: 'an S3 OAC in the template is reused, not duplicated',
    code: site({ resources: EXISTING_OAC }),
    errors: [{ ...LEGACY, line: 39, endLine: 39 }],
    output: migrated({ resources: EXISTING_OAC, oac: 'SharedOac' }),
  },
  {
    name: 'an OAC for another origin type is not reused',
    code: site({ resources: EXISTING_OAC.replace('OriginAccessControlOriginType: s3', 'OriginAccessControlOriginType: mediastore') }),
    errors: [{ ...LEGACY, line: 39, endLine: 39 }],
    output: migrated({ resources: EXISTING_OAC.replace('OriginAccessControlOriginType: s3', 'OriginAccessControlOriginType: mediastore') + NEW_OAC }),
  },
  {
    name: 'the grant to cloudfront.amazonaws.com for this distribution is already there: no second one (and no DependsOn, which would be circular)',
    code: site({ statements: EXISTING_GRANT }),
    errors: [{ ...LEGACY, line: 38, endLine: 38 }],
    output: migrated({ statements: EXISTING_GRANT, distribution: '' }),
  },
  {
    name: 'a literal OAI id granted by its literal ARN',
    code: site({
      principal: "AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL'",
      originOai: 'OriginAccessIdentity: origin-access-identity/cloudfront/E2QWRUHAPOMQZL',
    }),
    errors: [{ ...LEGACY, endColumn: 85 }],
    output: migrated({ principal: "AWS: 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL'" }),
  },
  {
    name: 'OAI granted by a Join ARN principal, origin OAI by Join',
    code: site({
      principal: "AWS: !Join ['', ['arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ', !Ref Oai]]",
      originOai: "OriginAccessIdentity: !Join ['', ['origin-access-identity/cloudfront/', !Ref Oai]]",
    }),
    errors: [{ ...LEGACY, endColumn: 97 }],
    output: migrated({ principal: "AWS: !Join ['', ['arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ', !Ref Oai]]" }),
  },
  {
    name: 'CRLF line breaks are kept',
    code: site().replace(/\n/g, '\r\n'),
    errors: [LEGACY],
    output: migrated().replace(/\n/g, '\r\n'),
  },
  {
    name: 'the policy grants another OAI: no fix',
    code: site({ principal: "AWS: !Sub 'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${OtherOai}'", resources: '\n  OtherOai:\n    Type: AWS::CloudFront::CloudFrontOriginAccessIdentity\n    Properties:\n      CloudFrontOriginAccessIdentityConfig:\n        Comment: other' }),
    errors: [{ ...LEGACY, line: 36, endLine: 36 }],
  },
  {
    name: 'the Statement is not a literal list: no fix',
    code: site().replace(
      "        Statement:\n          - Sid: AllowOai\n            Effect: Allow\n            Principal:\n              " + SUB_PRINCIPAL + "\n            Action: s3:GetObject\n            Resource: !Sub '${SiteBucket.Arn}/*'",
      "        Statement: !If\n          - Always\n          - - Effect: Allow\n          - !Ref AWS::NoValue",
    ),
    errors: [{ ...LEGACY, line: 28, endLine: 28 }],
  },
  {
    name: 'the bucket policy is conditional: no fix (DependsOn could name a resource that is not created)',
    code: site().replace('    Type: AWS::S3::BucketPolicy\n', '    Type: AWS::S3::BucketPolicy\n    Condition: Always\n'),
    errors: [{ ...LEGACY, line: 32, endLine: 32 }],
  },
  {
    name: 'JSON: CanonicalUser grant, Action list, multi-line Resource; long-form intrinsics and "" in the output',
    filename: 'template.json',
    code: json(),
    errors: [{ messageId: 'legacyOai', line: 37, column: 59, endLine: 37, endColumn: 116, severity: 'info' }],
    output: jsonMigrated,
  },
];

/** Terraform: a bucket whose policy document grants the OAI (and `grant`), and a distribution reading it through the OAI. */
const tfBucketFile = (grant = '') => `resource "aws_s3_bucket" "site" {
  bucket = "my-site"
}

data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = [aws_cloudfront_origin_access_identity.site.iam_arn]
    }
  }${grant}
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`;
const TF_OAI_ORIGIN = `    s3_origin_config {
      origin_access_identity = aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path
    }`;
const tfCdnFile = (originAccess = TF_OAI_ORIGIN, extra = '') => `resource "aws_cloudfront_origin_access_identity" "site" {}
${extra}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true

  origin {
    origin_id   = "site"
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
${originAccess}
  }
}
`;
/** The grant to cloudfront.amazonaws.com for this distribution, which must be in place before the origin switches. */
const TF_GRANT = `
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.cdn.arn]
    }
  }`;
const tfMigrated = (oac: string) => `    origin_access_control_id = aws_cloudfront_origin_access_control.${oac}.id
    s3_origin_config {
      origin_access_identity = ""
    }`;
const TF_SHARED_OAC = `
resource "aws_cloudfront_origin_access_control" "shared" {
  name                              = "shared"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}
`;
const TF_LEGACY = { messageId: 'legacyOai', line: 10, column: 32, endLine: 10, endColumn: 106, severity: 'info' } as const;

invalid.push(
  {
    name: 'Terraform: the bucket policy (another file) already grants the distribution: a new OAC after the distribution',
    filename: 'cdn.tf',
    code: tfCdnFile(),
    workspace: [{ filename: 'bucket.tf', code: tfBucketFile(TF_GRANT) }],
    errors: [TF_LEGACY],
    output: alignedOrigin(tfCdnFile(tfMigrated('site'))) + TF_NEW_OAC,
  },
  {
    name: "Terraform: an OAC of the module that any S3 origin can use is reused",
    filename: 'cdn.tf',
    code: tfCdnFile(TF_OAI_ORIGIN, TF_SHARED_OAC),
    workspace: [{ filename: 'bucket.tf', code: tfBucketFile(TF_GRANT) }],
    errors: [{ ...TF_LEGACY, line: 17, endLine: 17 }],
    output: alignedOrigin(tfCdnFile(tfMigrated('shared'), TF_SHARED_OAC)),
  },
  {
    name: 'Terraform: no fix while the bucket policy grants only the OAI (the switch would answer 403 until the policy changes)',
    filename: 'cdn.tf',
    code: tfCdnFile(),
    workspace: [{ filename: 'bucket.tf', code: tfBucketFile() }],
    errors: [TF_LEGACY],
  },
  {
    name: 'Terraform: no fix in .tf.json',
    filename: 'cdn.tf.json',
    code: '{\n  "resource": {\n    "aws_cloudfront_distribution": {\n      "cdn": {\n        "origin": [{ "origin_id": "site", "domain_name": "my-site.s3.amazonaws.com", "s3_origin_config": { "origin_access_identity": "origin-access-identity/cloudfront/E2ABC" } }]\n      }\n    }\n  }\n}\n',
    workspace: [{ filename: 'bucket.tf', code: tfBucketFile(TF_GRANT) }],
    errors: [{ messageId: 'legacyOai', line: 5, column: 134, endLine: 5, endColumn: 175 }],
  },
);

runRuleTests(rule, {
  valid: [
    { name: 'OAC', code: distribution("            DomainName: !GetAtt Bucket.RegionalDomainName\n            OriginAccessControlId: !GetAtt Oac.Id\n            S3OriginConfig:\n              OriginAccessIdentity: ''") },
    { name: 'no access control is another rule', code: distribution('            DomainName: !GetAtt Bucket.RegionalDomainName\n            S3OriginConfig: {}') },
    { name: 'the migrated template', code: migrated() },
    { name: 'the migrated JSON template', filename: 'template.json', code: jsonMigrated },
    { name: 'Terraform: the migrated distribution', filename: 'cdn.tf', code: tfCdnFile(tfMigrated('site')) + TF_NEW_OAC, workspace: [{ filename: 'bucket.tf', code: tfBucketFile(TF_GRANT) }] },
  ],
  invalid,
});

/** Errors and warnings by rule and message, to compare a template before and after its fix. */
function problems(filename: string, text: string): Set<string> {
  const doc = prepare({ uri: `file:///workspace/${filename}`, text });
  assert.deepEqual(doc.problems, [], `${filename} parses`);
  return new Set(lint(doc).filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`));
}

describe('cfn/prefer-origin-access-control: the migrated template, linted again with every rule', () => {
  for (const c of invalid.filter((c) => c.output !== undefined)) {
    it(c.name!, () => {
      const filename = c.filename ?? 'template.yaml';
      const { findings } = ruleFindings(rule, c);
      assert.match(findings[0]!.fix!.title, /^Migrate origin "\w+" to (a new origin access control|origin access control [\w.]+) \(the OAI grant stays: remove it in a later deploy\)$/);
      const output = applyEdits(c.code, findings.flatMap((f) => f.fix!.edits));
      const before = problems(filename, c.code);
      const after = problems(filename, output);
      assert.deepEqual([...after].filter((p) => !before.has(p)), [], 'no new errors or warnings');
      assert.deepEqual(ruleFindings(rule, { ...c, code: output }).findings, [], 'the origin is no longer reported');
    });
  }
});

describe('cfn/prefer-origin-access-control: no fix unless every piece is certain', () => {
  for (const c of invalid.filter((c) => c.output === undefined)) {
    it(c.name!, () => {
      const { findings } = ruleFindings(rule, c);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.fix, undefined);
    });
  }
});
