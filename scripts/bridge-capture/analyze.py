#!/usr/bin/env python3
"""What a bridge capture (capture.sh) shows of a client-side run, for the variant "yours":

- per cycle, how far the client's estimate of each burst connection's idle start lay from the app's real one
  (its response on the wire): the answer's arrival, and the arrival less the burst's fastest round trip;
- how late the harness read each answer after the LB sent it;
- per aimed request the app closed under: when it reached the app, against the app's close (FIN or RST);
- the app's real idle close: its close less its last response, on connections an aimed request found closing.

Usage: python3 analyze.py OUT_DIR APP_PORT [ROWS_FILE]   (the harness clock is aligned to the capture's by the smallest
difference between a request's send and its arrival at the LB, so every figure is within that path's spread).

With ROWS_FILE it also writes what the docs' table of captures reads (docs/measurements/bridge-capture/, `npm run
docs`), one JSON line each: every connection the app closed idle ("idle-close": its close after its last response),
and every aimed request seen at the app ("aimed": its arrival there against the app's due, that connection's last
response plus the median idle close, and the client's error in that connection's idle start)."""
import glob, json, re, statistics as st, struct, sys

out, app_port = sys.argv[1], int(sys.argv[2])
rows_file = sys.argv[3] if len(sys.argv) > 3 else None
app_ip = open(out + '/yours-ip').read().strip()
LB_PORTS = range(8400, 8421)
ID = re.compile(rb'x-lab-request-id: (\S+)', re.I)  # Caddy (Go) sends it as X-Lab-Request-Id
POOL = re.compile(rb'x-lab-pool: (\d+)', re.I)


def packets(path):
    f = open(path, 'rb')
    head = f.read(24)
    nano = struct.unpack('<I', head[:4])[0] == 0xA1B23C4D
    link = struct.unpack('<I', head[20:24])[0]
    while True:
        h = f.read(16)
        if len(h) < 16:
            return
        sec, frac, incl, _ = struct.unpack('<IIII', h)
        data = f.read(incl)
        if link == 1:
            data = data[14:]
        if not data or data[0] >> 4 != 4:
            continue
        ihl = (data[0] & 15) * 4
        tcp = data[ihl:]
        sport, dport = struct.unpack('>HH', tcp[:4])
        ip = lambda b: '.'.join(map(str, b))
        yield dict(t=(sec + frac / (1e9 if nano else 1e6)) * 1000, src=ip(data[12:16]), sport=sport,
                   dst=ip(data[16:20]), dport=dport, flags=tcp[13], payload=tcp[(tcp[12] >> 4) * 4:])


streams = {}
for p in packets(out + '/cap.pcap'):
    key = tuple(sorted([(p['src'], p['sport']), (p['dst'], p['dport'])]))
    streams.setdefault(key, []).append(p)

app_req, lb_req = {}, {}  # request id -> facts on the app's side / on the LB's client side
for stream in streams.values():
    last_response, last_rid = None, None
    for i, p in enumerate(stream):
        to_app = p['dst'] == app_ip and p['dport'] == app_port
        from_app = p['src'] == app_ip and p['sport'] == app_port
        if from_app and p['payload']:
            last_response = p['t']
        m = ID.search(p['payload']) if p['payload'] else None
        if not m:
            continue
        rid = m.group(1).decode()
        if to_app:
            # The app's response ends with its last segment before the next request (or the close): its keep-alive
            # timer starts then, and a response may take several segments (uvicorn's did, up to 1.25 ms apart). A
            # request may too: Caddy sends a body apart from its headers.
            answer = None
            for q in stream[i + 1:]:
                if q['dst'] == app_ip and q['payload'] and ID.search(q['payload']):
                    break
                if q['src'] == app_ip and q['payload']:
                    answer = q['t']
            close = next((q['t'] for q in stream if q['src'] == app_ip and q['sport'] == app_port and q['flags'] & 5
                          and last_response is not None and last_response < q['t'] < p['t'] + 50), None)
            pool = POOL.search(p['payload'])
            app_req[rid] = dict(arrival=p['t'], response=answer, previous=last_response, close=close,
                                previous_rid=last_rid, pool=int(pool.group(1)) if pool else None)
            last_rid = rid
        elif p['dport'] in LB_PORTS:
            # The LB's answer begins with its first segment back to the client.
            answer = next((q['t'] for q in stream[i + 1:] if q['sport'] == p['dport'] and q['payload']), None)
            lb_req[rid] = dict(arrival=p['t'], answer=answer)

records = {r['requestId']: r for line in open(glob.glob(out + '/r/*/requests.ndjson')[0])
           for r in [json.loads(line)]}
shared = [rid for rid in lb_req if rid in records]
align = min(lb_req[rid]['arrival'] - records[rid]['startMonoMs'] for rid in shared)  # capture ms - harness ms
print(f'{len(app_req)} requests seen at the app, {len(lb_req)} at the LB; clock aligned on {len(shared)}')

print('\nbursts: estimate of each idle start - the app\'s response on the wire (ms), per cycle')
mine = lambda phase: [r for r in records.values() if r['variant'] == 'yours' and r['phase'] == phase]
for cycle in sorted({r['cycle'] for r in mine('burst')}):
    rows = [r for r in mine('burst') if r['cycle'] == cycle and r['latencyMs'] is not None
            and (app_req.get(r['requestId']) or {}).get('response') and (lb_req.get(r['requestId']) or {}).get('answer')]
    if not rows:
        continue
    fastest = min(r['latencyMs'] for r in rows)
    arrival = lambda r: r['startMonoMs'] + r['latencyMs']
    true = lambda r: app_req[r['requestId']]['response'] - align
    by_arrival = [arrival(r) - true(r) for r in rows]
    by_fastest = [arrival(r) - fastest - true(r) for r in rows]
    lag = [arrival(r) - (lb_req[r['requestId']]['answer'] - align) for r in rows]
    print(f'  c{cycle}: arrival {st.median(by_arrival):+.2f} [{min(by_arrival):+.2f} .. {max(by_arrival):+.2f}]'
          f'  arrival - fastest ({fastest:.2f}) {st.median(by_fastest):+.2f}'
          f'  read after the LB sent it {st.median(lag):.2f} [{min(lag):.2f} .. {max(lag):.2f}]')

aimed = [(r, app_req[r['requestId']]) for r in mine('aimed') if r['requestId'] in app_req]
# A rough failure rule for this printout only (the rows below carry status and error, and the docs' table applies the
# harness's own rule, clientSymptom).
failed = [(r, a) for r, a in aimed if (r['status'] is None or r['status'] >= 502) and a['close'] is not None]
gaps = sorted(round(a['arrival'] - a['close'], 3) for _, a in failed)
print(f'\naimed: {len(aimed)} seen at the app, {len(failed)} failed with the app\'s close in sight')
print('  failed: arrival at the app - its close (ms):', gaps)
closes = sorted(a['close'] - a['previous'] for _, a in aimed if a['close'] is not None and a['previous'] is not None)
if closes:
    print(f'  the app\'s idle close (close - last response), {len(closes)} connections: min {closes[0]:.3f}'
          f' median {st.median(closes):.3f} max {closes[-1]:.3f} ms')


def idle_closes():
    """Every connection the app closed with no request after its last response: close - that response (ms)."""
    found = []
    for stream in streams.values():
        last = None
        for p in stream:
            from_app = p['src'] == app_ip and p['sport'] == app_port
            if from_app and p['payload']:
                last = p['t']
            elif p['dst'] == app_ip and p['dport'] == app_port and p['payload']:
                last = None
            elif from_app and p['flags'] & 5 and last is not None:
                found.append(round(p['t'] - last, 3))
                last = None
    return found


if rows_file:
    summary = json.load(open(glob.glob(out + '/r/*/summary.json')[0]))
    app = next(a for a in summary['yourApp'] if a['variant'] == 'yours')
    common = dict(image=app['image']['ref'], lb=next(iter(summary['lbs'])), runId=summary['runId'])
    # Only closes near the app's own idle close: a connection closed much later (the run's end) says nothing of it.
    idle = [c for c in idle_closes() if abs(c - app['appIdleCloseMs']) < 100]
    if not idle:
        sys.exit(f'analyze: no idle close of the app on port {app_port} near its {app["appIdleCloseMs"]:.0f} ms: '
                 'is APP_PORT the port the app listens on in its container?')
    # Each aimed request's connection went idle at its pool's burst answer (one connection a pool): found by the
    # pool, since a request the LB sent on a new connection (it had seen the old one close) has none before it.
    burst_of = {(r['cycle'], app_req[rid]['pool']): rid for rid, r in records.items()
                if r['variant'] == 'yours' and r['phase'] == 'burst' and rid in app_req}
    written, skipped = 0, []
    with open(rows_file, 'w') as f:
        for c in idle:
            f.write(json.dumps(dict(common, kind='idle-close', closeAfterResponseMs=c)) + '\n')
        for r, a in aimed:
            burst_rid = burst_of.get((r['cycle'], a['pool']))
            response = app_req[burst_rid]['response'] if burst_rid else None
            if response is None:
                skipped.append(r['requestId'])
                continue
            burst = records.get(burst_rid)
            error_ms = None
            if burst and burst['latencyMs'] is not None:
                error_ms = round(burst['startMonoMs'] + burst['latencyMs'] + align - response, 3)
            f.write(json.dumps(dict(common, kind='aimed', requestId=r['requestId'], cycle=r['cycle'],
                                    offsetMs=r['offsetMs'], status=r['status'], error=r['error'],
                                    newConnection=a['previous_rid'] != burst_rid,
                                    arrivalAfterResponseMs=round(a['arrival'] - response, 3),
                                    idleStartErrorMs=error_ms)) + '\n')
            written += 1
    print(f'\nrows: {len(idle)} idle closes, {written} of {len(aimed)} aimed requests seen at the app -> {rows_file}')
    if skipped:
        print(f'  left out, no burst response on their pool in the capture: {", ".join(skipped)}')
