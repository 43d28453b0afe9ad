// What every benchmark prints and keeps: figures with their baseline from the same run, the machine's load while it
// ran (these machines are shared and noisy), and a JSON copy in bench/results/ (git-ignored).
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export interface Row {
  /** What was measured. */
  metric: string
  value: number
  unit: string
  /** The floor or reference measured in the same run, in the same unit, if any. */
  baseline?: { label: string; value: number }
  /** value / baseline (or baseline / value for "higher is better" figures, see `better`). */
  ratio?: number
  budget?: string
  pass?: boolean
  note?: string
}

export function machine(): { load: number[]; cpus: number; node: string; at: string } {
  return {
    load: os.loadavg().map((l) => Number(l.toFixed(2))),
    cpus: os.cpus().length,
    node: process.version,
    at: new Date().toISOString(),
  }
}

export function loadNote(): string {
  return `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2))

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}  (${loadNote()})\n`)
  console.log('| metric | measured | baseline (same run) | ratio | budget | result |')
  console.log('|---|---|---|---|---|---|')
  for (const r of rows) {
    const base = r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)} ${r.unit}` : '—'
    const ratio = r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`
    const result = r.pass === undefined ? '—' : r.pass ? 'pass' : '**miss**'
    console.log(
      `| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${base} | ${ratio} | ${r.budget ?? '—'} | ${result}${r.note ? ` (${r.note})` : ''} |`,
    )
  }
}

/** Writes bench/results/<name>-<timestamp>.json and returns its path. */
export function writeResult(name: string, data: Record<string, unknown>): string {
  const dir = path.join(root, 'bench/results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify({ benchmark: name, machine: machine(), ...data }, null, 2)}\n`)
  console.log(`\n[bench:${name}] results written to ${path.relative(root, file)}`)
  return file
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
