/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: compare 1`] = `
baseline: REPRODUCED  20261127-221646Z-docker (a, schema v8)
current:  REPRODUCED  20261127-221646Z-docker (b, schema v8)

                                fix      must be  baseline    current     baseline: failed/boundary  current: failed/boundary  change (98.8 %)                   detectable (80 %)
node24-standalone-default-post  default  racy     REPRODUCED  REPRODUCED  4/48                       4/48                      ±0 % (−16 % … +16 %) per request  none, even to 0 %  ok
node24-standalone-default-get   default  racy     MASKED      MASKED      0/48                       0/48                      ±0 % (−12 % … +12 %) per request  none, even to 0 %  ok
node24-next-start-default-post  default  racy     REPRODUCED  REPRODUCED  1/48                       1/48                      ±0 % (−13 % … +13 %) per request  none, even to 0 %  ok
node24-next-start-default-get   default  racy     MASKED      MASKED      0/48                       0/48                      ±0 % (−12 % … +12 %) per request  none, even to 0 %  ok

Each change's interval is at 98.8 %, so that the 4 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

note: compared by boundary request, since a summary older than v6 has no per-cycle count (4: node24-standalone-default-post, node24-standalone-default-get, node24-next-start-default-post, node24-next-start-default-get); failures cluster by cycle, so these rows claim more precision than they have

NO REGRESSION (exit 0): every fix held, Node's defaults still show the race, and no rate moved beyond chance.
A rate can have moved by less than its row's detectable change unseen.
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "4 cells: 2 reproduced, 2 masked, 0 safe, 0 inconclusive",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "node24-standalone-default-post: REPRODUCED (4 of 48 boundary requests failed (8.3 %, 95 % CI 3.3 %–19.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node24-standalone-default-get: MASKED (0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %); node24-next-start-default-post: REPRODUCED (1 of 48 boundary requests failed (2.1 %, 95 % CI 0.4 %–10.9 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)); node24-next-start-default-get: MASKED (0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %)"
  },
  "headline": "REPRODUCED  2 REPRODUCED   2 MASKED",
  "verdictLine": "REPRODUCED: 4 cells: 2 reproduced, 2 masked, 0 safe, 0 inconclusive",
  "complete": true,
  "interrupted": false,
  "counts": {
    "node24-standalone-default": {
      "sent": 195,
      "count502": 4,
      "failed": 4,
      "boundary": 96
    },
    "node24-next-start-default": {
      "sent": 195,
      "count502": 1,
      "failed": 1,
      "boundary": 96
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: headline 1`] = `
REPRODUCED  2 REPRODUCED   2 MASKED
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>REPRODUCED · keepalive-lab 20261127-221646Z-docker</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run 20261127-221646Z-docker</h1>
<p class="headline" data-role="headline">REPRODUCED  2 REPRODUCED   2 MASKED</p>
<p class="verdict tone-bad" data-role="verdict" data-word="REPRODUCED" data-tone="bad">REPRODUCED: 4 cells: 2 reproduced, 2 masked, 0 safe, 0 inconclusive</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">node24-standalone-default</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>standalone</td><td>default/default</td><td>6.00 s</td><td>6.00 s (app)</td><td>4/48</td><td>8.3 %</td><td>4 × 502</td><td>0</td><td>32/0</td><td>25.3 s</td></tr>
<tr><th scope="row">node24-standalone-default</th><td>GET</td><td>MASKED</td><td>24.21.0</td><td>standalone</td><td>default/default</td><td>6.00 s</td><td>6.00 s (app)</td><td>0/48</td><td>≤ 6.1 %</td><td>no failure</td><td>10</td><td>32/0</td><td>—</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>next-start</td><td>default/default</td><td>6.00 s</td><td>6.00 s (app)</td><td>1/48</td><td>2.1 %</td><td>1 × 502</td><td>0</td><td>36/0</td><td>25.3 s</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>GET</td><td>MASKED</td><td>24.21.0</td><td>next-start</td><td>default/default</td><td>6.00 s</td><td>6.00 s (app)</td><td>0/48</td><td>≤ 6.1 %</td><td>no failure</td><td>6</td><td>36/0</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>node24-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 48 boundary requests failed (8.3 %, 95 % CI 3.3 %–19.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)</li>
<li>node24-standalone-default-get: MASKED — the LB retried 10 requests on a new connection; the client saw no 502; 0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %</li>
<li>node24-next-start-default-post: REPRODUCED — 1 × 502 to the client; 1 of 48 boundary requests failed (2.1 %, 95 % CI 0.4 %–10.9 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)</li>
<li>node24-next-start-default-get: MASKED — the LB retried 6 requests on a new connection; the client saw no 502; 0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>20261127-221646Z-docker (docker, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>2026-11-27T22:16:46.184Z → 2026-11-27T22:18:19.118Z (92.9 s)</td></tr>
<tr><th scope="row">versions</th><td>docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node24 24.21.0, harnessNode 20.20.2</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (390 access-log entries, 21 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy nginx</td></tr>
<tr><th scope="row">aim</th><td>node24-next-start-default&#39;s close delay 6003.4 ms (app clock), 12 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>one clock (before schema v5)</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">node24-standalone-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.005 s</td><td>6.004 s</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.002 s</td><td>6.003 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: report.md 1`] = `
# keepalive-lab run 20261127-221646Z-docker

**REPRODUCED: 4 cells: 2 reproduced, 2 masked, 0 safe, 0 inconclusive**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| node24-standalone-default | POST | nginx 1.22.1 | 24.21.0 | standalone | default/default | 6.00 s | 6.00 s (app) | 4/48 | 8.3 % | 4 × 502 | 0 | 32/0 | 25.3 s | REPRODUCED |
| node24-standalone-default | GET | nginx 1.22.1 | 24.21.0 | standalone | default/default | 6.00 s | 6.00 s (app) | 0/48 | ≤ 6.1 % | no failure | 10 | 32/0 | — | MASKED |
| node24-next-start-default | POST | nginx 1.22.1 | 24.21.0 | next-start | default/default | 6.00 s | 6.00 s (app) | 1/48 | 2.1 % | 1 × 502 | 0 | 36/0 | 25.3 s | REPRODUCED |
| node24-next-start-default | GET | nginx 1.22.1 | 24.21.0 | next-start | default/default | 6.00 s | 6.00 s (app) | 0/48 | ≤ 6.1 % | no failure | 6 | 36/0 | — | MASKED |

## Cells

- node24-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 48 boundary requests failed (8.3 %, 95 % CI 3.3 %–19.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)
- node24-standalone-default-get: MASKED — the LB retried 10 requests on a new connection; the client saw no 502; 0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %
- node24-next-start-default-post: REPRODUCED — 1 × 502 to the client; 1 of 48 boundary requests failed (2.1 %, 95 % CI 0.4 %–10.9 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)
- node24-next-start-default-get: MASKED — the LB retried 6 requests on a new connection; the client saw no 502; 0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %

## How it ran

- runtime: docker, mode: quick, nginx retry policy: nginx, app server: standalone,next-start
- LB upstream keep-alive: 60000 ms
- versions: docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node24 24.21.0, harnessNode 20.20.2
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at node24-next-start-default's close delay 6003.4 ms (app clock), one-way latency node24-standalone-default 1.14 ms, node24-next-start-default 0.91 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): — (before schema v5 the apps shared the harness's clock)
- 12 cycles, wall time 92.9 s
- race window: 1 hits; planned offsets -0.6 … -0.6 ms (median -0.6); arrival − app close -19.8 … -19.8 ms (median -19.8)
- nginx error log: prematurelyClosed 1, connectionReset 20, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (390 access-log entries, 21 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-221646Z-docker: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "20261127-221646Z-docker",
  "startedAt": "2026-11-27T22:16:46.184Z",
  "finishedAt": "2026-11-27T22:18:19.118Z",
  "wallTimeMs": 92934,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "docker",
  "mode": "quick",
  "options": {
    "naivePairs": 0,
    "haproxyReuse": "safe",
    "mode": "quick",
    "cycles": 12,
    "maxCycles": 36,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "nginx",
    "serverMode": "standalone",
    "cells": [
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "next-start",
        "fix": "default"
      }
    ],
    "longCycles": 10,
    "keep": false,
    "json": false,
    "assert": false,
    "minBoundaryRequests": 40,
    "baseline": null,
    "assertSafe": false,
    "shard": null
  },
  "versions": {
    "docker": "20.10.24+dfsg1",
    "kernel": "6.18.44-fc-v782",
    "compose": "docker-compose 1.29.2",
    "nginx": "1.22.1",
    "node": "24.21.0",
    "next": "16.4.6",
    "node24": "24.21.0",
    "harnessNode": "20.20.2"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "nginx",
    "serverMode": "standalone,next-start",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 65000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "node24-standalone-default": {
      "name": "node24-standalone-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6004.954,
        "probeWatchedMs": 6004.954,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6004.175
      },
      "requests": {
        "total": 195,
        "byStatus": {
          "200": 191,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 99,
            "count502": 0
          },
          "POST": {
            "total": 96,
            "count502": 4
          }
        },
        "boundary": 96
      },
      "rate502": {
        "failures": 4,
        "trials": 195,
        "rate": 0.020512820512820513,
        "low": 0.008005250618458155,
        "high": 0.051547012229161554,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 96,
        "rate": 0.041666666666666664,
        "low": 0.01632070753628833,
        "high": 0.10228191466658104,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 4,
        "elapsedMs": 41648
      },
      "closedBy": {
        "app": 32,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 39
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 195
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 12,
          "rate": 0.3333333333333333,
          "low": 0.13812009109121315,
          "high": 0.6093779111272004,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node24-next-start-default": {
      "name": "node24-next-start-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001.882,
        "probeWatchedMs": 6001.882,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6002.691
      },
      "requests": {
        "total": 195,
        "byStatus": {
          "200": 194,
          "502": 1
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 99,
            "count502": 0
          },
          "POST": {
            "total": 96,
            "count502": 1
          }
        },
        "boundary": 96
      },
      "rate502": {
        "failures": 1,
        "trials": 195,
        "rate": 0.005128205128205128,
        "low": 0.0009058284432263645,
        "high": 0.028471640698969368,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 1,
        "trials": 96,
        "rate": 0.010416666666666666,
        "low": 0.0018411702168162486,
        "high": 0.056666176227157854,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 4,
        "elapsedMs": 41654
      },
      "closedBy": {
        "app": 36,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 43
      },
      "nginx": {
        "access502": 1,
        "accessTotal": 195
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 1,
        "rate": {
          "failures": 1,
          "trials": 12,
          "rate": 0.08333333333333333,
          "low": 0.014865094404917095,
          "high": 0.35387991114111694,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "node24-standalone-default-post",
      "variant": "node24-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "nginx",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6004.62,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client",
      "counts": {
        "aimed": null,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 96,
        "boundary": 48,
        "status502": 4,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "appIdleCloseMs": 6004.954,
      "effectiveCloseMs": 6003.877,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 32,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 39
      },
      "firstHit": {
        "cycle": 4,
        "afterTrafficStartMs": 25278
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client"
        ],
        "evidence": "4 of 48 boundary requests failed (8.3 %, 95 % CI 3.3 %–19.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-default-get",
      "variant": "node24-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "nginx",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6004.62,
      "outcome": "masked",
      "reason": "the LB retried 10 requests on a new connection; the client saw no 502",
      "counts": {
        "aimed": null,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 99,
        "boundary": 48,
        "status502": 0,
        "clientErrors": 0,
        "masked": 10,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 6004.954,
      "effectiveCloseMs": 6003.877,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 32,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 39
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "MASKED",
        "tone": "warn",
        "reasons": [
          "the LB retried 10 requests on a new connection; the client saw no 502"
        ],
        "evidence": "0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-default-post",
      "variant": "node24-next-start-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "nginx",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6003.445,
      "outcome": "reproduced",
      "reason": "1 × 502 to the client",
      "counts": {
        "aimed": null,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 96,
        "boundary": 48,
        "status502": 1,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 1,
        "trials": 48,
        "rate": 0.020833333333333332,
        "low": 0.003687110977510649,
        "high": 0.10899217995251861,
        "method": "wilson"
      },
      "appIdleCloseMs": 6001.882,
      "effectiveCloseMs": 6002.385,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 36,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 43
      },
      "firstHit": {
        "cycle": 4,
        "afterTrafficStartMs": 25284
      },
      "clientSaw": "1 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 1,
        "trials": 48,
        "rate": 0.020833333333333332,
        "low": 0.003687110977510649,
        "high": 0.10899217995251861,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "1 × 502 to the client"
        ],
        "evidence": "1 of 48 boundary requests failed (2.1 %, 95 % CI 0.4 %–10.9 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-default-get",
      "variant": "node24-next-start-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "nginx",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6003.445,
      "outcome": "masked",
      "reason": "the LB retried 6 requests on a new connection; the client saw no 502",
      "counts": {
        "aimed": null,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 99,
        "boundary": 48,
        "status502": 0,
        "clientErrors": 0,
        "masked": 6,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 6001.882,
      "effectiveCloseMs": 6002.385,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 36,
        "lb": 7,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 43
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "MASKED",
        "tone": "warn",
        "reasons": [
          "the LB retried 6 requests on a new connection; the client saw no 502"
        ],
        "evidence": "0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    }
  ],
  "aimVariant": "node24-next-start-default",
  "raceWindow": {
    "hits": 1,
    "plannedOffsetMs": {
      "min": -0.571,
      "median": -0.571,
      "max": -0.571
    },
    "arrivalMinusAppCloseMs": {
      "min": -19.804,
      "median": -19.804,
      "max": -19.804
    },
    "byOffsetMs": {
      "0": {
        "sent": 17,
        "hit": 0
      },
      "1": {
        "sent": 14,
        "hit": 0
      },
      "2": {
        "sent": 9,
        "hit": 0
      },
      "3": {
        "sent": 5,
        "hit": 0
      },
      "4": {
        "sent": 2,
        "hit": 0
      },
      "-2": {
        "sent": 14,
        "hit": 0
      },
      "-1": {
        "sent": 17,
        "hit": 1
      },
      "-3": {
        "sent": 10,
        "hit": 0
      },
      "-4": {
        "sent": 5,
        "hit": 0
      },
      "-5": {
        "sent": 2,
        "hit": 0
      },
      "-6": {
        "sent": 1,
        "hit": 0
      }
    }
  },
  "schedule": {
    "appClocks": {},
    "injectedAppClockOffsetMs": 0,
    "closeDelayMs": 6003.445,
    "oneWayLatencyMs": {
      "node24-standalone-default": 1.142,
      "node24-next-start-default": 0.91
    },
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6061.21,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001.882,
        "achievedGapMs": {
          "node24-standalone-default": 5765.647,
          "node24-next-start-default": 5872.913500000001
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.813,
          "node24-next-start-default": 1.192
        },
        "boundaryMs": {
          "node24-standalone-default": 6004.616,
          "node24-next-start-default": 6061.21
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.715,
        "centerOffsetMs": -1,
        "intendedGapMs": 6060.21,
        "achievedGapMs": {
          "node24-standalone-default": 3002.9395,
          "node24-next-start-default": null
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.16,
          "node24-next-start-default": 1.302
        },
        "boundaryMs": {
          "node24-standalone-default": 6003.393,
          "node24-next-start-default": 6001.715
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6002.08,
        "centerOffsetMs": 1,
        "intendedGapMs": 6002.715,
        "achievedGapMs": {
          "node24-standalone-default": 5940.335,
          "node24-next-start-default": 3001.8185
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.064,
          "node24-next-start-default": 1.192
        },
        "boundaryMs": {
          "node24-standalone-default": 6002.873,
          "node24-next-start-default": 6002.08
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6002.691,
        "centerOffsetMs": -2,
        "intendedGapMs": 6000.08,
        "achievedGapMs": {
          "node24-standalone-default": 5927.439,
          "node24-next-start-default": 5938.964
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.16,
          "node24-next-start-default": 1.083
        },
        "boundaryMs": {
          "node24-standalone-default": 6004.175,
          "node24-next-start-default": 6002.691
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 1,
          "node24-next-start-default": 1
        }
      },
      {
        "cycle": 5,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.648,
        "centerOffsetMs": -0.571,
        "intendedGapMs": 6002.12,
        "achievedGapMs": {
          "node24-standalone-default": 5887.962,
          "node24-next-start-default": 5995.631
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 2.17,
          "node24-next-start-default": 1.083
        },
        "boundaryMs": {
          "node24-standalone-default": 6003.784,
          "node24-next-start-default": 6001.648
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 6,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.648,
        "centerOffsetMs": -1.571,
        "intendedGapMs": 6000.077,
        "achievedGapMs": {
          "node24-standalone-default": 2998.636,
          "node24-next-start-default": 5962.836499999999
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 0.969,
          "node24-next-start-default": 1.105
        },
        "boundaryMs": {
          "node24-standalone-default": 6002.696,
          "node24-next-start-default": 6001.648
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 1,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 7,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.739,
        "centerOffsetMs": 0.42900000000000005,
        "intendedGapMs": 6002.077,
        "achievedGapMs": {
          "node24-standalone-default": 5994.146,
          "node24-next-start-default": 5956.853999999999
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.172,
          "node24-next-start-default": 1.105
        },
        "boundaryMs": {
          "node24-standalone-default": 6002.696,
          "node24-next-start-default": 6001.739
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 1,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 8,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.761,
        "centerOffsetMs": -2.5709999999999997,
        "intendedGapMs": 5999.168,
        "achievedGapMs": {
          "node24-standalone-default": 5942.148999999999,
          "node24-next-start-default": 6002.21
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.172,
          "node24-next-start-default": 1.527
        },
        "boundaryMs": {
          "node24-standalone-default": 6003.309,
          "node24-next-start-default": 6001.761
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 9,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6001.761,
        "centerOffsetMs": 1.429,
        "intendedGapMs": 6003.19,
        "achievedGapMs": {
          "node24-standalone-default": 5978.8215,
          "node24-next-start-default": 5957.026
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.172,
          "node24-next-start-default": 1.7
        },
        "boundaryMs": {
          "node24-standalone-default": 6003.309,
          "node24-next-start-default": 6001.761
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 10,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6002.538,
        "centerOffsetMs": -3.5709999999999997,
        "intendedGapMs": 5998.19,
        "achievedGapMs": {
          "node24-standalone-default": 5938.799,
          "node24-next-start-default": 5957.0095
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.142,
          "node24-next-start-default": 1.527
        },
        "boundaryMs": {
          "node24-standalone-default": 6004.62,
          "node24-next-start-default": 6002.538
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 1,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 11,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6002.538,
        "centerOffsetMs": 2.4290000000000003,
        "intendedGapMs": 6004.967,
        "achievedGapMs": {
          "node24-standalone-default": 5806.054,
          "node24-next-start-default": 5901.074
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.172,
          "node24-next-start-default": 1.527
        },
        "boundaryMs": {
          "node24-standalone-default": 6004.62,
          "node24-next-start-default": 6002.538
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      },
      {
        "cycle": 12,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.445,
        "centerOffsetMs": -0.571,
        "intendedGapMs": 6001.967,
        "achievedGapMs": {
          "node24-standalone-default": 5951.690500000001,
          "node24-next-start-default": 5969.9825
        },
        "oneWayLatencyMs": {
          "node24-standalone-default": 1.142,
          "node24-next-start-default": 0.91
        },
        "boundaryMs": {
          "node24-standalone-default": 6004.62,
          "node24-next-start-default": 6003.445
        },
        "sendsPerVariant": 8,
        "count502": {
          "node24-standalone-default": 0,
          "node24-next-start-default": 0
        }
      }
    ]
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 1,
      "connectionReset": 20,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "verdict": {
    "ok": true,
    "text": "4 cells: 2 reproduced, 2 masked, 0 safe, 0 inconclusive",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "node24-standalone-default-post: REPRODUCED (4 of 48 boundary requests failed (8.3 %, 95 % CI 3.3 %–19.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node24-standalone-default-get: MASKED (0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %); node24-next-start-default-post: REPRODUCED (1 of 48 boundary requests failed (2.1 %, 95 % CI 0.4 %–10.9 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)); node24-next-start-default-get: MASKED (0 failures in 48 boundary requests (≤ 6.1 % per request), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 390,
      "errorLines": 21
    }
  },
  "yourApp": null
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: compare 1`] = `
baseline: REPRODUCED  20261127-224243Z-docker (a, schema v8)
current:  REPRODUCED  20261127-224243Z-docker (b, schema v8)

                                       fix             must be  baseline    current     baseline: failed/boundary  current: failed/boundary  change (99.83 %)                  detectable (80 %)
node20-standalone-default-post         default         racy     REPRODUCED  REPRODUCED  4/67                       4/67                      ±0 % (−17 % … +17 %) per request  none, even to 0 %          ok
node20-standalone-default-get          default         racy     REPRODUCED  REPRODUCED  3/63                       3/63                      ±0 % (−17 % … +17 %) per request  none, even to 0 %          ok
node20-standalone-article-post         article         safe     SAFE        SAFE        0/40                       0/40                      ±0 % (−20 % … +20 %) per request  +19 %                      ok
node20-standalone-article-get          article         safe     SAFE        SAFE        0/39                       0/39                      ±0 % (−20 % … +20 %) per request  +19 %                      ok
node22-standalone-default-post         default         racy     REPRODUCED  REPRODUCED  4/66                       4/66                      ±0 % (−17 % … +17 %) per request  none, even to 0 %          ok
node22-standalone-default-get          default         racy     REPRODUCED  REPRODUCED  3/62                       3/62                      ±0 % (−17 % … +17 %) per request  none, even to 0 %          ok
node22-standalone-article-post         article         safe     SAFE        SAFE        0/37                       0/37                      ±0 % (−21 % … +21 %) per request  +20 %                      ok
node22-standalone-article-get          article         safe     SAFE        SAFE        0/35                       0/35                      ±0 % (−22 % … +22 %) per request  +21 %                      ok
node24-standalone-default-post         default         racy     REPRODUCED  REPRODUCED  2/56                       2/56                      ±0 % (−17 % … +17 %) per request  none, even to 0 %          ok
node24-standalone-default-get          default         racy     REPRODUCED  REPRODUCED  5/49                       5/49                      ±0 % (−22 % … +22 %) per request  none, even to 0 %          ok
node24-standalone-article-post         article         safe     SAFE        SAFE        0/38                       0/38                      ±0 % (−21 % … +21 %) per request  +19 %                      ok
node24-standalone-article-get          article         safe     SAFE        SAFE        0/39                       0/39                      ±0 % (−20 % … +20 %) per request  +19 %                      ok
node26-standalone-default-post         default         racy     REPRODUCED  REPRODUCED  10/59                      10/59                     ±0 % (−22 % … +22 %) per request  −17 %                      ok
node26-standalone-default-get          default         racy     REPRODUCED  REPRODUCED  6/45                       6/45                      ±0 % (−24 % … +24 %) per request  none, even to 0 %          ok
node26-standalone-article-post         article         safe     SAFE        SAFE        0/35                       0/35                      ±0 % (−22 % … +22 %) per request  +21 %                      ok
node26-standalone-article-get          article         safe     SAFE        SAFE        0/37                       0/37                      ±0 % (−21 % … +21 %) per request  +20 %                      ok
node24-next-start-default-post         default         racy     REPRODUCED  REPRODUCED  7/61                       7/61                      ±0 % (−20 % … +20 %) per request  none, even to 0 %          ok
node24-next-start-default-get          default         racy     REPRODUCED  REPRODUCED  10/59                      10/59                     ±0 % (−22 % … +22 %) per request  −17 %                      ok
node24-next-start-article-post         article         safe     SAFE        SAFE        0/34                       0/34                      ±0 % (−23 % … +23 %) per request  +22 %                      ok
node24-next-start-article-get          article         safe     SAFE        SAFE        0/34                       0/34                      ±0 % (−23 % … +23 %) per request  +22 %                      ok
node24-custom-default-post             default         racy     REPRODUCED  REPRODUCED  6/62                       6/62                      ±0 % (−19 % … +19 %) per request  none, even to 0 %          ok
node24-custom-default-get              default         racy     REPRODUCED  REPRODUCED  9/58                       9/58                      ±0 % (−22 % … +22 %) per request  −15 %                      ok
node24-custom-article-post             article         safe     SAFE        SAFE        0/37                       0/37                      ±0 % (−21 % … +21 %) per request  +20 %                      ok
node24-custom-article-get              article         safe     SAFE        SAFE        0/37                       0/37                      ±0 % (−21 % … +21 %) per request  +20 %                      ok
node24-standalone-keepalive-only-post  keepalive-only  safe     SAFE        SAFE        0/36                       0/36                      ±0 % (−22 % … +22 %) per request  +20 %                      ok
node24-standalone-keepalive-only-get   keepalive-only  safe     SAFE        SAFE        0/33                       0/33                      ±0 % (−23 % … +23 %) per request  +22 %                      ok
node24-standalone-too-short-post       too-short       —        REPRODUCED  REPRODUCED  2/30                       2/30                      ±0 % (−28 % … +28 %) per request  +42 % / none, even to 0 %  ok
node24-standalone-too-short-get        too-short       —        REPRODUCED  REPRODUCED  1/24                       1/24                      ±0 % (−31 % … +31 %) per request  +45 % / none, even to 0 %  ok
node24-standalone-node-65s-post        node-65s        safe     SAFE        SAFE        0/38                       0/38                      ±0 % (−21 % … +21 %) per request  +19 %                      ok
node24-standalone-node-65s-get         node-65s        safe     SAFE        SAFE        0/38                       0/38                      ±0 % (−21 % … +21 %) per request  +19 %                      ok

Each change's interval is at 99.83 %, so that the 30 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

note: compared by boundary request, since a summary older than v6 has no per-cycle count (30: node20-standalone-default-post, node20-standalone-default-get, node20-standalone-article-post, node20-standalone-article-get and 26 more); failures cluster by cycle, so these rows claim more precision than they have

NO REGRESSION (exit 0): every fix held, Node's defaults still show the race, and no rate moved beyond chance.
A rate can have moved by less than its row's detectable change unseen.
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "30 cells: 14 reproduced, 0 masked, 16 safe, 0 inconclusive",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "node20-standalone-default-post: REPRODUCED (4 of 67 boundary requests failed (6.0 %, 95 % CI 2.3 %–14.4 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node20-standalone-default-get: REPRODUCED (3 of 63 boundary requests failed (4.8 %, 95 % CI 1.6 %–13.1 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)); node20-standalone-article-post: SAFE (0 failures in 40 boundary requests (≤ 7.2 % per request), one-sided 95 %); node20-standalone-article-get: SAFE (0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %); node22-standalone-default-post: REPRODUCED (4 of 66 boundary requests failed (6.1 %, 95 % CI 2.4 %–14.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node22-standalone-default-get: REPRODUCED (3 of 62 boundary requests failed (4.8 %, 95 % CI 1.7 %–13.3 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)); node22-standalone-article-post: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node22-standalone-article-get: SAFE (0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %); node24-standalone-default-post: REPRODUCED (2 of 56 boundary requests failed (3.6 %, 95 % CI 1.0 %–12.1 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)); node24-standalone-default-get: REPRODUCED (5 of 49 boundary requests failed (10.2 %, 95 % CI 4.4 %–21.8 %) in aimed cycles not counted (summary before v6) (5 × 502 in all)); node24-standalone-article-post: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %); node24-standalone-article-get: SAFE (0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %); node26-standalone-default-post: REPRODUCED (10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)); node26-standalone-default-get: REPRODUCED (6 of 45 boundary requests failed (13.3 %, 95 % CI 6.3 %–26.2 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)); node26-standalone-article-post: SAFE (0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %); node26-standalone-article-get: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-next-start-default-post: REPRODUCED (7 of 61 boundary requests failed (11.5 %, 95 % CI 5.7 %–21.8 %) in aimed cycles not counted (summary before v6) (7 × 502 in all)); node24-next-start-default-get: REPRODUCED (10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)); node24-next-start-article-post: SAFE (0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %); node24-next-start-article-get: SAFE (0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %); node24-custom-default-post: REPRODUCED (6 of 62 boundary requests failed (9.7 %, 95 % CI 4.5 %–19.5 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)); node24-custom-default-get: REPRODUCED (9 of 58 boundary requests failed (15.5 %, 95 % CI 8.4 %–26.9 %) in aimed cycles not counted (summary before v6) (9 × 502 in all)); node24-custom-article-post: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-custom-article-get: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-standalone-keepalive-only-post: SAFE (0 failures in 36 boundary requests (≤ 8.0 % per request), one-sided 95 %); node24-standalone-keepalive-only-get: SAFE (0 failures in 33 boundary requests (≤ 8.7 % per request), one-sided 95 %); node24-standalone-too-short-post: REPRODUCED (2 of 30 boundary requests failed (6.7 %, 95 % CI 1.8 %–21.3 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)); node24-standalone-too-short-get: REPRODUCED (1 of 24 boundary requests failed (4.2 %, 95 % CI 0.7 %–20.2 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)); node24-standalone-node-65s-post: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %); node24-standalone-node-65s-get: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %)"
  },
  "headline": "REPRODUCED  14 REPRODUCED   16 SAFE",
  "verdictLine": "REPRODUCED: 30 cells: 14 reproduced, 0 masked, 16 safe, 0 inconclusive",
  "complete": true,
  "interrupted": false,
  "counts": {
    "node20-standalone-default": {
      "sent": 291,
      "count502": 7,
      "failed": 7,
      "boundary": 144
    },
    "node20-standalone-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node22-standalone-default": {
      "sent": 291,
      "count502": 7,
      "failed": 7,
      "boundary": 144
    },
    "node22-standalone-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node24-standalone-default": {
      "sent": 291,
      "count502": 7,
      "failed": 7,
      "boundary": 144
    },
    "node24-standalone-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node26-standalone-default": {
      "sent": 291,
      "count502": 16,
      "failed": 16,
      "boundary": 144
    },
    "node26-standalone-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node24-next-start-default": {
      "sent": 291,
      "count502": 17,
      "failed": 17,
      "boundary": 144
    },
    "node24-next-start-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node24-custom-default": {
      "sent": 291,
      "count502": 15,
      "failed": 15,
      "boundary": 144
    },
    "node24-custom-article": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node24-standalone-keepalive-only": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    },
    "node24-standalone-too-short": {
      "sent": 163,
      "count502": 3,
      "failed": 3,
      "boundary": 80
    },
    "node24-standalone-node-65s": {
      "sent": 163,
      "count502": 0,
      "failed": 0,
      "boundary": 80
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: headline 1`] = `
REPRODUCED  14 REPRODUCED   16 SAFE
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>REPRODUCED · keepalive-lab 20261127-224243Z-docker</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run 20261127-224243Z-docker</h1>
<p class="headline" data-role="headline">REPRODUCED  14 REPRODUCED   16 SAFE</p>
<p class="verdict tone-bad" data-role="verdict" data-word="REPRODUCED" data-tone="bad">REPRODUCED: 30 cells: 14 reproduced, 0 masked, 16 safe, 0 inconclusive</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">node20-standalone-default</th><td>POST</td><td>REPRODUCED</td><td>20.20.2</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>4/67</td><td>6.0 %</td><td>4 × 502</td><td>0</td><td>26/0</td><td>37.2 s</td></tr>
<tr><th scope="row">node20-standalone-default</th><td>GET</td><td>REPRODUCED</td><td>20.20.2</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>3/63</td><td>4.8 %</td><td>3 × 502</td><td>0</td><td>26/0</td><td>120.3 s</td></tr>
<tr><th scope="row">node20-standalone-article</th><td>POST</td><td>SAFE</td><td>20.20.2</td><td>standalone</td><td>61000/62000</td><td>62.00 s</td><td>59.72 s (lb)</td><td>0/40</td><td>≤ 7.2 %</td><td>no failure</td><td>0</td><td>0/1</td><td>—</td></tr>
<tr><th scope="row">node20-standalone-article</th><td>GET</td><td>SAFE</td><td>20.20.2</td><td>standalone</td><td>61000/62000</td><td>62.00 s</td><td>59.72 s (lb)</td><td>0/39</td><td>≤ 7.4 %</td><td>no failure</td><td>0</td><td>0/1</td><td>—</td></tr>
<tr><th scope="row">node22-standalone-default</th><td>POST</td><td>REPRODUCED</td><td>22.23.3</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>4/66</td><td>6.1 %</td><td>4 × 502</td><td>0</td><td>31/0</td><td>15.6 s</td></tr>
<tr><th scope="row">node22-standalone-default</th><td>GET</td><td>REPRODUCED</td><td>22.23.3</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>3/62</td><td>4.8 %</td><td>3 × 502</td><td>0</td><td>31/0</td><td>30.5 s</td></tr>
<tr><th scope="row">node22-standalone-article</th><td>POST</td><td>SAFE</td><td>22.23.3</td><td>standalone</td><td>61000/62000</td><td>62.01 s</td><td>59.97 s (lb)</td><td>0/37</td><td>≤ 7.8 %</td><td>no failure</td><td>0</td><td>0/10</td><td>—</td></tr>
<tr><th scope="row">node22-standalone-article</th><td>GET</td><td>SAFE</td><td>22.23.3</td><td>standalone</td><td>61000/62000</td><td>62.01 s</td><td>59.97 s (lb)</td><td>0/35</td><td>≤ 8.2 %</td><td>no failure</td><td>0</td><td>0/10</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-default</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>2/56</td><td>3.6 %</td><td>2 × 502</td><td>0</td><td>51/0</td><td>127.4 s</td></tr>
<tr><th scope="row">node24-standalone-default</th><td>GET</td><td>REPRODUCED</td><td>24.21.0</td><td>standalone</td><td>default/default</td><td>6.01 s</td><td>6.01 s (app)</td><td>5/49</td><td>10.2 %</td><td>5 × 502</td><td>0</td><td>51/0</td><td>23.2 s</td></tr>
<tr><th scope="row">node24-standalone-article</th><td>POST</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>61000/62000</td><td>62.01 s</td><td>59.77 s (lb)</td><td>0/38</td><td>≤ 7.6 %</td><td>no failure</td><td>0</td><td>0/1</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-article</th><td>GET</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>61000/62000</td><td>62.01 s</td><td>59.77 s (lb)</td><td>0/39</td><td>≤ 7.4 %</td><td>no failure</td><td>0</td><td>0/1</td><td>—</td></tr>
<tr><th scope="row">node26-standalone-default</th><td>POST</td><td>REPRODUCED</td><td>26.12.1</td><td>standalone</td><td>default/default</td><td>6.03 s</td><td>6.01 s (app)</td><td>10/59</td><td>16.9 %</td><td>10 × 502</td><td>0</td><td>64/0</td><td>23.2 s</td></tr>
<tr><th scope="row">node26-standalone-default</th><td>GET</td><td>REPRODUCED</td><td>26.12.1</td><td>standalone</td><td>default/default</td><td>6.03 s</td><td>6.01 s (app)</td><td>6/45</td><td>13.3 %</td><td>6 × 502</td><td>0</td><td>64/0</td><td>15.8 s</td></tr>
<tr><th scope="row">node26-standalone-article</th><td>POST</td><td>SAFE</td><td>26.12.1</td><td>standalone</td><td>61000/62000</td><td>62.00 s</td><td>59.98 s (lb)</td><td>0/35</td><td>≤ 8.2 %</td><td>no failure</td><td>0</td><td>0/8</td><td>—</td></tr>
<tr><th scope="row">node26-standalone-article</th><td>GET</td><td>SAFE</td><td>26.12.1</td><td>standalone</td><td>61000/62000</td><td>62.00 s</td><td>59.98 s (lb)</td><td>0/37</td><td>≤ 7.8 %</td><td>no failure</td><td>0</td><td>0/8</td><td>—</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>next-start</td><td>default/default</td><td>6.00 s</td><td>6.01 s (app)</td><td>7/61</td><td>11.5 %</td><td>7 × 502</td><td>0</td><td>48/0</td><td>57.4 s</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>GET</td><td>REPRODUCED</td><td>24.21.0</td><td>next-start</td><td>default/default</td><td>6.00 s</td><td>6.01 s (app)</td><td>10/59</td><td>16.9 %</td><td>10 × 502</td><td>0</td><td>48/0</td><td>7.7 s</td></tr>
<tr><th scope="row">node24-next-start-article</th><td>POST</td><td>SAFE</td><td>24.21.0</td><td>next-start</td><td>61000/62000</td><td>62.00 s</td><td>59.91 s (lb)</td><td>0/34</td><td>≤ 8.4 %</td><td>no failure</td><td>0</td><td>0/12</td><td>—</td></tr>
<tr><th scope="row">node24-next-start-article</th><td>GET</td><td>SAFE</td><td>24.21.0</td><td>next-start</td><td>61000/62000</td><td>62.00 s</td><td>59.91 s (lb)</td><td>0/34</td><td>≤ 8.4 %</td><td>no failure</td><td>0</td><td>0/12</td><td>—</td></tr>
<tr><th scope="row">node24-custom-default</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>custom</td><td>default/default</td><td>6.05 s</td><td>6.00 s (app)</td><td>6/62</td><td>9.7 %</td><td>6 × 502</td><td>0</td><td>42/0</td><td>113.4 s</td></tr>
<tr><th scope="row">node24-custom-default</th><td>GET</td><td>REPRODUCED</td><td>24.21.0</td><td>custom</td><td>default/default</td><td>6.05 s</td><td>6.00 s (app)</td><td>9/58</td><td>15.5 %</td><td>9 × 502</td><td>0</td><td>42/0</td><td>37.6 s</td></tr>
<tr><th scope="row">node24-custom-article</th><td>POST</td><td>SAFE</td><td>24.21.0</td><td>custom</td><td>61000/62000</td><td>62.00 s</td><td>59.88 s (lb)</td><td>0/37</td><td>≤ 7.8 %</td><td>no failure</td><td>0</td><td>0/7</td><td>—</td></tr>
<tr><th scope="row">node24-custom-article</th><td>GET</td><td>SAFE</td><td>24.21.0</td><td>custom</td><td>61000/62000</td><td>62.00 s</td><td>59.88 s (lb)</td><td>0/37</td><td>≤ 7.8 %</td><td>no failure</td><td>0</td><td>0/7</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-keepalive-only</th><td>POST</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>61000/default</td><td>61.99 s</td><td>59.94 s (lb)</td><td>0/36</td><td>≤ 8.0 %</td><td>no failure</td><td>0</td><td>0/11</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-keepalive-only</th><td>GET</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>61000/default</td><td>61.99 s</td><td>59.94 s (lb)</td><td>0/33</td><td>≤ 8.7 %</td><td>no failure</td><td>0</td><td>0/11</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-too-short</th><td>POST</td><td>REPRODUCED</td><td>24.21.0</td><td>standalone</td><td>59000/default</td><td>60.01 s</td><td>59.97 s (lb)</td><td>2/30</td><td>6.7 %</td><td>2 × 502</td><td>0</td><td>3/26</td><td>308.6 s</td></tr>
<tr><th scope="row">node24-standalone-too-short</th><td>GET</td><td>REPRODUCED</td><td>24.21.0</td><td>standalone</td><td>59000/default</td><td>60.01 s</td><td>59.97 s (lb)</td><td>1/24</td><td>4.2 %</td><td>1 × 502</td><td>0</td><td>3/26</td><td>308.6 s</td></tr>
<tr><th scope="row">node24-standalone-node-65s</th><td>POST</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>65000/default</td><td>66.01 s</td><td>59.98 s (lb)</td><td>0/38</td><td>≤ 7.6 %</td><td>no failure</td><td>0</td><td>0/3</td><td>—</td></tr>
<tr><th scope="row">node24-standalone-node-65s</th><td>GET</td><td>SAFE</td><td>24.21.0</td><td>standalone</td><td>65000/default</td><td>66.01 s</td><td>59.98 s (lb)</td><td>0/38</td><td>≤ 7.6 %</td><td>no failure</td><td>0</td><td>0/3</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>node20-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 67 boundary requests failed (6.0 %, 95 % CI 2.3 %–14.4 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)</li>
<li>node20-standalone-default-get: REPRODUCED — 3 × 502 to the client; 3 of 63 boundary requests failed (4.8 %, 95 % CI 1.6 %–13.1 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)</li>
<li>node20-standalone-article-post: SAFE — 0 × 502 in 40 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 40 boundary requests (≤ 7.2 % per request), one-sided 95 %</li>
<li>node20-standalone-article-get: SAFE — 0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %</li>
<li>node22-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 66 boundary requests failed (6.1 %, 95 % CI 2.4 %–14.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)</li>
<li>node22-standalone-default-get: REPRODUCED — 3 × 502 to the client; 3 of 62 boundary requests failed (4.8 %, 95 % CI 1.7 %–13.3 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)</li>
<li>node22-standalone-article-post: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (10); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %</li>
<li>node22-standalone-article-get: SAFE — 0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (10); 0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %</li>
<li>node24-standalone-default-post: REPRODUCED — 2 × 502 to the client; 2 of 56 boundary requests failed (3.6 %, 95 % CI 1.0 %–12.1 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)</li>
<li>node24-standalone-default-get: REPRODUCED — 5 × 502 to the client; 5 of 49 boundary requests failed (10.2 %, 95 % CI 4.4 %–21.8 %) in aimed cycles not counted (summary before v6) (5 × 502 in all)</li>
<li>node24-standalone-article-post: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %</li>
<li>node24-standalone-article-get: SAFE — 0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %</li>
<li>node26-standalone-default-post: REPRODUCED — 10 × 502 to the client; 10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)</li>
<li>node26-standalone-default-get: REPRODUCED — 6 × 502 to the client; 6 of 45 boundary requests failed (13.3 %, 95 % CI 6.3 %–26.2 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)</li>
<li>node26-standalone-article-post: SAFE — 0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (8); 0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %</li>
<li>node26-standalone-article-get: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (8); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %</li>
<li>node24-next-start-default-post: REPRODUCED — 7 × 502 to the client; 7 of 61 boundary requests failed (11.5 %, 95 % CI 5.7 %–21.8 %) in aimed cycles not counted (summary before v6) (7 × 502 in all)</li>
<li>node24-next-start-default-get: REPRODUCED — 10 × 502 to the client; 10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)</li>
<li>node24-next-start-article-post: SAFE — 0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12); 0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %</li>
<li>node24-next-start-article-get: SAFE — 0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12); 0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %</li>
<li>node24-custom-default-post: REPRODUCED — 6 × 502 to the client; 6 of 62 boundary requests failed (9.7 %, 95 % CI 4.5 %–19.5 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)</li>
<li>node24-custom-default-get: REPRODUCED — 9 × 502 to the client; 9 of 58 boundary requests failed (15.5 %, 95 % CI 8.4 %–26.9 %) in aimed cycles not counted (summary before v6) (9 × 502 in all)</li>
<li>node24-custom-article-post: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %</li>
<li>node24-custom-article-get: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %</li>
<li>node24-standalone-keepalive-only-post: SAFE — 0 × 502 in 36 boundary requests; the LB closed every idle upstream connection (11); 0 failures in 36 boundary requests (≤ 8.0 % per request), one-sided 95 %</li>
<li>node24-standalone-keepalive-only-get: SAFE — 0 × 502 in 33 boundary requests; the LB closed every idle upstream connection (11); 0 failures in 33 boundary requests (≤ 8.7 % per request), one-sided 95 %</li>
<li>node24-standalone-too-short-post: REPRODUCED — 2 × 502 to the client; 2 of 30 boundary requests failed (6.7 %, 95 % CI 1.8 %–21.3 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)</li>
<li>node24-standalone-too-short-get: REPRODUCED — 1 × 502 to the client; 1 of 24 boundary requests failed (4.2 %, 95 % CI 0.7 %–20.2 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)</li>
<li>node24-standalone-node-65s-post: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %</li>
<li>node24-standalone-node-65s-get: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>20261127-224243Z-docker (docker, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>2026-11-27T22:42:43.007Z → 2026-11-27T22:55:02.406Z (739.4 s)</td></tr>
<tr><th scope="row">versions</th><td>docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node20 20.20.2, node22 22.23.3, node24 24.21.0, node26 26.12.1, harnessNode 20.20.2</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (3213 access-log entries, 72 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>node24-next-start-default&#39;s close delay 6014.7 ms (app clock), 28 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>one clock (before schema v5)</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">node20-standalone-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.010 s</td><td>6.008 s</td></tr>
<tr><th scope="row">node20-standalone-article</th><td>keepAliveTimeout 61000 ms</td><td>62.002 s</td><td>62.002 s</td></tr>
<tr><th scope="row">node22-standalone-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.011 s</td><td>6.011 s</td></tr>
<tr><th scope="row">node22-standalone-article</th><td>keepAliveTimeout 61000 ms</td><td>62.015 s</td><td>62.005 s</td></tr>
<tr><th scope="row">node24-standalone-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.009 s</td><td>6.007 s</td></tr>
<tr><th scope="row">node24-standalone-article</th><td>keepAliveTimeout 61000 ms</td><td>62.005 s</td><td>62.005 s</td></tr>
<tr><th scope="row">node26-standalone-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.031 s</td><td>6.005 s</td></tr>
<tr><th scope="row">node26-standalone-article</th><td>keepAliveTimeout 61000 ms</td><td>62.004 s</td><td>62.004 s</td></tr>
<tr><th scope="row">node24-next-start-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.003 s</td><td>6.007 s</td></tr>
<tr><th scope="row">node24-next-start-article</th><td>keepAliveTimeout 61000 ms</td><td>62.002 s</td><td>62.001 s</td></tr>
<tr><th scope="row">node24-custom-default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.049 s</td><td>6.005 s</td></tr>
<tr><th scope="row">node24-custom-article</th><td>keepAliveTimeout 61000 ms</td><td>62.003 s</td><td>62.003 s</td></tr>
<tr><th scope="row">node24-standalone-keepalive-only</th><td>keepAliveTimeout 61000 ms</td><td>61.993 s</td><td>62.007 s</td></tr>
<tr><th scope="row">node24-standalone-too-short</th><td>keepAliveTimeout 59000 ms</td><td>60.007 s</td><td>60.003 s</td></tr>
<tr><th scope="row">node24-standalone-node-65s</th><td>keepAliveTimeout 65000 ms</td><td>66.006 s</td><td>66.005 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: report.md 1`] = `
# keepalive-lab run 20261127-224243Z-docker

**REPRODUCED: 30 cells: 14 reproduced, 0 masked, 16 safe, 0 inconclusive**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| node20-standalone-default | POST | nginx 1.22.1 | 20.20.2 | standalone | default/default | 6.01 s | 6.01 s (app) | 4/67 | 6.0 % | 4 × 502 | 0 | 26/0 | 37.2 s | REPRODUCED |
| node20-standalone-default | GET | nginx 1.22.1 | 20.20.2 | standalone | default/default | 6.01 s | 6.01 s (app) | 3/63 | 4.8 % | 3 × 502 | 0 | 26/0 | 120.3 s | REPRODUCED |
| node20-standalone-article | POST | nginx 1.22.1 | 20.20.2 | standalone | 61000/62000 | 62.00 s | 59.72 s (lb) | 0/40 | ≤ 7.2 % | no failure | 0 | 0/1 | — | SAFE |
| node20-standalone-article | GET | nginx 1.22.1 | 20.20.2 | standalone | 61000/62000 | 62.00 s | 59.72 s (lb) | 0/39 | ≤ 7.4 % | no failure | 0 | 0/1 | — | SAFE |
| node22-standalone-default | POST | nginx 1.22.1 | 22.23.3 | standalone | default/default | 6.01 s | 6.01 s (app) | 4/66 | 6.1 % | 4 × 502 | 0 | 31/0 | 15.6 s | REPRODUCED |
| node22-standalone-default | GET | nginx 1.22.1 | 22.23.3 | standalone | default/default | 6.01 s | 6.01 s (app) | 3/62 | 4.8 % | 3 × 502 | 0 | 31/0 | 30.5 s | REPRODUCED |
| node22-standalone-article | POST | nginx 1.22.1 | 22.23.3 | standalone | 61000/62000 | 62.01 s | 59.97 s (lb) | 0/37 | ≤ 7.8 % | no failure | 0 | 0/10 | — | SAFE |
| node22-standalone-article | GET | nginx 1.22.1 | 22.23.3 | standalone | 61000/62000 | 62.01 s | 59.97 s (lb) | 0/35 | ≤ 8.2 % | no failure | 0 | 0/10 | — | SAFE |
| node24-standalone-default | POST | nginx 1.22.1 | 24.21.0 | standalone | default/default | 6.01 s | 6.01 s (app) | 2/56 | 3.6 % | 2 × 502 | 0 | 51/0 | 127.4 s | REPRODUCED |
| node24-standalone-default | GET | nginx 1.22.1 | 24.21.0 | standalone | default/default | 6.01 s | 6.01 s (app) | 5/49 | 10.2 % | 5 × 502 | 0 | 51/0 | 23.2 s | REPRODUCED |
| node24-standalone-article | POST | nginx 1.22.1 | 24.21.0 | standalone | 61000/62000 | 62.01 s | 59.77 s (lb) | 0/38 | ≤ 7.6 % | no failure | 0 | 0/1 | — | SAFE |
| node24-standalone-article | GET | nginx 1.22.1 | 24.21.0 | standalone | 61000/62000 | 62.01 s | 59.77 s (lb) | 0/39 | ≤ 7.4 % | no failure | 0 | 0/1 | — | SAFE |
| node26-standalone-default | POST | nginx 1.22.1 | 26.12.1 | standalone | default/default | 6.03 s | 6.01 s (app) | 10/59 | 16.9 % | 10 × 502 | 0 | 64/0 | 23.2 s | REPRODUCED |
| node26-standalone-default | GET | nginx 1.22.1 | 26.12.1 | standalone | default/default | 6.03 s | 6.01 s (app) | 6/45 | 13.3 % | 6 × 502 | 0 | 64/0 | 15.8 s | REPRODUCED |
| node26-standalone-article | POST | nginx 1.22.1 | 26.12.1 | standalone | 61000/62000 | 62.00 s | 59.98 s (lb) | 0/35 | ≤ 8.2 % | no failure | 0 | 0/8 | — | SAFE |
| node26-standalone-article | GET | nginx 1.22.1 | 26.12.1 | standalone | 61000/62000 | 62.00 s | 59.98 s (lb) | 0/37 | ≤ 7.8 % | no failure | 0 | 0/8 | — | SAFE |
| node24-next-start-default | POST | nginx 1.22.1 | 24.21.0 | next-start | default/default | 6.00 s | 6.01 s (app) | 7/61 | 11.5 % | 7 × 502 | 0 | 48/0 | 57.4 s | REPRODUCED |
| node24-next-start-default | GET | nginx 1.22.1 | 24.21.0 | next-start | default/default | 6.00 s | 6.01 s (app) | 10/59 | 16.9 % | 10 × 502 | 0 | 48/0 | 7.7 s | REPRODUCED |
| node24-next-start-article | POST | nginx 1.22.1 | 24.21.0 | next-start | 61000/62000 | 62.00 s | 59.91 s (lb) | 0/34 | ≤ 8.4 % | no failure | 0 | 0/12 | — | SAFE |
| node24-next-start-article | GET | nginx 1.22.1 | 24.21.0 | next-start | 61000/62000 | 62.00 s | 59.91 s (lb) | 0/34 | ≤ 8.4 % | no failure | 0 | 0/12 | — | SAFE |
| node24-custom-default | POST | nginx 1.22.1 | 24.21.0 | custom | default/default | 6.05 s | 6.00 s (app) | 6/62 | 9.7 % | 6 × 502 | 0 | 42/0 | 113.4 s | REPRODUCED |
| node24-custom-default | GET | nginx 1.22.1 | 24.21.0 | custom | default/default | 6.05 s | 6.00 s (app) | 9/58 | 15.5 % | 9 × 502 | 0 | 42/0 | 37.6 s | REPRODUCED |
| node24-custom-article | POST | nginx 1.22.1 | 24.21.0 | custom | 61000/62000 | 62.00 s | 59.88 s (lb) | 0/37 | ≤ 7.8 % | no failure | 0 | 0/7 | — | SAFE |
| node24-custom-article | GET | nginx 1.22.1 | 24.21.0 | custom | 61000/62000 | 62.00 s | 59.88 s (lb) | 0/37 | ≤ 7.8 % | no failure | 0 | 0/7 | — | SAFE |
| node24-standalone-keepalive-only | POST | nginx 1.22.1 | 24.21.0 | standalone | 61000/default | 61.99 s | 59.94 s (lb) | 0/36 | ≤ 8.0 % | no failure | 0 | 0/11 | — | SAFE |
| node24-standalone-keepalive-only | GET | nginx 1.22.1 | 24.21.0 | standalone | 61000/default | 61.99 s | 59.94 s (lb) | 0/33 | ≤ 8.7 % | no failure | 0 | 0/11 | — | SAFE |
| node24-standalone-too-short | POST | nginx 1.22.1 | 24.21.0 | standalone | 59000/default | 60.01 s | 59.97 s (lb) | 2/30 | 6.7 % | 2 × 502 | 0 | 3/26 | 308.6 s | REPRODUCED |
| node24-standalone-too-short | GET | nginx 1.22.1 | 24.21.0 | standalone | 59000/default | 60.01 s | 59.97 s (lb) | 1/24 | 4.2 % | 1 × 502 | 0 | 3/26 | 308.6 s | REPRODUCED |
| node24-standalone-node-65s | POST | nginx 1.22.1 | 24.21.0 | standalone | 65000/default | 66.01 s | 59.98 s (lb) | 0/38 | ≤ 7.6 % | no failure | 0 | 0/3 | — | SAFE |
| node24-standalone-node-65s | GET | nginx 1.22.1 | 24.21.0 | standalone | 65000/default | 66.01 s | 59.98 s (lb) | 0/38 | ≤ 7.6 % | no failure | 0 | 0/3 | — | SAFE |

## Cells

- node20-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 67 boundary requests failed (6.0 %, 95 % CI 2.3 %–14.4 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)
- node20-standalone-default-get: REPRODUCED — 3 × 502 to the client; 3 of 63 boundary requests failed (4.8 %, 95 % CI 1.6 %–13.1 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)
- node20-standalone-article-post: SAFE — 0 × 502 in 40 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 40 boundary requests (≤ 7.2 % per request), one-sided 95 %
- node20-standalone-article-get: SAFE — 0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %
- node22-standalone-default-post: REPRODUCED — 4 × 502 to the client; 4 of 66 boundary requests failed (6.1 %, 95 % CI 2.4 %–14.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)
- node22-standalone-default-get: REPRODUCED — 3 × 502 to the client; 3 of 62 boundary requests failed (4.8 %, 95 % CI 1.7 %–13.3 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)
- node22-standalone-article-post: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (10); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %
- node22-standalone-article-get: SAFE — 0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (10); 0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %
- node24-standalone-default-post: REPRODUCED — 2 × 502 to the client; 2 of 56 boundary requests failed (3.6 %, 95 % CI 1.0 %–12.1 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)
- node24-standalone-default-get: REPRODUCED — 5 × 502 to the client; 5 of 49 boundary requests failed (10.2 %, 95 % CI 4.4 %–21.8 %) in aimed cycles not counted (summary before v6) (5 × 502 in all)
- node24-standalone-article-post: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %
- node24-standalone-article-get: SAFE — 0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1); 0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %
- node26-standalone-default-post: REPRODUCED — 10 × 502 to the client; 10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)
- node26-standalone-default-get: REPRODUCED — 6 × 502 to the client; 6 of 45 boundary requests failed (13.3 %, 95 % CI 6.3 %–26.2 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)
- node26-standalone-article-post: SAFE — 0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (8); 0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %
- node26-standalone-article-get: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (8); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %
- node24-next-start-default-post: REPRODUCED — 7 × 502 to the client; 7 of 61 boundary requests failed (11.5 %, 95 % CI 5.7 %–21.8 %) in aimed cycles not counted (summary before v6) (7 × 502 in all)
- node24-next-start-default-get: REPRODUCED — 10 × 502 to the client; 10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)
- node24-next-start-article-post: SAFE — 0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12); 0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %
- node24-next-start-article-get: SAFE — 0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12); 0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %
- node24-custom-default-post: REPRODUCED — 6 × 502 to the client; 6 of 62 boundary requests failed (9.7 %, 95 % CI 4.5 %–19.5 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)
- node24-custom-default-get: REPRODUCED — 9 × 502 to the client; 9 of 58 boundary requests failed (15.5 %, 95 % CI 8.4 %–26.9 %) in aimed cycles not counted (summary before v6) (9 × 502 in all)
- node24-custom-article-post: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %
- node24-custom-article-get: SAFE — 0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7); 0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %
- node24-standalone-keepalive-only-post: SAFE — 0 × 502 in 36 boundary requests; the LB closed every idle upstream connection (11); 0 failures in 36 boundary requests (≤ 8.0 % per request), one-sided 95 %
- node24-standalone-keepalive-only-get: SAFE — 0 × 502 in 33 boundary requests; the LB closed every idle upstream connection (11); 0 failures in 33 boundary requests (≤ 8.7 % per request), one-sided 95 %
- node24-standalone-too-short-post: REPRODUCED — 2 × 502 to the client; 2 of 30 boundary requests failed (6.7 %, 95 % CI 1.8 %–21.3 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)
- node24-standalone-too-short-get: REPRODUCED — 1 × 502 to the client; 1 of 24 boundary requests failed (4.2 %, 95 % CI 0.7 %–20.2 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)
- node24-standalone-node-65s-post: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %
- node24-standalone-node-65s-get: SAFE — 0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3); 0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %

## How it ran

- runtime: docker, mode: quick, nginx retry policy: alb, app server: standalone,next-start,custom
- LB upstream keep-alive: 60000 ms
- versions: docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node20 20.20.2, node22 22.23.3, node24 24.21.0, node26 26.12.1, harnessNode 20.20.2
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at node24-next-start-default's close delay 6014.7 ms (app clock), one-way latency node20-standalone-default 20.02 ms, node22-standalone-default 44.79 ms, node24-standalone-default 10.64 ms, node26-standalone-default 6.97 ms, node24-next-start-default 9.60 ms, node24-custom-default 20.52 ms, node20-standalone-article 10.11 ms, node22-standalone-article 15.62 ms, node24-standalone-article 3.12 ms, node26-standalone-article 7.02 ms, node24-next-start-article 11.18 ms, node24-custom-article 5.22 ms, node24-standalone-keepalive-only 20.71 ms, node24-standalone-too-short 23.63 ms, node24-standalone-node-65s 4.70 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): — (before schema v5 the apps shared the harness's clock)
- 28 cycles, wall time 739.4 s
- race window: 17 hits; planned offsets -5.0 … 4.9 ms (median 0.0); arrival − app close -70.9 … 30.7 ms (median 6.0)
- nginx error log: prematurelyClosed 19, connectionReset 53, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (3213 access-log entries, 72 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261127-224243Z-docker-summary-only: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "20261127-224243Z-docker",
  "startedAt": "2026-11-27T22:42:43.007Z",
  "finishedAt": "2026-11-27T22:55:02.406Z",
  "wallTimeMs": 739399,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "docker",
  "mode": "quick",
  "options": {
    "naivePairs": 0,
    "haproxyReuse": "safe",
    "mode": "quick",
    "cycles": 12,
    "maxCycles": 36,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "serverMode": "standalone",
    "cells": [
      {
        "lb": "nginx",
        "nodeLine": "20",
        "serverMode": "standalone",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "20",
        "serverMode": "standalone",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "22",
        "serverMode": "standalone",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "22",
        "serverMode": "standalone",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "26",
        "serverMode": "standalone",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "26",
        "serverMode": "standalone",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "next-start",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "next-start",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "custom",
        "fix": "default"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "custom",
        "fix": "article"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "keepalive-only"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "too-short"
      },
      {
        "lb": "nginx",
        "nodeLine": "24",
        "serverMode": "standalone",
        "fix": "node-65s"
      }
    ],
    "longCycles": 10,
    "keep": false,
    "json": true,
    "assert": false,
    "minBoundaryRequests": 40,
    "baseline": null,
    "assertSafe": false,
    "shard": null
  },
  "versions": {
    "docker": "20.10.24+dfsg1",
    "kernel": "6.18.44-fc-v782",
    "compose": "docker-compose 1.29.2",
    "nginx": "1.22.1",
    "node": "24.21.0",
    "next": "16.4.6",
    "node20": "20.20.2",
    "node22": "22.23.3",
    "node24": "24.21.0",
    "node26": "26.12.1",
    "harnessNode": "20.20.2"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "serverMode": "standalone,next-start,custom",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 65000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "node20-standalone-default": {
      "name": "node20-standalone-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6010.203,
        "probeWatchedMs": 6010.203,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6007.511
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 284,
          "502": 7
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 3
          },
          "POST": {
            "total": 144,
            "count502": 4
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 7,
        "trials": 291,
        "rate": 0.024054982817869417,
        "low": 0.011700060209453654,
        "high": 0.04881198206593167,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 7,
        "trials": 144,
        "rate": 0.04861111111111111,
        "low": 0.023743988255155446,
        "high": 0.09693568416564162,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 5,
        "elapsedMs": 156228
      },
      "closedBy": {
        "app": 26,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 26
      },
      "nginx": {
        "access502": 7,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 5,
        "rate": {
          "failures": 5,
          "trials": 18,
          "rate": 0.2777777777777778,
          "low": 0.12499753379553993,
          "high": 0.5087265656029746,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node20-standalone-article": {
      "name": "node20-standalone-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62002.282,
        "probeWatchedMs": 62002.282,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62001.756
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node22-standalone-default": {
      "name": "node22-standalone-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6011.09,
        "probeWatchedMs": 6011.09,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6010.945
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 284,
          "502": 7
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 3
          },
          "POST": {
            "total": 144,
            "count502": 4
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 7,
        "trials": 291,
        "rate": 0.024054982817869417,
        "low": 0.011700060209453654,
        "high": 0.04881198206593167,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 7,
        "trials": 144,
        "rate": 0.04861111111111111,
        "low": 0.023743988255155446,
        "high": 0.09693568416564162,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 2,
        "elapsedMs": 134710
      },
      "closedBy": {
        "app": 31,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 31
      },
      "nginx": {
        "access502": 7,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 5,
        "rate": {
          "failures": 5,
          "trials": 18,
          "rate": 0.2777777777777778,
          "low": 0.12499753379553993,
          "high": 0.5087265656029746,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node22-standalone-article": {
      "name": "node22-standalone-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62014.988,
        "probeWatchedMs": 62014.988,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62005.02
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 18,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 18
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node24-standalone-default": {
      "name": "node24-standalone-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6008.718,
        "probeWatchedMs": 6008.718,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6007.147
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 284,
          "502": 7
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 5
          },
          "POST": {
            "total": 144,
            "count502": 2
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 7,
        "trials": 291,
        "rate": 0.024054982817869417,
        "low": 0.011700060209453654,
        "high": 0.04881198206593167,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 7,
        "trials": 144,
        "rate": 0.04861111111111111,
        "low": 0.023743988255155446,
        "high": 0.09693568416564162,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 3,
        "elapsedMs": 142292
      },
      "closedBy": {
        "app": 51,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 51
      },
      "nginx": {
        "access502": 7,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 5,
        "rate": {
          "failures": 5,
          "trials": 18,
          "rate": 0.2777777777777778,
          "low": 0.12499753379553993,
          "high": 0.5087265656029746,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node24-standalone-article": {
      "name": "node24-standalone-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62005.228,
        "probeWatchedMs": 62005.228,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62004.715
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node26-standalone-default": {
      "name": "node26-standalone-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6030.897,
        "probeWatchedMs": 6030.897,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6005.49
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 275,
          "502": 16
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 6
          },
          "POST": {
            "total": 144,
            "count502": 10
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 16,
        "trials": 291,
        "rate": 0.054982817869415807,
        "low": 0.034123905094916945,
        "high": 0.0874378961661834,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 16,
        "trials": 144,
        "rate": 0.1111111111111111,
        "low": 0.0695593871009681,
        "high": 0.17287233067694935,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 2,
        "elapsedMs": 134890
      },
      "closedBy": {
        "app": 64,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 64
      },
      "nginx": {
        "access502": 16,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 8,
        "rate": {
          "failures": 8,
          "trials": 18,
          "rate": 0.4444444444444444,
          "low": 0.24559518127005633,
          "high": 0.6628358435795723,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node26-standalone-article": {
      "name": "node26-standalone-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62004.425,
        "probeWatchedMs": 62004.425,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62003.789
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 16,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 16
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node24-next-start-default": {
      "name": "node24-next-start-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6003.122,
        "probeWatchedMs": 6003.122,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6006.976
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 274,
          "502": 17
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 10
          },
          "POST": {
            "total": 144,
            "count502": 7
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 17,
        "trials": 291,
        "rate": 0.058419243986254296,
        "low": 0.03679055745307887,
        "high": 0.0915545503619898,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 17,
        "trials": 144,
        "rate": 0.11805555555555555,
        "low": 0.07502830197176064,
        "high": 0.18093142084583685,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 126752
      },
      "closedBy": {
        "app": 48,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 48
      },
      "nginx": {
        "access502": 17,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 10,
        "rate": {
          "failures": 10,
          "trials": 18,
          "rate": 0.5555555555555556,
          "low": 0.33716415642042774,
          "high": 0.7544048187299437,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node24-next-start-article": {
      "name": "node24-next-start-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62002.022,
        "probeWatchedMs": 62002.022,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62001.196
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 20,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 20
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node24-custom-default": {
      "name": "node24-custom-default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6048.983,
        "probeWatchedMs": 6048.983,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6004.996
      },
      "requests": {
        "total": 291,
        "byStatus": {
          "200": 276,
          "502": 15
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 147,
            "count502": 9
          },
          "POST": {
            "total": 144,
            "count502": 6
          }
        },
        "boundary": 144
      },
      "rate502": {
        "failures": 15,
        "trials": 291,
        "rate": 0.05154639175257732,
        "low": 0.03148339117694632,
        "high": 0.0832951035301857,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 15,
        "trials": 144,
        "rate": 0.10416666666666667,
        "low": 0.06414804449479507,
        "high": 0.16475566824344234,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 5,
        "elapsedMs": 156690
      },
      "closedBy": {
        "app": 42,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 42
      },
      "nginx": {
        "access502": 15,
        "accessTotal": 291
      },
      "boundaryCycles": {
        "cycles": 18,
        "hitting": 5,
        "rate": {
          "failures": 5,
          "trials": 18,
          "rate": 0.2777777777777778,
          "low": 0.12499753379553993,
          "high": 0.5087265656029746,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node24-custom-article": {
      "name": "node24-custom-article",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "article",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": 62003.194,
        "probeWatchedMs": 62003.194,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": 62002.939
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 14,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 14
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node24-standalone-keepalive-only": {
      "name": "node24-standalone-keepalive-only",
      "description": "keep-alive 61 s, headersTimeout left at Node's default",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "keepalive-only",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 61992.679,
        "probeWatchedMs": 61992.679,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 62006.527
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 19,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 19
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    },
    "node24-standalone-too-short": {
      "name": "node24-standalone-too-short",
      "description": "keep-alive 59 s: with Node's 1 s buffer it closes at about the LB's 60 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "too-short",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 59000,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 60006.524,
        "probeWatchedMs": 60006.524,
        "probeAdvertisedKeepAlive": "timeout=59",
        "serverKeepAliveTimeoutMs": 59000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 60002.792
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 160,
          "502": 3
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 1
          },
          "POST": {
            "total": 80,
            "count502": 2
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 3,
        "trials": 163,
        "rate": 0.018404907975460124,
        "low": 0.006278750696494414,
        "high": 0.05270813955403271,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 3,
        "trials": 80,
        "rate": 0.0375,
        "low": 0.012834568919911402,
        "high": 0.10454720090045115,
        "method": "wilson"
      },
      "firstHit": {
        "cycle": 5,
        "elapsedMs": 427695
      },
      "closedBy": {
        "app": 3,
        "lb": 34,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 37
      },
      "nginx": {
        "access502": 3,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 2,
        "rate": {
          "failures": 2,
          "trials": 10,
          "rate": 0.2,
          "low": 0.05668215145437519,
          "high": 0.5098375284633583,
          "method": "wilson"
        }
      },
      "lbBoundary": null
    },
    "node24-standalone-node-65s": {
      "name": "node24-standalone-node-65s",
      "description": "keep-alive 65 s, Node's coming default (nodejs/node#62782)",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "node-65s",
      "lane": "long",
      "configured": {
        "keepAliveTimeoutMs": 65000,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 66005.739,
        "probeWatchedMs": 66005.739,
        "probeAdvertisedKeepAlive": "timeout=65",
        "serverKeepAliveTimeoutMs": 65000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 66004.545
      },
      "requests": {
        "total": 163,
        "byStatus": {
          "200": 163
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 83,
            "count502": 0
          },
          "POST": {
            "total": 80,
            "count502": 0
          }
        },
        "boundary": 80
      },
      "rate502": {
        "failures": 0,
        "trials": 163,
        "rate": 0,
        "low": 0,
        "high": 0.01821086674421757,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 80,
        "rate": 0,
        "low": 0,
        "high": 0.036754197779982345,
        "method": "exact-one-sided"
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 11,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 11
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 163
      },
      "boundaryCycles": {
        "cycles": 10,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 10,
          "rate": 0,
          "low": 0,
          "high": 0.2588655508930523,
          "method": "exact-one-sided"
        }
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "node20-standalone-default-post",
      "variant": "node20-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "20.20.2",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6009.116,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 67,
        "status502": 4,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 67,
        "rate": 0.05970149253731343,
        "low": 0.023459351139819028,
        "high": 0.14369501041371535,
        "method": "wilson"
      },
      "appIdleCloseMs": 6010.203,
      "effectiveCloseMs": 6007.173,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 26,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 26
      },
      "firstHit": {
        "cycle": 5,
        "afterTrafficStartMs": 37158
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 67,
        "rate": 0.05970149253731343,
        "low": 0.023459351139819028,
        "high": 0.14369501041371535,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client"
        ],
        "evidence": "4 of 67 boundary requests failed (6.0 %, 95 % CI 2.3 %–14.4 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node20-standalone-default-get",
      "variant": "node20-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "20.20.2",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6009.116,
      "outcome": "reproduced",
      "reason": "3 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 63,
        "status502": 3,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 3,
        "trials": 63,
        "rate": 0.047619047619047616,
        "low": 0.0163261688679956,
        "high": 0.13090967837906073,
        "method": "wilson"
      },
      "appIdleCloseMs": 6010.203,
      "effectiveCloseMs": 6007.173,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 26,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 26
      },
      "firstHit": {
        "cycle": 17,
        "afterTrafficStartMs": 120291
      },
      "clientSaw": "3 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 3,
        "trials": 63,
        "rate": 0.047619047619047616,
        "low": 0.0163261688679956,
        "high": 0.13090967837906073,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "3 × 502 to the client"
        ],
        "evidence": "3 of 63 boundary requests failed (4.8 %, 95 % CI 1.6 %–13.1 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node20-standalone-article-post",
      "variant": "node20-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "20.20.2",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 40 boundary requests; the LB closed every idle upstream connection (1)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 40,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 40,
        "rate": 0,
        "low": 0,
        "high": 0.0721575245055146,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62002.282,
      "effectiveCloseMs": 59720.514,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 40,
        "rate": 0,
        "low": 0,
        "high": 0.0721575245055146,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 40 boundary requests (≤ 7.2 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node20-standalone-article-get",
      "variant": "node20-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "20.20.2",
      "nodeLine": "20",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 39,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 39,
        "rate": 0,
        "low": 0,
        "high": 0.07393758892668656,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62002.282,
      "effectiveCloseMs": 59720.514,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 39,
        "rate": 0,
        "low": 0,
        "high": 0.07393758892668656,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node22-standalone-default-post",
      "variant": "node22-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "22.23.3",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6013.466,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 66,
        "status502": 4,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 66,
        "rate": 0.06060606060606061,
        "low": 0.023818614832318334,
        "high": 0.14572908678564217,
        "method": "wilson"
      },
      "appIdleCloseMs": 6011.09,
      "effectiveCloseMs": 6013.12,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 31,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 31
      },
      "firstHit": {
        "cycle": 2,
        "afterTrafficStartMs": 15639
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 66,
        "rate": 0.06060606060606061,
        "low": 0.023818614832318334,
        "high": 0.14572908678564217,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client"
        ],
        "evidence": "4 of 66 boundary requests failed (6.1 %, 95 % CI 2.4 %–14.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node22-standalone-default-get",
      "variant": "node22-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "22.23.3",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6013.466,
      "outcome": "reproduced",
      "reason": "3 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 62,
        "status502": 3,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 3,
        "trials": 62,
        "rate": 0.04838709677419355,
        "low": 0.016591685850580726,
        "high": 0.1328803792732396,
        "method": "wilson"
      },
      "appIdleCloseMs": 6011.09,
      "effectiveCloseMs": 6013.12,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 31,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 31
      },
      "firstHit": {
        "cycle": 4,
        "afterTrafficStartMs": 30476
      },
      "clientSaw": "3 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 3,
        "trials": 62,
        "rate": 0.04838709677419355,
        "low": 0.016591685850580726,
        "high": 0.1328803792732396,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "3 × 502 to the client"
        ],
        "evidence": "3 of 62 boundary requests failed (4.8 %, 95 % CI 1.7 %–13.3 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node22-standalone-article-post",
      "variant": "node22-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "22.23.3",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (10)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 37,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62014.988,
      "effectiveCloseMs": 59973.459,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 18,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 18
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node22-standalone-article-get",
      "variant": "node22-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "22.23.3",
      "nodeLine": "22",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (10)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 35,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 35,
        "rate": 0,
        "low": 0,
        "high": 0.0820316358566705,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62014.988,
      "effectiveCloseMs": 59973.459,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 18,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 18
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 35,
        "rate": 0,
        "low": 0,
        "high": 0.0820316358566705,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-default-post",
      "variant": "node24-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6013.064,
      "outcome": "reproduced",
      "reason": "2 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 56,
        "status502": 2,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 2,
        "trials": 56,
        "rate": 0.03571428571428571,
        "low": 0.00984942514823639,
        "high": 0.12118780180490107,
        "method": "wilson"
      },
      "appIdleCloseMs": 6008.718,
      "effectiveCloseMs": 6007.118,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 51,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 51
      },
      "firstHit": {
        "cycle": 18,
        "afterTrafficStartMs": 127407
      },
      "clientSaw": "2 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 2,
        "trials": 56,
        "rate": 0.03571428571428571,
        "low": 0.00984942514823639,
        "high": 0.12118780180490107,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "2 × 502 to the client"
        ],
        "evidence": "2 of 56 boundary requests failed (3.6 %, 95 % CI 1.0 %–12.1 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-default-get",
      "variant": "node24-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6013.064,
      "outcome": "reproduced",
      "reason": "5 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 49,
        "status502": 5,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 5,
        "trials": 49,
        "rate": 0.10204081632653061,
        "low": 0.04437954674476266,
        "high": 0.21756361549195893,
        "method": "wilson"
      },
      "appIdleCloseMs": 6008.718,
      "effectiveCloseMs": 6007.118,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 51,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 51
      },
      "firstHit": {
        "cycle": 3,
        "afterTrafficStartMs": 23221
      },
      "clientSaw": "5 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 5,
        "trials": 49,
        "rate": 0.10204081632653061,
        "low": 0.04437954674476266,
        "high": 0.21756361549195893,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "5 × 502 to the client"
        ],
        "evidence": "5 of 49 boundary requests failed (10.2 %, 95 % CI 4.4 %–21.8 %) in aimed cycles not counted (summary before v6) (5 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-article-post",
      "variant": "node24-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (1)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 38,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62005.228,
      "effectiveCloseMs": 59768.992,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-article-get",
      "variant": "node24-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 39 boundary requests; the LB closed every idle upstream connection (1)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 39,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 39,
        "rate": 0,
        "low": 0,
        "high": 0.07393758892668656,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62005.228,
      "effectiveCloseMs": 59768.992,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 9,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 9
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 39,
        "rate": 0,
        "low": 0,
        "high": 0.07393758892668656,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node26-standalone-default-post",
      "variant": "node26-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "26.12.1",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6007.7,
      "outcome": "reproduced",
      "reason": "10 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 59,
        "status502": 10,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 10,
        "trials": 59,
        "rate": 0.1694915254237288,
        "low": 0.09475839349181052,
        "high": 0.2846322073648801,
        "method": "wilson"
      },
      "appIdleCloseMs": 6030.897,
      "effectiveCloseMs": 6005.427,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 64,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 64
      },
      "firstHit": {
        "cycle": 3,
        "afterTrafficStartMs": 23214
      },
      "clientSaw": "10 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 10,
        "trials": 59,
        "rate": 0.1694915254237288,
        "low": 0.09475839349181052,
        "high": 0.2846322073648801,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "10 × 502 to the client"
        ],
        "evidence": "10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node26-standalone-default-get",
      "variant": "node26-standalone-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "26.12.1",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6007.7,
      "outcome": "reproduced",
      "reason": "6 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 45,
        "status502": 6,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 6,
        "trials": 45,
        "rate": 0.13333333333333333,
        "low": 0.06257148747568075,
        "high": 0.2617730182617707,
        "method": "wilson"
      },
      "appIdleCloseMs": 6030.897,
      "effectiveCloseMs": 6005.427,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 64,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 64
      },
      "firstHit": {
        "cycle": 2,
        "afterTrafficStartMs": 15819
      },
      "clientSaw": "6 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 6,
        "trials": 45,
        "rate": 0.13333333333333333,
        "low": 0.06257148747568075,
        "high": 0.2617730182617707,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "6 × 502 to the client"
        ],
        "evidence": "6 of 45 boundary requests failed (13.3 %, 95 % CI 6.3 %–26.2 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node26-standalone-article-post",
      "variant": "node26-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "26.12.1",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 35 boundary requests; the LB closed every idle upstream connection (8)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 35,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 35,
        "rate": 0,
        "low": 0,
        "high": 0.0820316358566705,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62004.425,
      "effectiveCloseMs": 59975.923,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 16,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 16
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 35,
        "rate": 0,
        "low": 0,
        "high": 0.0820316358566705,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node26-standalone-article-get",
      "variant": "node26-standalone-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "26.12.1",
      "nodeLine": "26",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (8)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 37,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62004.425,
      "effectiveCloseMs": 59975.923,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 16,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 16
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-default-post",
      "variant": "node24-next-start-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6014.719,
      "outcome": "reproduced",
      "reason": "7 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 61,
        "status502": 7,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 7,
        "trials": 61,
        "rate": 0.11475409836065574,
        "low": 0.05671202660732208,
        "high": 0.21844308472401078,
        "method": "wilson"
      },
      "appIdleCloseMs": 6003.122,
      "effectiveCloseMs": 6008.204,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 48,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 48
      },
      "firstHit": {
        "cycle": 8,
        "afterTrafficStartMs": 57370
      },
      "clientSaw": "7 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 7,
        "trials": 61,
        "rate": 0.11475409836065574,
        "low": 0.05671202660732208,
        "high": 0.21844308472401078,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "7 × 502 to the client"
        ],
        "evidence": "7 of 61 boundary requests failed (11.5 %, 95 % CI 5.7 %–21.8 %) in aimed cycles not counted (summary before v6) (7 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-default-get",
      "variant": "node24-next-start-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6014.719,
      "outcome": "reproduced",
      "reason": "10 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 59,
        "status502": 10,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 10,
        "trials": 59,
        "rate": 0.1694915254237288,
        "low": 0.09475839349181052,
        "high": 0.2846322073648801,
        "method": "wilson"
      },
      "appIdleCloseMs": 6003.122,
      "effectiveCloseMs": 6008.204,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 48,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 48
      },
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 7681
      },
      "clientSaw": "10 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 10,
        "trials": 59,
        "rate": 0.1694915254237288,
        "low": 0.09475839349181052,
        "high": 0.2846322073648801,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "10 × 502 to the client"
        ],
        "evidence": "10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-article-post",
      "variant": "node24-next-start-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 34,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 34,
        "rate": 0,
        "low": 0,
        "high": 0.08433964335062538,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62002.022,
      "effectiveCloseMs": 59910.119,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 20,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 20
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 34,
        "rate": 0,
        "low": 0,
        "high": 0.08433964335062538,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-next-start-article-get",
      "variant": "node24-next-start-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "next-start",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 34 boundary requests; the LB closed every idle upstream connection (12)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 34,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 34,
        "rate": 0,
        "low": 0,
        "high": 0.08433964335062538,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62002.022,
      "effectiveCloseMs": 59910.119,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 20,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 20
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 34,
        "rate": 0,
        "low": 0,
        "high": 0.08433964335062538,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-custom-default-post",
      "variant": "node24-custom-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6016.096,
      "outcome": "reproduced",
      "reason": "6 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 144,
        "boundary": 62,
        "status502": 6,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 6,
        "trials": 62,
        "rate": 0.0967741935483871,
        "low": 0.045111872023193916,
        "high": 0.19548818612307423,
        "method": "wilson"
      },
      "appIdleCloseMs": 6048.983,
      "effectiveCloseMs": 6004.469,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 42,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 42
      },
      "firstHit": {
        "cycle": 16,
        "afterTrafficStartMs": 113431
      },
      "clientSaw": "6 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 6,
        "trials": 62,
        "rate": 0.0967741935483871,
        "low": 0.045111872023193916,
        "high": 0.19548818612307423,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "6 × 502 to the client"
        ],
        "evidence": "6 of 62 boundary requests failed (9.7 %, 95 % CI 4.5 %–19.5 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-custom-default-get",
      "variant": "node24-custom-default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6016.096,
      "outcome": "reproduced",
      "reason": "9 × 502 to the client",
      "counts": {
        "aimed": 72,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 147,
        "boundary": 58,
        "status502": 9,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 9,
        "trials": 58,
        "rate": 0.15517241379310345,
        "low": 0.0838449195301804,
        "high": 0.2693398085989251,
        "method": "wilson"
      },
      "appIdleCloseMs": 6048.983,
      "effectiveCloseMs": 6004.469,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 42,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 0,
        "total": 42
      },
      "firstHit": {
        "cycle": 5,
        "afterTrafficStartMs": 37619
      },
      "clientSaw": "9 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 9,
        "trials": 58,
        "rate": 0.15517241379310345,
        "low": 0.0838449195301804,
        "high": 0.2693398085989251,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "9 × 502 to the client"
        ],
        "evidence": "9 of 58 boundary requests failed (15.5 %, 95 % CI 8.4 %–26.9 %) in aimed cycles not counted (summary before v6) (9 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-custom-article-post",
      "variant": "node24-custom-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 37,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62003.194,
      "effectiveCloseMs": 59881.974,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 14,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 14
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-custom-article-get",
      "variant": "node24-custom-article",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "custom",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 37 boundary requests; the LB closed every idle upstream connection (7)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 37,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 62003.194,
      "effectiveCloseMs": 59881.974,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 14,
        "lbAtShutdown": 7,
        "reset": 0,
        "open": 0,
        "total": 14
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 37,
        "rate": 0,
        "low": 0,
        "high": 0.07777471100513789,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-keepalive-only-post",
      "variant": "node24-standalone-keepalive-only",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "keepalive-only",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 36 boundary requests; the LB closed every idle upstream connection (11)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 36,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 36,
        "rate": 0,
        "low": 0,
        "high": 0.07984650951989436,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 61992.679,
      "effectiveCloseMs": 59943.579,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 19,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 19
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 36,
        "rate": 0,
        "low": 0,
        "high": 0.07984650951989436,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 36 boundary requests (≤ 8.0 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-keepalive-only-get",
      "variant": "node24-standalone-keepalive-only",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "keepalive-only",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 33 boundary requests; the LB closed every idle upstream connection (11)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 33,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 33,
        "rate": 0,
        "low": 0,
        "high": 0.08678118929147494,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 61992.679,
      "effectiveCloseMs": 59943.579,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 19,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 19
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 33,
        "rate": 0,
        "low": 0,
        "high": 0.08678118929147494,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 33 boundary requests (≤ 8.7 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-too-short-post",
      "variant": "node24-standalone-too-short",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "too-short",
      "keepAliveTimeoutMs": 59000,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 60002.792,
      "outcome": "reproduced",
      "reason": "2 × 502 to the client",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 30,
        "status502": 2,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 2,
        "trials": 30,
        "rate": 0.06666666666666667,
        "low": 0.018477023791270378,
        "high": 0.2132345836261692,
        "method": "wilson"
      },
      "appIdleCloseMs": 60006.524,
      "effectiveCloseMs": 59972.723,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 3,
        "lb": 34,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 37
      },
      "firstHit": {
        "cycle": 5,
        "afterTrafficStartMs": 308625
      },
      "clientSaw": "2 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 2,
        "trials": 30,
        "rate": 0.06666666666666667,
        "low": 0.018477023791270378,
        "high": 0.2132345836261692,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "2 × 502 to the client"
        ],
        "evidence": "2 of 30 boundary requests failed (6.7 %, 95 % CI 1.8 %–21.3 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-too-short-get",
      "variant": "node24-standalone-too-short",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "too-short",
      "keepAliveTimeoutMs": 59000,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 60002.792,
      "outcome": "reproduced",
      "reason": "1 × 502 to the client",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 24,
        "status502": 1,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 1,
        "trials": 24,
        "rate": 0.041666666666666664,
        "low": 0.0073934561655057685,
        "high": 0.20241806478655938,
        "method": "wilson"
      },
      "appIdleCloseMs": 60006.524,
      "effectiveCloseMs": 59972.723,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 3,
        "lb": 34,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 37
      },
      "firstHit": {
        "cycle": 5,
        "afterTrafficStartMs": 308625
      },
      "clientSaw": "1 × 502",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 1,
        "trials": 24,
        "rate": 0.041666666666666664,
        "low": 0.0073934561655057685,
        "high": 0.20241806478655938,
        "method": "wilson"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "1 × 502 to the client"
        ],
        "evidence": "1 of 24 boundary requests failed (4.2 %, 95 % CI 0.7 %–20.2 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-node-65s-post",
      "variant": "node24-standalone-node-65s",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "node-65s",
      "keepAliveTimeoutMs": 65000,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 80,
        "boundary": 38,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 66005.739,
      "effectiveCloseMs": 59975.383,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 11,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 11
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "node24-standalone-node-65s-get",
      "variant": "node24-standalone-node-65s",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "node-65s",
      "keepAliveTimeoutMs": 65000,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "long",
      "boundaryMs": 59774.914,
      "outcome": "safe",
      "reason": "0 × 502 in 38 boundary requests; the LB closed every idle upstream connection (3)",
      "counts": {
        "aimed": 40,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "requests": 83,
        "boundary": 38,
        "status502": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": 66005.739,
      "effectiveCloseMs": 59975.383,
      "effectiveCloseBy": "lb",
      "closedBy": {
        "app": 0,
        "lb": 11,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 11
      },
      "firstHit": null,
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 38,
        "rate": 0,
        "low": 0,
        "high": 0.07580765168296455,
        "method": "exact-one-sided"
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    }
  ],
  "aimVariant": "node24-next-start-default",
  "raceWindow": {
    "hits": 17,
    "plannedOffsetMs": {
      "min": -5,
      "median": 0,
      "max": 4.857
    },
    "arrivalMinusAppCloseMs": {
      "min": -70.876,
      "median": 6.026,
      "max": 30.656
    },
    "byOffsetMs": {
      "0": {
        "sent": 16,
        "hit": 1
      },
      "1": {
        "sent": 23,
        "hit": 3
      },
      "2": {
        "sent": 20,
        "hit": 2
      },
      "3": {
        "sent": 17,
        "hit": 2
      },
      "4": {
        "sent": 12,
        "hit": 0
      },
      "5": {
        "sent": 6,
        "hit": 1
      },
      "6": {
        "sent": 1,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 1
      },
      "-1": {
        "sent": 15,
        "hit": 4
      },
      "-3": {
        "sent": 7,
        "hit": 1
      },
      "-4": {
        "sent": 6,
        "hit": 1
      },
      "-5": {
        "sent": 5,
        "hit": 1
      },
      "-7": {
        "sent": 3,
        "hit": 0
      },
      "-6": {
        "sent": 4,
        "hit": 0
      },
      "-8": {
        "sent": 1,
        "hit": 0
      }
    }
  },
  "schedule": {
    "appClocks": {},
    "injectedAppClockOffsetMs": 0,
    "closeDelayMs": 6014.719,
    "oneWayLatencyMs": {
      "node20-standalone-default": 20.018,
      "node22-standalone-default": 44.791,
      "node24-standalone-default": 10.642,
      "node26-standalone-default": 6.969,
      "node24-next-start-default": 9.596,
      "node24-custom-default": 20.516,
      "node20-standalone-article": 10.108,
      "node22-standalone-article": 15.619,
      "node24-standalone-article": 3.117,
      "node26-standalone-article": 7.022,
      "node24-next-start-article": 11.179,
      "node24-custom-article": 5.219,
      "node24-standalone-keepalive-only": 20.706,
      "node24-standalone-too-short": 23.627,
      "node24-standalone-node-65s": 4.702
    },
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6121.294,
        "centerOffsetMs": 0,
        "intendedGapMs": 6003.122,
        "achievedGapMs": {
          "node20-standalone-default": 4984.7919999999995,
          "node22-standalone-default": 3943.1,
          "node24-standalone-default": 4054.08,
          "node26-standalone-default": 3118.766,
          "node24-next-start-default": 3518.393,
          "node24-custom-default": 3616.115
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 3.216,
          "node22-standalone-default": 1.113,
          "node24-standalone-default": 2.235,
          "node26-standalone-default": 2.338,
          "node24-next-start-default": 8.684,
          "node24-custom-default": 1.212
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6007.788,
          "node24-standalone-default": 6012.837,
          "node26-standalone-default": 6016.719,
          "node24-next-start-default": 6121.294,
          "node24-custom-default": 6016.785
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 1,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6006.976,
        "centerOffsetMs": 2,
        "intendedGapMs": 6123.294,
        "achievedGapMs": {
          "node20-standalone-default": 5630.699500000001,
          "node22-standalone-default": 5386.646,
          "node24-standalone-default": 5892.7,
          "node26-standalone-default": 5633.099,
          "node24-next-start-default": 5262.773,
          "node24-custom-default": 5793.398
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.546,
          "node22-standalone-default": 1.327,
          "node24-standalone-default": 3.421,
          "node26-standalone-default": 3.554,
          "node24-next-start-default": 5.096,
          "node24-custom-default": 1.047
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6008.77,
          "node24-standalone-default": 6007.455,
          "node26-standalone-default": 6016.719,
          "node24-next-start-default": 6006.976,
          "node24-custom-default": 6005.911
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 1,
          "node24-standalone-default": 0,
          "node26-standalone-default": 1,
          "node24-next-start-default": 1,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6006.976,
        "centerOffsetMs": 2.857,
        "intendedGapMs": 6009.833,
        "achievedGapMs": {
          "node20-standalone-default": 5662.882,
          "node22-standalone-default": 5831.183,
          "node24-standalone-default": 5929.763,
          "node26-standalone-default": 5710.336499999999,
          "node24-next-start-default": 6118.783,
          "node24-custom-default": 6030.083
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 15.361,
          "node22-standalone-default": 1.399,
          "node24-standalone-default": 7.363,
          "node26-standalone-default": 3.651,
          "node24-next-start-default": 8.949,
          "node24-custom-default": 1.234
        },
        "boundaryMs": {
          "node20-standalone-default": 6008.266,
          "node22-standalone-default": 6008.77,
          "node24-standalone-default": 6007.86,
          "node26-standalone-default": 6069.228,
          "node24-next-start-default": 6006.976,
          "node24-custom-default": 6005.911
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 1,
          "node26-standalone-default": 3,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6006.976,
        "centerOffsetMs": 1.8570000000000002,
        "intendedGapMs": 6008.833,
        "achievedGapMs": {
          "node20-standalone-default": 5830.961499999999,
          "node22-standalone-default": 5616.727,
          "node24-standalone-default": 5955.101,
          "node26-standalone-default": 5872.225,
          "node24-next-start-default": 5881.0830000000005,
          "node24-custom-default": 5784.3405
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.755,
          "node22-standalone-default": 1.471,
          "node24-standalone-default": 7.649,
          "node26-standalone-default": 3.554,
          "node24-next-start-default": 5.096,
          "node24-custom-default": 1.421
        },
        "boundaryMs": {
          "node20-standalone-default": 6008.266,
          "node22-standalone-default": 6037.025,
          "node24-standalone-default": 6007.86,
          "node26-standalone-default": 6107.592,
          "node24-next-start-default": 6006.976,
          "node24-custom-default": 6005.911
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 2,
          "node24-standalone-default": 0,
          "node26-standalone-default": 2,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 5,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6006.976,
        "centerOffsetMs": 3.857,
        "intendedGapMs": 6010.833,
        "achievedGapMs": {
          "node20-standalone-default": 5450.341,
          "node22-standalone-default": 5549.931,
          "node24-standalone-default": 5417.491,
          "node26-standalone-default": 5754.6185000000005,
          "node24-next-start-default": 5638.402,
          "node24-custom-default": 5992.657
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.755,
          "node22-standalone-default": 1.471,
          "node24-standalone-default": 7.649,
          "node26-standalone-default": 3.747,
          "node24-next-start-default": 5.096,
          "node24-custom-default": 1.047
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6020.237,
          "node24-standalone-default": 6008.265,
          "node26-standalone-default": 6065.475,
          "node24-next-start-default": 6006.976,
          "node24-custom-default": 6003.6
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 1,
          "node22-standalone-default": 0,
          "node24-standalone-default": 1,
          "node26-standalone-default": 0,
          "node24-next-start-default": 0,
          "node24-custom-default": 1
        }
      },
      {
        "cycle": 6,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.475,
        "centerOffsetMs": 0.8570000000000002,
        "intendedGapMs": 6007.833,
        "achievedGapMs": {
          "node20-standalone-default": 5754.222,
          "node22-standalone-default": 5801.814,
          "node24-standalone-default": 5702.904,
          "node26-standalone-default": 5846.7995,
          "node24-next-start-default": 5999.389,
          "node24-custom-default": 5888.621999999999
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.755,
          "node22-standalone-default": 2.072,
          "node24-standalone-default": 7.649,
          "node26-standalone-default": 4.712,
          "node24-next-start-default": 5.096,
          "node24-custom-default": 1.047
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6014.503,
          "node24-standalone-default": 6009.172,
          "node26-standalone-default": 6017.101,
          "node24-next-start-default": 6003.475,
          "node24-custom-default": 6002.204
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 1,
          "node22-standalone-default": 0,
          "node24-standalone-default": 1,
          "node26-standalone-default": 0,
          "node24-next-start-default": 1,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 7,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.425,
        "centerOffsetMs": -0.572,
        "intendedGapMs": 6002.903,
        "achievedGapMs": {
          "node20-standalone-default": 5820.356,
          "node22-standalone-default": 5831.245,
          "node24-standalone-default": 5968.08,
          "node26-standalone-default": 5955.2965,
          "node24-next-start-default": 5925.542,
          "node24-custom-default": 5839.082
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.755,
          "node22-standalone-default": 2.072,
          "node24-standalone-default": 6.212,
          "node26-standalone-default": 4.712,
          "node24-next-start-default": 5.393,
          "node24-custom-default": 5.177
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6008.77,
          "node24-standalone-default": 6008.265,
          "node26-standalone-default": 6017.101,
          "node24-next-start-default": 6003.425,
          "node24-custom-default": 6002.204
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 1,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 1,
          "node24-next-start-default": 1,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 8,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.475,
        "centerOffsetMs": 1.428,
        "intendedGapMs": 6004.853,
        "achievedGapMs": {
          "node20-standalone-default": 5507.4400000000005,
          "node22-standalone-default": 5517.817,
          "node24-standalone-default": 5838.8935,
          "node26-standalone-default": 5731.867,
          "node24-next-start-default": 5699.671,
          "node24-custom-default": 5996.742
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.627,
          "node22-standalone-default": 1.306,
          "node24-standalone-default": 5.996,
          "node26-standalone-default": 4.712,
          "node24-next-start-default": 2.217,
          "node24-custom-default": 1.074
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6010.945,
          "node24-standalone-default": 6007.455,
          "node26-standalone-default": 6007.09,
          "node24-next-start-default": 6003.475,
          "node24-custom-default": 6002.003
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 1,
          "node24-custom-default": 1
        }
      },
      {
        "cycle": 9,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6005.348,
        "centerOffsetMs": 2.857,
        "intendedGapMs": 6006.332,
        "achievedGapMs": {
          "node20-standalone-default": 5983.9005,
          "node22-standalone-default": 5852.28,
          "node24-standalone-default": 5818.599,
          "node26-standalone-default": 5801.685,
          "node24-next-start-default": 6004.1895,
          "node24-custom-default": 5935.5995
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.627,
          "node22-standalone-default": 1.306,
          "node24-standalone-default": 5.038,
          "node26-standalone-default": 11.062,
          "node24-next-start-default": 5.393,
          "node24-custom-default": 1.074
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6010.945,
          "node24-standalone-default": 6007.455,
          "node26-standalone-default": 6006.708,
          "node24-next-start-default": 6005.348,
          "node24-custom-default": 6002.003
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 4,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 10,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6004.209,
        "centerOffsetMs": 2.286,
        "intendedGapMs": 6007.634,
        "achievedGapMs": {
          "node20-standalone-default": 5613.2095,
          "node22-standalone-default": 5685.144,
          "node24-standalone-default": 6023.4385,
          "node26-standalone-default": 6015.179,
          "node24-next-start-default": 5998.2564999999995,
          "node24-custom-default": 5583.595499999999
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 5.627,
          "node22-standalone-default": 4.031,
          "node24-standalone-default": 5.996,
          "node26-standalone-default": 11.062,
          "node24-next-start-default": 3.911,
          "node24-custom-default": 8.356
        },
        "boundaryMs": {
          "node20-standalone-default": 6010.799,
          "node22-standalone-default": 6010.945,
          "node24-standalone-default": 6006.055,
          "node26-standalone-default": 6015.316,
          "node24-next-start-default": 6004.209,
          "node24-custom-default": 6002.003
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 11,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.273,
        "centerOffsetMs": 1.286,
        "intendedGapMs": 6005.495,
        "achievedGapMs": {
          "node20-standalone-default": 5149.97,
          "node22-standalone-default": 5585.675,
          "node24-standalone-default": 5778.700000000001,
          "node26-standalone-default": null,
          "node24-next-start-default": 5745.12,
          "node24-custom-default": 5691.868
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 9.961,
          "node22-standalone-default": 4.031,
          "node24-standalone-default": 5.038,
          "node26-standalone-default": 6.153,
          "node24-next-start-default": 7.627,
          "node24-custom-default": 8.356
        },
        "boundaryMs": {
          "node20-standalone-default": 6008.266,
          "node22-standalone-default": 6008.77,
          "node24-standalone-default": 6006.707,
          "node26-standalone-default": 6003.118,
          "node24-next-start-default": 6003.273,
          "node24-custom-default": 6002.003
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 0,
          "node24-custom-default": 1
        }
      },
      {
        "cycle": 12,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6003.273,
        "centerOffsetMs": 3.286,
        "intendedGapMs": 6006.559,
        "achievedGapMs": {
          "node20-standalone-default": 6069.4725,
          "node22-standalone-default": 5816.423,
          "node24-standalone-default": null,
          "node26-standalone-default": 5858.889,
          "node24-next-start-default": 6000.089,
          "node24-custom-default": 6027.764
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 9.714,
          "node22-standalone-default": 7.538,
          "node24-standalone-default": 5.038,
          "node26-standalone-default": 11.062,
          "node24-next-start-default": 4.516,
          "node24-custom-default": 8.356
        },
        "boundaryMs": {
          "node20-standalone-default": 6008.266,
          "node22-standalone-default": 6013.12,
          "node24-standalone-default": 6004.17,
          "node26-standalone-default": 6003.118,
          "node24-next-start-default": 6003.273,
          "node24-custom-default": 6002.003
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 1,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 13,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6013.048,
        "centerOffsetMs": 0.28600000000000003,
        "intendedGapMs": 6003.559,
        "achievedGapMs": {
          "node20-standalone-default": 6029.027,
          "node22-standalone-default": 5749.964,
          "node24-standalone-default": 5872.456,
          "node26-standalone-default": 6005.51,
          "node24-next-start-default": 5965.008,
          "node24-custom-default": 5800.011
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 9.961,
          "node22-standalone-default": 7.538,
          "node24-standalone-default": 5.038,
          "node26-standalone-default": 8.811,
          "node24-next-start-default": 4.516,
          "node24-custom-default": 8.356
        },
        "boundaryMs": {
          "node20-standalone-default": 6006.834,
          "node22-standalone-default": 6018.432,
          "node24-standalone-default": 6004.17,
          "node26-standalone-default": 6003.612,
          "node24-next-start-default": 6013.048,
          "node24-custom-default": 6002.664
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 2,
          "node24-standalone-default": 0,
          "node26-standalone-default": 2,
          "node24-next-start-default": 3,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 14,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6013.876,
        "centerOffsetMs": -0.571,
        "intendedGapMs": 6012.477,
        "achievedGapMs": {
          "node20-standalone-default": 5518.958,
          "node22-standalone-default": 5935.665,
          "node24-standalone-default": null,
          "node26-standalone-default": 6066.285,
          "node24-next-start-default": null,
          "node24-custom-default": 5719.587
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 9.961,
          "node22-standalone-default": 4.031,
          "node24-standalone-default": 11.44,
          "node26-standalone-default": 6.969,
          "node24-next-start-default": 4.516,
          "node24-custom-default": 8.356
        },
        "boundaryMs": {
          "node20-standalone-default": 6006.283,
          "node22-standalone-default": 6013.466,
          "node24-standalone-default": 6006.953,
          "node26-standalone-default": 6004.051,
          "node24-next-start-default": 6013.876,
          "node24-custom-default": 6002.664
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 1,
          "node24-next-start-default": 3,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 15,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6013.876,
        "centerOffsetMs": -2,
        "intendedGapMs": 6011.876,
        "achievedGapMs": {
          "node20-standalone-default": 6093.915999999999,
          "node22-standalone-default": 5705.247,
          "node24-standalone-default": 5999.8195,
          "node26-standalone-default": 6009.192,
          "node24-next-start-default": 5803.3255,
          "node24-custom-default": 5924.0935
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 9.961,
          "node22-standalone-default": 7.538,
          "node24-standalone-default": 5.929,
          "node26-standalone-default": 6.969,
          "node24-next-start-default": 7.627,
          "node24-custom-default": 16.903
        },
        "boundaryMs": {
          "node20-standalone-default": 6007.784,
          "node22-standalone-default": 6013.466,
          "node24-standalone-default": 6006.953,
          "node26-standalone-default": 6006.142,
          "node24-next-start-default": 6013.876,
          "node24-custom-default": 6002.664
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 0,
          "node24-standalone-default": 0,
          "node26-standalone-default": 2,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 16,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6013.876,
        "centerOffsetMs": -3,
        "intendedGapMs": 6010.876,
        "achievedGapMs": {
          "node20-standalone-default": 5692.7654999999995,
          "node22-standalone-default": 5764.272,
          "node24-standalone-default": 5967.246,
          "node26-standalone-default": 5726.712,
          "node24-next-start-default": 5670.17,
          "node24-custom-default": null
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 20.018,
          "node22-standalone-default": 7.538,
          "node24-standalone-default": 12.559,
          "node26-standalone-default": 6.969,
          "node24-next-start-default": 4.516,
          "node24-custom-default": 19.144
        },
        "boundaryMs": {
          "node20-standalone-default": 6007.784,
          "node22-standalone-default": 6013.466,
          "node24-standalone-default": 6006.953,
          "node26-standalone-default": 6006.142,
          "node24-next-start-default": 6013.876,
          "node24-custom-default": 6003.542
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 0,
          "node22-standalone-default": 1,
          "node24-standalone-default": 0,
          "node26-standalone-default": 0,
          "node24-next-start-default": 1,
          "node24-custom-default": 6
        }
      },
      {
        "cycle": 17,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6013.876,
        "centerOffsetMs": -5,
        "intendedGapMs": 6008.876,
        "achievedGapMs": {
          "node20-standalone-default": 5165.597,
          "node22-standalone-default": 6032.377,
          "node24-standalone-default": 5511.685,
          "node26-standalone-default": null,
          "node24-next-start-default": 5634.2135,
          "node24-custom-default": 6196.5135
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 20.18,
          "node22-standalone-default": 11.389,
          "node24-standalone-default": 10.642,
          "node26-standalone-default": 6.969,
          "node24-next-start-default": 9.596,
          "node24-custom-default": 20.516
        },
        "boundaryMs": {
          "node20-standalone-default": 6007.511,
          "node22-standalone-default": 6013.466,
          "node24-standalone-default": 6006.953,
          "node26-standalone-default": 6007.7,
          "node24-next-start-default": 6013.876,
          "node24-custom-default": 6003.542
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 1,
          "node22-standalone-default": 0,
          "node24-standalone-default": 1,
          "node26-standalone-default": 4,
          "node24-next-start-default": 0,
          "node24-custom-default": 0
        }
      },
      {
        "cycle": 18,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "node24-next-start-default",
        "closeDelayMs": 6014.719,
        "centerOffsetMs": -6,
        "intendedGapMs": 6007.876,
        "achievedGapMs": {
          "node20-standalone-default": 5998.755,
          "node22-standalone-default": 6045.9485,
          "node24-standalone-default": 5995.169,
          "node26-standalone-default": 5871.811,
          "node24-next-start-default": 5895.385,
          "node24-custom-default": 5895.04
        },
        "oneWayLatencyMs": {
          "node20-standalone-default": 20.018,
          "node22-standalone-default": 44.791,
          "node24-standalone-default": 10.642,
          "node26-standalone-default": 6.969,
          "node24-next-start-default": 9.596,
          "node24-custom-default": 20.516
        },
        "boundaryMs": {
          "node20-standalone-default": 6009.116,
          "node22-standalone-default": 6013.466,
          "node24-standalone-default": 6013.064,
          "node26-standalone-default": 6007.7,
          "node24-next-start-default": 6014.719,
          "node24-custom-default": 6016.096
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-default": 3,
          "node22-standalone-default": 0,
          "node24-standalone-default": 3,
          "node26-standalone-default": 0,
          "node24-next-start-default": 1,
          "node24-custom-default": 6
        }
      },
      {
        "cycle": 1,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.575,
        "centerOffsetMs": 0,
        "intendedGapMs": 60006.524,
        "achievedGapMs": {
          "node20-standalone-article": 57149.178,
          "node22-standalone-article": 56394.719,
          "node24-standalone-article": 57002.646,
          "node26-standalone-article": 57584.659,
          "node24-next-start-article": 58768.866,
          "node24-custom-article": 59144.181,
          "node24-standalone-keepalive-only": 58920.296,
          "node24-standalone-too-short": 57935,
          "node24-standalone-node-65s": 58066.102
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 3.094,
          "node22-standalone-article": 6.264,
          "node24-standalone-article": 5.376,
          "node26-standalone-article": 1.443,
          "node24-next-start-article": 22.055,
          "node24-custom-article": 44.607,
          "node24-standalone-keepalive-only": 20.224,
          "node24-standalone-too-short": 22.899,
          "node24-standalone-node-65s": 1.455
        },
        "boundaryMs": {
          "node20-standalone-article": 59500,
          "node22-standalone-article": 59500,
          "node24-standalone-article": 59500,
          "node26-standalone-article": 59500,
          "node24-next-start-article": 59500,
          "node24-custom-article": 59500,
          "node24-standalone-keepalive-only": 59500,
          "node24-standalone-too-short": 60001.575,
          "node24-standalone-node-65s": 59500
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 2,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.575,
        "centerOffsetMs": -1,
        "intendedGapMs": 60000.575,
        "achievedGapMs": {
          "node20-standalone-article": 59189.7405,
          "node22-standalone-article": 59166.594,
          "node24-standalone-article": 58736.3225,
          "node26-standalone-article": 58978.486000000004,
          "node24-next-start-article": 58876.84,
          "node24-custom-article": 58929.129,
          "node24-standalone-keepalive-only": 58835.848,
          "node24-standalone-too-short": 59435.547,
          "node24-standalone-node-65s": 58772.4655
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 5.022,
          "node22-standalone-article": 2.379,
          "node24-standalone-article": 1.262,
          "node26-standalone-article": 1.863,
          "node24-next-start-article": 7.719,
          "node24-custom-article": 4.735,
          "node24-standalone-keepalive-only": 12.114,
          "node24-standalone-too-short": 6.175,
          "node24-standalone-node-65s": 0.965
        },
        "boundaryMs": {
          "node20-standalone-article": 59780.9,
          "node22-standalone-article": 59780.9,
          "node24-standalone-article": 59780.9,
          "node26-standalone-article": 59780.9,
          "node24-next-start-article": 59780.9,
          "node24-custom-article": 59780.9,
          "node24-standalone-keepalive-only": 59780.9,
          "node24-standalone-too-short": 60001.575,
          "node24-standalone-node-65s": 59780.9
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 3,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.575,
        "centerOffsetMs": 1,
        "intendedGapMs": 60002.575,
        "achievedGapMs": {
          "node20-standalone-article": 59475.516,
          "node22-standalone-article": 58333.1965,
          "node24-standalone-article": 59114.806,
          "node26-standalone-article": 59822.401,
          "node24-next-start-article": 59560.9925,
          "node24-custom-article": 59192.116500000004,
          "node24-standalone-keepalive-only": 59154.752,
          "node24-standalone-too-short": 59376.53,
          "node24-standalone-node-65s": 59327.3475
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 9.562,
          "node22-standalone-article": 2.39,
          "node24-standalone-article": 4.454,
          "node26-standalone-article": 3.818,
          "node24-next-start-article": 5.39,
          "node24-custom-article": 5.36,
          "node24-standalone-keepalive-only": 9.044,
          "node24-standalone-too-short": 5.491,
          "node24-standalone-node-65s": 1.184
        },
        "boundaryMs": {
          "node20-standalone-article": 59776.811,
          "node22-standalone-article": 59776.811,
          "node24-standalone-article": 59776.811,
          "node26-standalone-article": 59776.811,
          "node24-next-start-article": 59776.811,
          "node24-custom-article": 59776.811,
          "node24-standalone-keepalive-only": 59776.811,
          "node24-standalone-too-short": 60001.575,
          "node24-standalone-node-65s": 59776.811
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 4,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.575,
        "centerOffsetMs": -2,
        "intendedGapMs": 59999.575,
        "achievedGapMs": {
          "node20-standalone-article": 59810.5465,
          "node22-standalone-article": 59973.491,
          "node24-standalone-article": 59361.872,
          "node26-standalone-article": 59839.2375,
          "node24-next-start-article": 59295.6155,
          "node24-custom-article": 59622.797,
          "node24-standalone-keepalive-only": 59792.575,
          "node24-standalone-too-short": 60021.504499999995,
          "node24-standalone-node-65s": 59451.5665
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 5.022,
          "node22-standalone-article": 2.402,
          "node24-standalone-article": 1.262,
          "node26-standalone-article": 5.773,
          "node24-next-start-article": 5.8,
          "node24-custom-article": 5.985,
          "node24-standalone-keepalive-only": 12.114,
          "node24-standalone-too-short": 4.807,
          "node24-standalone-node-65s": 1.403
        },
        "boundaryMs": {
          "node20-standalone-article": 59770.647,
          "node22-standalone-article": 59770.647,
          "node24-standalone-article": 59770.647,
          "node26-standalone-article": 59770.647,
          "node24-next-start-article": 59770.647,
          "node24-custom-article": 59770.647,
          "node24-standalone-keepalive-only": 59770.647,
          "node24-standalone-too-short": 60001.575,
          "node24-standalone-node-65s": 59770.647
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 5,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.76,
        "centerOffsetMs": 2,
        "intendedGapMs": 60003.575,
        "achievedGapMs": {
          "node20-standalone-article": 59242.122,
          "node22-standalone-article": 59756.2915,
          "node24-standalone-article": 59679.103,
          "node26-standalone-article": 59242.557,
          "node24-next-start-article": 59807.989499999996,
          "node24-custom-article": 59503.0695,
          "node24-standalone-keepalive-only": 59792.994,
          "node24-standalone-too-short": 59994.085,
          "node24-standalone-node-65s": 59379.655
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 5.022,
          "node22-standalone-article": 2.402,
          "node24-standalone-article": 3.436,
          "node26-standalone-article": 5.773,
          "node24-next-start-article": 5.8,
          "node24-custom-article": 7.412,
          "node24-standalone-keepalive-only": 5.974,
          "node24-standalone-too-short": 1.58,
          "node24-standalone-node-65s": 1.441
        },
        "boundaryMs": {
          "node20-standalone-article": 59770.647,
          "node22-standalone-article": 59770.647,
          "node24-standalone-article": 59770.647,
          "node26-standalone-article": 59770.647,
          "node24-next-start-article": 59770.647,
          "node24-custom-article": 59770.647,
          "node24-standalone-keepalive-only": 59770.647,
          "node24-standalone-too-short": 60001.76,
          "node24-standalone-node-65s": 59770.647
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 2,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 6,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60001.76,
        "centerOffsetMs": 0.857,
        "intendedGapMs": 60002.617,
        "achievedGapMs": {
          "node20-standalone-article": 59259.010500000004,
          "node22-standalone-article": 59564.894,
          "node24-standalone-article": 59370.945,
          "node26-standalone-article": 58761.882,
          "node24-next-start-article": 59670.1615,
          "node24-custom-article": 59565.7705,
          "node24-standalone-keepalive-only": 59754.513999999996,
          "node24-standalone-too-short": 59919.476500000004,
          "node24-standalone-node-65s": 59864.144
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 11.318,
          "node22-standalone-article": 2.402,
          "node24-standalone-article": 3.436,
          "node26-standalone-article": 7.022,
          "node24-next-start-article": 5.8,
          "node24-custom-article": 5.985,
          "node24-standalone-keepalive-only": 5.974,
          "node24-standalone-too-short": 1.58,
          "node24-standalone-node-65s": 1.441
        },
        "boundaryMs": {
          "node20-standalone-article": 59773.584,
          "node22-standalone-article": 59773.584,
          "node24-standalone-article": 59773.584,
          "node26-standalone-article": 59773.584,
          "node24-next-start-article": 59773.584,
          "node24-custom-article": 59773.584,
          "node24-standalone-keepalive-only": 59773.584,
          "node24-standalone-too-short": 60001.76,
          "node24-standalone-node-65s": 59773.584
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 7,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60002.792,
        "centerOffsetMs": -0.14300000000000002,
        "intendedGapMs": 60001.617,
        "achievedGapMs": {
          "node20-standalone-article": 59377.5285,
          "node22-standalone-article": 59460.004499999995,
          "node24-standalone-article": 59468.194,
          "node26-standalone-article": 59128.315,
          "node24-next-start-article": 59880.161,
          "node24-custom-article": 59895.383,
          "node24-standalone-keepalive-only": 59622.0075,
          "node24-standalone-too-short": 59976.932499999995,
          "node24-standalone-node-65s": 59708.16
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 7.624,
          "node22-standalone-article": 21.621,
          "node24-standalone-article": 3.436,
          "node26-standalone-article": 7.022,
          "node24-next-start-article": 5.8,
          "node24-custom-article": 5.985,
          "node24-standalone-keepalive-only": 23.219,
          "node24-standalone-too-short": 1.58,
          "node24-standalone-node-65s": 1.467
        },
        "boundaryMs": {
          "node20-standalone-article": 59770.647,
          "node22-standalone-article": 59770.647,
          "node24-standalone-article": 59770.647,
          "node26-standalone-article": 59770.647,
          "node24-next-start-article": 59770.647,
          "node24-custom-article": 59770.647,
          "node24-standalone-keepalive-only": 59770.647,
          "node24-standalone-too-short": 60002.792,
          "node24-standalone-node-65s": 59770.647
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 1,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 8,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60002.792,
        "centerOffsetMs": -1,
        "intendedGapMs": 60001.792,
        "achievedGapMs": {
          "node20-standalone-article": 59167.594,
          "node22-standalone-article": 59205.585,
          "node24-standalone-article": 59410.439,
          "node26-standalone-article": 59443.022,
          "node24-next-start-article": 59819.963,
          "node24-custom-article": 59885.857,
          "node24-standalone-keepalive-only": 59233.538,
          "node24-standalone-too-short": 59524.277,
          "node24-standalone-node-65s": 59683.845
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 7.624,
          "node22-standalone-article": 21.621,
          "node24-standalone-article": 1.104,
          "node26-standalone-article": 7.022,
          "node24-next-start-article": 6.371,
          "node24-custom-article": 7.412,
          "node24-standalone-keepalive-only": 23.219,
          "node24-standalone-too-short": 1.58,
          "node24-standalone-node-65s": 4.702
        },
        "boundaryMs": {
          "node20-standalone-article": 59756.118,
          "node22-standalone-article": 59756.118,
          "node24-standalone-article": 59756.118,
          "node26-standalone-article": 59756.118,
          "node24-next-start-article": 59756.118,
          "node24-custom-article": 59756.118,
          "node24-standalone-keepalive-only": 59756.118,
          "node24-standalone-too-short": 60002.792,
          "node24-standalone-node-65s": 59756.118
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 9,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60002.792,
        "centerOffsetMs": -2,
        "intendedGapMs": 60000.792,
        "achievedGapMs": {
          "node20-standalone-article": 58959.135,
          "node22-standalone-article": 59378.3145,
          "node24-standalone-article": 59524.370500000005,
          "node26-standalone-article": 59445.0925,
          "node24-next-start-article": 59882.4755,
          "node24-custom-article": 59492.119000000006,
          "node24-standalone-keepalive-only": 59814.376,
          "node24-standalone-too-short": 59753.808,
          "node24-standalone-node-65s": 59568.028000000006
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 10.108,
          "node22-standalone-article": 15.619,
          "node24-standalone-article": 3.436,
          "node26-standalone-article": 6.936,
          "node24-next-start-article": 6.415,
          "node24-custom-article": 5.812,
          "node24-standalone-keepalive-only": 20.706,
          "node24-standalone-too-short": 11.65,
          "node24-standalone-node-65s": 4.702
        },
        "boundaryMs": {
          "node20-standalone-article": 59756.118,
          "node22-standalone-article": 59756.118,
          "node24-standalone-article": 59756.118,
          "node26-standalone-article": 59756.118,
          "node24-next-start-article": 59756.118,
          "node24-custom-article": 59756.118,
          "node24-standalone-keepalive-only": 59756.118,
          "node24-standalone-too-short": 60002.792,
          "node24-standalone-node-65s": 59756.118
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      },
      {
        "cycle": 10,
        "lane": "long",
        "kind": "aimed",
        "aimVariant": "node24-standalone-too-short",
        "closeDelayMs": 60002.792,
        "centerOffsetMs": 0,
        "intendedGapMs": 60002.792,
        "achievedGapMs": {
          "node20-standalone-article": 59152.385500000004,
          "node22-standalone-article": 59156.185,
          "node24-standalone-article": 59274.167499999996,
          "node26-standalone-article": 59466.303,
          "node24-next-start-article": 59269.9985,
          "node24-custom-article": 59201.898,
          "node24-standalone-keepalive-only": 59783.8655,
          "node24-standalone-too-short": 60175.065,
          "node24-standalone-node-65s": 59802.169
        },
        "oneWayLatencyMs": {
          "node20-standalone-article": 10.108,
          "node22-standalone-article": 15.619,
          "node24-standalone-article": 3.117,
          "node26-standalone-article": 7.022,
          "node24-next-start-article": 11.179,
          "node24-custom-article": 5.219,
          "node24-standalone-keepalive-only": 20.706,
          "node24-standalone-too-short": 23.627,
          "node24-standalone-node-65s": 4.702
        },
        "boundaryMs": {
          "node20-standalone-article": 59774.914,
          "node22-standalone-article": 59774.914,
          "node24-standalone-article": 59774.914,
          "node26-standalone-article": 59774.914,
          "node24-next-start-article": 59774.914,
          "node24-custom-article": 59774.914,
          "node24-standalone-keepalive-only": 59774.914,
          "node24-standalone-too-short": 60002.792,
          "node24-standalone-node-65s": 59774.914
        },
        "sendsPerVariant": 8,
        "count502": {
          "node20-standalone-article": 0,
          "node22-standalone-article": 0,
          "node24-standalone-article": 0,
          "node26-standalone-article": 0,
          "node24-next-start-article": 0,
          "node24-custom-article": 0,
          "node24-standalone-keepalive-only": 0,
          "node24-standalone-too-short": 0,
          "node24-standalone-node-65s": 0
        }
      }
    ]
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 19,
      "connectionReset": 53,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "verdict": {
    "ok": true,
    "text": "30 cells: 14 reproduced, 0 masked, 16 safe, 0 inconclusive",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "node20-standalone-default-post: REPRODUCED (4 of 67 boundary requests failed (6.0 %, 95 % CI 2.3 %–14.4 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node20-standalone-default-get: REPRODUCED (3 of 63 boundary requests failed (4.8 %, 95 % CI 1.6 %–13.1 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)); node20-standalone-article-post: SAFE (0 failures in 40 boundary requests (≤ 7.2 % per request), one-sided 95 %); node20-standalone-article-get: SAFE (0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %); node22-standalone-default-post: REPRODUCED (4 of 66 boundary requests failed (6.1 %, 95 % CI 2.4 %–14.6 %) in aimed cycles not counted (summary before v6) (4 × 502 in all)); node22-standalone-default-get: REPRODUCED (3 of 62 boundary requests failed (4.8 %, 95 % CI 1.7 %–13.3 %) in aimed cycles not counted (summary before v6) (3 × 502 in all)); node22-standalone-article-post: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node22-standalone-article-get: SAFE (0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %); node24-standalone-default-post: REPRODUCED (2 of 56 boundary requests failed (3.6 %, 95 % CI 1.0 %–12.1 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)); node24-standalone-default-get: REPRODUCED (5 of 49 boundary requests failed (10.2 %, 95 % CI 4.4 %–21.8 %) in aimed cycles not counted (summary before v6) (5 × 502 in all)); node24-standalone-article-post: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %); node24-standalone-article-get: SAFE (0 failures in 39 boundary requests (≤ 7.4 % per request), one-sided 95 %); node26-standalone-default-post: REPRODUCED (10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)); node26-standalone-default-get: REPRODUCED (6 of 45 boundary requests failed (13.3 %, 95 % CI 6.3 %–26.2 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)); node26-standalone-article-post: SAFE (0 failures in 35 boundary requests (≤ 8.2 % per request), one-sided 95 %); node26-standalone-article-get: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-next-start-default-post: REPRODUCED (7 of 61 boundary requests failed (11.5 %, 95 % CI 5.7 %–21.8 %) in aimed cycles not counted (summary before v6) (7 × 502 in all)); node24-next-start-default-get: REPRODUCED (10 of 59 boundary requests failed (16.9 %, 95 % CI 9.5 %–28.5 %) in aimed cycles not counted (summary before v6) (10 × 502 in all)); node24-next-start-article-post: SAFE (0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %); node24-next-start-article-get: SAFE (0 failures in 34 boundary requests (≤ 8.4 % per request), one-sided 95 %); node24-custom-default-post: REPRODUCED (6 of 62 boundary requests failed (9.7 %, 95 % CI 4.5 %–19.5 %) in aimed cycles not counted (summary before v6) (6 × 502 in all)); node24-custom-default-get: REPRODUCED (9 of 58 boundary requests failed (15.5 %, 95 % CI 8.4 %–26.9 %) in aimed cycles not counted (summary before v6) (9 × 502 in all)); node24-custom-article-post: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-custom-article-get: SAFE (0 failures in 37 boundary requests (≤ 7.8 % per request), one-sided 95 %); node24-standalone-keepalive-only-post: SAFE (0 failures in 36 boundary requests (≤ 8.0 % per request), one-sided 95 %); node24-standalone-keepalive-only-get: SAFE (0 failures in 33 boundary requests (≤ 8.7 % per request), one-sided 95 %); node24-standalone-too-short-post: REPRODUCED (2 of 30 boundary requests failed (6.7 %, 95 % CI 1.8 %–21.3 %) in aimed cycles not counted (summary before v6) (2 × 502 in all)); node24-standalone-too-short-get: REPRODUCED (1 of 24 boundary requests failed (4.2 %, 95 % CI 0.7 %–20.2 %) in aimed cycles not counted (summary before v6) (1 × 502 in all)); node24-standalone-node-65s-post: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %); node24-standalone-node-65s-get: SAFE (0 failures in 38 boundary requests (≤ 7.6 % per request), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 3213,
      "errorLines": 72
    }
  },
  "yourApp": null
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: compare 1`] = `
baseline: REPRODUCED  20261128-042022Z-docker (a, schema v8)
current:  REPRODUCED  20261128-042022Z-docker (b, schema v8)

         fix      must be  baseline    current     baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     REPRODUCED  REPRODUCED  33/56, 6/7 cycles          33/56, 6/7 cycles         ±0 % (−44 % … +44 %) per cycle  −73 %              ok
fixed    article  safe     SAFE        SAFE        0/175, 0/7 cycles          0/175, 0/7 cycles         ±0 % (−42 % … +42 %) per cycle  +54 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

NO REGRESSION (exit 0): every fix held, Node's defaults still show the race, and no rate moved beyond chance.
A rate can have moved by less than its row's detectable change unseen.
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "default: 33 × 502 in 56 (58.9 %, 95 % CI 45.9 %–70.8 %) at the close boundary (33 × 502 in 195 in all); fixed: 0 in 175 (95 % upper bound 1.70 %) at the close boundary (0 × 502 in 603 in all); app closed 100 % of idle upstream connections in default (87/87), LB closed 100 % in fixed (25/25, at shutdown)",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "default-post: REPRODUCED (15 of 21 boundary requests failed (71.4 %, 95 % CI 50.0 %–86.2 %) in aimed cycles not counted (summary before v6) (15 × 502 in all)); default-get: REPRODUCED (18 of 20 boundary requests failed (90.0 %, 95 % CI 69.9 %–97.2 %) in aimed cycles not counted (summary before v6) (18 × 502 in all)); fixed-post: SAFE (0 failures in 91 boundary requests (≤ 3.2 % per request), one-sided 95 %); fixed-get: SAFE (0 failures in 84 boundary requests (≤ 3.5 % per request), one-sided 95 %)"
  },
  "headline": "REPRODUCED  default 33 × 502 / 56   fixed 0 / 175 (≤ 1.7 %, ≤ 35 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "REPRODUCED: default: 33 × 502 in 56 (58.9 %, 95 % CI 45.9 %–70.8 %) at the close boundary (33 × 502 in 195 in all); fixed: 0 in 175 (95 % upper bound 1.70 %) at the close boundary (0 × 502 in 603 in all); app closed 100 % of idle upstream connections in default (87/87), LB closed 100 % in fixed (25/25, at shutdown)",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 195,
      "count502": 33,
      "failed": 33,
      "boundary": 56
    },
    "fixed": {
      "sent": 603,
      "count502": 0,
      "failed": 0,
      "boundary": 175
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: headline 1`] = `
REPRODUCED  default 33 × 502 / 56   fixed 0 / 175 (≤ 1.7 %, ≤ 35 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>REPRODUCED · keepalive-lab 20261128-042022Z-docker</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run 20261128-042022Z-docker</h1>
<p class="headline" data-role="headline">REPRODUCED  default 33 × 502 / 56   fixed 0 / 175 (≤ 1.7 %, ≤ 35 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-bad" data-role="verdict" data-word="REPRODUCED" data-tone="bad">REPRODUCED: default: 33 × 502 in 56 (58.9 %, 95 % CI 45.9 %–70.8 %) at the close boundary (33 × 502 in 195 in all); fixed: 0 in 175 (95 % upper bound 1.70 %) at the close boundary (0 × 502 in 603 in all); app closed 100 % of idle upstream connections in default (87/87), LB closed 100 % in fixed (25/25, at shutdown)</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>5000 / 60000 ms</td><td>61000 / 62000 ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.005 s</td><td>open after 9.001 s</td></tr>
<tr><th scope="row">requests</th><td>195</td><td>603</td></tr>
<tr><th scope="row">boundary requests</th><td>56</td><td>175</td></tr>
<tr><th scope="row">502s</th><td>33</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>58.9 % (45.9 %–70.8 %)</td><td>0 (≤ 1.70 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>6/7: 85.7 % (48.7 %–97.4 %)</td><td>0/7: 0 (≤ 34.82 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>16.9 % (12.3 %–22.8 %)</td><td>0 (≤ 0.50 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>cycle 2, 31.6 s</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>87 / 8 / 0</td><td>0 / 25 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>8</td><td>25</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>33</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>20261128-042022Z-docker (docker, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>2026-11-28T04:20:22.739Z → 2026-11-28T04:22:00.332Z (97.6 s)</td></tr>
<tr><th scope="row">versions</th><td>docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node24 24.21.0, harnessNode 20.20.2</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (798 access-log entries, 33 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6003.1 ms (app clock), 12 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default -1.3 ± 1.92 ms, fixed -1.3 ± 2.12 ms</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.005 s</td><td>6.003 s</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.001 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: report.md 1`] = `
# keepalive-lab run 20261128-042022Z-docker

**REPRODUCED: default: 33 × 502 in 56 (58.9 %, 95 % CI 45.9 %–70.8 %) at the close boundary (33 × 502 in 195 in all); fixed: 0 in 175 (95 % upper bound 1.70 %) at the close boundary (0 × 502 in 603 in all); app closed 100 % of idle upstream connections in default (87/87), LB closed 100 % in fixed (25/25, at shutdown)**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | 5000 / 60000 ms | 61000 / 62000 ms |
| idle close, measured | 6.005 s | open after 9.001 s |
| requests | 195 | 603 |
| boundary requests | 56 | 175 |
| 502s | 33 | 0 |
| 502 rate at the boundary (95 %) | 58.9 % (45.9 %–70.8 %) | 0 (≤ 1.70 %, one-sided) |
| aimed cycles with a 502 (95 %) | 6/7: 85.7 % (48.7 %–97.4 %) | 0/7: 0 (≤ 34.82 %, one-sided) |
| 502 rate, all requests (95 %) | 16.9 % (12.3 %–22.8 %) | 0 (≤ 0.50 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | cycle 2, 31.6 s | — |
| upstream closed by app / LB / reset | 87 / 8 / 0 | 0 / 25 / 0 |
|   of the LB's: at shutdown | 8 | 25 |
| 502s in nginx access log | 33 | 0 |

## How it ran

- runtime: docker, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, node 24.21.0, next 16.4.6, node24 24.21.0, harnessNode 20.20.2
- aimed at default's close delay 6003.1 ms (app clock), one-way latency default 1.92 ms, fixed 2.12 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default -1.3 ± 1.92 ms, fixed -1.3 ± 2.12 ms
- 12 cycles, wall time 97.6 s
- race window: 33 hits; planned offsets -3.9 … 0.3 ms (median -1.9); arrival − app close -14.4 … 1.7 ms (median -4.4)
- against the app's real closes: hits -14.4 … 1.7 ms (median -4.4) (33); served early on a reused connection -9.7 … 0.7 ms (median -5.5) (7); served late on a new one 2.4 … 89.4 ms (median 25.2) (11); window 0.7 … 2.4 ms (1.8 ms wide)
- nginx error log: prematurelyClosed 6, connectionReset 27, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (798 access-log entries, 33 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-042022Z-docker: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "20261128-042022Z-docker",
  "startedAt": "2026-11-28T04:20:22.739Z",
  "finishedAt": "2026-11-28T04:22:00.332Z",
  "wallTimeMs": 97593,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "docker",
  "mode": "quick",
  "options": {
    "naivePairs": 5,
    "mode": "quick",
    "cycles": 1,
    "maxCycles": 36,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "longCycles": 10,
    "keep": false,
    "json": false,
    "assert": false,
    "minBoundaryRequests": 40,
    "baseline": null,
    "assertSafe": false,
    "shard": null
  },
  "versions": {
    "docker": "20.10.24+dfsg1",
    "kernel": "6.18.44-fc-v782",
    "compose": "docker-compose 1.29.2",
    "nginx": "1.22.1",
    "node": "24.21.0",
    "next": "16.4.6",
    "node24": "24.21.0",
    "harnessNode": "20.20.2"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 65000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6005.457,
        "probeWatchedMs": 6005.457,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6003.02
      },
      "requests": {
        "total": 195,
        "byStatus": {
          "200": 162,
          "502": 33
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 99,
            "count502": 18
          },
          "POST": {
            "total": 96,
            "count502": 15
          }
        },
        "boundary": 56
      },
      "rate502": {
        "failures": 33,
        "trials": 195,
        "rate": 0.16923076923076924,
        "low": 0.12311425611123775,
        "high": 0.22812767922214697,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 33,
        "trials": 56,
        "rate": 0.5892857142857143,
        "low": 0.4587759684643971,
        "high": 0.708332257121538,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 7,
        "hitting": 6,
        "rate": {
          "failures": 6,
          "trials": 7,
          "rate": 0.8571428571428571,
          "low": 0.4868721707256811,
          "high": 0.9743203756552565,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 2,
        "elapsedMs": 31572
      },
      "closedBy": {
        "app": 87,
        "lb": 8,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 95
      },
      "nginx": {
        "access502": 33,
        "accessTotal": 195
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000.68,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 61000,
        "serverHeadersTimeoutMs": 62000,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 603,
        "byStatus": {
          "200": 603
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 291,
            "count502": 0
          },
          "POST": {
            "total": 312,
            "count502": 0
          }
        },
        "boundary": 175
      },
      "rate502": {
        "failures": 0,
        "trials": 603,
        "rate": 0,
        "low": 0,
        "high": 0.004955726554317197,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 175,
        "rate": 0,
        "low": 0,
        "high": 0.016972781630711253,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 7,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 7,
          "rate": 0,
          "low": 0,
          "high": 0.3481636551311609,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 25,
        "lbAtShutdown": 25,
        "reset": 0,
        "open": 0,
        "total": 25
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 603
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6003.129,
      "outcome": "reproduced",
      "reason": "15 × 502 to the client",
      "counts": {
        "requests": 96,
        "aimed": 28,
        "boundary": 21,
        "status502": 15,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "15 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 15,
        "trials": 21,
        "rate": 0.7142857142857143,
        "low": 0.5004361928391441,
        "high": 0.8618613704787788,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 15,
        "trials": 21,
        "rate": 0.7142857142857143,
        "low": 0.5004361928391441,
        "high": 0.8618613704787788,
        "method": "wilson"
      },
      "appIdleCloseMs": 6005.457,
      "effectiveCloseMs": 6003.408,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 87,
        "lb": 8,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 95
      },
      "firstHit": {
        "cycle": 2,
        "afterTrafficStartMs": 13092
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "15 × 502 to the client"
        ],
        "evidence": "15 of 21 boundary requests failed (71.4 %, 95 % CI 50.0 %–86.2 %) in aimed cycles not counted (summary before v6) (15 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6003.129,
      "outcome": "reproduced",
      "reason": "18 × 502 to the client",
      "counts": {
        "requests": 99,
        "aimed": 28,
        "boundary": 20,
        "status502": 18,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "18 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 18,
        "trials": 20,
        "rate": 0.9,
        "low": 0.6989663547715128,
        "high": 0.9721335187862319,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 18,
        "trials": 20,
        "rate": 0.9,
        "low": 0.6989663547715128,
        "high": 0.9721335187862319,
        "method": "wilson"
      },
      "appIdleCloseMs": 6005.457,
      "effectiveCloseMs": 6003.408,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 87,
        "lb": 8,
        "lbAtShutdown": 8,
        "reset": 0,
        "open": 0,
        "total": 95
      },
      "firstHit": {
        "cycle": 2,
        "afterTrafficStartMs": 13092
      },
      "boundaryCycles": null,
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "18 × 502 to the client"
        ],
        "evidence": "18 of 20 boundary requests failed (90.0 %, 95 % CI 69.9 %–97.2 %) in aimed cycles not counted (summary before v6) (18 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6003.129,
      "outcome": "safe",
      "reason": "no failure in 91 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 312,
        "aimed": 91,
        "boundary": 91,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 91,
        "rate": 0,
        "low": 0,
        "high": 0.03238416473643446,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 91,
        "rate": 0,
        "low": 0,
        "high": 0.03238416473643446,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 25,
        "lbAtShutdown": 25,
        "reset": 0,
        "open": 0,
        "total": 25
      },
      "firstHit": null,
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 91 boundary requests (≤ 3.2 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "24.21.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6003.129,
      "outcome": "safe",
      "reason": "no failure in 84 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 291,
        "aimed": 84,
        "boundary": 84,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 84,
        "rate": 0,
        "low": 0,
        "high": 0.03503503060494206,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 84,
        "rate": 0,
        "low": 0,
        "high": 0.03503503060494206,
        "method": "exact-one-sided"
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 25,
        "lbAtShutdown": 25,
        "reset": 0,
        "open": 0,
        "total": 25
      },
      "firstHit": null,
      "boundaryCycles": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 84 boundary requests (≤ 3.5 % per request), one-sided 95 %"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 33,
    "plannedOffsetMs": {
      "min": -3.856,
      "median": -1.856,
      "max": 0.266
    },
    "arrivalMinusAppCloseMs": {
      "min": -14.408,
      "median": -4.428,
      "max": 1.657
    },
    "byOffsetMs": {
      "0": {
        "sent": 13,
        "hit": 6
      },
      "1": {
        "sent": 3,
        "hit": 0
      },
      "2": {
        "sent": 1,
        "hit": 0
      },
      "-2": {
        "sent": 11,
        "hit": 9
      },
      "-1": {
        "sent": 13,
        "hit": 9
      },
      "-3": {
        "sent": 9,
        "hit": 7
      },
      "-4": {
        "sent": 6,
        "hit": 2
      }
    },
    "model": {
      "hitsMs": {
        "min": -14.408,
        "median": -4.428,
        "max": 1.657,
        "count": 33
      },
      "servedBeforeCloseMs": {
        "min": -9.728,
        "median": -5.536,
        "max": 0.674,
        "count": 7
      },
      "servedAfterCloseMs": {
        "min": 2.437,
        "median": 25.154,
        "max": 89.445,
        "count": 11
      },
      "windowMs": {
        "from": 0.674,
        "to": 2.437,
        "width": 1.763
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6003.129,
    "oneWayLatencyMs": {
      "default": 1.918,
      "fixed": 2.116
    },
    "appClocks": {
      "default": {
        "offsetMs": -1.268,
        "uncertaintyMs": 1.918,
        "sendToAppMs": 0.65,
        "samples": 27,
        "consistent": true
      },
      "fixed": {
        "offsetMs": -1.25,
        "uncertaintyMs": 2.116,
        "sendToAppMs": 0.866,
        "samples": 125,
        "consistent": true
      }
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6002.853,
        "centerOffsetMs": 0,
        "intendedGapMs": 6004.479,
        "achievedGapMs": {
          "default": null,
          "fixed": 6171.453
        },
        "oneWayLatencyMs": {
          "default": 2.474,
          "fixed": 2.35
        },
        "appClockOffsetMs": {
          "default": -1.41,
          "fixed": -1.511
        },
        "boundaryMs": {
          "default": 6002.853,
          "fixed": 6002.853
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6002.853,
        "centerOffsetMs": -1,
        "intendedGapMs": 6001.853,
        "achievedGapMs": {
          "default": 5998.493,
          "fixed": 6100.987
        },
        "oneWayLatencyMs": {
          "default": 2.358,
          "fixed": 2.117
        },
        "appClockOffsetMs": {
          "default": -1.294,
          "fixed": -1.278
        },
        "boundaryMs": {
          "default": 6002.853,
          "fixed": 6002.853
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 2,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6002.713,
        "centerOffsetMs": -1.571,
        "intendedGapMs": 6001.282,
        "achievedGapMs": {
          "default": 5994.437,
          "fixed": 6135.12
        },
        "oneWayLatencyMs": {
          "default": 2.358,
          "fixed": 2.117
        },
        "appClockOffsetMs": {
          "default": -1.294,
          "fixed": -1.278
        },
        "boundaryMs": {
          "default": 6002.713,
          "fixed": 6002.713
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 4,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "naive",
        "aimVariant": "default",
        "closeDelayMs": 6001.171,
        "centerOffsetMs": 0,
        "intendedGapMs": 6005.457,
        "achievedGapMs": {
          "default": 4.837,
          "fixed": 6134.837
        },
        "oneWayLatencyMs": {
          "default": 2.358,
          "fixed": 2.034
        },
        "appClockOffsetMs": {
          "default": -1.294,
          "fixed": -1.261
        },
        "boundaryMs": {
          "default": 6001.171,
          "fixed": 6001.171
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 5,
        "lane": "short",
        "kind": "naive",
        "aimVariant": "default",
        "closeDelayMs": 6001.015,
        "centerOffsetMs": 5,
        "intendedGapMs": 6010.457,
        "achievedGapMs": {
          "default": null,
          "fixed": 6114.218
        },
        "oneWayLatencyMs": {
          "default": 2.591,
          "fixed": 2.034
        },
        "appClockOffsetMs": {
          "default": -1.06,
          "fixed": -1.261
        },
        "boundaryMs": {
          "default": 6001.015,
          "fixed": 6001.015
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 6,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001.797,
        "centerOffsetMs": -2.142,
        "intendedGapMs": 5998.873,
        "achievedGapMs": {
          "default": 5996.521,
          "fixed": 6065.808
        },
        "oneWayLatencyMs": {
          "default": 2.494,
          "fixed": 1.973
        },
        "appClockOffsetMs": {
          "default": -1.157,
          "fixed": -1.2
        },
        "boundaryMs": {
          "default": 6001.797,
          "fixed": 6001.797
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 7,
          "fixed": 0
        }
      },
      {
        "cycle": 7,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6007.275,
        "centerOffsetMs": -1.856,
        "intendedGapMs": 5999.941,
        "achievedGapMs": {
          "default": 5997.764,
          "fixed": 6069.214
        },
        "oneWayLatencyMs": {
          "default": 2.608,
          "fixed": 1.945
        },
        "appClockOffsetMs": {
          "default": -1.773,
          "fixed": -1.172
        },
        "boundaryMs": {
          "default": 6007.275,
          "fixed": 6007.275
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 7,
          "fixed": 0
        }
      },
      {
        "cycle": 8,
        "lane": "short",
        "kind": "naive",
        "aimVariant": "default",
        "closeDelayMs": 6007.247,
        "centerOffsetMs": -5,
        "intendedGapMs": 6000.457,
        "achievedGapMs": {
          "default": 6002.412,
          "fixed": 6121.512
        },
        "oneWayLatencyMs": {
          "default": 2.608,
          "fixed": 1.945
        },
        "appClockOffsetMs": {
          "default": -1.773,
          "fixed": -1.172
        },
        "boundaryMs": {
          "default": 6007.247,
          "fixed": 6007.247
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 9,
        "lane": "short",
        "kind": "naive",
        "aimVariant": "default",
        "closeDelayMs": 6001.696,
        "centerOffsetMs": 10,
        "intendedGapMs": 6015.457,
        "achievedGapMs": {
          "default": null,
          "fixed": 6133.505
        },
        "oneWayLatencyMs": {
          "default": 2.791,
          "fixed": 1.992
        },
        "appClockOffsetMs": {
          "default": -1.956,
          "fixed": -1.126
        },
        "boundaryMs": {
          "default": 6001.696,
          "fixed": 6001.696
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 10,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001.696,
        "centerOffsetMs": -1.734,
        "intendedGapMs": 5999.962,
        "achievedGapMs": {
          "default": 3000.9885000000004,
          "fixed": 6060.885
        },
        "oneWayLatencyMs": {
          "default": 2.85,
          "fixed": 1.992
        },
        "appClockOffsetMs": {
          "default": -2.015,
          "fixed": -1.126
        },
        "boundaryMs": {
          "default": 6001.696,
          "fixed": 6001.696
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 6,
          "fixed": 0
        }
      },
      {
        "cycle": 11,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6003.089,
        "centerOffsetMs": -1.734,
        "intendedGapMs": 5999.962,
        "achievedGapMs": {
          "default": 5997.484,
          "fixed": 6076.542
        },
        "oneWayLatencyMs": {
          "default": 2.85,
          "fixed": 1.992
        },
        "appClockOffsetMs": {
          "default": -2.015,
          "fixed": -1.126
        },
        "boundaryMs": {
          "default": 6003.089,
          "fixed": 6003.089
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 7,
          "fixed": 0
        }
      },
      {
        "cycle": 12,
        "lane": "short",
        "kind": "naive",
        "aimVariant": "default",
        "closeDelayMs": 6003.129,
        "centerOffsetMs": -10,
        "intendedGapMs": 5995.457,
        "achievedGapMs": {
          "default": 5997.476,
          "fixed": 6087.982
        },
        "oneWayLatencyMs": {
          "default": 1.918,
          "fixed": 2.116
        },
        "appClockOffsetMs": {
          "default": -1.268,
          "fixed": -1.25
        },
        "boundaryMs": {
          "default": 6003.129,
          "fixed": 6003.129
        },
        "sendsPerVariant": 8,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 798,
      "errorLines": 33
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 6,
      "connectionReset": 27,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "verdict": {
    "ok": true,
    "text": "default: 33 × 502 in 56 (58.9 %, 95 % CI 45.9 %–70.8 %) at the close boundary (33 × 502 in 195 in all); fixed: 0 in 175 (95 % upper bound 1.70 %) at the close boundary (0 × 502 in 603 in all); app closed 100 % of idle upstream connections in default (87/87), LB closed 100 % in fixed (25/25, at shutdown)",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "default-post: REPRODUCED (15 of 21 boundary requests failed (71.4 %, 95 % CI 50.0 %–86.2 %) in aimed cycles not counted (summary before v6) (15 × 502 in all)); default-get: REPRODUCED (18 of 20 boundary requests failed (90.0 %, 95 % CI 69.9 %–97.2 %) in aimed cycles not counted (summary before v6) (18 × 502 in all)); fixed-post: SAFE (0 failures in 91 boundary requests (≤ 3.2 % per request), one-sided 95 %); fixed-get: SAFE (0 failures in 84 boundary requests (≤ 3.5 % per request), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  },
  "yourApp": null
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: compare 1`] = `
baseline: UNSAFE  20261128-084831Z-docker (a, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests
current:  UNSAFE  20261128-084831Z-docker (b, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests

           fix    must be  baseline    current     baseline: failed/boundary  current: failed/boundary  change (95.0 %)                 detectable (80 %)
yours-get  yours  safe     REPRODUCED  REPRODUCED  34/56, 7/12 cycles         34/56, 7/12 cycles        ±0 % (−35 % … +35 %) per cycle  +40 %              STILL FAILING

The change's interval is at 95 %.
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: UNSAFE in both
  - yours-get: REPRODUCED in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced 34 × 502 in 96 requests aimed at the close",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests"
  },
  "headline": "UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests",
  "verdictLine": "UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests\\n  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0",
  "complete": true,
  "interrupted": false,
  "counts": {
    "yours": {
      "sent": 195,
      "count502": 34,
      "failed": 34,
      "boundary": 96
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: headline 1`] = `
UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>UNSAFE · keepalive-lab 20261128-084831Z-docker</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run 20261128-084831Z-docker</h1>
<p class="headline" data-role="headline">UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests</p>
<p class="verdict tone-bad" data-role="verdict" data-word="UNSAFE" data-tone="bad">UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests
  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">yours</th><td>GET</td><td>REPRODUCED</td><td>v24.21.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>6.01 s (app)</td><td>34/56</td><td>60.7 %</td><td>34 × 502</td><td>0</td><td>150/0</td><td>12.8 s</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>yours-get: REPRODUCED — 34 × 502 to the client; 34 of 56 boundary requests failed (60.7 %, 95 % CI 47.6 %–72.4 %) in 7/12 aimed cycles (34 × 502 in all)</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>20261128-084831Z-docker (docker, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>2026-11-28T08:48:31.531Z → 2026-11-28T08:50:02.132Z (90.6 s)</td></tr>
<tr><th scope="row">versions</th><td>docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, harnessNode 20.20.2</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (195 access-log entries, 34 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>yours&#39;s close delay 6007.4 ms (app clock), 12 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>yours -7.6 ± 9.06 ms</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">yours</th><td>Node&#39;s default keepAliveTimeout</td><td>6.004 s</td><td>6.006 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: report.md 1`] = `
# keepalive-lab run 20261128-084831Z-docker

**UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests
  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| yours | GET | nginx 1.22.1 | v24.21.0 | — | as shipped | 6.00 s | 6.01 s (app) | 34/56 | 60.7 % | 34 × 502 | 0 | 150/0 | 12.8 s | REPRODUCED |

## Cells

- yours-get: REPRODUCED — 34 × 502 to the client; 34 of 56 boundary requests failed (60.7 %, 95 % CI 47.6 %–72.4 %) in 7/12 aimed cycles (34 × 502 in all)

## How it ran

- runtime: docker, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, harnessNode 20.20.2
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at yours's close delay 6007.4 ms (app clock), one-way latency yours 9.06 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): yours -7.6 ± 9.06 ms
- 12 cycles, wall time 90.6 s
- race window: 34 hits; planned offsets -4.3 … 0.3 ms (median -2.1); arrival − app close -46.0 … -2.3 ms (median -6.6)
- against the app's real closes: hits -46.0 … -2.3 ms (median -6.6) (34); served early on a reused connection -70.3 … 34.1 ms (median 0.1) (21); served late on a new one 4.2 … 93.3 ms (median 47.6) (37); window 34.1 … 4.2 ms (-29.9 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 34, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (195 access-log entries, 34 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-084831Z-docker-your-app-summary-only: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "20261128-084831Z-docker",
  "startedAt": "2026-11-28T08:48:31.531Z",
  "finishedAt": "2026-11-28T08:50:02.132Z",
  "wallTimeMs": 90601,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "docker",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 12,
    "maxCycles": 36,
    "concurrency": 8,
    "methods": [
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "longCycles": 10,
    "keep": false,
    "json": true,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 40,
    "naivePairs": 0,
    "baseline": null,
    "shard": null
  },
  "versions": {
    "docker": "20.10.24+dfsg1",
    "kernel": "6.18.44-fc-v782",
    "compose": "docker-compose 1.29.2",
    "nginx": "1.22.1",
    "harnessNode": "20.20.2"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 65000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "yours": {
      "name": "yours",
      "description": "your app (keepalive-lab-test/sample-app:yours), timeouts as it ships them",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "yours",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6003.627,
        "probeWatchedMs": 6003.627,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6005.539
      },
      "requests": {
        "total": 195,
        "byStatus": {
          "200": 161,
          "502": 34
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 195,
            "count502": 34
          }
        },
        "boundary": 96
      },
      "rate502": {
        "failures": 34,
        "trials": 195,
        "rate": 0.17435897435897435,
        "low": 0.1275395471912079,
        "high": 0.23376065271065144,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 34,
        "trials": 96,
        "rate": 0.3541666666666667,
        "low": 0.2657984032143951,
        "high": 0.4537569765774271,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 7,
        "rate": {
          "failures": 7,
          "trials": 12,
          "rate": 0.5833333333333334,
          "low": 0.31951131254954973,
          "high": 0.8067396863412435,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 2,
        "elapsedMs": 25573
      },
      "closedBy": {
        "app": 150,
        "lb": 2,
        "lbAtShutdown": 2,
        "reset": 0,
        "open": 0,
        "total": 76
      },
      "nginx": {
        "access502": 34,
        "accessTotal": 195
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "yours-get",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "v24.21.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6007.407,
      "outcome": "reproduced",
      "reason": "34 × 502 to the client",
      "counts": {
        "requests": 195,
        "aimed": 96,
        "boundary": 56,
        "status502": 34,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "34 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 34,
        "trials": 56,
        "rate": 0.6071428571428571,
        "low": 0.4763340280042271,
        "high": 0.7241958426988949,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 34,
        "trials": 56,
        "rate": 0.6071428571428571,
        "low": 0.4763340280042271,
        "high": 0.7241958426988949,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 7,
        "rate": {
          "failures": 7,
          "trials": 12,
          "rate": 0.5833333333333334,
          "low": 0.31951131254954973,
          "high": 0.8067396863412435,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6003.627,
      "effectiveCloseMs": 6009.901,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 150,
        "lb": 2,
        "lbAtShutdown": 2,
        "reset": 0,
        "open": 0,
        "total": 76
      },
      "firstHit": {
        "cycle": 2,
        "afterTrafficStartMs": 12819
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "34 × 502 to the client"
        ],
        "evidence": "34 of 56 boundary requests failed (60.7 %, 95 % CI 47.6 %–72.4 %) in 7/12 aimed cycles (34 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    }
  ],
  "aimVariant": "yours",
  "raceWindow": {
    "hits": 34,
    "plannedOffsetMs": {
      "min": -4.286,
      "median": -2.071,
      "max": 0.285
    },
    "arrivalMinusAppCloseMs": {
      "min": -45.994,
      "median": -6.587,
      "max": -2.3
    },
    "byOffsetMs": {
      "0": {
        "sent": 12,
        "hit": 4
      },
      "1": {
        "sent": 4,
        "hit": 0
      },
      "2": {
        "sent": 1,
        "hit": 0
      },
      "-2": {
        "sent": 20,
        "hit": 10
      },
      "-1": {
        "sent": 17,
        "hit": 7
      },
      "-3": {
        "sent": 21,
        "hit": 10
      },
      "-4": {
        "sent": 15,
        "hit": 3
      },
      "-5": {
        "sent": 5,
        "hit": 0
      },
      "-6": {
        "sent": 1,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": -45.994,
        "median": -6.587,
        "max": -2.3,
        "count": 34
      },
      "servedBeforeCloseMs": {
        "min": -70.332,
        "median": 0.121,
        "max": 34.147,
        "count": 21
      },
      "servedAfterCloseMs": {
        "min": 4.198,
        "median": 47.578,
        "max": 93.328,
        "count": 37
      },
      "windowMs": {
        "from": 34.147,
        "to": 4.198,
        "width": -29.949
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6007.407,
    "oneWayLatencyMs": {
      "yours": 9.062
    },
    "appClocks": {
      "yours": {
        "offsetMs": -7.623,
        "uncertaintyMs": 9.062,
        "sendToAppMs": 1.439,
        "samples": 22,
        "consistent": true
      }
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001.37,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001.578,
        "achievedGapMs": {
          "yours": 5986.328
        },
        "oneWayLatencyMs": {
          "yours": 4.062
        },
        "appClockOffsetMs": {
          "yours": -2.74
        },
        "boundaryMs": {
          "yours": 6001.37
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6011.64,
        "centerOffsetMs": -1,
        "intendedGapMs": 6000.37,
        "achievedGapMs": {
          "yours": 3001.0205
        },
        "oneWayLatencyMs": {
          "yours": 4.061
        },
        "appClockOffsetMs": {
          "yours": -2.741
        },
        "boundaryMs": {
          "yours": 6011.64
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 1
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6002.324,
        "centerOffsetMs": -2.429,
        "intendedGapMs": 6009.211,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 4.061
        },
        "appClockOffsetMs": {
          "yours": -2.741
        },
        "boundaryMs": {
          "yours": 6002.324
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6002.324,
        "centerOffsetMs": -3.429,
        "intendedGapMs": 5998.895,
        "achievedGapMs": {
          "yours": 6015.9835
        },
        "oneWayLatencyMs": {
          "yours": 4.061
        },
        "appClockOffsetMs": {
          "yours": -2.741
        },
        "boundaryMs": {
          "yours": 6002.324
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 2
        }
      },
      {
        "cycle": 5,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6007.119,
        "centerOffsetMs": -1.715,
        "intendedGapMs": 6000.609,
        "achievedGapMs": {
          "yours": 5998.33
        },
        "oneWayLatencyMs": {
          "yours": 8.594
        },
        "appClockOffsetMs": {
          "yours": -7.413
        },
        "boundaryMs": {
          "yours": 6007.119
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 7
        }
      },
      {
        "cycle": 6,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6002.696,
        "centerOffsetMs": -1.429,
        "intendedGapMs": 6005.69,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 8.594
        },
        "appClockOffsetMs": {
          "yours": -7.413
        },
        "boundaryMs": {
          "yours": 6002.696
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 7,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6014.852,
        "centerOffsetMs": -2.4290000000000003,
        "intendedGapMs": 6000.267,
        "achievedGapMs": {
          "yours": 6001.982
        },
        "oneWayLatencyMs": {
          "yours": 8.594
        },
        "appClockOffsetMs": {
          "yours": -7.413
        },
        "boundaryMs": {
          "yours": 6014.852
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 6
        }
      },
      {
        "cycle": 8,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6000.959,
        "centerOffsetMs": -1.857,
        "intendedGapMs": 6012.995,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 8.594
        },
        "appClockOffsetMs": {
          "yours": -7.413
        },
        "boundaryMs": {
          "yours": 6000.959
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 9,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6009.129,
        "centerOffsetMs": -2.857,
        "intendedGapMs": 5998.102,
        "achievedGapMs": {
          "yours": 5996.184
        },
        "oneWayLatencyMs": {
          "yours": 8.594
        },
        "appClockOffsetMs": {
          "yours": -7.413
        },
        "boundaryMs": {
          "yours": 6009.129
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 7
        }
      },
      {
        "cycle": 10,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001.744,
        "centerOffsetMs": -2.571,
        "intendedGapMs": 6006.558,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 9.061
        },
        "appClockOffsetMs": {
          "yours": -7.624
        },
        "boundaryMs": {
          "yours": 6001.744
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 11,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001.744,
        "centerOffsetMs": -3.571,
        "intendedGapMs": 5998.173,
        "achievedGapMs": {
          "yours": 6009.2175
        },
        "oneWayLatencyMs": {
          "yours": 9.061
        },
        "appClockOffsetMs": {
          "yours": -7.624
        },
        "boundaryMs": {
          "yours": 6001.744
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 4
        }
      },
      {
        "cycle": 12,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6007.407,
        "centerOffsetMs": -2.428,
        "intendedGapMs": 5999.316,
        "achievedGapMs": {
          "yours": 5997.82
        },
        "oneWayLatencyMs": {
          "yours": 9.062
        },
        "appClockOffsetMs": {
          "yours": -7.623
        },
        "boundaryMs": {
          "yours": 6007.407
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 7
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 195,
      "errorLines": 34
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 34,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": [
    {
      "variant": "yours",
      "image": {
        "ref": "keepalive-lab-test/sample-app:yours",
        "id": "sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768",
        "repoDigests": []
      },
      "buildDir": null,
      "containerPort": 3000,
      "healthPath": "/api/health",
      "trafficPath": "/",
      "method": "GET",
      "envKeys": [],
      "measurement": "preload",
      "node": "v24.21.0",
      "appIdleCloseMs": 6003.627374999225,
      "advertisedKeepAlive": "timeout=5",
      "lbIdleTimeoutMs": 60000,
      "verdict": "UNSAFE",
      "line": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests"
    }
  ],
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced 34 × 502 in 96 requests aimed at the close",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 34 of 96 requests aimed at the close failed (7/12 aimed cycles), 34 × 502 in all 195 requests"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: compare 1`] = `
baseline: UNSAFE  20261128-085126Z-docker (a, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests
current:  UNSAFE  20261128-085126Z-docker (b, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests

           fix    must be  baseline    current     baseline: failed/boundary  current: failed/boundary  change (95.0 %)                 detectable (80 %)
yours-get  yours  safe     REPRODUCED  REPRODUCED  32/43, 7/12 cycles         32/43, 7/12 cycles        ±0 % (−35 % … +35 %) per cycle  +40 %              STILL FAILING

The change's interval is at 95 %.
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: UNSAFE in both
  - yours-get: REPRODUCED in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced 32 × 502 in 96 requests aimed at the close",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests"
  },
  "headline": "UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests",
  "verdictLine": "UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests\\n  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0",
  "complete": true,
  "interrupted": false,
  "counts": {
    "yours": {
      "sent": 195,
      "count502": 32,
      "failed": 32,
      "boundary": 96
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: headline 1`] = `
UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests
`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>UNSAFE · keepalive-lab 20261128-085126Z-docker</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run 20261128-085126Z-docker</h1>
<p class="headline" data-role="headline">UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests</p>
<p class="verdict tone-bad" data-role="verdict" data-word="UNSAFE" data-tone="bad">UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests
  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">yours</th><td>GET</td><td>REPRODUCED</td><td>v24.21.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>6.01 s (app)</td><td>32/43</td><td>74.4 %</td><td>32 × 502</td><td>0</td><td>170/0</td><td>6.4 s</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>yours-get: REPRODUCED — 32 × 502 to the client; 32 of 43 boundary requests failed (74.4 %, 95 % CI 59.8 %–85.1 %) in 7/12 aimed cycles (32 × 502 in all)</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>20261128-085126Z-docker (docker, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>2026-11-28T08:51:26.178Z → 2026-11-28T08:52:57.020Z (90.8 s)</td></tr>
<tr><th scope="row">versions</th><td>docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, harnessNode 20.20.2</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (195 access-log entries, 32 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>yours&#39;s close delay 6000.5 ms (app clock), 12 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>yours -9.6 ± 10.70 ms</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">yours</th><td>Node&#39;s default keepAliveTimeout</td><td>6.003 s</td><td>6.002 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: report.md 1`] = `
# keepalive-lab run 20261128-085126Z-docker

**UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests
  image keepalive-lab-test/sample-app:yours (sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768); measured with the preload, Node v24.21.0**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| yours | GET | nginx 1.22.1 | v24.21.0 | — | as shipped | 6.00 s | 6.01 s (app) | 32/43 | 74.4 % | 32 × 502 | 0 | 170/0 | 6.4 s | REPRODUCED |

## Cells

- yours-get: REPRODUCED — 32 × 502 to the client; 32 of 43 boundary requests failed (74.4 %, 95 % CI 59.8 %–85.1 %) in 7/12 aimed cycles (32 × 502 in all)

## How it ran

- runtime: docker, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: docker 20.10.24+dfsg1, kernel 6.18.44-fc-v782, compose docker-compose 1.29.2, nginx 1.22.1, harnessNode 20.20.2
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at yours's close delay 6000.5 ms (app clock), one-way latency yours 10.70 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): yours -9.6 ± 10.70 ms
- 12 cycles, wall time 90.8 s
- race window: 32 hits; planned offsets -2.7 … 3.0 ms (median 0.7); arrival − app close -38.0 … 6.8 ms (median -8.9)
- against the app's real closes: hits -38.0 … 6.8 ms (median -8.9) (32); served early on a reused connection -46.5 … 22.8 ms (median -0.5) (11); served late on a new one 1.8 … 99.4 ms (median 44.7) (52); window 22.8 … 1.8 ms (-21.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 32, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (195 access-log entries, 32 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > committed runs > 20261128-085126Z-docker-your-app-summary-only: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "20261128-085126Z-docker",
  "startedAt": "2026-11-28T08:51:26.178Z",
  "finishedAt": "2026-11-28T08:52:57.020Z",
  "wallTimeMs": 90842,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "docker",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 12,
    "maxCycles": 36,
    "concurrency": 8,
    "methods": [
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "longCycles": 10,
    "keep": false,
    "json": true,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 40,
    "naivePairs": 0,
    "baseline": null,
    "shard": null
  },
  "versions": {
    "docker": "20.10.24+dfsg1",
    "kernel": "6.18.44-fc-v782",
    "compose": "docker-compose 1.29.2",
    "nginx": "1.22.1",
    "harnessNode": "20.20.2"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 65000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "yours": {
      "name": "yours",
      "description": "your app (keepalive-lab-test/sample-app:yours), timeouts as it ships them",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "yours",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6003.423,
        "probeWatchedMs": 6003.423,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6001.91
      },
      "requests": {
        "total": 195,
        "byStatus": {
          "200": 163,
          "502": 32
        },
        "clientErrors": 0,
        "byMethod": {
          "GET": {
            "total": 195,
            "count502": 32
          }
        },
        "boundary": 96
      },
      "rate502": {
        "failures": 32,
        "trials": 195,
        "rate": 0.1641025641025641,
        "low": 0.11870559249075921,
        "high": 0.2224780782741508,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 32,
        "trials": 96,
        "rate": 0.3333333333333333,
        "low": 0.2470569241521054,
        "high": 0.43243493846711983,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 7,
        "rate": {
          "failures": 7,
          "trials": 12,
          "rate": 0.5833333333333334,
          "low": 0.31951131254954973,
          "high": 0.8067396863412435,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 19041
      },
      "closedBy": {
        "app": 170,
        "lb": 12,
        "lbAtShutdown": 12,
        "reset": 0,
        "open": 0,
        "total": 91
      },
      "nginx": {
        "access502": 32,
        "accessTotal": 195
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "yours-get",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "node": "v24.21.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6000.46,
      "outcome": "reproduced",
      "reason": "32 × 502 to the client",
      "counts": {
        "requests": 195,
        "aimed": 96,
        "boundary": 43,
        "status502": 32,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "32 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 32,
        "trials": 43,
        "rate": 0.7441860465116279,
        "low": 0.5976159650115332,
        "high": 0.8507048287619176,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 32,
        "trials": 43,
        "rate": 0.7441860465116279,
        "low": 0.5976159650115332,
        "high": 0.8507048287619176,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 12,
        "hitting": 7,
        "rate": {
          "failures": 7,
          "trials": 12,
          "rate": 0.5833333333333334,
          "low": 0.31951131254954973,
          "high": 0.8067396863412435,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6003.423,
      "effectiveCloseMs": 6005.144,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 170,
        "lb": 12,
        "lbAtShutdown": 12,
        "reset": 0,
        "open": 0,
        "total": 91
      },
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 6361
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "32 × 502 to the client"
        ],
        "evidence": "32 of 43 boundary requests failed (74.4 %, 95 % CI 59.8 %–85.1 %) in 7/12 aimed cycles (32 × 502 in all)"
      },
      "lbFix": "none",
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": null
    }
  ],
  "aimVariant": "yours",
  "raceWindow": {
    "hits": 32,
    "plannedOffsetMs": {
      "min": -2.712,
      "median": 0.716,
      "max": 3.001
    },
    "arrivalMinusAppCloseMs": {
      "min": -38,
      "median": -8.894,
      "max": 6.831
    },
    "byOffsetMs": {
      "0": {
        "sent": 20,
        "hit": 8
      },
      "1": {
        "sent": 21,
        "hit": 10
      },
      "2": {
        "sent": 18,
        "hit": 8
      },
      "3": {
        "sent": 7,
        "hit": 1
      },
      "-2": {
        "sent": 10,
        "hit": 1
      },
      "-1": {
        "sent": 19,
        "hit": 3
      },
      "-3": {
        "sent": 1,
        "hit": 1
      }
    },
    "model": {
      "hitsMs": {
        "min": -38,
        "median": -8.894,
        "max": 6.831,
        "count": 32
      },
      "servedBeforeCloseMs": {
        "min": -46.481,
        "median": -0.534,
        "max": 22.843,
        "count": 11
      },
      "servedAfterCloseMs": {
        "min": 1.798,
        "median": 44.668,
        "max": 99.388,
        "count": 52
      },
      "windowMs": {
        "from": 22.843,
        "to": 1.798,
        "width": -21.045
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6000.46,
    "oneWayLatencyMs": {
      "yours": 10.7
    },
    "appClocks": {
      "yours": {
        "offsetMs": -9.621,
        "uncertaintyMs": 10.7,
        "sendToAppMs": 1.079,
        "samples": 25,
        "consistent": true
      }
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6011.132,
        "centerOffsetMs": 0,
        "intendedGapMs": 6000.89,
        "achievedGapMs": {
          "yours": 5981.966
        },
        "oneWayLatencyMs": {
          "yours": 3.5
        },
        "appClockOffsetMs": {
          "yours": -2.454
        },
        "boundaryMs": {
          "yours": 6011.132
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 4
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6000.516,
        "centerOffsetMs": 0.572,
        "intendedGapMs": 6011.704,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 3.5
        },
        "appClockOffsetMs": {
          "yours": -2.454
        },
        "boundaryMs": {
          "yours": 6000.516
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6000.739,
        "centerOffsetMs": -0.42800000000000005,
        "intendedGapMs": 6000.088,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 3.5
        },
        "appClockOffsetMs": {
          "yours": -2.454
        },
        "boundaryMs": {
          "yours": 6000.739
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 2
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6010.429,
        "centerOffsetMs": 1.001,
        "intendedGapMs": 6001.74,
        "achievedGapMs": {
          "yours": 5997.822
        },
        "oneWayLatencyMs": {
          "yours": 3.5
        },
        "appClockOffsetMs": {
          "yours": -2.454
        },
        "boundaryMs": {
          "yours": 6010.429
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 7
        }
      },
      {
        "cycle": 5,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001.642,
        "centerOffsetMs": 1.287,
        "intendedGapMs": 6011.716,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 9.795
        },
        "appClockOffsetMs": {
          "yours": -8.749
        },
        "boundaryMs": {
          "yours": 6001.642
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 6,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6002.012,
        "centerOffsetMs": 0.2869999999999999,
        "intendedGapMs": 6001.929,
        "achievedGapMs": {
          "yours": 6014.341
        },
        "oneWayLatencyMs": {
          "yours": 9.838
        },
        "appClockOffsetMs": {
          "yours": -8.707
        },
        "boundaryMs": {
          "yours": 6002.012
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 4
        }
      },
      {
        "cycle": 7,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001.455,
        "centerOffsetMs": 1.43,
        "intendedGapMs": 6003.442,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 9.276
        },
        "appClockOffsetMs": {
          "yours": -8.145
        },
        "boundaryMs": {
          "yours": 6001.455
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 8,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6012.364,
        "centerOffsetMs": 0.42999999999999994,
        "intendedGapMs": 6001.885,
        "achievedGapMs": {
          "yours": 5999.639
        },
        "oneWayLatencyMs": {
          "yours": 9.249
        },
        "appClockOffsetMs": {
          "yours": -8.17
        },
        "boundaryMs": {
          "yours": 6012.364
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 7
        }
      },
      {
        "cycle": 9,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6000.483,
        "centerOffsetMs": 0.716,
        "intendedGapMs": 6013.08,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 9.249
        },
        "appClockOffsetMs": {
          "yours": -8.17
        },
        "boundaryMs": {
          "yours": 6000.483
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 10,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6023.495,
        "centerOffsetMs": -0.28400000000000003,
        "intendedGapMs": 6000.199,
        "achievedGapMs": {
          "yours": 6002.975
        },
        "oneWayLatencyMs": {
          "yours": 9.249
        },
        "appClockOffsetMs": {
          "yours": -8.17
        },
        "boundaryMs": {
          "yours": 6023.495
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 6
        }
      },
      {
        "cycle": 11,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6004.44,
        "centerOffsetMs": 0.288,
        "intendedGapMs": 6023.783,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 9.249
        },
        "appClockOffsetMs": {
          "yours": -8.17
        },
        "boundaryMs": {
          "yours": 6004.44
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 0
        }
      },
      {
        "cycle": 12,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6000.46,
        "centerOffsetMs": -0.712,
        "intendedGapMs": 6003.728,
        "achievedGapMs": {
          "yours": null
        },
        "oneWayLatencyMs": {
          "yours": 10.7
        },
        "appClockOffsetMs": {
          "yours": -9.621
        },
        "boundaryMs": {
          "yours": 6000.46
        },
        "sendsPerVariant": 8,
        "count502": {
          "yours": 2
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 195,
      "errorLines": 32
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 32,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": [
    {
      "variant": "yours",
      "image": {
        "ref": "keepalive-lab-test/sample-app:yours",
        "id": "sha256:f5f98c3e497ebd231616efb64ef27ca4eab7339368dbda2027a8f28572d0a768",
        "repoDigests": []
      },
      "buildDir": null,
      "containerPort": 3000,
      "healthPath": "/api/health",
      "trafficPath": "/",
      "method": "GET",
      "envKeys": [],
      "measurement": "preload",
      "node": "v24.21.0",
      "appIdleCloseMs": 6003.4231819957495,
      "advertisedKeepAlive": "timeout=5",
      "lbIdleTimeoutMs": 60000,
      "verdict": "UNSAFE",
      "line": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests"
    }
  ],
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced 32 × 502 in 96 requests aimed at the close",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 32 of 96 requests aimed at the close failed (7/12 aimed cycles), 32 × 502 in all 195 requests"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: compare 1`] = `
baseline: FIX FAILED  synthetic (a, schema v8)
          fixed-post: 4 × 502 to the client (each tied to an idle close of the app)
current:  FIX FAILED  synthetic (b, schema v8)
          fixed-post: 4 × 502 to the client (each tied to an idle close of the app)

         fix      must be  baseline                     current                      baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     REPRODUCED / NOT REPRODUCED  REPRODUCED / NOT REPRODUCED  4/48, 4/4 cycles           4/48, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  −79 %                ok
fixed    article  safe     FIX FAILED / SAFE            FIX FAILED / SAFE            4/48, 4/4 cycles           4/48, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 100 %  STILL FAILING

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: FIX FAILED in both
  - fixed: FIX FAILED (fixed-post), SAFE (fixed-get) in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "FIX FAILED",
    "tone": "bad",
    "reasons": [
      "fixed-post: 4 × 502 to the client (each tied to an idle close of the app)"
    ],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: FIX FAILED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "FIX FAILED  default 4 × 502 / 48   fixed 4 × 502 / 48",
  "verdictLine": "FIX FAILED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)\\n  why: fixed-post: 4 × 502 to the client (each tied to an idle close of the app)",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: headline 1`] = `
FIX FAILED  default 4 × 502 / 48   fixed 4 × 502 / 48
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>FIX FAILED · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">FIX FAILED  default 4 × 502 / 48   fixed 4 × 502 / 48</p>
<p class="verdict tone-bad" data-role="verdict" data-word="FIX FAILED" data-tone="bad">FIX FAILED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: fixed-post: 4 × 502 to the client (each tied to an idle close of the app)</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>5000 / 60000 ms</td><td>5000 / 60000 ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>4</td><td>4</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>8.3 % (3.3 %–19.6 %)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>4/4: 100.0 % (51.0 %–100.0 %)</td><td>4/4: 100.0 % (51.0 %–100.0 %)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>8.3 % (3.3 %–19.6 %)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>cycle 1, 10.0 s</td><td>cycle 1, 10.0 s</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>4</td><td>4</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>6.000 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: report.md 1`] = `
# keepalive-lab run synthetic

**FIX FAILED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: fixed-post: 4 × 502 to the client (each tied to an idle close of the app)**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | 5000 / 60000 ms | 5000 / 60000 ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 4 | 4 |
| 502 rate at the boundary (95 %) | 8.3 % (3.3 %–19.6 %) | 8.3 % (3.3 %–19.6 %) |
| aimed cycles with a 502 (95 %) | 4/4: 100.0 % (51.0 %–100.0 %) | 4/4: 100.0 % (51.0 %–100.0 %) |
| 502 rate, all requests (95 %) | 8.3 % (3.3 %–19.6 %) | 8.3 % (3.3 %–19.6 %) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | cycle 1, 10.0 s | cycle 1, 10.0 s |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 4 | 4 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close 0.0 … 0.0 ms (median 0.0)
- against the app's real closes: hits 0.0 … 0.0 ms (median 0.0) (4); served early on a reused connection —; served late on a new one —; window 0.0 … 0.0 ms (0.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fix failed: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "FIX FAILED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": {
      "min": 0,
      "median": 0,
      "max": 0
    },
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": 0,
        "median": 0,
        "max": 0,
        "count": 4
      },
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": {
        "from": 0,
        "to": 0,
        "width": 0
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 1
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 1
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 1
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 1
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "FIX FAILED",
    "tone": "bad",
    "reasons": [
      "fixed-post: 4 × 502 to the client (each tied to an idle close of the app)"
    ],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: FIX FAILED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "fixed-post: 4 × 502 to the client (each tied to an idle close of the app)"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: compare 1`] = `
baseline: SAFE  synthetic (a, schema v8)
current:  SAFE  synthetic (b, schema v8)

            fix      must be  baseline  current  baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
fixed-post  article  safe     SAFE      SAFE     0/24, 0/4 cycles           0/24, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok
fixed-get   article  safe     SAFE      SAFE     0/24, 0/4 cycles           0/24, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

NO REGRESSION (exit 0): every fix held, Node's defaults still show the race, and no rate moved beyond chance.
A rate can have moved by less than its row's detectable change unseen.
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "2 cells: 2 SAFE",
    "word": "SAFE",
    "tone": "good",
    "reasons": [],
    "evidence": "fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "SAFE  2 SAFE",
  "verdictLine": "SAFE: 2 cells: 2 SAFE",
  "complete": true,
  "interrupted": false,
  "counts": {
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: headline 1`] = `
SAFE  2 SAFE
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>SAFE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">SAFE  2 SAFE</p>
<p class="verdict tone-good" data-role="verdict" data-word="SAFE" data-tone="good">SAFE: 2 cells: 2 SAFE</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">fixed</th><td>POST</td><td>SAFE</td><td>24.0.0</td><td>standalone</td><td>61000/62000</td><td>—</td><td>—</td><td>0/24</td><td>≤ 11.7 %</td><td>no failure</td><td>0</td><td>0/0</td><td>—</td></tr>
<tr><th scope="row">fixed</th><td>GET</td><td>SAFE</td><td>24.0.0</td><td>standalone</td><td>61000/62000</td><td>—</td><td>—</td><td>0/24</td><td>≤ 11.7 %</td><td>no failure</td><td>0</td><td>0/0</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>fixed-post: SAFE — no failure in 24 boundary requests; the app closed no upstream connection; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %</li>
<li>fixed-get: SAFE — no failure in 24 boundary requests; the app closed no upstream connection; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (48 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>fixed&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: report.md 1`] = `
# keepalive-lab run synthetic

**SAFE: 2 cells: 2 SAFE**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| fixed | POST | nginx 1.22.1 | 24.0.0 | standalone | 61000/62000 | — | — | 0/24 | ≤ 11.7 % | no failure | 0 | 0/0 | — | SAFE |
| fixed | GET | nginx 1.22.1 | 24.0.0 | standalone | 61000/62000 | — | — | 0/24 | ≤ 11.7 % | no failure | 0 | 0/0 | — | SAFE |

## Cells

- fixed-post: SAFE — no failure in 24 boundary requests; the app closed no upstream connection; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %
- fixed-get: SAFE — no failure in 24 boundary requests; the app closed no upstream connection; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at fixed's close delay 6001.0 ms (app clock), one-way latency fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): fixed —
- 4 cycles, wall time 90.0 s
- race window: 0 hits; planned offsets —; arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one —; window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (48 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > fixed alone: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "fixed",
  "raceWindow": {
    "hits": 0,
    "plannedOffsetMs": null,
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 0
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "fixed": 0
    },
    "appClocks": {
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "fixed",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "fixed": 0
        },
        "boundaryMs": {
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "fixed",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "fixed": 0
        },
        "boundaryMs": {
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "fixed",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "fixed": 0
        },
        "boundaryMs": {
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "fixed",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "fixed": 0
        },
        "boundaryMs": {
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 48,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": true,
    "text": "2 cells: 2 SAFE",
    "word": "SAFE",
    "tone": "good",
    "reasons": [],
    "evidence": "fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: compare 1`] = `
baseline: INCOMPLETE  synthetic (a, schema v8)
          the run was interrupted
current:  INCOMPLETE  synthetic (b, schema v8)
          the run was interrupted

         fix      must be  baseline                     current                      baseline: failed/boundary  current: failed/boundary  change  detectable (80 %)
default  default  racy     REPRODUCED / NOT REPRODUCED  REPRODUCED / NOT REPRODUCED  4/48, 4/4 cycles           4/48, 4/4 cycles          —       —                  INCOMPLETE
fixed    article  safe     SAFE                         SAFE                         0/48, 0/4 cycles           0/48, 0/4 cycles          —       —                  INCOMPLETE

INCOMPLETE (exit 101): nothing is concluded from a run that did not finish (2):
  - the baseline did not finish (the run was interrupted): its counts cover only what ran
  - the current run did not finish (the run was interrupted): its counts cover only what ran
Run it again to the end (or compare with a baseline that finished).
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "INCOMPLETE",
    "tone": "warn",
    "reasons": [
      "the run was interrupted"
    ],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "INCOMPLETE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "INCOMPLETE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)\\n  why: the run was interrupted",
  "complete": false,
  "interrupted": true,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: headline 1`] = `
INCOMPLETE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>INCOMPLETE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">INCOMPLETE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-warn" data-role="verdict" data-word="INCOMPLETE" data-tone="warn">INCOMPLETE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: the run was interrupted</p>
<p class="notice">This run was interrupted: the charts show what it measured until then.</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>5000 / 60000 ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>4</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>4/4: 100.0 % (51.0 %–100.0 %)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>cycle 1, 10.0 s</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>4</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: report.md 1`] = `
# keepalive-lab run synthetic

**INCOMPLETE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: the run was interrupted**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | 5000 / 60000 ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 4 | 0 |
| 502 rate at the boundary (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 4/4: 100.0 % (51.0 %–100.0 %) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | cycle 1, 10.0 s | — |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 4 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s (interrupted)
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close 0.0 … 0.0 ms (median 0.0)
- against the app's real closes: hits 0.0 … 0.0 ms (median 0.0) (4); served early on a reused connection —; served late on a new one —; window 0.0 … 0.0 ms (0.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > interrupted: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": false,
  "failure": null,
  "interrupted": true,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": {
      "min": 0,
      "median": 0,
      "max": 0
    },
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": 0,
        "median": 0,
        "max": 0,
        "count": 4
      },
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": {
        "from": 0,
        "to": 0,
        "width": 0
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "INCOMPLETE",
    "tone": "warn",
    "reasons": [
      "the run was interrupted"
    ],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "the run was interrupted"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: compare 1`] = `
baseline: MASKED  synthetic (a, schema v8)
current:  MASKED  synthetic (b, schema v8)

         fix      must be  baseline               current                baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     MASKED / INCONCLUSIVE  MASKED / INCONCLUSIVE  0/44, 0/4 cycles           0/44, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 0 %  ok
fixed    article  safe     SAFE                   SAFE                   0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (1):
  - the run's verdict: MASKED in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 0 in 44 (95 % upper bound 6.58 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed 100 % of idle upstream connections in default (4/4), LB closed n/a in fixed (0/0)",
    "word": "MASKED",
    "tone": "warn",
    "reasons": [],
    "evidence": "default-post: MASKED (0 failures in 20 boundary requests (≤ 13.9 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); default-get: INCONCLUSIVE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "MASKED  default 0 / 44 (≤ 6.6 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "MASKED: default: 0 in 44 (95 % upper bound 6.58 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed 100 % of idle upstream connections in default (4/4), LB closed n/a in fixed (0/0)",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 44
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: headline 1`] = `
MASKED  default 0 / 44 (≤ 6.6 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>MASKED · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">MASKED  default 0 / 44 (≤ 6.6 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-warn" data-role="verdict" data-word="MASKED" data-tone="warn">MASKED: default: 0 in 44 (95 % upper bound 6.58 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed 100 % of idle upstream connections in default (4/4), LB closed n/a in fixed (0/0)</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>5000 / 60000 ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>44</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>0 (≤ 6.58 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>0/4: 0 (≤ 52.71 %, one-sided)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>0 (≤ 6.05 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>—</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>4 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>0</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: report.md 1`] = `
# keepalive-lab run synthetic

**MASKED: default: 0 in 44 (95 % upper bound 6.58 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed 100 % of idle upstream connections in default (4/4), LB closed n/a in fixed (0/0)**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | 5000 / 60000 ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 44 | 48 |
| 502s | 0 | 0 |
| 502 rate at the boundary (95 %) | 0 (≤ 6.58 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 0/4: 0 (≤ 52.71 %, one-sided) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 0 (≤ 6.05 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | — | — |
| upstream closed by app / LB / reset | 4 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 0 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 0 hits; planned offsets —; arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one 1.0 … 1.0 ms (median 1.0) (4); window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > masked: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 44
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 44,
        "rate": 0,
        "low": 0,
        "high": 0.06581877114493395,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 4,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "masked",
      "reason": "the LB retried 4 requests on a new connection; the client saw no 502",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 20,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 4,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": {
        "median": 3,
        "max": 3
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 20,
        "rate": 0,
        "low": 0,
        "high": 0.13910834066826516,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 20,
        "rate": 0,
        "low": 0,
        "high": 0.13910834066826516,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": 6000,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 4,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "MASKED",
        "tone": "warn",
        "reasons": [
          "the LB retried 4 requests on a new connection; the client saw no 502"
        ],
        "evidence": "0 failures in 20 boundary requests (≤ 13.9 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "the app closed 4 idle upstream connections first: the race is there, no GET request hit it",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": 6000,
      "effectiveCloseBy": "app",
      "closedBy": {
        "app": 4,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "the app closed 4 idle upstream connections first: the race is there, no GET request hit it"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 0,
    "plannedOffsetMs": null,
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 0
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": {
        "min": 1,
        "median": 1,
        "max": 1,
        "count": 4
      },
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 0 in 44 (95 % upper bound 6.58 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed 100 % of idle upstream connections in default (4/4), LB closed n/a in fixed (0/0)",
    "word": "MASKED",
    "tone": "warn",
    "reasons": [],
    "evidence": "default-post: MASKED (0 failures in 20 boundary requests (≤ 13.9 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); default-get: INCONCLUSIVE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "the verdict is MASKED"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: compare 1`] = `
baseline: NOT REPRODUCED  synthetic (a, schema v8)
          default-post: no failure in 24 boundary requests; the app closed no upstream connection
          default-get: no failure in 24 boundary requests; the app closed no upstream connection
current:  NOT REPRODUCED  synthetic (b, schema v8)
          default-post: no failure in 24 boundary requests; the app closed no upstream connection
          default-get: no failure in 24 boundary requests; the app closed no upstream connection

         fix      must be  baseline        current         baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     NOT REPRODUCED  NOT REPRODUCED  0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 0 %  STILL FAILING
fixed    article  safe     SAFE            SAFE            0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: NOT REPRODUCED in both
  - default: NOT REPRODUCED in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "NOT REPRODUCED",
    "tone": "warn",
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ],
    "evidence": "default-post: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)\\n  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: headline 1`] = `
NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>NOT REPRODUCED · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-warn" data-role="verdict" data-word="NOT REPRODUCED" data-tone="warn">NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>— / — ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>0 (≤ 6.05 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>0/4: 0 (≤ 52.71 %, one-sided)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>0 (≤ 6.05 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>—</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>0</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>—</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: report.md 1`] = `
# keepalive-lab run synthetic

**NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | — / — ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 0 | 0 |
| 502 rate at the boundary (95 %) | 0 (≤ 6.05 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 0/4: 0 (≤ 52.71 %, one-sided) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 0 (≤ 6.05 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | — | — |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 0 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 0 hits; planned offsets —; arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one —; window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > not reproduced: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 0,
    "plannedOffsetMs": null,
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 0
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "NOT REPRODUCED",
    "tone": "warn",
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ],
    "evidence": "default-post: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: compare 1`] = `
baseline: REPRODUCED  synthetic (a, schema v8)
current:  REPRODUCED  synthetic (b, schema v8)

         fix      must be  baseline                     current                      baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     REPRODUCED / NOT REPRODUCED  REPRODUCED / NOT REPRODUCED  4/48, 4/4 cycles           4/48, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  −79 %              ok
fixed    article  safe     SAFE                         SAFE                         0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

NO REGRESSION (exit 0): every fix held, Node's defaults still show the race, and no rate moved beyond chance.
A rate can have moved by less than its row's detectable change unseen.
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "REPRODUCED  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "REPRODUCED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: headline 1`] = `
REPRODUCED  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>REPRODUCED · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">REPRODUCED  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-bad" data-role="verdict" data-word="REPRODUCED" data-tone="bad">REPRODUCED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>5000 / 60000 ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>4</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>4/4: 100.0 % (51.0 %–100.0 %)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>cycle 1, 10.0 s</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>4</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: report.md 1`] = `
# keepalive-lab run synthetic

**REPRODUCED: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | 5000 / 60000 ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 4 | 0 |
| 502 rate at the boundary (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 4/4: 100.0 % (51.0 %–100.0 %) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | cycle 1, 10.0 s | — |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 4 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close 0.0 … 0.0 ms (median 0.0)
- against the app's real closes: hits 0.0 … 0.0 ms (median 0.0) (4); served early on a reused connection —; served late on a new one —; window 0.0 … 0.0 ms (0.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > reproduced: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": {
      "min": 0,
      "median": 0,
      "max": 0
    },
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": 0,
        "median": 0,
        "max": 0,
        "count": 4
      },
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": {
        "from": 0,
        "to": 0,
        "width": 0
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": true,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "REPRODUCED",
    "tone": "bad",
    "reasons": [],
    "evidence": "default-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: compare 1`] = `
baseline: NOT REPRODUCED  synthetic (a, schema v8)
          default-post: no failure in 24 boundary requests; the app closed no upstream connection
          default-get: no failure in 24 boundary requests; the app closed no upstream connection
current:  NOT REPRODUCED  synthetic (b, schema v8)
          default-post: no failure in 24 boundary requests; the app closed no upstream connection
          default-get: no failure in 24 boundary requests; the app closed no upstream connection

         fix      must be  baseline        current         baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     NOT REPRODUCED  NOT REPRODUCED  0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 0 %  STILL FAILING
fixed    article  safe     SAFE            SAFE            0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: NOT REPRODUCED in both
  - default: NOT REPRODUCED in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "NOT REPRODUCED",
    "tone": "warn",
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ],
    "evidence": "default-post: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %; the app's own 5xx: 4 (not the race)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)\\n  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: headline 1`] = `
NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>NOT REPRODUCED · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">NOT REPRODUCED  default 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle)   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-warn" data-role="verdict" data-word="NOT REPRODUCED" data-tone="warn">NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>— / — ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>0 (≤ 6.05 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>0/4: 0 (≤ 52.71 %, one-sided)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>0 (≤ 6.05 %, one-sided)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>—</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>0</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>—</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: report.md 1`] = `
# keepalive-lab run synthetic

**NOT REPRODUCED: default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: no failure in 24 boundary requests; the app closed no upstream connection; default-get: no failure in 24 boundary requests; the app closed no upstream connection**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | — / — ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 0 | 0 |
| 502 rate at the boundary (95 %) | 0 (≤ 6.05 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 0/4: 0 (≤ 52.71 %, one-sided) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 0 (≤ 6.05 %, one-sided) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | — | — |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 0 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 0 hits; planned offsets —; arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one —; window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > the app's own 503: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "503": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 4,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %; the app's own 5xx: 4 (not the race)"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 0,
    "plannedOffsetMs": null,
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 0
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle) (0 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "NOT REPRODUCED",
    "tone": "warn",
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ],
    "evidence": "default-post: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %; the app's own 5xx: 4 (not the race)); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "default-post: no failure in 24 boundary requests; the app closed no upstream connection",
      "default-get: no failure in 24 boundary requests; the app closed no upstream connection"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: compare 1`] = `
baseline: INCONCLUSIVE  synthetic (a, schema v8)
          default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see
current:  INCONCLUSIVE  synthetic (b, schema v8)
          default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see

         fix      must be  baseline                       current                        baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
default  default  racy     INCONCLUSIVE / NOT REPRODUCED  INCONCLUSIVE / NOT REPRODUCED  4/48, 4/4 cycles           4/48, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  −79 %              STILL FAILING
fixed    article  safe     SAFE                           SAFE                           0/48, 0/4 cycles           0/48, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %              ok

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (2):
  - the run's verdict: INCONCLUSIVE in both
  - default: INCONCLUSIVE (default-post), NOT REPRODUCED (default-get) in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "INCONCLUSIVE",
    "tone": "warn",
    "reasons": [
      "default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    ],
    "evidence": "default-post: INCONCLUSIVE (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "INCONCLUSIVE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s",
  "verdictLine": "INCONCLUSIVE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)\\n  why: default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
  "complete": true,
  "interrupted": false,
  "counts": {
    "default": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    },
    "fixed": {
      "sent": 48,
      "count502": 0,
      "failed": 0,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: headline 1`] = `
INCONCLUSIVE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB's 60 s
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>INCONCLUSIVE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">INCONCLUSIVE  default 4 × 502 / 48   fixed 0 / 48 (≤ 6.1 %, ≤ 53 % per cycle), not tested at the LB&#39;s 60 s</p>
<p class="verdict tone-warn" data-role="verdict" data-word="INCONCLUSIVE" data-tone="warn">INCONCLUSIVE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB&#39;s 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see</p>
<h2>Side by side</h2>
<div class="table-wrap"><table>
<thead><tr><th scope="col"></th><th scope="col">default</th><th scope="col">fixed</th></tr></thead>
<tbody><tr><th scope="row">keepAliveTimeout (configured)</th><td>Node default</td><td>61000 ms</td></tr>
<tr><th scope="row">server keepAliveTimeout / headersTimeout</th><td>— / — ms</td><td>— / — ms</td></tr>
<tr><th scope="row">idle close, measured</th><td>6.001 s</td><td>open after 9.000 s</td></tr>
<tr><th scope="row">requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">boundary requests</th><td>48</td><td>48</td></tr>
<tr><th scope="row">502s</th><td>4</td><td>0</td></tr>
<tr><th scope="row">502 rate at the boundary (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">aimed cycles with a 502 (95 %)</th><td>4/4: 100.0 % (51.0 %–100.0 %)</td><td>0/4: 0 (≤ 52.71 %, one-sided)</td></tr>
<tr><th scope="row">502 rate, all requests (95 %)</th><td>8.3 % (3.3 %–19.6 %)</td><td>0 (≤ 6.05 %, one-sided)</td></tr>
<tr><th scope="row">client-side errors</th><td>0</td><td>0</td></tr>
<tr><th scope="row">first 502 (from the run&#39;s start)</th><td>cycle 1, 10.0 s</td><td>—</td></tr>
<tr><th scope="row">upstream closed by app / LB / reset</th><td>0 / 0 / 0</td><td>0 / 0 / 0</td></tr>
<tr><th scope="row">  of the LB&#39;s: at shutdown</th><td>0</td><td>0</td></tr>
<tr><th scope="row">502s in nginx access log</th><td>4</td><td>0</td></tr></tbody>
</table></div>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, classic)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (96 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>default&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>default —, fixed —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">default</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>—</td></tr>
<tr><th scope="row">fixed</th><td>keepAliveTimeout 61000 ms</td><td>still open after 9.000 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: report.md 1`] = `
# keepalive-lab run synthetic

**INCONCLUSIVE: default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)
  why: default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see**

|  | default | fixed |
|---|---|---|
| keepAliveTimeout (configured) | Node default | 61000 ms |
| server keepAliveTimeout / headersTimeout | — / — ms | — / — ms |
| idle close, measured | 6.001 s | open after 9.000 s |
| requests | 48 | 48 |
| boundary requests | 48 | 48 |
| 502s | 4 | 0 |
| 502 rate at the boundary (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| aimed cycles with a 502 (95 %) | 4/4: 100.0 % (51.0 %–100.0 %) | 0/4: 0 (≤ 52.71 %, one-sided) |
| 502 rate, all requests (95 %) | 8.3 % (3.3 %–19.6 %) | 0 (≤ 6.05 %, one-sided) |
| client-side errors | 0 | 0 |
| first 502 (from the run's start) | cycle 1, 10.0 s | — |
| upstream closed by app / LB / reset | 0 / 0 / 0 | 0 / 0 / 0 |
|   of the LB's: at shutdown | 0 | 0 |
| 502s in nginx access log | 4 | 0 |

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- aimed at default's close delay 6001.0 ms (app clock), one-way latency default 0.00 ms, fixed 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): default —, fixed —
- 4 cycles, wall time 90.0 s
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one —; window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (96 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > untied 502: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "classic",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "default": {
      "name": "default",
      "description": "Node's defaults: the app closes idle sockets long before the LB does",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    },
    "fixed": {
      "name": "fixed",
      "description": "the article's fix: keep-alive 61 s, headers 62 s",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": 61000,
        "headersTimeoutMs": 62000
      },
      "measured": {
        "probeIdleCloseMs": null,
        "probeWatchedMs": 9000,
        "probeAdvertisedKeepAlive": "timeout=61",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 48
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 0
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryRate502": {
        "failures": 0,
        "trials": 48,
        "rate": 0,
        "low": 0,
        "high": 0.06050340934889431,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "firstHit": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "nginx": {
        "access502": 0,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "default-post",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 4
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app"
      }
    },
    {
      "name": "default-get",
      "variant": "default",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "default",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "NOT REPRODUCED",
        "tone": "warn",
        "reasons": [
          "no failure in 24 boundary requests; the app closed no upstream connection"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-post",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    },
    {
      "name": "fixed-get",
      "variant": "fixed",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "24.0.0",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "article",
      "keepAliveTimeoutMs": 61000,
      "headersTimeoutMs": 62000,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "safe",
      "reason": "no failure in 24 boundary requests; the app closed no upstream connection",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": null,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 48,
        "total": 48
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "SAFE",
        "tone": "good",
        "reasons": [],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "default",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "default": 0,
      "fixed": 0
    },
    "appClocks": {
      "default": null,
      "fixed": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "default",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "default": 6001,
          "fixed": 6001
        },
        "oneWayLatencyMs": {
          "default": 0,
          "fixed": 0
        },
        "boundaryMs": {
          "default": 6001,
          "fixed": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 1,
          "fixed": 0
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 96,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": null,
  "verdict": {
    "ok": false,
    "text": "default: 4 × 502 in 48 (8.3 %, 95 % CI 3.3 %–19.6 %) at the close boundary (4 × 502 in 48 in all); fixed: 0 in 48 (95 % upper bound 6.05 %) at the close boundary, 4 aimed cycles (95 % upper bound 52.7 % per cycle), not tested at the LB's 60 s (0 × 502 in 48 in all); app closed n/a of idle upstream connections in default (0/0), LB closed n/a in fixed (0/0)",
    "word": "INCONCLUSIVE",
    "tone": "warn",
    "reasons": [
      "default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    ],
    "evidence": "default-post: INCONCLUSIVE (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app); default-get: NOT REPRODUCED (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-post: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %); fixed-get: SAFE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "default-post: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: compare 1`] = `
baseline: INCOMPLETE  synthetic (a, schema v8)
          the run was interrupted
current:  INCOMPLETE  synthetic (b, schema v8)
          the run was interrupted

            fix    must be  baseline      current       baseline: failed/boundary  current: failed/boundary  change  detectable (80 %)
yours-post  yours  safe     REPRODUCED    REPRODUCED    4/24, 4/4 cycles           4/24, 4/4 cycles          —       —                  INCOMPLETE
yours-get   yours  safe     INCONCLUSIVE  INCONCLUSIVE  0/24, 0/4 cycles           0/24, 0/4 cycles          —       —                  INCOMPLETE

INCOMPLETE (exit 101): nothing is concluded from a run that did not finish (2):
  - the baseline did not finish (the run was interrupted): its counts cover only what ran
  - the current run did not finish (the run was interrupted): its counts cover only what ran
Run it again to the end (or compare with a baseline that finished).
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "yours: INCOMPLETE: the run did not finish (interrupted)",
    "word": "INCOMPLETE",
    "tone": "warn",
    "reasons": [
      "the run was interrupted"
    ],
    "evidence": "yours-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); yours-get: INCONCLUSIVE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "headline": "INCOMPLETE  so far: 1 REPRODUCED   1 INCONCLUSIVE",
  "verdictLine": "INCOMPLETE: yours: INCOMPLETE: the run did not finish (interrupted)\\n  why: the run was interrupted",
  "complete": false,
  "interrupted": true,
  "counts": {
    "yours": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: headline 1`] = `
INCOMPLETE  so far: 1 REPRODUCED   1 INCONCLUSIVE
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>INCOMPLETE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">INCOMPLETE  so far: 1 REPRODUCED   1 INCONCLUSIVE</p>
<p class="verdict tone-warn" data-role="verdict" data-word="INCOMPLETE" data-tone="warn">INCOMPLETE: yours: INCOMPLETE: the run did not finish (interrupted)
  why: the run was interrupted</p>
<p class="notice">This run was interrupted: the charts show what it measured until then.</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">yours</th><td>POST</td><td>REPRODUCED</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>4/24</td><td>16.7 %</td><td>4 × 502</td><td>0</td><td>0/0</td><td>0.0 s</td></tr>
<tr><th scope="row">yours</th><td>GET</td><td>INCONCLUSIVE</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>0/24</td><td>≤ 11.7 %</td><td>no failure</td><td>0</td><td>0/0</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>yours-post: REPRODUCED — 4 × 502 to the client (each tied to an idle close of the app); 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)</li>
<li>yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB&#39;s 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (48 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>yours&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>yours —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">yours</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: report.md 1`] = `
# keepalive-lab run synthetic

**INCOMPLETE: yours: INCOMPLETE: the run did not finish (interrupted)
  why: the run was interrupted**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| yours | POST | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 4/24 | 16.7 % | 4 × 502 | 0 | 0/0 | 0.0 s | REPRODUCED |
| yours | GET | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 0/24 | ≤ 11.7 % | no failure | 0 | 0/0 | — | INCONCLUSIVE |

## Cells

- yours-post: REPRODUCED — 4 × 502 to the client (each tied to an idle close of the app); 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)
- yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at yours's close delay 6001.0 ms (app clock), one-way latency yours 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): yours —
- 4 cycles, wall time 90.0 s (interrupted)
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close 0.0 … 0.0 ms (median 0.0)
- against the app's real closes: hits 0.0 … 0.0 ms (median 0.0) (4); served early on a reused connection —; served late on a new one —; window 0.0 … 0.0 ms (0.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (48 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, interrupted: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": false,
  "failure": null,
  "interrupted": true,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "yours": {
      "name": "yours",
      "description": "your app (my-app:ci), timeouts as it ships them",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "yours",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "yours-post",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "yours-get",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "yours",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": {
      "min": 0,
      "median": 0,
      "max": 0
    },
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": 0,
        "median": 0,
        "max": 0,
        "count": 4
      },
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": {
        "from": 0,
        "to": 0,
        "width": 0
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "yours": 0
    },
    "appClocks": {
      "yours": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 48,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": [
    {
      "variant": "yours",
      "image": {
        "ref": "my-app:ci",
        "id": null,
        "repoDigests": []
      },
      "buildDir": null,
      "containerPort": 8080,
      "healthPath": "/",
      "trafficPath": "/",
      "method": "POST",
      "envKeys": [],
      "measurement": "preload",
      "node": "v24.0.0",
      "appIdleCloseMs": 6001,
      "advertisedKeepAlive": "timeout=5",
      "lbIdleTimeoutMs": 60000,
      "verdict": "INCOMPLETE",
      "line": "INCOMPLETE: the run did not finish (interrupted)"
    }
  ],
  "verdict": {
    "ok": false,
    "text": "yours: INCOMPLETE: the run did not finish (interrupted)",
    "word": "INCOMPLETE",
    "tone": "warn",
    "reasons": [
      "the run was interrupted"
    ],
    "evidence": "yours-post: REPRODUCED (4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)); yours-get: INCONCLUSIVE (0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %)"
  },
  "assertion": {
    "requested": false,
    "passed": false,
    "reasons": [
      "the run was interrupted"
    ]
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: compare 1`] = `
baseline: INCONCLUSIVE  synthetic (a, schema v8)
          INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see
current:  INCONCLUSIVE  synthetic (b, schema v8)
          INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see

            fix    must be  baseline      current       baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
yours-post  yours  safe     INCONCLUSIVE  INCONCLUSIVE  4/24, 4/4 cycles           4/24, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 100 %  STILL FAILING
yours-get   yours  safe     INCONCLUSIVE  INCONCLUSIVE  0/24, 0/4 cycles           0/24, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %                STILL FAILING

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (3):
  - the run's verdict: INCONCLUSIVE in both
  - yours-post: INCONCLUSIVE in both
  - yours-get: INCONCLUSIVE in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": false,
    "text": "yours: INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
    "word": "INCONCLUSIVE",
    "tone": "warn",
    "reasons": [
      "INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    ],
    "evidence": "INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
  },
  "headline": "INCONCLUSIVE  yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
  "verdictLine": "INCONCLUSIVE: yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see\\n  image my-app:ci; measured with the preload, Node v24.0.0",
  "complete": true,
  "interrupted": false,
  "counts": {
    "yours": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: headline 1`] = `
INCONCLUSIVE  yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>INCONCLUSIVE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">INCONCLUSIVE  yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see</p>
<p class="verdict tone-warn" data-role="verdict" data-word="INCONCLUSIVE" data-tone="warn">INCONCLUSIVE: yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see
  image my-app:ci; measured with the preload, Node v24.0.0</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">yours</th><td>POST</td><td>INCONCLUSIVE</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>4/24</td><td>16.7 %</td><td>4 × 502</td><td>0</td><td>0/0</td><td>0.0 s</td></tr>
<tr><th scope="row">yours</th><td>GET</td><td>INCONCLUSIVE</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>0/24</td><td>≤ 11.7 %</td><td>no failure</td><td>0</td><td>0/0</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>yours-post: INCONCLUSIVE — 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see; 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app</li>
<li>yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB&#39;s 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (48 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>yours&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>yours —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">yours</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>—</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: report.md 1`] = `
# keepalive-lab run synthetic

**INCONCLUSIVE: yours: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see
  image my-app:ci; measured with the preload, Node v24.0.0**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| yours | POST | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 4/24 | 16.7 % | 4 × 502 | 0 | 0/0 | 0.0 s | INCONCLUSIVE |
| yours | GET | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 0/24 | ≤ 11.7 % | no failure | 0 | 0/0 | — | INCONCLUSIVE |

## Cells

- yours-post: INCONCLUSIVE — 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see; 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app
- yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at yours's close delay 6001.0 ms (app clock), one-way latency yours 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): yours —
- 4 cycles, wall time 90.0 s
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close —
- against the app's real closes: hits —; served early on a reused connection —; served late on a new one —; window none (no hit met a close)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (48 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app, untied: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "yours": {
      "name": "yours",
      "description": "your app (my-app:ci), timeouts as it ships them",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "yours",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": null,
        "serverHeadersTimeoutMs": null,
        "appCloseDelayMedianMs": null
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "yours-post",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 4
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all); 4 not tied to an idle close of the app"
      }
    },
    {
      "name": "yours-get",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "yours",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": null,
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": null,
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": null
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "yours": 0
    },
    "appClocks": {
      "yours": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 48,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": [
    {
      "variant": "yours",
      "image": {
        "ref": "my-app:ci",
        "id": null,
        "repoDigests": []
      },
      "buildDir": null,
      "containerPort": 8080,
      "healthPath": "/",
      "trafficPath": "/",
      "method": "POST",
      "envKeys": [],
      "measurement": "preload",
      "node": "v24.0.0",
      "appIdleCloseMs": 6001,
      "advertisedKeepAlive": "timeout=5",
      "lbIdleTimeoutMs": 60000,
      "verdict": "INCONCLUSIVE",
      "line": "INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    }
  ],
  "verdict": {
    "ok": false,
    "text": "yours: INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see",
    "word": "INCONCLUSIVE",
    "tone": "warn",
    "reasons": [
      "INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
    ],
    "evidence": "INCONCLUSIVE: 4 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: compare 1`] = `
baseline: UNSAFE  synthetic (a, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests
current:  UNSAFE  synthetic (b, schema v8)
          UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests

            fix    must be  baseline      current       baseline: failed/boundary  current: failed/boundary  change (97.5 %)                 detectable (80 %)
yours-post  yours  safe     REPRODUCED    REPRODUCED    4/24, 4/4 cycles           4/24, 4/4 cycles          ±0 % (−56 % … +56 %) per cycle  none, even to 100 %  STILL FAILING
yours-get   yours  safe     INCONCLUSIVE  INCONCLUSIVE  0/24, 0/4 cycles           0/24, 0/4 cycles          ±0 % (−56 % … +56 %) per cycle  +79 %                STILL FAILING

Each change's interval is at 97.5 %, so that the 2 rows together are at 95 % (Bonferroni).
detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds 80 % of the time at that level; "ok" means no larger change, not no change.

STILL FAILING (exit 100): the current run fails as its baseline did; nothing got worse (3):
  - the run's verdict: UNSAFE in both
  - yours-post: REPRODUCED in both
  - yours-get: INCONCLUSIVE in both
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: done event 1`] = `
{
  "type": "done",
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests"
  },
  "headline": "UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests",
  "verdictLine": "UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests\\n  image my-app:ci; measured with the preload, Node v24.0.0",
  "complete": true,
  "interrupted": false,
  "counts": {
    "yours": {
      "sent": 48,
      "count502": 4,
      "failed": 4,
      "boundary": 48
    }
  },
  "runDir": "results/x"
}
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: headline 1`] = `
UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests
`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: report.html 1`] = `
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>UNSAFE · keepalive-lab synthetic</title>
<style>
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<section id="answer">
<h1>keepalive-lab run synthetic</h1>
<p class="headline" data-role="headline">UNSAFE  yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests</p>
<p class="verdict tone-bad" data-role="verdict" data-word="UNSAFE" data-tone="bad">UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests
  image my-app:ci; measured with the preload, Node v24.0.0</p>
</section>
<section id="table"><h2>The matrix, cell by cell</h2>
<div class="table-wrap"><table class="matrix">
<thead><tr><th scope="col">cell</th><th scope="col">method</th><th scope="col">verdict</th><th scope="col">node</th><th scope="col">mode</th><th scope="col">keepAlive/headers ms</th><th scope="col">app idle close</th><th scope="col">close behind LB (by)</th><th scope="col">failed/boundary</th><th scope="col">failure rate (95 %)</th><th scope="col">client saw</th><th scope="col">retried (latency)</th><th scope="col">closed app/LB</th><th scope="col">first failure (traffic)</th></tr></thead>
<tbody data-lb="nginx 1.22.1">
<tr><th scope="rowgroup" colspan="14">nginx 1.22.1</th></tr>
<tr><th scope="row">yours</th><td>POST</td><td>REPRODUCED</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>4/24</td><td>16.7 %</td><td>4 × 502</td><td>0</td><td>0/0</td><td>0.0 s</td></tr>
<tr><th scope="row">yours</th><td>GET</td><td>INCONCLUSIVE</td><td>v24.0.0</td><td>—</td><td>as shipped</td><td>6.00 s</td><td>—</td><td>0/24</td><td>≤ 11.7 %</td><td>no failure</td><td>0</td><td>0/0</td><td>—</td></tr>
</tbody>
</table></div>
<ul class="reasons"><li>yours-post: REPRODUCED — 4 × 502 to the client (each tied to an idle close of the app); 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)</li>
<li>yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB&#39;s 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %</li></ul>
</section>
<section id="facts"><h2>How it ran</h2>
<div class="table-wrap"><table class="facts"><tbody><tr><th scope="row">run</th><td>synthetic (local, quick, matrix)</td></tr>
<tr><th scope="row">when</th><td>1970-01-01T00:00:00.000Z → 1970-01-01T00:01:30.000Z (90.0 s)</td></tr>
<tr><th scope="row">versions</th><td>node 24.0.0, nginx 1.22.1, kernel k</td></tr>
<tr><th scope="row">load balancer</th><td>nginx 1.22.1 (48 access-log entries, 0 error lines)</td></tr>
<tr><th scope="row">LB timeouts</th><td>upstream keep-alive 60 s, retry policy alb</td></tr>
<tr><th scope="row">aim</th><td>yours&#39;s close delay 6001.0 ms (app clock), 4 cycles</td></tr>
<tr><th scope="row">apps&#39; clocks − harness</th><td>yours —</td></tr></tbody></table></div>
<h3>Measured closes</h3>
<div class="table-wrap"><table>
<thead><tr><th scope="col">variant</th><th scope="col">configured</th><th scope="col">idle close (probe)</th><th scope="col">close during the traffic (median)</th></tr></thead>
<tbody><tr><th scope="row">yours</th><td>Node&#39;s default keepAliveTimeout</td><td>6.001 s</td><td>6.000 s</td></tr></tbody>
</table></div>
</section>
<p><small>From <code>summary.json</code> (schema v11) and the run's logs; rebuild with <code>npm run report -- results/x</code>.</small></p>
</body>
</html>

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: report.md 1`] = `
# keepalive-lab run synthetic

**UNSAFE: yours: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests
  image my-app:ci; measured with the preload, Node v24.0.0**

| cell | method | LB | node | mode | keepAlive/headers ms | app idle close | close behind LB (by) | failed/boundary | failure rate (95 %) | client saw | retried (latency) | closed app/LB | first failure (traffic) | verdict |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| yours | POST | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 4/24 | 16.7 % | 4 × 502 | 0 | 0/0 | 0.0 s | REPRODUCED |
| yours | GET | nginx 1.22.1 | v24.0.0 | — | as shipped | 6.00 s | — | 0/24 | ≤ 11.7 % | no failure | 0 | 0/0 | — | INCONCLUSIVE |

## Cells

- yours-post: REPRODUCED — 4 × 502 to the client (each tied to an idle close of the app); 4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)
- yours-get: INCONCLUSIVE — your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed; 0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %

## How it ran

- runtime: local, mode: quick, nginx retry policy: alb, HAProxy http-reuse: safe, app server: standalone
- LB upstream keep-alive: 60000 ms
- versions: node 24.0.0, nginx 1.22.1, kernel k
- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic
- aimed at yours's close delay 6001.0 ms (app clock), one-way latency yours 0.00 ms
- app clocks − harness clock (estimated from the exchanges, no clock shared): yours —
- 4 cycles, wall time 90.0 s
- race window: 4 hits; planned offsets -2.0 … -2.0 ms (median -2.0); arrival − app close 0.0 … 0.0 ms (median 0.0)
- against the app's real closes: hits 0.0 … 0.0 ms (median 0.0) (4); served early on a reused connection —; served late on a new one —; window 0.0 … 0.0 ms (0.0 ms wide)
- nginx error log: prematurelyClosed 0, connectionReset 0, brokenPipe 0, other 0
- LBs: nginx 1.22.1 (48 access-log entries, 0 error lines)
- every 502 the harness counted is in its LB's access log, and no other

Files: \`summary.json\` (schema v11), \`requests.ndjson\`, \`compose.json\` (Docker), each LB's configuration (\`nginx.conf\`, \`haproxy.cfg\`, \`Caddyfile\`) and \`<lb>-access.log\`, \`<lb>-error.log\`, \`app-*.log\`.

`

exports[`test/unit/golden-surfaces.test.ts > TAP > made-up runs, summarised from their records > your app: summary.json 1`] = `
{
  "$schema": "(where this checkout keeps it)",
  "schemaVersion": 11,
  "runId": "synthetic",
  "startedAt": "1970-01-01T00:00:00.000Z",
  "finishedAt": "1970-01-01T00:01:30.000Z",
  "wallTimeMs": 90000,
  "complete": true,
  "failure": null,
  "interrupted": false,
  "runtime": "local",
  "mode": "quick",
  "options": {
    "mode": "quick",
    "cycles": 4,
    "maxCycles": 12,
    "concurrency": 8,
    "methods": [
      "POST",
      "GET"
    ],
    "runtime": "auto",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "cells": null,
    "shard": null,
    "longCycles": 24,
    "keep": false,
    "json": false,
    "assert": false,
    "assertSafe": false,
    "minBoundaryRequests": 16,
    "naivePairs": 0,
    "baseline": null
  },
  "versions": {
    "node": "24.0.0",
    "nginx": "1.22.1",
    "kernel": "k"
  },
  "scenario": {
    "kind": "matrix",
    "retryPolicy": "alb",
    "haproxyReuse": "safe",
    "serverMode": "standalone",
    "lb": {
      "upstreamKeepaliveTimeoutMs": 60000,
      "upstreamKeepaliveConnections": 32,
      "upstreamKeepaliveRequests": 1000,
      "clientKeepaliveTimeoutMs": 75000,
      "proxyConnectTimeoutMs": 5000,
      "proxyReadTimeoutMs": 60000
    }
  },
  "variants": {
    "yours": {
      "name": "yours",
      "description": "your app (my-app:ci), timeouts as it ships them",
      "nodeLine": "24",
      "serverMode": "standalone",
      "fix": "yours",
      "lane": "short",
      "configured": {
        "keepAliveTimeoutMs": null,
        "headersTimeoutMs": null
      },
      "measured": {
        "probeIdleCloseMs": 6001,
        "probeWatchedMs": 6001,
        "probeAdvertisedKeepAlive": "timeout=5",
        "serverKeepAliveTimeoutMs": 5000,
        "serverHeadersTimeoutMs": 60000,
        "appCloseDelayMedianMs": 6000
      },
      "requests": {
        "total": 48,
        "byStatus": {
          "200": 44,
          "502": 4
        },
        "clientErrors": 0,
        "byMethod": {
          "POST": {
            "total": 24,
            "count502": 4
          },
          "GET": {
            "total": 24,
            "count502": 0
          }
        },
        "boundary": 48
      },
      "rate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryRate502": {
        "failures": 4,
        "trials": 48,
        "rate": 0.08333333333333333,
        "low": 0.032883756818091775,
        "high": 0.1955330179036728,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "firstHit": {
        "cycle": 1,
        "elapsedMs": 10000
      },
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "nginx": {
        "access502": 4,
        "accessTotal": 48
      },
      "lbBoundary": null
    }
  },
  "cells": [
    {
      "name": "yours-post",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "POST",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "reproduced",
      "reason": "4 × 502 to the client (each tied to an idle close of the app)",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 4,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "4 × 502",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryFailureRate": {
        "failures": 4,
        "trials": 24,
        "rate": 0.16666666666666666,
        "low": 0.06678676328632951,
        "high": 0.3585307064969906,
        "method": "wilson"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 4,
        "rate": {
          "failures": 4,
          "trials": 4,
          "rate": 1,
          "low": 0.5101091635454027,
          "high": 1,
          "method": "wilson"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": {
        "cycle": 1,
        "afterTrafficStartMs": 0
      },
      "verdict": {
        "word": "REPRODUCED",
        "tone": "bad",
        "reasons": [
          "4 × 502 to the client (each tied to an idle close of the app)"
        ],
        "evidence": "4 of 24 boundary requests failed (16.7 %, 95 % CI 6.7 %–35.9 %) in 4/4 aimed cycles (4 × 502 in all)"
      }
    },
    {
      "name": "yours-get",
      "variant": "yours",
      "lb": "nginx",
      "lbVersion": "1.22.1",
      "retryPolicy": "alb",
      "lbFix": "none",
      "node": "v24.0.0",
      "nodeLine": "yours",
      "serverMode": "yours",
      "fix": "yours",
      "keepAliveTimeoutMs": null,
      "headersTimeoutMs": null,
      "method": "GET",
      "lane": "short",
      "boundaryMs": 6001,
      "outcome": "inconclusive",
      "reason": "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed",
      "counts": {
        "requests": 24,
        "aimed": 24,
        "boundary": 24,
        "status502": 0,
        "status503": 0,
        "status504": 0,
        "emptyReply": 0,
        "reset": 0,
        "clientErrors": 0,
        "masked": 0,
        "appErrors": 0,
        "untied": 0
      },
      "clientSaw": "no failure",
      "maskedLatencyMs": null,
      "boundaryRate502": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryFailureRate": {
        "failures": 0,
        "trials": 24,
        "rate": 0,
        "low": 0,
        "high": 0.1173461561549487,
        "method": "exact-one-sided"
      },
      "boundaryCycles": {
        "cycles": 4,
        "hitting": 0,
        "rate": {
          "failures": 0,
          "trials": 4,
          "rate": 0,
          "low": 0,
          "high": 0.5271291954984121,
          "method": "exact-one-sided"
        }
      },
      "appIdleCloseMs": 6001,
      "effectiveCloseMs": null,
      "effectiveCloseBy": null,
      "closedBy": {
        "app": 0,
        "lb": 0,
        "lbAtShutdown": 0,
        "reset": 0,
        "open": 44,
        "total": 44
      },
      "connectionsPer1000": null,
      "addedLatencyMs": null,
      "duplicates": null,
      "lbLogAppCloses": 0,
      "firstHit": null,
      "verdict": {
        "word": "INCONCLUSIVE",
        "tone": "warn",
        "reasons": [
          "your app closes idle connections after 6.0 s, before the LB's 60.0 s: the race is there, and none of 24 requests aimed at it failed"
        ],
        "evidence": "0 failures in 24 boundary requests (≤ 11.7 % per request), 4 aimed cycles (≤ 52.7 % per cycle), one-sided 95 %"
      }
    }
  ],
  "aimVariant": "yours",
  "raceWindow": {
    "hits": 4,
    "plannedOffsetMs": {
      "min": -2,
      "median": -2,
      "max": -2
    },
    "arrivalMinusAppCloseMs": {
      "min": 0,
      "median": 0,
      "max": 0
    },
    "byOffsetMs": {
      "0": {
        "sent": 8,
        "hit": 0
      },
      "1": {
        "sent": 8,
        "hit": 0
      },
      "2": {
        "sent": 8,
        "hit": 0
      },
      "3": {
        "sent": 8,
        "hit": 0
      },
      "-2": {
        "sent": 8,
        "hit": 4
      },
      "-1": {
        "sent": 8,
        "hit": 0
      }
    },
    "model": {
      "hitsMs": {
        "min": 0,
        "median": 0,
        "max": 0,
        "count": 4
      },
      "servedBeforeCloseMs": null,
      "servedAfterCloseMs": null,
      "windowMs": {
        "from": 0,
        "to": 0,
        "width": 0
      }
    }
  },
  "schedule": {
    "closeDelayMs": 6001,
    "oneWayLatencyMs": {
      "yours": 0
    },
    "appClocks": {
      "yours": null
    },
    "injectedAppClockOffsetMs": 0,
    "cycles": [
      {
        "cycle": 1,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 2,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 3,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      },
      {
        "cycle": 4,
        "lane": "short",
        "kind": "aimed",
        "aimVariant": "yours",
        "closeDelayMs": 6001,
        "centerOffsetMs": 0,
        "intendedGapMs": 6001,
        "achievedGapMs": {
          "yours": 6001
        },
        "oneWayLatencyMs": {
          "yours": 0
        },
        "boundaryMs": {
          "yours": 6001
        },
        "sendsPerVariant": 6,
        "count502": {
          "default": 0,
          "fixed": 0,
          "yours": 1
        }
      }
    ]
  },
  "lbs": {
    "nginx": {
      "version": "1.22.1",
      "accessEntries": 48,
      "errorLines": 0
    }
  },
  "nginx": {
    "errorLog": {
      "prematurelyClosed": 0,
      "connectionReset": 0,
      "brokenPipe": 0,
      "other": 0
    },
    "mismatches": []
  },
  "yourApp": [
    {
      "variant": "yours",
      "image": {
        "ref": "my-app:ci",
        "id": null,
        "repoDigests": []
      },
      "buildDir": null,
      "containerPort": 8080,
      "healthPath": "/",
      "trafficPath": "/",
      "method": "POST",
      "envKeys": [],
      "measurement": "preload",
      "node": "v24.0.0",
      "appIdleCloseMs": 6001,
      "advertisedKeepAlive": "timeout=5",
      "lbIdleTimeoutMs": 60000,
      "verdict": "UNSAFE",
      "line": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests"
    }
  ],
  "verdict": {
    "ok": true,
    "text": "yours: UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests",
    "word": "UNSAFE",
    "tone": "bad",
    "reasons": [
      "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests"
    ],
    "evidence": "UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 4 of 24 requests aimed at the close failed (4/4 aimed cycles), 4 × 502 in all 24 requests"
  },
  "assertion": {
    "requested": false,
    "passed": true,
    "reasons": []
  }
}

`
