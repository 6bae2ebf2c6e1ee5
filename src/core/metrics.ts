import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (served at GET /metrics). */
export interface BotMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'channel'>;
  readonly intents: Counter<'intent'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly errors: Counter<'code'>;
  readonly queueLength: Gauge;
  readonly outboundDelivered: Counter<'channel' | 'result'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    messages: new Counter({
      name: 'helpdesk_messages_total',
      help: 'Inbound messages handled',
      labelNames: ['channel'],
      registers: [registry],
    }),
    intents: new Counter({
      name: 'helpdesk_intents_total',
      help: 'Matched intents',
      labelNames: ['intent'],
      registers: [registry],
    }),
    turnSeconds: new Histogram({
      name: 'helpdesk_turn_duration_seconds',
      help: 'Time to handle one turn',
      labelNames: ['channel'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'helpdesk_errors_total',
      help: 'Turns that ended in an error',
      labelNames: ['code'],
      registers: [registry],
    }),
    queueLength: new Gauge({
      name: 'helpdesk_handoff_queue_length',
      help: 'Chats waiting for an agent',
      registers: [registry],
    }),
    outboundDelivered: new Counter({
      name: 'helpdesk_outbound_total',
      help: 'Proactive messages delivered or failed',
      labelNames: ['channel', 'result'],
      registers: [registry],
    }),
  };
}
