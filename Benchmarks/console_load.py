"""Load on the office console (SPEC §14): USERS signed-in users browse while the clerk runs a
large period through the console. Reports the latency of every page and API call other than
the run (p50, p95, p99, max) and how long the run took.

Usage: python3 console_load.py PORT PASSWORD USERS TOWN PERIOD THINK_SECONDS
Accounts user01..userNN and clerk must exist with PASSWORD. Prints one JSON object.
Requests go to 127.0.0.1 only; every loop stops when the run has answered (or after 30 min).
"""
import http.client
import json
import random
import statistics
import sys
import threading
import time

PORT, PASSWORD, USERS, TOWN, PERIOD, THINK = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6])
PAGES = ["/", f"/towns/{TOWN}", f"/towns/{TOWN}/periods/{PERIOD}", f"/api/towns/{TOWN}/periods/{PERIOD}",
         "/api/towns", f"/api/towns/{TOWN}/periods/{PERIOD}/progress", "/static/console.css", "/static/console.js"]
LIMIT = 30 * 60


class User:
    def __init__(self, name):
        self.conn = http.client.HTTPConnection("127.0.0.1", int(PORT), timeout=LIMIT)
        body = json.dumps({"name": name, "password": PASSWORD})
        self.conn.request("POST", "/api/login", body, {"Content-Type": "application/json"})
        r = self.conn.getresponse()
        data = json.loads(r.read())
        assert r.status == 200, (name, r.status, data)
        self.cookie = r.getheader("Set-Cookie").split(";")[0]
        self.csrf = data["csrf"]

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf}
        if body is not None:
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        self.conn.request(method, path, body, headers)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, time.perf_counter() - start, data


def main():
    users = [User(f"user{k:02d}") for k in range(1, USERS + 1)]
    clerk = User("clerk")
    done = threading.Event()
    latencies = {p: [] for p in PAGES}
    failures = []
    lock = threading.Lock()

    def browse(user, seed):
        rnd = random.Random(seed)
        stop = time.time() + LIMIT
        while not done.is_set() and time.time() < stop:
            page = rnd.choice(PAGES)
            status, seconds, _ = user.call("GET", page)
            with lock:
                latencies[page].append(seconds)
                if status != 200:
                    failures.append((page, status))
            time.sleep(rnd.uniform(0, 2 * THINK))

    threads = [threading.Thread(target=browse, args=(u, k)) for k, u in enumerate(users)]
    for t in threads:
        t.start()
    time.sleep(2)  # the users are browsing before the run starts
    status, run_seconds, data = clerk.call("POST", f"/api/towns/{TOWN}/periods/{PERIOD}/run", "{}")
    result = json.loads(data)
    time.sleep(2)  # and go on a little after it
    done.set()
    for t in threads:
        t.join()
    everything = sorted(x for v in latencies.values() for x in v)

    def q(values, p):
        return round(values[min(len(values) - 1, int(p * len(values)))] * 1000, 1) if values else None

    print(json.dumps({
        "run_status": status, "run_ok": result.get("ok"), "workers": result.get("workers"),
        "total_payable": result.get("total_payable"), "console_run_seconds": round(run_seconds, 3),
        "requests": len(everything), "failures": len(failures),
        "p50_ms": q(everything, 0.50), "p95_ms": q(everything, 0.95), "p99_ms": q(everything, 0.99), "max_ms": q(everything, 1.0),
        "mean_ms": round(statistics.mean(everything) * 1000, 1) if everything else None,
        "per_page_p95_ms": {p: q(sorted(v), 0.95) for p, v in latencies.items()},
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
