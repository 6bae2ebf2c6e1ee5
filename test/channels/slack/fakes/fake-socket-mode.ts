import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A local Socket Mode server: says `hello` when the app connects, sends
 * envelopes (events_api, interactive, slash_commands) and records the app's acks.
 */
export class FakeSocketMode {
  private server: WebSocketServer | null = null;
  private readonly sockets = new Set<WebSocket>();
  readonly acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  private seq = 0;

  /** Listens on `port` (any free one by default; the same one again after `stop()` to come back). */
  async start(port = 0): Promise<void> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id)
          this.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
      });
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0HELPDESK' },
        }),
      );
    });
  }

  private port = 0;

  get url(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=fake`;
  }

  get connected(): number {
    return this.sockets.size;
  }

  /** Sends an Events API payload; returns its envelope id. */
  sendEvent(payload: Record<string, unknown>): string {
    const envelope_id = `env-${++this.seq}`;
    const message = JSON.stringify({
      envelope_id,
      type: 'events_api',
      payload,
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    for (const socket of this.sockets) socket.send(message);
    return envelope_id;
  }

  async waitForAck(envelopeId: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.acks.some((a) => a.envelope_id === envelopeId)) {
      if (Date.now() > deadline) throw new Error(`no ack for ${envelopeId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async waitForConnection(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sockets.size === 0) {
      if (Date.now() > deadline) throw new Error('the app did not connect');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Closes the server: connections to its port are refused until `start(port)` again. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    const server = this.server;
    this.server = null;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  get listeningPort(): number {
    return this.port;
  }
}
