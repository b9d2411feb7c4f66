// Runs the map's layout: in a web worker when the browser allows, else on
// the main thread in short slices per animation frame. Either way the run
// is bounded (layout_core.iterationsFor) and can be paused and resumed.
import { makeJob, positions, step, type LayoutInput, type LayoutJob } from './layout_core';

export type LayoutState = 'running' | 'paused' | 'done';

export interface LayoutCallbacks {
  positions: (xy: Float32Array) => void;
  state: (state: LayoutState, iteration: number, of: number) => void;
}

export class LayoutRunner {
  private worker: Worker | null = null;
  private job: LayoutJob | null = null; // main-thread fallback
  private frame = 0;
  private done = 0;
  private running = false;
  private stopped = false;

  constructor(
    private input: LayoutInput,
    private on: LayoutCallbacks,
    private animate: boolean,
  ) {}

  start(): void {
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.worker = null;
    }
    if (!this.worker) {
      this.startHere();
      return;
    }
    let heard = false;
    this.worker.onmessage = (event: MessageEvent<{ type: 'tick' | 'done'; xy: Float32Array; iteration: number; of: number }>) => {
      heard = true;
      if (this.stopped) return;
      const msg = event.data;
      this.on.positions(msg.xy);
      this.running = msg.type === 'tick' && this.running;
      this.on.state(msg.type === 'done' ? 'done' : this.running ? 'running' : 'paused', msg.iteration, msg.of);
    };
    this.worker.onerror = (event) => {
      // A worker that cannot load (an old browser, a strict policy) hands
      // the run to the main thread.
      event.preventDefault();
      if (!heard && !this.stopped) {
        this.worker?.terminate();
        this.worker = null;
        this.startHere();
      }
    };
    this.running = true;
    // Copies: the worker owns what it is sent.
    const input: LayoutInput = { xy: this.input.xy.slice(), edges: this.input.edges.slice(), weights: this.input.weights.slice() };
    // Each update redraws the whole map: large maps get fewer, so the page
    // stays responsive while they settle.
    const order = input.xy.length / 2;
    const postEvery = order > 5000 ? 250 : order > 2000 ? 120 : 40;
    this.worker.postMessage({ type: 'start', input, animate: this.animate, postEvery }, [input.xy.buffer, input.edges.buffer, input.weights.buffer]);
    this.on.state('running', 0, 0);
  }

  pause(): void {
    this.running = false;
    if (this.worker) this.worker.postMessage({ type: 'pause' });
    else {
      cancelAnimationFrame(this.frame);
      if (this.job) this.on.state('paused', this.done, this.job.iterations);
    }
  }

  resume(): void {
    this.running = true;
    if (this.worker) {
      this.worker.postMessage({ type: 'resume' });
      this.on.state('running', 0, 0);
    } else if (this.job) {
      if (this.done >= this.job.iterations) this.done = Math.floor(this.job.iterations / 2);
      this.frame = requestAnimationFrame(() => this.sliceHere());
    }
  }

  stop(): void {
    this.stopped = true;
    this.running = false;
    this.worker?.postMessage({ type: 'stop' });
    this.worker?.terminate();
    this.worker = null;
    cancelAnimationFrame(this.frame);
    this.job = null;
  }

  private startHere(): void {
    this.job = makeJob(this.input);
    this.done = 0;
    this.running = true;
    this.on.state('running', 0, this.job.iterations);
    this.frame = requestAnimationFrame(() => this.sliceHere());
  }

  private sliceHere(): void {
    const job = this.job;
    if (!job || !this.running || this.stopped) return;
    const until = performance.now() + 12; // leave most of the frame to the page
    while (this.done < job.iterations && performance.now() < until) {
      step(job);
      this.done++;
    }
    const finished = this.done >= job.iterations;
    if (finished || this.animate) this.on.positions(positions(job));
    if (finished) {
      this.running = false;
      this.on.state('done', this.done, job.iterations);
      return;
    }
    this.on.state('running', this.done, job.iterations);
    this.frame = requestAnimationFrame(() => this.sliceHere());
  }
}
