// A ForceAtlas2-style layout (Jacomy et al. 2014) on flat arrays: repulsion between everyone by
// degree (Barnes–Hut, so 10,000 people cost n log n a step, not n²), attraction along ties by
// their weight, gravity to the centre growing with the distance, and FA2's adaptive speed (swinging against traction).
// graphology-layout-forceatlas2 is not among the installed packages; this runs in a web worker
// (layout.worker.ts), so the page never waits for it.

export interface LayoutInput {
  /** Starting positions, changed in place. */
  x: Float64Array;
  y: Float64Array;
  /** Ties as index pairs with their weights. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

const THETA = 1.2;
const REPULSION = 10;
/**
 * FA2's "strong gravity" (pull grows with the distance): people with few or no ties stay near
 * the drawing instead of drifting to its edges and shrinking everyone else to a dot.
 */
const GRAVITY = 0.05;

/** A quadtree over the positions, one cell per slot: centre of mass, size and children. */
class QuadTree {
  private mass: Float64Array;
  private mx: Float64Array;
  private my: Float64Array;
  private size: Float64Array;
  private cx: Float64Array;
  private cy: Float64Array;
  /** First of four children, or -1 for a leaf. */
  private child: Int32Array;
  /** The one body of a leaf, -1 when empty. */
  private body: Int32Array;
  private used = 0;

  constructor(capacity: number) {
    this.mass = new Float64Array(capacity);
    this.mx = new Float64Array(capacity);
    this.my = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.cx = new Float64Array(capacity);
    this.cy = new Float64Array(capacity);
    this.child = new Int32Array(capacity);
    this.body = new Int32Array(capacity);
  }

  private cell(cx: number, cy: number, size: number): number {
    const c = this.used++;
    this.cx[c] = cx;
    this.cy[c] = cy;
    this.size[c] = size;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.child[c] = -1;
    this.body[c] = -1;
    return c;
  }

  private quadrant(c: number, px: number, py: number): number {
    return this.child[c]! + (px >= this.cx[c]! ? 1 : 0) + (py >= this.cy[c]! ? 2 : 0);
  }

  build(x: Float64Array, y: Float64Array, mass: Float64Array): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < x.length; i++) {
      minX = Math.min(minX, x[i]!);
      maxX = Math.max(maxX, x[i]!);
      minY = Math.min(minY, y[i]!);
      maxY = Math.max(maxY, y[i]!);
    }
    this.used = 0;
    this.cell((minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY, 1e-9) * 1.01);
    for (let i = 0; i < x.length; i++) this.insert(i, x[i]!, y[i]!, mass[i]!, x, y, mass);
  }

  private insert(
    i: number,
    px: number,
    py: number,
    m: number,
    x: Float64Array,
    y: Float64Array,
    mass: Float64Array,
  ) {
    let c = 0;
    for (let depth = 0; ; depth++) {
      const total = this.mass[c]! + m;
      this.mx[c] = (this.mx[c]! * this.mass[c]! + px * m) / total;
      this.my[c] = (this.my[c]! * this.mass[c]! + py * m) / total;
      this.mass[c] = total;
      if (this.child[c]! >= 0) {
        c = this.quadrant(c, px, py);
        continue;
      }
      if (this.body[c]! < 0 && total === m) {
        this.body[c] = i;
        return;
      }
      // Two bodies on (nearly) one point: the leaf keeps both as one mass; deep enough.
      if (depth > 40 || this.used + 4 > this.child.length) return;
      const other = this.body[c]!;
      this.body[c] = -1;
      const half = this.size[c]! / 2;
      const q = half / 2;
      this.child[c] = this.used;
      for (const [dx, dy] of [
        [-q, -q],
        [q, -q],
        [-q, q],
        [q, q],
      ] as const)
        this.cell(this.cx[c]! + dx, this.cy[c]! + dy, half);
      if (other >= 0) {
        const oc = this.quadrant(c, x[other]!, y[other]!);
        this.mass[oc] = mass[other]!;
        this.mx[oc] = x[other]!;
        this.my[oc] = y[other]!;
        this.body[oc] = other;
      }
      c = this.quadrant(c, px, py);
      if (this.mass[c] === 0) {
        this.mass[c] = m;
        this.mx[c] = px;
        this.my[c] = py;
        this.body[c] = i;
        return;
      }
    }
  }

  /** Adds the repulsion on body i (mass m) from everyone else to fx, fy. */
  repel(i: number, px: number, py: number, m: number, fx: Float64Array, fy: Float64Array, stack: Int32Array) {
    let top = 0;
    stack[top++] = 0;
    let sx = 0;
    let sy = 0;
    while (top > 0) {
      const c = stack[--top]!;
      if (this.mass[c] === 0 || this.body[c] === i) continue;
      const dx = px - this.mx[c]!;
      const dy = py - this.my[c]!;
      const d2 = dx * dx + dy * dy;
      if (this.child[c]! < 0 || this.size[c]! * this.size[c]! < THETA * THETA * d2) {
        if (d2 === 0) continue;
        const f = (REPULSION * m * this.mass[c]!) / d2;
        sx += dx * f;
        sy += dy * f;
      } else {
        const first = this.child[c]!;
        for (let k = 0; k < 4; k++) stack[top++] = first + k;
      }
    }
    fx[i] = fx[i]! + sx;
    fy[i] = fy[i]! + sy;
  }
}

/**
 * Runs `steps` layout steps on the positions in place; `after` is called after each.
 *
 * People without a tie take no part in the forces: pulled to the centre by gravity alone, they
 * filled the drawing with a disc of strangers that hid the clusters. They stand in rows below
 * the drawing instead, in the order given (the page gives the most influential first), and the
 * simulation is the cheaper for it.
 */
export function forceLayout(input: LayoutInput, steps: number, after?: (step: number) => void): void {
  const { x, y, source, target, weight } = input;
  const n = x.length;
  const tied = new Uint8Array(n);
  for (let e = 0; e < source.length; e++) {
    tied[source[e]!] = 1;
    tied[target[e]!] = 1;
  }
  const live: number[] = [];
  const loners: number[] = [];
  for (let i = 0; i < n; i++) (tied[i] ? live : loners).push(i);
  if (loners.length === 0) {
    simulate(input, steps, after);
    return;
  }
  const at = new Int32Array(n);
  live.forEach((i, k) => {
    at[i] = k;
  });
  const sub: LayoutInput = {
    x: Float64Array.from(live, (i) => x[i]!),
    y: Float64Array.from(live, (i) => y[i]!),
    source: Int32Array.from(source, (i) => at[i]!),
    target: Int32Array.from(target, (i) => at[i]!),
    weight,
  };
  const place = () => {
    live.forEach((i, k) => {
      x[i] = sub.x[k]!;
      y[i] = sub.y[k]!;
    });
    placeLoners(sub.x, sub.y, loners, x, y);
  };
  place();
  simulate(sub, steps, (step) => {
    place();
    after?.(step);
  });
}

/** Rows below the tied people's drawing (sigma's y points up), spaced like the drawing. */
function placeLoners(
  liveX: Float64Array,
  liveY: Float64Array,
  loners: number[],
  x: Float64Array,
  y: Float64Array,
): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < liveX.length; k++) {
    minX = Math.min(minX, liveX[k]!);
    maxX = Math.max(maxX, liveX[k]!);
    minY = Math.min(minY, liveY[k]!);
    maxY = Math.max(maxY, liveY[k]!);
  }
  const none = liveX.length === 0;
  // About the distance between neighbours in the drawing; 3 (the seed's spacing) without one.
  const gap = none ? 3 : Math.max(1e-6, Math.sqrt(((maxX - minX || 1) * (maxY - minY || 1)) / liveX.length));
  // With nobody tied, a block about three times wider than tall, like the box it is drawn in:
  // a square one was stretched to the box's corners, a handful of people far apart.
  const columns = none
    ? Math.ceil(Math.sqrt(3 * loners.length))
    : Math.max(1, Math.floor((maxX - minX) / gap) + 1);
  const left = none ? 0 : minX;
  const top = none ? 0 : minY - 3 * gap;
  loners.forEach((i, k) => {
    x[i] = left + (k % columns) * gap;
    y[i] = top - Math.floor(k / columns) * gap;
  });
}

function simulate(input: LayoutInput, steps: number, after?: (step: number) => void): void {
  const { x, y, source, target, weight } = input;
  const n = x.length;
  const mass = new Float64Array(n).fill(1);
  for (let e = 0; e < source.length; e++) {
    mass[source[e]!] = mass[source[e]!]! + 1;
    mass[target[e]!] = mass[target[e]!]! + 1;
  }
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  const oldFx = new Float64Array(n);
  const oldFy = new Float64Array(n);
  const tree = new QuadTree(Math.max(16, 8 * n + 64));
  const stack = new Int32Array(Math.max(64, 8 * n + 64));
  let speed = 1;
  for (let step = 0; step < steps; step++) {
    fx.fill(0);
    fy.fill(0);
    tree.build(x, y, mass);
    for (let i = 0; i < n; i++) tree.repel(i, x[i]!, y[i]!, mass[i]!, fx, fy, stack);
    for (let i = 0; i < n; i++) {
      fx[i] = fx[i]! - GRAVITY * mass[i]! * x[i]!;
      fy[i] = fy[i]! - GRAVITY * mass[i]! * y[i]!;
    }
    for (let e = 0; e < source.length; e++) {
      const a = source[e]!;
      const b = target[e]!;
      const dx = x[a]! - x[b]!;
      const dy = y[a]! - y[b]!;
      const w = weight[e]!;
      fx[a] = fx[a]! - dx * w;
      fy[a] = fy[a]! - dy * w;
      fx[b] = fx[b]! + dx * w;
      fy[b] = fy[b]! + dy * w;
    }
    // FA2's adaptive speed: fast where forces agree from step to step, slow where they swing.
    let swinging = 0;
    let traction = 0;
    for (let i = 0; i < n; i++) {
      swinging += mass[i]! * Math.hypot(fx[i]! - oldFx[i]!, fy[i]! - oldFy[i]!);
      traction += (mass[i]! * Math.hypot(fx[i]! + oldFx[i]!, fy[i]! + oldFy[i]!)) / 2;
    }
    const wanted = swinging > 0 ? traction / swinging : speed;
    speed = Math.min(wanted, speed * 1.5);
    for (let i = 0; i < n; i++) {
      const swing = mass[i]! * Math.hypot(fx[i]! - oldFx[i]!, fy[i]! - oldFy[i]!);
      const own = Math.min(speed / (1 + Math.sqrt(speed * swing)), 10 / (Math.hypot(fx[i]!, fy[i]!) || 1));
      x[i] = x[i]! + fx[i]! * own;
      y[i] = y[i]! + fy[i]! * own;
      oldFx[i] = fx[i]!;
      oldFy[i] = fy[i]!;
    }
    after?.(step);
  }
}

/**
 * Where everyone starts: each community around its own centre, the communities on a circle
 * sized by their members, so the layout begins close to where it ends.
 */
export function seedPositions(community: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
  const n = community.length;
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(community[i]!, (sizes.get(community[i]!) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
  const centre = new Map<number, [number, number]>();
  const ring = Math.sqrt(n) * 4;
  order.forEach(([c], k) => {
    const a = k * 2.399963; // the golden angle: communities spread without lining up
    const r = k === 0 ? 0 : ring * Math.sqrt(k / order.length);
    centre.set(c, [Math.cos(a) * r, Math.sin(a) * r]);
  });
  const placed = new Map<number, number>();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = community[i]!;
    const k = placed.get(c) ?? 0;
    placed.set(c, k + 1);
    const [cx, cy] = centre.get(c)!;
    const r = 2 * Math.sqrt(k);
    x[i] = cx + Math.cos(k * 2.399963) * r;
    y[i] = cy + Math.sin(k * 2.399963) * r;
  }
  return { x, y };
}
