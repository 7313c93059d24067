#!/usr/bin/env python3
"""Three `jira webhook listen --redis` processes sharing one redis-server, driven like Jira would drive them.

Usage: measure-three-listeners.py PATH/TO/jira [deliveries=1000]
Sends N distinct signed deliveries, 32 at a time, each to a random listener; 10% are sent again (same id and body,
X-Atlassian-Webhook-Retry: 1) to a *different* listener; 5% more are forged (wrong secret). A 503 (the copy arrived
while its twin was processed) is retried, as Jira does, on another listener. Then the listeners are stopped (SIGTERM)
and their stdout counted. Prints one summary line; exits 1 when anything was lost, doubled or forged-accepted.
Everything runs on 127.0.0.1 with free ports; the redis-server started here is stopped at the end.
"""
import concurrent.futures, hashlib, hmac, json, os, random, re, signal, socket, subprocess, sys, tempfile, time, urllib.request, urllib.error

SECRET = "measure-secret"

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait_for(predicate, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value: return value
        time.sleep(0.1)
    raise TimeoutError("gave up waiting")

def main():
    jira = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    work = tempfile.mkdtemp(prefix="jira-listeners-")
    redis_port = free_port()
    redis = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    listeners = []
    try:
        time.sleep(0.5)
        for i in range(3):
            out = open(os.path.join(work, f"out{i}"), "w"); err = open(os.path.join(work, f"err{i}"), "w")
            p = subprocess.Popen([jira, "webhook", "listen", "--port", "0", "--secret", SECRET, "--json", "--redis", f"127.0.0.1:{redis_port}"],
                                 stdout=out, stderr=err)
            listeners.append((p, os.path.join(work, f"out{i}"), os.path.join(work, f"err{i}")))
        ports = []
        for p, _, err in listeners:
            line = wait_for(lambda: re.search(r"127\.0\.0\.1:(\d+)", open(err).read()))
            ports.append(int(line.group(1)))

        rnd = random.Random(20261130)
        def body(key): return json.dumps({"timestamp": 1764400000000, "webhookEvent": "jira:issue_updated",
                                          "issue": {"id": key.split("-")[1], "key": key, "fields": {"summary": "load"}}}).encode()
        def sign(b, secret=SECRET): return "sha256=" + hmac.new(secret.encode(), b, hashlib.sha256).hexdigest()
        plan = []
        for i in range(count):
            b = body(f"LOAD-{i}")
            plan.append((f"load-{i}", b, sign(b), False, None))
        for i in rnd.sample(range(count), count // 10):
            plan.append(plan[i][:4] + ("redelivery",))
        for i in range(count // 20):
            b = body(f"FORGED-{i}")
            plan.append((f"forged-{i}", b, sign(b, "attacker"), True, None))
        rnd.shuffle(plan)
        first_instance = {}

        def send(item):
            delivery_id, b, signature, forged, kind = item
            r = random.Random(delivery_id + (kind or ""))
            if kind == "redelivery" and delivery_id in first_instance:
                instance = rnd.choice([k for k in range(3) if k != first_instance[delivery_id]])
            else:
                instance = r.randrange(3)
            for attempt in range(60):
                request = urllib.request.Request(f"http://127.0.0.1:{ports[instance]}/jira/webhooks", data=b, method="POST", headers={
                    "Content-Type": "application/json", "X-Hub-Signature": signature, "X-Atlassian-Webhook-Identifier": delivery_id,
                    "X-Atlassian-Webhook-Retry": str(attempt + (1 if kind else 0))})
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        status = response.status
                except urllib.error.HTTPError as e:
                    status = e.code
                first_instance.setdefault(delivery_id, instance)
                if status != 503: return (forged, status)
                instance = (instance + 1) % 3
                time.sleep(0.02)
            return (forged, 503)

        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
            results = list(pool.map(send, plan))
        elapsed = time.time() - started
        time.sleep(1)
        alive = all(p.poll() is None for p, _, _ in listeners)
        for p, _, _ in listeners: p.send_signal(signal.SIGTERM)
        for p, _, _ in listeners: p.wait(timeout=30)
        printed = []
        for _, out, _ in listeners:
            printed += [json.loads(line)["issue"]["key"] for line in open(out) if line.strip()]
        expected = {f"LOAD-{i}" for i in range(count)}
        lost = len(expected - set(printed))
        doubled = len(printed) - len(set(printed))
        forged_accepted = sum(1 for key in printed if key.startswith("FORGED")) + sum(1 for f, s in results if f and s < 300)
        valid_refused = sum(1 for f, s in results if not f and not 200 <= s < 300)
        exit_codes = [p.returncode for p, _, _ in listeners]
        print(f"{len(plan)} requests ({count} distinct, {count // 10} redelivered to another instance, {count // 20} forged) in {elapsed:.1f} s "
              f"over 3 listeners: printed {len(printed)}, lost {lost}, processed twice {doubled}, forged accepted {forged_accepted}, "
              f"valid refused {valid_refused}, listeners alive until stopped {alive}, exit codes {exit_codes}")
        return 0 if lost == doubled == forged_accepted == valid_refused == 0 and alive else 1
    finally:
        for p, _, _ in listeners:
            if p.poll() is None: p.kill()
        redis.terminate(); redis.wait(timeout=10)

if __name__ == "__main__":
    sys.exit(main())
