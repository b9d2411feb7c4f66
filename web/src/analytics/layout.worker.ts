// The map's layout off the main thread: ForceAtlas2 iterations in time
// slices, positions posted back after each slice, so the page stays
// responsive on 10k-node networks. A separate file (not a Blob URL, as
// graphology's own worker uses) keeps the Content-Security-Policy intact.
import { makeJob, positions, step, type LayoutInput, type LayoutJob } from './layout_core';

type Message = { type: 'start'; input: LayoutInput; animate: boolean; postEvery: number } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

const SLICE_MS = 30;
let job: LayoutJob | null = null;
let done = 0;
let running = false;
let animate = true;
let postEvery = 40;
let posted = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(final: boolean) {
  if (!job) return;
  const xy = positions(job);
  (self as unknown as Worker).postMessage({ type: final ? 'done' : 'tick', xy, iteration: done, of: job.iterations }, [xy.buffer]);
}

function slice() {
  timer = undefined;
  if (!job || !running) return;
  const until = performance.now() + SLICE_MS;
  while (done < job.iterations && performance.now() < until) {
    step(job);
    done++;
  }
  if (done >= job.iterations) {
    running = false;
    post(true);
    return;
  }
  if (animate && performance.now() - posted >= postEvery) {
    posted = performance.now();
    post(false);
  }
  // Yield so pause and stop messages get through between slices.
  timer = setTimeout(slice, 0);
}

self.onmessage = (event: MessageEvent<Message>) => {
  const msg = event.data;
  if (msg.type === 'start') {
    job = makeJob(msg.input);
    animate = msg.animate;
    postEvery = msg.postEvery;
    done = 0;
    running = true;
    slice();
  } else if (msg.type === 'pause') {
    running = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    post(false);
  } else if (msg.type === 'resume') {
    if (!job) return;
    if (done >= job.iterations) done = Math.floor(job.iterations / 2); // another half run
    running = true;
    if (timer === undefined) slice();
  } else if (msg.type === 'stop') {
    running = false;
    job = null;
    self.close();
  }
};
