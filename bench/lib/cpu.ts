// CPU time actually spent, read from /proc (Linux): a cost per request that does not depend on how busy the machine
// is with other work, unlike requests per second. utime + stime of each process, in clock ticks.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

interface Stat {
  pid: number
  pgrp: number
  cpuMs: number
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may contain spaces: the fields that follow start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    // After the name: state(3) ppid(4) pgrp(5) … utime(14) stime(15), numbered from 1 with pid and name as 1 and 2.
    const pgrp = Number(fields[2])
    const ticks = Number(fields[11]) + Number(fields[12])
    return { pid, pgrp, cpuMs: (ticks * 1000) / TICKS_PER_SECOND }
  } catch {
    return null // gone
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
}

/** CPU milliseconds used so far by every live process of a process group (a server and its children). */
export function groupCpuMs(pgid: number): number {
  let total = 0
  for (const pid of allPids()) {
    const s = stat(pid)
    if (s && s.pgrp === pgid) total += s.cpuMs
  }
  return total
}

/** CPU milliseconds used so far by these processes (e.g. PostgreSQL backends), as a map so that one that ends between
 * two readings can be counted up to its last reading. */
export function pidsCpuMs(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const pid of pids) {
    const s = stat(pid)
    if (s) out.set(pid, s.cpuMs)
  }
  return out
}

/** CPU used between two readings of `pidsCpuMs` (processes that appeared in between count from zero). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0)
  return total
}
