import rule from '../../../../server/src/core/rules/dockerfile/no-latest-tag';
import { runRuleTests } from '../../../helpers/ruleTester';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'tagged', filename, code: 'FROM python:3.12-slim\n' },
    { name: 'digest', filename, code: 'FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'ARG-driven tag', filename, code: 'ARG V=latest\nFROM node:${V}\n' },
    { name: 'stage used as base', filename, code: 'FROM node:20 AS base\nFROM base\n' },
    { name: 'scratch', filename, code: 'FROM golang:1.22 AS b\nFROM scratch\n' },
    { name: 'registry with port', filename, code: 'FROM localhost:5000/app:1.0\n' },
  ],
  invalid: [
    {
      name: ':latest points at the tag',
      filename,
      code: 'FROM --platform=linux/amd64 node:latest AS build\n',
      errors: [{ messageId: 'latest', line: 1, column: 34, endLine: 1, endColumn: 40, severity: 'warning' }],
    },
    {
      name: 'untagged points at the name',
      filename,
      code: 'FROM public.ecr.aws/docker/library/python\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 42, message: /no tag, so Docker uses :latest/ }],
    },
    {
      name: 'a name that is a later stage is an image',
      filename,
      code: 'FROM app\nFROM alpine:3 AS app\n',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 9 }],
    },
  ],
});
