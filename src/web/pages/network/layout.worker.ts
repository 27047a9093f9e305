// Runs the network layout off the main thread, posting positions as it goes so the page can
// show the drawing settling without ever blocking a pan or a click.
import { forceLayout, type LayoutInput } from './force-layout';

export interface LayoutRequest extends LayoutInput {
  steps: number;
  /** How often the page is sent the positions so far (Infinity: only the last). */
  postEveryMs: number;
}
export interface LayoutProgress {
  x: Float64Array;
  y: Float64Array;
  done: boolean;
}

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const input = ev.data;
  let last = performance.now();
  forceLayout(input, input.steps, (step) => {
    if (performance.now() - last > input.postEveryMs && step + 1 < input.steps) {
      last = performance.now();
      self.postMessage({ x: input.x, y: input.y, done: false } satisfies LayoutProgress);
    }
  });
  self.postMessage({ x: input.x, y: input.y, done: true } satisfies LayoutProgress);
};
