#!/usr/bin/env node
// Lints every BPMN model in ../../processes with bpmnlint's recommended rules.
//
// Models are parsed with bpmn-moddle plus the Camunda 7 descriptor from
// camunda-bpmn-moddle, so camunda:* attributes and extension elements are
// understood. Any moddle import warning (unknown element or attribute,
// unresolved reference) counts as an error.
//
// Exit code: 0 when every file is clean, 1 on any error or warning.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

const { Linter } = bpmnlint;

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const processesDir = resolve(here, '../../processes');
const repoRoot = resolve(here, '../..');

const camundaDescriptor = JSON.parse(
  readFileSync(require.resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8')
);

const config = JSON.parse(readFileSync(join(here, '.bpmnlintrc'), 'utf8'));

// resolve rules and configs from this folder, whatever the working directory
const resolver = new NodeResolver({ require });

const FAILING = new Set([ 'error', 'warn', 'rule-error' ]);

function firstLine(text) {
  return String(text).split('\n')[0];
}

function importFindings(warnings) {
  return warnings.map((warning) => ({
    id: warning.element?.id ?? '',
    rule: 'moddle-import',
    category: 'error',
    message: 'import warning: ' + firstLine(warning.message)
  }));
}

async function lintFile(file) {
  const xml = readFileSync(file, 'utf8');
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });

  let rootElement;
  let warnings;

  try {
    ({ rootElement, warnings = [] } = await moddle.fromXML(xml, 'bpmn:Definitions'));
  } catch (err) {
    return [
      ...importFindings(err.warnings || []),
      { id: '', rule: 'moddle-import', category: 'error', message: 'parse error: ' + firstLine(err.message) }
    ];
  }

  const findings = importFindings(warnings);

  // a fresh Linter per file: some rules keep state between runs
  // (e.g. no-duplicate-sequence-flows), which would leak across files
  const linter = new Linter({ config, resolver });

  const results = await linter.lint(rootElement);

  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports) {
      const where = report.path ? ` (at ${report.path.join('.')})` : '';

      findings.push({
        id: report.id ?? '',
        rule,
        category: report.category,
        message: report.message + where
      });
    }
  }

  return findings;
}

const files = readdirSync(processesDir)
  .filter((name) => name.endsWith('.bpmn'))
  .sort()
  .map((name) => join(processesDir, name));

if (!files.length) {
  console.error(`no .bpmn files found in ${processesDir}`);
  process.exit(1);
}

let failures = 0;

for (const file of files) {
  const name = relative(repoRoot, file);
  const findings = await lintFile(file);

  if (!findings.length) {
    console.log(`ok    ${name}`);
    continue;
  }

  for (const { id, rule, category, message } of findings) {
    if (FAILING.has(category)) {
      failures++;
    }

    const label = category === 'warn' ? 'warning' : category;

    console.log(`${label.padEnd(7)} ${name}  ${id || '-'}  ${rule}  ${message}`);
  }
}

if (failures) {
  console.log(`\nbpmnlint: ${failures} problem(s) in ${files.length} file(s)`);
  process.exit(1);
}

console.log(`\nbpmnlint: ${files.length} file(s) clean`);
