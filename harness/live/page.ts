// The live page: one HTML document with its style and script inline, system
// fonts, no request but its own event stream, so it works on a stage without
// network. Large type for a projector; every state is written in words and
// symbols (✓ ✗ ▶), colour only repeats them. Tests read it by ids and
// data-* attributes: #phase, [data-variant="…"] .count502, #first-502, #chart,
// #verdict.
import { LAB_PHASES } from '../results/schema.js';

const STYLE = `
:root { color-scheme: light; --ink: #111; --muted: #555; --line: #ccc; --bad: #b00020; --good: #006b3c; --warn: #8a5a00; --accent: #0057b8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.2vw 2vw 3vw; font: clamp(18px, 1.6vw, 34px)/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em 1.5em; }
h1 { font-size: 1.5em; margin: 0; }
#run, #connection { color: var(--muted); margin: 0; }
#connection[data-state="live"]::before { content: '● '; }
#connection[data-state="reconnecting"]::before { content: '○ '; }
#progress { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3em 2em; margin: 0.5em 0; }
#phases { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; padding: 0; margin: 0; font-size: 1.1em; }
#phases li { color: var(--muted); }
#phases li .mark { display: inline-block; width: 1.2em; }
#phases li[data-state="current"] { color: var(--accent); font-weight: bold; }
#phases li[data-state="done"] { color: var(--ink); }
#phases li[data-state="failed"] { color: var(--bad); font-weight: bold; }
#now { font-size: 1.1em; margin: 0; }
#phase { font-weight: bold; }
#first-502 { margin: 0.4em 0; padding: 0.4em 0.8em; border: 0.2em solid var(--bad); color: var(--bad); font-weight: bold; }
#first-502 .headline { display: block; font-size: 2.8em; line-height: 1.1; }
#first-502 .detail { display: block; font-size: 1.3em; color: var(--ink); }
@media (prefers-reduced-motion: no-preference) { #first-502:not([hidden]) { animation: arrive 0.6s ease-out 2; } }
/* Once the verdict is up, the first 502 steps back to one line: the verdict and the chart fit one screen. */
body[data-run="over"] #first-502 .headline, body[data-run="over"] #first-502 .detail { display: inline; font-size: 1.2em; margin-right: 0.6em; }
body[data-run="over"] .description { display: none; }
body[data-run="over"] td.sent, body[data-run="over"] td.count502, body[data-run="over"] td.boundary { font-size: 1.2em; }
body[data-run="over"] #chart svg { height: 34vh; }
@keyframes arrive { from { transform: scale(1.06); } to { transform: scale(1); } }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
th, td { padding: 0.15em 0.6em; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, .description, .status { text-align: left; }
td.status, td.first502 { white-space: nowrap; }
thead th { font-size: 0.75em; color: var(--muted); font-weight: normal; }
tbody th { font-size: 1.2em; }
td.sent, td.count502, td.boundary { font-size: 1.6em; font-variant-numeric: tabular-nums; }
td.description { color: var(--muted); font-size: 0.8em; max-width: 28em; }
tr[data-hit="true"] td.count502, tr[data-hit="true"] td.status { color: var(--bad); font-weight: bold; }
tr[data-hit="false"] td.status { color: var(--good); }
#variants.many { font-size: 0.7em; }
#chart { border: 1px solid var(--line); padding: 0.3em; min-height: 6em; }
/* The chart as large as the box allows, its proportions kept (the SVG's viewBox): it grows wider with every cycle. */
#chart svg { display: block; width: 100%; height: 46vh; }
#chart .placeholder { color: var(--muted); }
#outcome { margin: 0.4em 0; padding: 0.5em 0.8em; border: 0.2em solid var(--ink); }
#outcome[data-tone="good"] { border-color: var(--good); }
#outcome[data-tone="bad"] { border-color: var(--bad); }
#outcome[data-tone="warn"] { border-color: var(--warn); }
/* The terminal's headline: its runs of spaces separate the outcome from the counts. */
#verdict-label { font-size: 1.7em; font-weight: bold; margin: 0; white-space: pre-wrap; }
#outcome[data-tone="good"] #verdict-label { color: var(--good); }
#outcome[data-tone="bad"] #verdict-label { color: var(--bad); }
#outcome[data-tone="warn"] #verdict-label { color: var(--warn); }
#verdict { font-size: 1.15em; margin: 0.3em 0; }
#run-dir { color: var(--muted); font-size: 0.8em; margin: 0; word-break: break-all; }
#failure { margin: 0.4em 0; padding: 0.5em 0.8em; border: 0.2em solid var(--bad); color: var(--bad); font-size: 1.2em; font-weight: bold; }
`;

/** Runs in the browser: follows /events and writes each event into the page. Plain ES2020, no library. */
const SCRIPT = `
'use strict';
(() => {
  const PHASES = __PHASES__;
  const $ = (id) => document.getElementById(id);
  const rows = new Map();
  let ended = false;
  let firstAnnounced = false;

  const seconds = (ms) => (ms / 1000).toFixed(1) + ' s';
  const setText = (el, text) => { if (el) el.textContent = String(text); };

  function connection(state, text) {
    const el = $('connection');
    el.dataset.state = state;
    setText(el, text);
  }

  function markPhases(current, how) {
    const at = PHASES.indexOf(current);
    for (const li of $('phases').children) {
      const i = PHASES.indexOf(li.dataset.phase);
      const state = how === 'all-done' || i < at ? 'done' : i === at ? how : 'to-come';
      li.dataset.state = state;
      setText(li.querySelector('.mark'), state === 'done' ? '✓' : state === 'current' ? '▶' : state === 'failed' ? '✗' : '·');
      if (state === 'current') li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    }
  }

  function cell(tr, cls, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function rowOf(name) {
    if (rows.has(name)) return rows.get(name);
    const tr = document.createElement('tr');
    tr.dataset.variant = name;
    tr.dataset.hit = 'false';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    tr.appendChild(th);
    cell(tr, 'description', '');
    cell(tr, 'sent', '0');
    cell(tr, 'count502', '0');
    cell(tr, 'boundary', '0');
    cell(tr, 'status', '✓ no 502');
    cell(tr, 'first502', '—');
    $('variant-rows').appendChild(tr);
    rows.set(name, tr);
    $('variants').classList.toggle('many', rows.size > 6);
    return tr;
  }

  function showCounts(counts) {
    for (const [name, c] of Object.entries(counts)) {
      const tr = rowOf(name);
      setText(tr.querySelector('.sent'), c.sent);
      setText(tr.querySelector('.count502'), c.count502);
      setText(tr.querySelector('.boundary'), c.boundary);
      tr.dataset.hit = c.failed > 0 ? 'true' : 'false';
      // Failures other than 502s (HAProxy's empty replies, resets) are said, never hidden behind a green "no 502".
      const others = c.failed - c.count502;
      const otherText = others > 0 ? others + ' other failure' + (others === 1 ? '' : 's') : '';
      setText(tr.querySelector('.status'), c.count502 > 0 ? '✗ 502 seen' + (otherText ? ' · ' + otherText : '') : others > 0 ? '✗ ' + otherText : '✓ no 502');
    }
  }

  const handlers = {
    run(e) {
      setText($('run'), 'run ' + e.runId + ' · ' + e.runtime + (e.scenarioKind === 'matrix' ? ' · matrix' : ''));
      for (const v of e.variants) setText(rowOf(v.name).querySelector('.description'), v.description);
    },
    phase(e) {
      const el = $('phase');
      el.dataset.phase = e.phase;
      setText(el, e.phase);
      markPhases(e.phase, 'current');
    },
    cycle(e) {
      const r = e.record;
      setText($('cycle'), (r.lane === 'long' ? 'long lane ' : '') + r.cycle);
      showCounts(e.counts);
    },
    chart(e) {
      const box = $('chart');
      if (e.error) { setText(box, e.error); return; }
      box.innerHTML = e.svg;
      box.dataset.cycles = String(e.cycles);
    },
    'first-502'(e) {
      const tr = rowOf(e.variant);
      setText(tr.querySelector('.first502'), 'cycle ' + e.cycle + ', ' + seconds(e.afterTrafficStartMs));
      if (firstAnnounced) return;
      firstAnnounced = true;
      const box = $('first-502');
      box.dataset.variant = e.variant;
      box.dataset.cycle = String(e.cycle);
      setText(box.querySelector('.detail'), e.variant + ' · cycle ' + e.cycle + ' · ' + seconds(e.afterTrafficStartMs) + ' into the traffic');
      box.hidden = false;
    },
    done(e) {
      document.body.dataset.run = 'over';
      showCounts(e.counts);
      markPhases('results', 'all-done');
      const box = $('outcome');
      // The verdict's word and tone as summary.json has them; the page draws the tone, it decides nothing.
      box.dataset.word = e.verdict.word;
      box.dataset.tone = e.verdict.tone;
      box.dataset.ok = e.verdict.ok ? 'true' : 'false';
      // The terminal's headline and verdict line, word for word.
      setText($('verdict-label'), e.headline);
      setText($('verdict'), e.verdictLine);
      setText($('run-dir'), (e.complete ? 'results: ' : 'partial results (' + (e.interrupted ? 'interrupted' : 'incomplete') + '): ') + e.runDir);
      box.hidden = false;
    },
    failed(e) {
      document.body.dataset.run = 'over';
      markPhases(e.phase, 'failed');
      setText($('failure'), (e.interrupted ? '✗ interrupted during ' : '✗ the run failed during ') + e.phase + ': ' + e.message);
      $('failure').hidden = false;
    },
  };

  const source = new EventSource('/events');
  source.onopen = () => { if (!ended) connection('live', 'live'); };
  source.onerror = () => { if (!ended) connection('reconnecting', 'connection lost; reconnecting…'); };
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, (message) => handle(JSON.parse(message.data)));
  }
  source.addEventListener('end', (message) => {
    ended = true;
    source.close();
    const reason = JSON.parse(message.data).reason;
    connection('ended', reason === 'stopped' ? 'the lab stopped; this page keeps what it showed' : 'the run is over; this page keeps its final state');
  });
})();
`;

/** The page's phase strip, in the run's order. */
function phaseItems(): string {
  return LAB_PHASES.map(
    (p) => `<li data-phase="${p}" data-state="to-come"><span class="mark" aria-hidden="true">·</span>${p}</li>`,
  ).join('');
}

/** The whole live page; everything that changes arrives over /events. */
export function livePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>keepalive-lab · live</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>keep-alive race · live</h1>
  <p id="run">waiting for the lab…</p>
  <p id="connection" data-state="connecting" role="status">connecting…</p>
</header>
<div id="progress">
  <ol id="phases" aria-label="phases">${phaseItems()}</ol>
  <p id="now">phase: <span id="phase" data-phase="">waiting</span> · cycle <span id="cycle">–</span></p>
</div>
<section id="outcome" hidden><p id="verdict-label"></p><p id="verdict"></p><p id="run-dir"></p></section>
<section id="failure" role="alert" hidden></section>
<section id="first-502" role="alert" hidden><span class="headline">✗ FIRST 502</span><span class="detail"></span></section>
<table id="variants">
  <thead><tr><th scope="col">variant</th><th scope="col" class="description">what it is</th><th scope="col">requests sent</th><th scope="col">502s</th><th scope="col">boundary requests</th><th scope="col" class="status">status</th><th scope="col">first 502</th></tr></thead>
  <tbody id="variant-rows"></tbody>
</table>
<div id="chart" data-cycles="0"><p class="placeholder">The chart grows here: one column per cycle, the failures of each app.</p></div>
<noscript><p>This page follows the run with JavaScript; the terminal shows the same run.</p></noscript>
<script>${SCRIPT.replace('__PHASES__', JSON.stringify(LAB_PHASES))}</script>
</body>
</html>
`;
}
