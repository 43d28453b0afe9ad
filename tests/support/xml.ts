// A real XML parser for tests (none is a dependency of the app): Python's ElementTree, which refuses a file that is not
// well-formed, turns the document into a plain tree the test walks.
import { execFileSync } from 'node:child_process'

export interface XmlNode {
  tag: string
  attrs: Record<string, string>
  text: string
  children: XmlNode[]
}

const SCRIPT = `
import sys, json, xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "attrs": dict(e.attrib), "text": e.text or "", "children": [node(c) for c in e]}
print(json.dumps(node(ET.fromstring(sys.stdin.buffer.read()))))
`

/** Parses the bytes as XML; throws when they are not well-formed (or the declared encoding does not match). */
export function parseXml(bytes: string | Uint8Array): XmlNode {
  const input = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)
  return JSON.parse(execFileSync('python3', ['-c', SCRIPT], { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8')) as XmlNode
}

/** The nodes at a slash path below `root` ("NDHDon/DSHHDVu/HHDVu"). */
export function all(root: XmlNode, path: string): XmlNode[] {
  return path.split('/').reduce<XmlNode[]>((nodes, tag) => nodes.flatMap((n) => n.children.filter((c) => c.tag === tag)), [root])
}

/** The text of the one node at the path; throws when there is none or several. */
export function text(root: XmlNode, path: string): string {
  const nodes = all(root, path)
  if (nodes.length !== 1) throw new Error(`${path}: ${nodes.length} nodes`)
  return nodes[0]!.text
}

/** The child tags of a node, in order (element order is part of the format). */
export const tags = (node: XmlNode) => node.children.map((c) => c.tag)
