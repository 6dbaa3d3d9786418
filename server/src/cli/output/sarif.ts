/**
 * SARIF 2.1.0 output (validated against the OASIS schema in test/cli). One run; tool.driver lists every
 * registered rule (the CLI's and the engine's own findings are front-end rules); results point at files relative
 * to %SRCROOT% (the current folder) with 1-based regions whose columns are UTF-16 code units and whose endColumn
 * is exclusive.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { severitiesOf } from '../../core/rules/defineRule';
import { RULES } from '../../core/rules/index';
import type { Severity } from '../../core/config/severity';
import type { CliFinding } from '../lint';

export interface SarifContext {
  readonly cwd: string;
  readonly version: string;
  readonly informationUri: string;
}

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  /** Only for a rule whose findings' severity depends on the case (each result carries its own level). */
  fullDescription?: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' | 'none'; enabled?: boolean };
}

export function formatSarif(findings: readonly CliFinding[], context: SarifContext): string {
  const rules: RuleDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.docs.summary },
    ...(severitiesOf(rule).length > 1 && { fullDescription: { text: `${rule.docs.summary}. The level depends on the case: ${severitiesOf(rule).map(level).join(', ')}.` } }),
    helpUri: rule.docsUrl,
    defaultConfiguration: rule.docs.enabledByDefault === false ? { level: level(rule.severity), enabled: false } : { level: level(rule.severity) },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Only a rule a caller passed in itself (tests) is not registered.
  for (const f of findings) {
    if (ruleIndex.has(f.ruleId)) continue;
    ruleIndex.set(f.ruleId, rules.length);
    rules.push({ id: f.ruleId, shortDescription: { text: f.ruleId }, helpUri: f.docsUrl, defaultConfiguration: { level: level(f.severity) } });
  }

  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.absolute, context.cwd),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        // CDK output: the construct is the logical location, the app's line that created it a related one.
        ...(f.construct && { logicalLocations: [{ fullyQualifiedName: f.construct.path, kind: 'resource' }] }),
      },
    ],
    ...(f.construct?.source && {
      relatedLocations: [
        {
          id: 1,
          message: { text: `The CDK app creates the construct ${f.construct.path} here.` },
          physicalLocation: {
            artifactLocation: artifactLocation(f.construct.source.absolute, context.cwd),
            region: { startLine: f.construct.source.line, startColumn: f.construct.source.column },
          },
        },
      ],
    }),
  }));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'berth',
            version: context.version,
            semanticVersion: context.version,
            informationUri: context.informationUri,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function artifactLocation(absolute: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
