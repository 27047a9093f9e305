// Export the map as it is drawn, for slide decks: the SVG with its computed colours inlined (so it
// looks the same outside the app), or a PNG rendered from that SVG at twice the size.

function standalone(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll('*');
  const target = copy.querySelectorAll('*');
  source.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const t = target[i] as SVGElement;
    for (const prop of [
      'fill',
      'stroke',
      'stroke-width',
      'stroke-dasharray',
      'opacity',
      'font-size',
      'font-weight',
      'font-family',
    ])
      t.style.setProperty(prop, cs.getPropertyValue(prop));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const bg = getComputedStyle(document.body).backgroundColor;
  copy.style.setProperty('background', bg);
  return new XMLSerializer().serializeToString(copy);
}

function download(href: string, filename: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.click();
}

export function exportSvg(svg: SVGSVGElement, name: string) {
  const url = URL.createObjectURL(new Blob([standalone(svg)], { type: 'image/svg+xml' }));
  download(url, `${name}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportPng(svg: SVGSVGElement, name: string) {
  const { width, height } = svg.viewBox.baseVal;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([standalone(svg)], { type: 'image/svg+xml' }));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    download(canvas.toDataURL('image/png'), `${name}.png`);
  };
  img.src = url;
}

export const fileName = (initiative: string, at: string | null) =>
  `stakeholder-map-${initiative.toLowerCase().replace(/[^a-z0-9]+/g, '-')}${at ? `-${at}` : ''}`;
