"""Pages during a burst of logins (issue 23): USERS signed-in users browse pages while LOGINS
logins arrive at once. Each login's bcrypt check (cost 11) is about a tenth of a second of CPU;
the latency of the pages during the burst shows whether the checks hold the threads that answer
them. Reports page latency before the burst and during it (p50, p95, max), how long the burst
took and each login's time.

Usage: python3 console_login_burst.py PORT PASSWORD USERS LOGINS THINK_SECONDS
Accounts user01..userNN (NN = max(USERS, LOGINS)) must exist with PASSWORD. Prints one JSON object.
Requests go to 127.0.0.1 only; every loop is bounded (10 minutes at most).
"""
import http.client
import json
import random
import sys
import threading
import time

PORT, PASSWORD, USERS, LOGINS, THINK = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
PAGES = ["/", "/towns/qinghe", "/towns/qinghe/periods/2026-10", "/api/towns/qinghe/periods/2026-10", "/api/towns",
         "/static/console.css", "/static/console.js"]
LIMIT = 10 * 60


def login(name):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=LIMIT)
    start = time.perf_counter()
    conn.request("POST", "/api/login", json.dumps({"name": name, "password": PASSWORD}), {"Content-Type": "application/json"})
    r = conn.getresponse()
    data = json.loads(r.read())
    seconds = time.perf_counter() - start
    assert r.status == 200, (name, r.status, data)
    return conn, r.getheader("Set-Cookie").split(";")[0], seconds


def quantile(values, p):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * len(values)))] * 1000, 1) if values else None


def summary(samples):
    return {"requests": len(samples), "p50_ms": quantile(samples, 0.50), "p95_ms": quantile(samples, 0.95),
            "max_ms": quantile(samples, 1.0)}


def main():
    browsers = [login(f"user{k:02d}")[:2] for k in range(1, USERS + 1)]
    done = threading.Event()
    samples = []  # (start time, seconds)
    failures = []
    lock = threading.Lock()

    def browse(conn, cookie, seed):
        rnd = random.Random(seed)
        stop = time.time() + LIMIT
        while not done.is_set() and time.time() < stop:
            page = rnd.choice(PAGES)
            start = time.perf_counter()
            conn.request("GET", page, headers={"Cookie": cookie})
            r = conn.getresponse()
            r.read()
            with lock:
                samples.append((start, time.perf_counter() - start))
                if r.status != 200:
                    failures.append((page, r.status))
            time.sleep(rnd.uniform(0, 2 * THINK))

    threads = [threading.Thread(target=browse, args=(c, k, n)) for n, (c, k) in enumerate(browsers)]
    for t in threads:
        t.start()
    time.sleep(3)  # pages alone first
    gate = threading.Barrier(LOGINS)
    login_seconds = []

    def burst(k):
        gate.wait()
        seconds = login(f"user{k:02d}")[2]
        with lock:
            login_seconds.append(seconds)

    burst_start = time.perf_counter()
    logins = [threading.Thread(target=burst, args=(k,)) for k in range(1, LOGINS + 1)]
    for t in logins:
        t.start()
    for t in logins:
        t.join()
    burst_end = time.perf_counter()
    time.sleep(1)
    done.set()
    for t in threads:
        t.join()
    before = [s for start, s in samples if start < burst_start]
    during = [s for start, s in samples if burst_start <= start < burst_end]
    print(json.dumps({
        "browsers": USERS, "logins": LOGINS, "think_seconds": THINK, "failures": len(failures),
        "burst_seconds": round(burst_end - burst_start, 3),
        "login_ms": summary(login_seconds),
        "pages_before_burst": summary(before), "pages_during_burst": summary(during),
    }, indent=1))


if __name__ == "__main__":
    main()
