// Parses the source tree for architecture.test.ts: imports, process.env reads and database dialect
// tests, found with the TypeScript parser (syntax only, no type-checking), and the import graph's cycles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE_DIRS = ['domain', 'contracts', 'server', 'web/src'];

export interface Import {
  specifier: string;
  line: number;
  /** The source line it is on, trimmed. */
  code: string;
  /** Root-relative path for a relative specifier (a source file if one matches), null for a package. */
  target: string | null;
  /** True when target is one of the scanned source files (an edge of the import graph). */
  internal: boolean;
}

/** A finding in the code: where, and the (whitespace-collapsed) expression found there. */
export interface Hit {
  line: number;
  text: string;
}

export interface SourceFile {
  path: string; // root-relative, forward slashes
  lines: number;
  imports: Import[];
  envReads: Hit[];
  dialectTests: Hit[];
}

export const isTestFile = (p: string) => /\.test\.tsx?$/.test(p) || p.startsWith('server/test/');

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(rel, out);
    } else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
}

export function countLines(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

function resolve(from: string, specifier: string, files: Set<string>): { target: string; internal: boolean } {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/[?#].*$/, '')));
  const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  const candidates = [
    base,
    ...(stem !== base ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`] : []),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.d.ts`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  const hit = candidates.find((c) => files.has(c));
  return hit ? { target: hit, internal: true } : { target: base, internal: false };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const DIALECT_LITERAL = /^(postgres|sqlite)$/;
const isDialectLiteral = (n: ts.Node) =>
  (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && DIALECT_LITERAL.test(n.text);
const isDialectName = (n: ts.Node) =>
  (ts.isIdentifier(n) && n.text === 'dialect') ||
  (ts.isPropertyAccessExpression(n) && n.name.text === 'dialect');
const isProcess = (n: ts.Node) =>
  (ts.isIdentifier(n) && n.text === 'process') ||
  (ts.isPropertyAccessExpression(n) && n.name.text === 'process' && ts.isIdentifier(n.expression));
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const ADAPTER = /^(Postgres|Sqlite)(Adapter|Dialect|Driver)$/;

// Only files mentioning one of these are parsed into a syntax tree (imports need no tree).
const MAY_READ_ENV = /\bprocess\b/;
const MAY_TEST_DIALECT = /dialect|postgres|sqlite|isPostgres|(Postgres|Sqlite)(Adapter|Dialect|Driver)/;

function parse(path: string, text: string, files: Set<string>): SourceFile {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const codeAt = (line: number) => text.slice(lineStarts[line - 1], lineStarts[line] ?? text.length).trim();

  // static imports, import type, export … from, import('…') (also in types), require: all of them
  const imports: Import[] = ts.preProcessFile(text, true, true).importedFiles.map(({ fileName, pos }) => {
    const relative = fileName.startsWith('.') || fileName.startsWith('/');
    const r = relative ? resolve(path, fileName, files) : null;
    const line = lineAt(pos);
    return {
      specifier: fileName,
      line,
      code: codeAt(line),
      target: r?.target ?? null,
      internal: r?.internal ?? false,
    };
  });

  const envReads: Hit[] = [];
  const dialectTests: Hit[] = [];
  const mayReadEnv = MAY_READ_ENV.test(text);
  const mayTestDialect = MAY_TEST_DIALECT.test(text);
  if (mayReadEnv || mayTestDialect) {
    const sf = ts.createSourceFile(
      path,
      text,
      ts.ScriptTarget.Latest,
      true,
      path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const hit = (n: ts.Node, shown: string = n.getText(sf)): Hit => ({
      line: lineAt(n.getStart(sf)),
      text: oneLine(shown),
    });
    const visit = (n: ts.Node): void => {
      if (mayReadEnv) {
        if (ts.isPropertyAccessExpression(n) && n.name.text === 'env' && isProcess(n.expression)) {
          // process.env.X reads X: show that; process.env alone (spread, passed on) is shown as is
          envReads.push(
            hit(ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n ? n.parent : n),
          );
        } else if (
          ts.isElementAccessExpression(n) &&
          isProcess(n.expression) &&
          ts.isStringLiteralLike(n.argumentExpression) &&
          n.argumentExpression.text === 'env'
        ) {
          envReads.push(hit(n));
        } else if (
          ts.isVariableDeclaration(n) &&
          n.initializer &&
          isProcess(n.initializer) &&
          ts.isObjectBindingPattern(n.name) &&
          n.name.elements.some((e) => (e.propertyName ?? e.name).getText(sf) === 'env')
        ) {
          envReads.push(hit(n)); // const { env } = process
        } else if (
          ts.isImportDeclaration(n) &&
          ts.isStringLiteral(n.moduleSpecifier) &&
          /^(node:)?process$/.test(n.moduleSpecifier.text) &&
          n.importClause?.namedBindings &&
          ts.isNamedImports(n.importClause.namedBindings) &&
          n.importClause.namedBindings.elements.some((e) => (e.propertyName ?? e.name).text === 'env')
        ) {
          envReads.push(hit(n)); // import { env } from 'node:process'
        }
      }
      if (mayTestDialect) {
        if (ts.isBinaryExpression(n)) {
          const op = n.operatorToken.kind;
          if (
            (EQUALITY.has(op) && [n.left, n.right].some((s) => isDialectLiteral(s) || isDialectName(s))) ||
            (op === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(n.right) && ADAPTER.test(n.right.text))
          )
            dialectTests.push(hit(n));
        } else if (ts.isSwitchStatement(n)) {
          if (
            /\bdialect\b/i.test(n.expression.getText(sf)) ||
            n.caseBlock.clauses.some((c) => ts.isCaseClause(c) && isDialectLiteral(c.expression))
          )
            dialectTests.push(hit(n, `switch (${n.expression.getText(sf)})`));
        } else if (
          ts.isCallExpression(n) &&
          ts.isIdentifier(n.expression) &&
          n.expression.text === 'isPostgres'
        ) {
          dialectTests.push(hit(n));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { path, lines: countLines(text), imports, envReads, dialectTests };
}

/** Every .ts/.tsx file under SOURCE_DIRS (tests included), parsed. */
export function loadSources(): SourceFile[] {
  const paths: string[] = [];
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(dir, paths);
  paths.sort();
  const files = new Set(paths);
  return paths.map((p) => parse(p, readFileSync(join(ROOT, p), 'utf8'), files));
}

/**
 * Strongly connected components of the import graph with more than one file (or a file importing
 * itself), each as its sorted member list plus one concrete cycle through its first member.
 */
export function importCycles(sources: SourceFile[]): { members: string[]; cycle: string[] }[] {
  const edges = new Map<string, string[]>();
  for (const s of sources)
    edges.set(s.path, [...new Set(s.imports.filter((i) => i.internal).map((i) => i.target as string))]);
  // Tarjan, iterative (no recursion limits on deep graphs)
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sccs: string[][] = [];
  for (const start of edges.keys()) {
    if (idx.has(start)) continue;
    const work: { v: string; i: number }[] = [{ v: start, i: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const next = edges.get(frame.v) ?? [];
      if (frame.i < next.length) {
        const w = next[frame.i++];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, idx.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.v)!));
      }
      if (low.get(frame.v) === idx.get(frame.v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== frame.v);
        if (scc.length > 1 || (edges.get(frame.v) ?? []).includes(frame.v)) sccs.push(scc.sort());
      }
    }
  }
  return sccs
    .map((members) => {
      // shortest path from the first member back to itself, within the component
      const inScc = new Set(members);
      const from = new Map<string, string>();
      const queue = [members[0]];
      let end: string | undefined;
      while (queue.length && !end) {
        const v = queue.shift()!;
        for (const w of edges.get(v) ?? []) {
          if (!inScc.has(w)) continue;
          if (w === members[0]) {
            end = v;
            break;
          }
          if (!from.has(w)) {
            from.set(w, v);
            queue.push(w);
          }
        }
      }
      const cycle = [members[0]];
      for (let v = end; v && v !== members[0]; v = from.get(v)) cycle.splice(1, 0, v);
      cycle.push(members[0]);
      return { members, cycle };
    })
    .sort((a, b) => a.members[0].localeCompare(b.members[0]));
}
