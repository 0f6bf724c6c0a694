/** The parent's handle on a forked benchmark server (see server-child.ts). */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  ChildMessage,
  CpuSnapshot,
  ParentCommand,
  ServerSpec,
  StartupTimings,
  SyntheticResult,
} from './protocol';

const CHILD_ENTRY = fileURLToPath(new URL('./server-child.ts', import.meta.url));

type Reply = Extract<ChildMessage, { type: 'reply' }>;

export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (e: Error) => void }
  >();
  private failure: Error | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly startup: StartupTimings | null,
    readonly synthetic: SyntheticResult | null,
    /** Fork until the server listened, as the parent saw it. */
    readonly spawnToReadyMs: number,
  ) {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'reply') {
        this.pending.get(message.id)?.resolve(message);
        this.pending.delete(message.id);
      } else if (message.type === 'failed') {
        this.fail(new Error(`benchmark server failed: ${message.message}`));
      }
    });
    child.on('exit', (code) => this.fail(new Error(`benchmark server exited (code ${code})`)));
  }

  /** Forks a server process (Node with tsx's loader) and waits until it listens. */
  static start(spec: ServerSpec): Promise<ServerProcess> {
    const forkedAt = performance.now();
    const child = fork(CHILD_ENTRY, [], {
      execArgv: ['--import', 'tsx'],
      // The child's output goes to our stderr: stdout carries only the JSON result.
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') {
          cleanup();
          const ms = Math.round((performance.now() - forkedAt) * 10) / 10;
          resolve(new ServerProcess(child, message.port, message.startup, message.synthetic, ms));
        } else if (message.type === 'failed') {
          cleanup();
          child.kill();
          reject(new Error(`benchmark server failed to start: ${message.message}`));
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`benchmark server exited before listening (code ${code})`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ cmd: 'start', spec } satisfies ParentCommand);
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private request(cmd: 'quiesce' | 'cpu' | 'stop'): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ cmd, id } satisfies ParentCommand);
    });
  }

  /** Resolves once the server has been idle for a moment (in-flight work finished); returns the wait. */
  async quiesce(): Promise<number> {
    return (await this.request('quiesce')).quiesceMs ?? 0;
  }

  async cpu(): Promise<CpuSnapshot> {
    const reply = await this.request('cpu');
    if (!reply.cpu) throw new Error('benchmark server sent no CPU snapshot');
    return reply.cpu;
  }

  /** Closes the app and its database, then waits for the process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('stop').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
