import type { Finding } from '../core/types';
import { JOB_SCRIPT_RULES, ruleDocsUrl } from '../rules';
import { WORKFLOW_RULES } from '../workflow/rules';

/** A finding as the CLI reports it: 1-based positions. */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

export function toCliFinding(file: string, f: Finding): CliFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  };
}

/** `file:line:col: severity message [code]` lines and a closing count. */
export function formatText(findings: CliFinding[], files: number): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.code}]`);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`${files} file${files === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} notes`);
  return lines.join('\n') + '\n';
}

export function formatJson(findings: CliFinding[]): string {
  return JSON.stringify(findings, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning dashboards in CI. */
export function formatSarif(findings: CliFinding[], version: string): string {
  const rules = [...JOB_SCRIPT_RULES, ...WORKFLOW_RULES].map((r) => ({ id: r.meta.id, shortDescription: { text: r.meta.description }, helpUri: ruleDocsUrl(r.meta.id), defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] } }));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'hpcw', version, informationUri: 'https://github.com/hpc-workflows/vscode-hpc-workflows', rules } },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('\\').join('/') }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
