/**
 * CloudFormation template facts shared by the reference graph, the rules and completion.
 * Source: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
 * (checked 2026-11-23).
 */

/** The pseudo parameters a `Ref` (or `${…}` in Sub) may name besides parameters and resources. */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;
