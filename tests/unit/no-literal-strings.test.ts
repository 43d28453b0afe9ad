// Every word a person reads comes from messages/<locale>/*.json. Two static checks over the source, with the
// TypeScript compiler's own parser (no type checking, so it stays fast):
//  1. no letters in JSX text or in the user-visible attributes of pages and components (a short allowlist for
//     brand, language names and keyboard keys);
//  2. every key a translator is called with (useTranslations/getTranslations('ns') + t('key')) exists in both
//     languages. Keys built at run time (t(`status.${s}`)) cannot be checked one by one: their static prefix must be
//     a message group in both languages, and they are counted so a sudden jump shows.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { NAMESPACES } from '@/i18n/messages'

const root = path.resolve(import.meta.dirname, '../..')

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort()
}

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  return ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, kind)
}

function where(node: ts.Node): string {
  const sf = node.getSourceFile()
  return `${sf.fileName}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Literal strings in JSX

/** Words that are the same in every language: the brand, each language's own name, keys printed on a keyboard, units. */
const ALLOWED = new Set([
  'Handoff',
  'Tiếng Việt',
  'English',
  'Alt',
  'Ctrl',
  'Shift',
  'Enter',
  'Esc',
  'Tab',
  'mm',
  'A4',
  'QR',
  'ID',
  'API',
  'CSV',
  'JSON',
  'OpenAPI',
])

/** Attributes a person reads or hears (screen readers announce labels and titles). */
const VISIBLE_ATTRIBUTE =
  /^(aria-label|aria-description|aria-roledescription|aria-valuetext|aria-placeholder|title|placeholder|alt|label|[a-z]+Label|heading)$/

function hasWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  if (!/\p{L}/u.test(trimmed)) return false
  return !ALLOWED.has(trimmed)
}

/** String pieces of an expression that end up on screen as they are (not keys passed to a function). */
function literalParts(expr: ts.Expression | undefined): ts.Node[] {
  if (!expr) return []
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr]
  if (ts.isTemplateExpression(expr)) return [expr.head, ...expr.templateSpans.map((s) => s.literal)]
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return literalParts(expr.expression)
  if (ts.isConditionalExpression(expr)) return [...literalParts(expr.whenTrue), ...literalParts(expr.whenFalse)]
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
      return [...literalParts(expr.left), ...literalParts(expr.right)]
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalParts(expr.right)
  }
  return []
}

function textOf(node: ts.Node): string {
  if (ts.isJsxText(node)) return node.text
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text
  return ''
}

export function findLiterals(sf: ts.SourceFile): string[] {
  const found: string[] = []
  const report = (node: ts.Node, what: string) => {
    const text = textOf(node)
    if (hasWords(text)) found.push(`${where(node)} ${what} ${JSON.stringify(text.replace(/\s+/g, ' ').trim())}`)
  }
  const visit = (node: ts.Node) => {
    // CSS in a <style> element is not read by anyone.
    if (ts.isJsxElement(node) && ['style', 'script'].includes(node.openingElement.tagName.getText())) return
    if (ts.isJsxText(node)) report(node, 'text')
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const part of literalParts(node.expression)) report(part, 'text')
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTE.test(node.name.getText())) {
      const init = node.initializer
      const parts = !init ? [] : ts.isStringLiteral(init) ? [init] : ts.isJsxExpression(init) ? literalParts(init.expression) : []
      for (const part of parts) report(part, node.name.getText())
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}

/** Shown when the root layout itself failed, so no messages can be loaded: both languages, side by side. */
const BILINGUAL_BY_DESIGN = new Set([path.join('src', 'app', 'global-error.tsx')])

describe('no literal strings in pages and components', () => {
  const files = [...filesUnder('src/app', /\.tsx$/), ...filesUnder('src/components', /\.tsx$/)].filter((f) => !BILINGUAL_BY_DESIGN.has(f))

  it('finds the pages and components', () => {
    expect(files.length).toBeGreaterThan(50)
  })

  it('the checker catches what it should', () => {
    const sf = ts.createSourceFile(
      'x.tsx',
      `const a = <p title="Close">Hello {n} items {ok ? 'Yes' : t('no')} <i aria-label={\`Row \${n}\`} /> · — ×{n} Handoff <kbd>Ctrl</kbd> {'Done'} <X confirmLabel="Sure" /></p>`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    )
    expect(findLiterals(sf).map((s) => s.split(' ').slice(1).join(' '))).toEqual([
      'title "Close"',
      'text "Hello"',
      'text "items"',
      'text "Yes"',
      'aria-label "Row"',
      'text "Done"',
      'confirmLabel "Sure"',
    ])
  })

  it.each(files)('%s', (file) => {
    expect(findLiterals(parse(file))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------------------------
// 2. Message keys referenced from the source

type Messages = Record<string, unknown>

function load(locale: string): Messages {
  return Object.fromEntries(
    NAMESPACES.map((ns) => [ns, JSON.parse(readFileSync(path.join(root, 'messages', locale, `${ns}.json`), 'utf8'))]),
  )
}

function lookup(messages: Messages, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Messages)[k] : undefined), messages)
}

const TRANSLATOR_FACTORIES = new Set(['useTranslations', 'getTranslations', 'createTranslator'])

/** The namespace a translator factory call binds, '' for the root, null when it is not a translator (or unknowable). */
function namespaceOf(expr: ts.Expression | undefined): string | null {
  let e = expr
  while (e && (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression
  if (!e || !ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || !TRANSLATOR_FACTORIES.has(e.expression.text)) return null
  const arg = e.arguments[0]
  if (!arg) return ''
  if (ts.isStringLiteral(arg)) return arg.text
  if (ts.isObjectLiteralExpression(arg)) {
    const ns = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'namespace')
    if (!ns) return ''
    return ts.isStringLiteral(ns.initializer) ? ns.initializer.text : null
  }
  return null
}

/** Translators declared directly in a scope: `const t = useTranslations('ns')`, `const [t, c] = await Promise.all([getTranslations('a'), …])`. */
function translatorsDeclaredIn(statements: readonly ts.Statement[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const st of statements) {
    if (!ts.isVariableStatement(st)) continue
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name)) {
        const ns = namespaceOf(d.initializer)
        if (ns !== null) out.set(d.name.text, ns)
      } else if (ts.isArrayBindingPattern(d.name)) {
        let init = d.initializer
        while (init && (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression
        if (!init || !ts.isCallExpression(init) || init.expression.getText() !== 'Promise.all') continue
        const list = init.arguments[0]
        if (!list || !ts.isArrayLiteralExpression(list)) continue
        d.name.elements.forEach((el, i) => {
          if (ts.isBindingElement(el) && ts.isIdentifier(el.name)) {
            const ns = namespaceOf(list.elements[i])
            if (ns !== null) out.set(el.name.text, ns)
          }
        })
      }
    }
  }
  return out
}

/** The nearest enclosing scope that declares `name` as a translator decides its namespace (shadowing respected). */
function resolveTranslator(id: ts.Identifier): string | null {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n)) {
      const ns = translatorsDeclaredIn(n.statements).get(id.text)
      if (ns !== undefined) return ns
    }
    if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return null
  }
  return null
}

type KeyUse = { key: string; at: string; dynamic: boolean }

export function keyUses(sf: ts.SourceFile): KeyUse[] {
  const uses: KeyUse[] = []
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      // t('key'), and t.rich / t.markup / t.raw / t.has('key')
      const callee = node.expression
      const id = ts.isIdentifier(callee)
        ? callee
        : ts.isPropertyAccessExpression(callee) &&
            ts.isIdentifier(callee.expression) &&
            ['rich', 'markup', 'raw', 'has'].includes(callee.name.text)
          ? callee.expression
          : null
      const ns = id ? resolveTranslator(id) : null
      const arg = node.arguments[0]
      if (ns !== null && arg) {
        const full = (k: string) => (ns ? `${ns}.${k}` : k)
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
          uses.push({ key: full(arg.text), at: where(node), dynamic: false })
        else if (ts.isTemplateExpression(arg)) {
          // The static part up to its last dot names the group the key is looked up in.
          const head = arg.head.text
          const group = head.includes('.') ? head.slice(0, head.lastIndexOf('.')) : ''
          uses.push({ key: ns ? (group ? `${ns}.${group}` : ns) : group, at: where(node), dynamic: true })
        } else uses.push({ key: ns, at: where(node), dynamic: true })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return uses
}

describe('message keys used in the source', () => {
  const files = filesUnder('src', /\.tsx?$/).filter((f) => !f.startsWith(`src${path.sep}generated`))
  const uses = files.flatMap((f) => keyUses(parse(f)))
  const messages = { en: load('en'), vi: load('vi') }

  it('the extractor understands the ways translators are made', () => {
    const sf = ts.createSourceFile(
      'x.tsx',
      `function A() { const t = useTranslations('front.intake'); t('title'); t.rich('rich'); t(\`mode.\${m}\`) }
       async function B() { const [t, common, f] = await Promise.all([getTranslations('back'), getTranslations('common'), getFormatter()]); t('x'); common('y'); f('not') }
       async function C() { const t = await getTranslations(); t('errors.a'); const u = await getTranslations({ locale, namespace: 'track' }); u('z') }
       function D(t) { t('unknown') }`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    )
    expect(keyUses(sf).map((u) => `${u.dynamic ? '~' : ''}${u.key}`)).toEqual([
      'front.intake.title',
      'front.intake.rich',
      '~front.intake.mode',
      'back.x',
      'common.y',
      'errors.a',
      'track.z',
    ])
  })

  it('finds the keys (and counts the ones built at run time)', () => {
    const dynamic = uses.filter((u) => u.dynamic).length
    console.info(`message keys: ${uses.length - dynamic} static, ${dynamic} built at run time`)
    expect(uses.length - dynamic).toBeGreaterThan(500)
    // Built at run time: checked by group only. A jump here deserves a look (could a static key be used instead?).
    expect(dynamic).toBeLessThan(150)
  })

  it.each(['en', 'vi'] as const)('every static key exists in %s as a message', (locale) => {
    const missing = uses.filter((u) => !u.dynamic && typeof lookup(messages[locale], u.key) !== 'string').map((u) => `${u.at} ${u.key}`)
    expect(missing).toEqual([])
  })

  it.each(['en', 'vi'] as const)('every run-time key is looked up in a message group that exists in %s', (locale) => {
    const missing = uses
      .filter((u) => u.dynamic && (u.key === '' ? false : typeof lookup(messages[locale], u.key) !== 'object'))
      .map((u) => `${u.at} ${u.key}`)
    expect(missing).toEqual([])
  })
})
