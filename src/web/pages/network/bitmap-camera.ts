import type Sigma from 'sigma';

/**
 * Where the drawn picture sits while a gesture goes on: screen = scale · drawn + shift, in CSS
 * pixels of the network's box.
 */
export interface Picture {
  scale: number;
  x: number;
  y: number;
}

export const STILL: Picture = { scale: 1, x: 0, y: 0 };

/** The picture moved by (dx, dy). */
export const panned = (p: Picture, dx: number, dy: number): Picture => ({ ...p, x: p.x + dx, y: p.y + dy });

/** The picture scaled by f about the point (cx, cy), which stays where it is on the screen. */
export const zoomed = (p: Picture, f: number, cx: number, cy: number): Picture => ({
  scale: p.scale * f,
  x: f * (p.x - cx) + cx,
  y: f * (p.y - cy) + cy,
});

/** The point of the drawn picture now shown at (sx, sy). */
export const drawnPointAt = (p: Picture, sx: number, sy: number) => ({
  x: (sx - p.x) / p.scale,
  y: (sy - p.y) / p.scale,
});

/** Wheel steps closer than this belong to one zoom; the drawing follows when they stop. */
const WHEEL_SETTLE_MS = 180;

/**
 * Panning and zooming a large network by moving the picture already drawn, and drawing it again
 * once, when the gesture ends.
 *
 * Sigma redraws every node (and, unless hidden, every tie) on each camera step. Without a GPU
 * (WebGL in software) that is hundreds of milliseconds a step for 10,000 people, so a pan ran at
 * 8–15 frames a second (BENCHMARKS.md, web app). Moving the canvases with a CSS transform costs
 * the compositor, not the page, whatever the size of the network; the parts that come into
 * view are blank until the gesture ends, as on a map tile service.
 */
export function attachBitmapCamera(
  renderer: Sigma,
  onSettled?: () => void,
): {
  detach(): void /** The last press moved the picture: its release is no click on a person. */;
  dragged(): boolean;
} {
  const captor = renderer.getMouseCaptor();
  const camera = renderer.getCamera();
  // The mouse layer stays put: sigma reads pointer positions off its box.
  const layers = () =>
    Object.entries(renderer.getCanvases())
      .filter(([name]) => name !== 'mouse')
      .map(([, canvas]) => canvas);
  let picture = STILL;
  let down: { x: number; y: number } | null = null;
  let wheelTimer: number | undefined;
  let dragged = false;

  const show = (p: Picture) => {
    picture = p;
    const css = p === STILL ? '' : `translate(${p.x}px, ${p.y}px) scale(${p.scale})`;
    for (const canvas of layers()) {
      canvas.style.transformOrigin = '0 0';
      canvas.style.transform = css;
    }
  };

  /** The camera that shows what the moved picture shows; one redraw, then the picture is put back. */
  const settle = () => {
    window.clearTimeout(wheelTimer);
    wheelTimer = undefined;
    if (picture === STILL) return;
    const { width, height } = renderer.getDimensions();
    const centre = drawnPointAt(picture, width / 2, height / 2);
    const target = renderer.viewportToFramedGraph(centre);
    const state = camera.getState();
    const ratio = camera.getBoundedRatio(state.ratio / picture.scale);
    // The transform goes when the new drawing is there, so the picture never jumps back.
    renderer.once('afterRender', () => {
      show(STILL);
      onSettled?.();
    });
    camera.setState({ x: target.x, y: target.y, ratio });
  };

  const onDown = (e: { x: number; y: number }) => {
    settle();
    down = { x: e.x, y: e.y };
    dragged = false;
  };
  const onMove = (e: { x: number; y: number; preventSigmaDefault(): void }) => {
    if (!down || !captor.isMouseDown) return;
    e.preventSigmaDefault();
    if (Math.abs(e.x - down.x) + Math.abs(e.y - down.y) > 3) dragged = true;
    show(panned(STILL, e.x - down.x, e.y - down.y));
  };
  const onUp = () => {
    if (!down) return;
    down = null;
    settle();
  };
  const onWheel = (e: { x: number; y: number; delta: number; sigmaDefaultPrevented: boolean }) => {
    // Set on the event itself: sigma 3.0.3 copies the wheel event, and its preventSigmaDefault
    // marks the original, so its own zoom ran as well (twice as far, animated over the picture).
    e.sigmaDefaultPrevented = true;
    if (!e.delta) return;
    // By how far the wheel turned: a mouse notch (delta 1) zooms by sigma's ratio, a touchpad's
    // many small steps add up to the same instead of each zooming as far as a notch.
    const f = renderer.getSetting('zoomingRatio') ** e.delta;
    // Not past sigma's own zoom bounds: the picture would show what the camera cannot.
    const ratio = camera.getState().ratio / (picture.scale * f);
    if (camera.getBoundedRatio(ratio) !== ratio) return;
    show(zoomed(picture, f, e.x, e.y));
    window.clearTimeout(wheelTimer);
    wheelTimer = window.setTimeout(settle, WHEEL_SETTLE_MS);
  };

  captor.on('mousedown', onDown);
  captor.on('mousemovebody', onMove);
  captor.on('mouseup', onUp);
  captor.on('wheel', onWheel);
  return {
    detach() {
      window.clearTimeout(wheelTimer);
      captor.off('mousedown', onDown);
      captor.off('mousemovebody', onMove);
      captor.off('mouseup', onUp);
      captor.off('wheel', onWheel);
    },
    dragged: () => dragged,
  };
}
