// The part of autocannon's API the benchmarks use (the package ships no types, and @types/autocannon would be one
// more dependency for four fields).
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Request) => Request
    }
    interface Histogram {
      average: number
      mean: number
      p50: number
      p90: number
      p99: number
      max: number
    }
    interface Result {
      requests: Histogram & { total: number; sent: number }
      latency: Histogram
      throughput: Histogram
      errors: number
      timeouts: number
      non2xx: number
      duration: number
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      amount?: number
      requests?: Request[]
    }
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): unknown
  export = autocannon
}
