// The browsable API reference at /api/docs: a page listing every operation of the OpenAPI
// document with its parameters and body, rendered by a small script served from here (the
// strict CSP allows no inline script or style, and nothing is fetched from elsewhere).

export const DOCS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport API</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>Rapport API</h1>
<p>JSON under <code>/api/v1</code>. Sign in with <code>POST /api/v1/session</code> (a cookie) or send an API token as
<code>Authorization: Bearer …</code>. Errors are <code>{error: {code, message, details}}</code>. The machine-readable
document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<div id="ops">Loading…</div></main><script src="/api/docs.js"></script></body></html>`;

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:960px;margin:0 auto;padding:24px}h2{margin-top:32px;text-transform:capitalize}
.op{border:1px solid #d0d7de;border-radius:6px;margin:8px 0;padding:8px 12px}
.m{display:inline-block;min-width:64px;font-weight:700}.GET{color:#0969da}.POST{color:#1a7f37}
.PATCH{color:#9a6700}.DELETE{color:#cf222e}code,pre{font:13px ui-monospace,monospace}
pre{background:#f6f8fa;padding:8px;overflow:auto}.lock{color:#57606a;font-size:13px}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}.op{border-color:#30363d}pre{background:#161b22}}`;

export const DOCS_JS = `(async function () {
  var doc = await (await fetch('/api/openapi.json')).json();
  var byTag = {};
  Object.keys(doc.paths).forEach(function (path) {
    Object.keys(doc.paths[path]).forEach(function (method) {
      var op = doc.paths[path][method];
      var tag = (op.tags && op.tags[0]) || 'other';
      (byTag[tag] = byTag[tag] || []).push({ path: path, method: method.toUpperCase(), op: op });
    });
  });
  var root = document.getElementById('ops');
  root.textContent = '';
  Object.keys(byTag).sort().forEach(function (tag) {
    var h = document.createElement('h2');
    h.textContent = tag;
    root.appendChild(h);
    byTag[tag].forEach(function (e) {
      var d = document.createElement('details');
      d.className = 'op';
      var s = document.createElement('summary');
      var m = document.createElement('span');
      m.className = 'm ' + e.method;
      m.textContent = e.method;
      s.appendChild(m);
      var c = document.createElement('code');
      c.textContent = e.path;
      s.appendChild(c);
      s.appendChild(document.createTextNode(' — ' + (e.op.summary || '')));
      d.appendChild(s);
      var lock = document.createElement('div');
      lock.className = 'lock';
      lock.textContent = e.op.security && e.op.security.length === 0 ? 'No sign-in needed.' : 'Needs a session or an API token.';
      d.appendChild(lock);
      var parts = { parameters: e.op.parameters, body: e.op.requestBody && e.op.requestBody.content };
      Object.keys(parts).forEach(function (k) {
        if (!parts[k]) return;
        var pre = document.createElement('pre');
        pre.textContent = k + ': ' + JSON.stringify(parts[k], null, 2);
        d.appendChild(pre);
      });
      root.appendChild(d);
    });
  });
})();`;
