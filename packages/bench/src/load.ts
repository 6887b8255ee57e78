// The open-loop driver: messages go out on a fixed schedule whatever the server's answers (so a slow
// server cannot slow the offered load down), and every recipient records send→receive latency against
// the *scheduled* send time, loss, duplicates and per-planet order.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import * as hdr from 'hdr-histogram-js'
import { type ResourceSampler, sampleResources, scrapeEventLoopDelay } from './resources.ts'
import { type BenchClient, inBatches } from './scenario.ts'
import { CONTENT_PREFIX, type Connection, type Delivery, type Target } from './targets.ts'

export type StepResult = {
  target: string
  offeredRate: number
  seconds: number
  sent: number
  sendErrors: number
  expected: number
  delivered: number
  lost: number
  duplicates: number
  orderViolations: number
  /** Live frames besides the bench messages (delivery receipts, typing, …) that recipients got. */
  otherFrames: number
  /** Send → the server's answer (the send path alone, without fan-out). */
  ackP99Ms: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  apiCpuPercent: number
  apiRssMb: number
  /** The api's separate job worker, when it runs one. */
  workerCpuPercent: number | null
  /** All local Postgres processes together (the same server the other engineers' tests use). */
  postgresCpuPercent: number | null
  /** The load generator itself (this process): it shares the machine with the servers it measures. */
  loadGeneratorCpuPercent: number
  /** Every process on the machine together, out of cores × 100 %: above ~90 % of that, everyone queues. */
  machineCpuPercent: number
  /** CPU the hypervisor gave to other guests, out of cores × 100 %: the same steps run slower when high. */
  stealPercent: number
  eventLoopP99Ms: number | null
}

type Recipient = { planetId: string; seen: Set<number>; lastSeq: number }

export class LoadRun {
  private readonly connections: Connection[] = []
  private readonly recipients: Recipient[] = []
  private readonly planetSize = new Map<string, number>()
  private histogram = newHistogram()
  private delivered = 0
  private duplicates = 0
  private orderViolations = 0
  private otherFrames = 0
  private msgNo = 0

  constructor(
    private readonly target: Target,
    private readonly clients: BenchClient[],
  ) {}

  async connect() {
    for (const c of this.clients) this.planetSize.set(c.planetId, (this.planetSize.get(c.planetId) ?? 0) + 1)
    await inBatches(this.clients, 25, async (client, i) => {
      const recipient: Recipient = { planetId: client.planetId, seen: new Set(), lastSeq: 0 }
      this.recipients[i] = recipient
      this.connections[i] = await this.target.connect(
        client,
        (d) => this.receive(recipient, d),
        () => {
          this.otherFrames++
        },
      )
    })
  }

  close() {
    for (const c of this.connections) c.close()
  }

  private receive(r: Recipient, d: Delivery) {
    const [sentAt, msgNo] = d.content.split('|').map(Number) as [number, number]
    if (r.seen.has(msgNo)) {
      this.duplicates++
      return
    }
    r.seen.add(msgNo)
    this.delivered++
    if (d.seq <= r.lastSeq) this.orderViolations++
    r.lastSeq = d.seq
    const latencyUs = Math.max(1, Math.round((performance.now() - sentAt) * 1000))
    this.histogram.recordValue(latencyUs)
  }

  /** Offers `rate` msg/s for `seconds`, then waits (up to `drainMs`) for deliveries to settle. */
  async step(rate: number, seconds: number, drainMs = 5000): Promise<StepResult> {
    this.histogram = newHistogram()
    this.delivered = 0
    this.duplicates = 0
    this.orderViolations = 0
    this.otherFrames = 0
    for (const r of this.recipients) r.seen.clear()
    let expected = 0
    let sendErrors = 0
    let acked = 0
    const acks = newHistogram()
    const total = Math.round(rate * seconds)
    if (this.target.metricsUrl) await scrapeEventLoopDelay(this.target.metricsUrl)
    const sampler: ResourceSampler = sampleResources(this.target.server.pid, this.target.server.workerPid)
    const ownCpuBefore = process.cpuUsage()
    const machineBefore = machineCpuTimes()
    const wallBefore = performance.now()

    const t0 = performance.now() + 20
    let i = 0
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1)
        for (; i < due; i++) {
          const scheduledAt = t0 + (i * 1000) / rate
          const no = this.msgNo++
          const sender = no % this.connections.length
          expected += this.planetSize.get(this.recipients[sender]!.planetId) ?? 0
          void this.connections[sender]!.send(no, `${CONTENT_PREFIX}${scheduledAt.toFixed(3)}|${no}`).then(
            (ok) => {
              acks.recordValue(Math.max(1, Math.round((performance.now() - scheduledAt) * 1000)))
              acked++
              if (!ok) sendErrors++
            },
          )
        }
        if (i >= total) return resolve()
        setTimeout(tick, 1)
      }
      tick()
    })
    const sendingEnded = performance.now()
    while ((this.delivered < expected || acked < total) && performance.now() - sendingEnded < drainMs) {
      await new Promise((r) => setTimeout(r, 20))
    }
    const resources = await sampler.stop()
    const wallMs = performance.now() - wallBefore
    const ownCpu = process.cpuUsage(ownCpuBefore)
    const machineAfter = machineCpuTimes()
    const eventLoopP99Ms = this.target.metricsUrl ? await scrapeEventLoopDelay(this.target.metricsUrl) : null
    const ms = (us: number) => Math.round(us / 10) / 100
    return {
      target: this.target.name,
      offeredRate: rate,
      seconds,
      sent: total,
      sendErrors,
      expected,
      delivered: this.delivered,
      lost: expected - this.delivered,
      duplicates: this.duplicates,
      orderViolations: this.orderViolations,
      otherFrames: this.otherFrames,
      ackP99Ms: ms(acks.getValueAtPercentile(99)),
      p50Ms: ms(this.histogram.getValueAtPercentile(50)),
      p99Ms: ms(this.histogram.getValueAtPercentile(99)),
      maxMs: ms(this.histogram.maxValue),
      apiCpuPercent: resources.cpuPercent,
      apiRssMb: resources.rssMb,
      workerCpuPercent: resources.workerCpuPercent,
      postgresCpuPercent: resources.postgresCpuPercent,
      loadGeneratorCpuPercent: Math.round(((ownCpu.user + ownCpu.system) / 1000 / wallMs) * 100),
      machineCpuPercent: machinePercent(machineBefore, machineAfter, 'busy'),
      stealPercent: machinePercent(machineBefore, machineAfter, 'steal'),
      eventLoopP99Ms,
    }
  }
}

/**
 * The whole machine's CPU time since boot (all cores): busy, time a hypervisor gave to other guests
 * (steal: on a shared host, the share of the cores this machine did not get), and the total of all.
 * From /proc/stat where there is one; os.cpus() has no steal.
 */
function machineCpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[]
    const busy = user! + nice! + system! + irq! + softirq!
    return { busy, steal: steal ?? 0, total: busy + idle! + iowait! + (steal ?? 0) }
  } catch {
    let busy = 0
    let total = 0
    for (const { times: t } of os.cpus()) {
      busy += t.user + t.nice + t.sys + t.irq
      total += t.user + t.nice + t.sys + t.idle + t.irq
    }
    return { busy, steal: 0, total }
  }
}

/** `part`'s share of the time between two readings, in percent of one core (so up to cores × 100). */
const machinePercent = (
  before: ReturnType<typeof machineCpuTimes>,
  after: ReturnType<typeof machineCpuTimes>,
  part: 'busy' | 'steal',
) =>
  Math.round(
    ((after[part] - before[part]) / Math.max(1, after.total - before.total)) * 100 * os.cpus().length,
  )

function newHistogram() {
  return hdr.build({
    bitBucketSize: 64,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 10 * 60 * 1_000_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  })
}

/** The knee: the highest offered rate with p99 under 100 ms and nothing lost. */
export function kneeOf(results: StepResult[]) {
  const passing = results.filter((r) => r.p99Ms < 100 && r.lost === 0 && r.delivered > 0)
  return passing.length ? Math.max(...passing.map((r) => r.offeredRate)) : 0
}
