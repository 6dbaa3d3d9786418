import rule from '../../../../server/src/core/rules/dockerfile/no-root-user';
import { runRuleTests } from '../../../helpers/ruleTester';
import { samTemplate } from './fixtures';

const filename = 'Dockerfile';

runRuleTests(rule, {
  valid: [
    { name: 'non-root user', filename, code: 'FROM node:20\nUSER node\nCMD ["node"]\n' },
    { name: 'root only in a build stage', filename, code: 'FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.20\nUSER 1000:1000\n' },
    { name: 'Lambda base image', filename, code: 'FROM public.ecr.aws/lambda/python:3.12\nCMD ["app.handler"]\n' },
    { name: 'image run by a Lambda function', filename: 'hello/Dockerfile', workspace: [samTemplate()], code: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "awslambdaric"]\n' },
    { name: 'user inherited from an earlier stage', filename, code: 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node"]\n' },
    { name: 'non-root base image', filename, code: 'FROM gcr.io/distroless/static:nonroot\n' },
    { name: 'Windows Server Core image: no root user on Windows', filename, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD ["app.exe"]\n' },
    { name: '.NET Framework image on Windows', filename, code: 'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019\nCOPY . /inetpub/wwwroot\n' },
    { name: 'nanoserver tag', filename, code: 'FROM mcr.microsoft.com/powershell:lts-nanoserver-1809\n' },
    { name: 'Windows platform flag', filename, code: 'FROM --platform=windows/amd64 example.com/app-base:3\n' },
    { name: 'user from a variable', filename, code: 'ARG U=app\nFROM alpine:3.20\nARG U\nUSER $U\n' },
  ],
  invalid: [
    {
      name: 'no USER',
      filename,
      code: 'FROM node:20\nCMD ["node"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 13, severity: 'warning', message: /base image node:20/ }],
    },
    {
      name: 'a Linux image from Microsoft is judged',
      filename,
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 41 }],
    },
    {
      name: 'last USER is root',
      filename,
      code: 'FROM alpine:3.20\nUSER app\nRUN true\nUSER root\n',
      errors: [{ messageId: 'rootUser', line: 4, column: 6, endLine: 4, endColumn: 10 }],
    },
    {
      name: 'uid 0 with group',
      filename,
      code: 'FROM alpine:3.20\nUSER 0:0\n',
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endLine: 2, endColumn: 9 }],
    },
    {
      name: 'final stage built on a stage without USER',
      filename,
      code: 'FROM python:3.12 AS base\nRUN pip install x\nFROM base\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 17 }],
    },
  ],
});
