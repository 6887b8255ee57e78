// Prometheus metrics for /metrics: process defaults plus what the product itself does.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    httpRequests: new Histogram({
      name: 'connecto_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    procedureErrors: new Counter({
      name: 'connecto_procedure_errors_total',
      help: 'Refused or failed procedures by path and error code',
      labelNames: ['path', 'code'] as const,
      registers: [registry],
    }),
    wsConnections: new Gauge({
      name: 'connecto_ws_connections',
      help: 'Open WebSocket connections',
      registers: [registry],
    }),
    messagesSent: new Counter({
      name: 'connecto_messages_sent_total',
      help: 'Messages stored',
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'connecto_events_published_total',
      help: 'Events published on the bus by type',
      labelNames: ['type'] as const,
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
