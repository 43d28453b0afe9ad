// `npm run worker` as a child process of the test, on the test's database: killed with SIGKILL to play a crash, or
// several at once to play several app instances.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export interface WorkerProcess {
  child: ChildProcess
  output: () => string
  /** SIGTERM and wait for the exit (a graceful stop). */
  stop: () => Promise<void>
}

export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/worker.ts'],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('outbox worker running')) {
        clearInterval(check)
        resolve()
      }
    }, 50)
    child.once('exit', (code) => {
      clearInterval(check)
      reject(new Error(`the worker exited (${code}) before it ran:\n${output}`))
    })
  })
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
