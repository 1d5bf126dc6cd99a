#!/usr/bin/env python3
"""Two-node cluster test and crash test of EHC Pathway on one PostgreSQL (issue 7; docs/production.md).

Starts two JVMs of the packaged jar on one fresh PostgreSQL database, creates cases through both nodes, has the
panel decide some of them, moves both nodes' simulated clocks forward together in steps over 8 weeks, and then
checks in PostgreSQL that every timer fired exactly once, every notification was written exactly once, and no case
was lost or stuck. Both nodes' outbox senders send to an SMTP sink run by this script; every Message-ID received is
checked against the outbox (each SENT email received once, none missing, both nodes sending). With --crash, node B
is killed with SIGKILL while cases are being created and again while the clock moves, and node A inside an email send
(after the sink accepted the message, before A marked it SENT), and restarted each time; that email must come a
second time, with the same Message-ID, after its claim expired, and no other twice unless its sender was killed
inside its send. Standard library only. Exit status 0 when every check passes.
"""
import argparse
import base64
import concurrent.futures
import datetime as dt
import glob
import json
import os
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

T0 = dt.datetime(2027, 3, 1, 9, 0, 0, tzinfo=dt.timezone.utc)   # a Monday, in the future of every real clock here
DECIDED_EVERY = 4          # every 4th case: the panel decides ASSESS with HEALTH advice
ADVICE_TYPES = "HEALTH"


# Seconds by which the SMTP sink's time of a message may trail the recorded kill of the node that sent it.
KILL_SLACK = 1.0

def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Failure(Exception):
    pass


# ---- PostgreSQL --------------------------------------------------------------------------------------------------
class Db:
    def __init__(self, host, port, user, password, name):
        self.host, self.port, self.user, self.name = host, port, user, name
        self.env = dict(os.environ, PGPASSWORD=password)

    def psql(self, sql, db=None):
        out = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", self.host, "-p",
                              str(self.port), "-U", self.user, "-d", db or self.name, "-c", sql],
                             env=self.env, capture_output=True, text=True, timeout=600)
        if out.returncode != 0:
            raise Failure(f"psql failed: {out.stderr.strip()}\n{sql}")
        return [line.split("\t") for line in out.stdout.splitlines() if line != ""]

    def scalar(self, sql):
        rows = self.psql(sql)
        return rows[0][0] if rows else None

    def recreate(self):
        self.psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)", db="postgres")
        self.psql(f"CREATE DATABASE {self.name}", db="postgres")


# ---- SMTP sink ---------------------------------------------------------------------------------------------------
class SmtpSink:
    """A minimal SMTP server (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no STARTTLS, no AUTH) that records every
    message it accepts: its Message-ID, its recipients, the client's EHLO name (the nodes send theirs with
    mail.smtp.localhost=node-A/node-B) and the time. hold(ehlo) makes the next message from that client wait after
    its 250 (accepted) reply, so its sender is still inside the send, holding its claim, and the test can kill it
    there: the case the docs call the honest limit (accepted by the server, not yet marked SENT)."""

    def __init__(self):
        self.messages = []         # dicts: msgid, rcpts, ehlo, t
        self.lock = threading.Lock()
        self.hold_ehlo = None
        self.held = None           # the message held, once one is
        self.held_event = threading.Event()
        self.release = threading.Event()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")
                self.wfile.flush()

            def handle(self):
                try:
                    self.session()
                except OSError as e:   # client killed mid-session: a message counts only once its final "." came
                    log(f"SMTP sink: connection lost ({e.__class__.__name__})")

            def session(self):
                ehlo, sender, rcpts = "", None, []
                self.reply("220 cluster-test-sink ESMTP")
                while True:
                    raw = self.rfile.readline()
                    if not raw:
                        return
                    line = raw.decode("utf-8", "replace").rstrip("\r\n")
                    cmd = line[:4].upper()
                    if cmd in ("EHLO", "HELO"):
                        ehlo, sender, rcpts = line[5:].strip(), None, []
                        if cmd == "EHLO":
                            self.reply("250-cluster-test-sink")
                            self.reply("250 8BITMIME")
                        else:
                            self.reply("250 cluster-test-sink")
                    elif cmd == "MAIL":
                        sender, rcpts = line, []
                        self.reply("250 OK")
                    elif cmd == "RCPT":
                        addr = line.split(":", 1)[1].strip() if ":" in line else ""
                        rcpts.append(addr.split()[0].strip("<>").lower() if addr else "")
                        self.reply("250 OK")
                    elif cmd == "DATA":
                        if sender is None or not rcpts:
                            self.reply("503 MAIL and RCPT first")
                            continue
                        self.reply("354 End data with <CR><LF>.<CR><LF>")
                        headers, in_headers, msgid = [], True, None
                        while True:
                            d = self.rfile.readline()
                            if not d:
                                return             # connection lost mid-message: not accepted
                            d = d.decode("utf-8", "replace").rstrip("\r\n")
                            if d == ".":
                                break
                            if in_headers:
                                if d == "":
                                    in_headers = False
                                else:
                                    headers.append(d)
                        for h in headers:
                            if h.lower().startswith("message-id:"):
                                msgid = h.split(":", 1)[1].strip()
                        entry = {"msgid": msgid, "rcpts": tuple(rcpts), "ehlo": ehlo, "t": time.time()}
                        with sink.lock:
                            sink.messages.append(entry)
                            hold = sink.hold_ehlo is not None and sink.hold_ehlo == ehlo and sink.held is None
                            if hold:
                                sink.held = entry
                        self.reply("250 OK queued")
                        sender, rcpts = None, []
                        if hold:
                            sink.held_event.set()
                            sink.release.wait(120)   # the client waits for the answer to its QUIT
                    elif cmd == "RSET":
                        sender, rcpts = None, []
                        self.reply("250 OK")
                    elif cmd == "NOOP":
                        self.reply("250 OK")
                    elif cmd == "QUIT":
                        self.reply("221 Bye")
                        return
                    else:
                        self.reply("502 Command not implemented")

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        log(f"SMTP sink on 127.0.0.1:{self.port}")

    def hold(self, ehlo):
        with self.lock:
            self.hold_ehlo, self.held = ehlo, None
        self.held_event.clear()
        self.release.clear()

    def unhold(self):
        with self.lock:
            self.hold_ehlo = None
        self.release.set()

    def snapshot(self):
        with self.lock:
            return list(self.messages)

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


# ---- Nodes -------------------------------------------------------------------------------------------------------
class Node:
    def __init__(self, name, port, jar, db, logdir, smtp_port, send_interval):
        self.name, self.port, self.jar, self.db = name, port, jar, db
        self.smtp_port, self.send_interval = smtp_port, send_interval
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = os.path.join(logdir, f"{db.name}-node-{name}.log")   # one pair per run: cluster, crash
        self.proc = None
        self.starts = 0
        self.ready = False         # UP and its clock set: the load goes to ready nodes only

    def start(self):
        self.starts += 1
        logf = open(self.log_path, "a" if self.starts > 1 else "w")   # fresh per run, appended across restarts
        logf.write(f"\n==== start {self.starts} at {time.ctime()} ====\n")
        logf.flush()
        cmd = ["java", "-Duser.timezone=UTC", "-Xmx512m", "-XX:+UseSerialGC", "-jar", self.jar,
               f"--server.port={self.port}",
               f"--spring.datasource.url=jdbc:postgresql://{self.db.host}:{self.db.port}/{self.db.name}",
               f"--spring.datasource.username={self.db.user}",
               f"--spring.datasource.password={self.db.env['PGPASSWORD']}",
               "--ehc.simulation.enabled=true",
               "--ehc.demo-data.enabled=true",          # demo users (caseworker, panel, manager, ...)
               "--ehc.demo-data.sample-cases=false",    # but no sample cases
               "--ehc.demo-data.history-months=0",      # and no simulated history
               f"--ehc.notification.base-url={self.base}",
               # the engine's hostname is written to act_hi_job_log.hostname_: which node ran each job
               f"--camunda.bpm.generic-properties.properties.hostname=node-{self.name}",
               # Full history here so the job log proves each job ran once (the product's case-audit level keeps
               # no job log; docs/architecture.md). The milestones and the outbox prove it too.
               "--camunda.bpm.history-level=full",
               # The outbox sender of each node sends to the test's SMTP sink, under its own EHLO name.
               "--spring.mail.host=127.0.0.1", f"--spring.mail.port={self.smtp_port}",
               f"--spring.mail.properties.mail.smtp.localhost=node-{self.name}",
               "--spring.mail.properties.mail.smtp.connectiontimeout=10000",
               "--spring.mail.properties.mail.smtp.timeout=60000",
               "--spring.mail.properties.mail.smtp.writetimeout=10000",
               "--ehc.notification.sender.enabled=true",
               f"--ehc.notification.send-interval={self.send_interval}",
               # Claims are timed by each node's engine clock; here the clocks jump 3 days a step and the two
               # nodes' jumps are separate calls, so a claim must outlast a jump or the other node takes a claim
               # made a moment before as expired (docs/notifications.md). Production clocks do not jump.
               "--ehc.notification.claim=P10D",
               "--logging.level.root=WARN", "--logging.level.org.ehcpathway=INFO"]
        self.proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
        with open(os.path.join(os.path.dirname(self.log_path), f"cluster-node-{self.name}.pid"), "w") as f:
            f.write(str(self.proc.pid))   # for tools/cluster/run.sh's trap, should this script itself be killed
        log(f"node {self.name} started (pid {self.proc.pid}, port {self.port})")

    def wait_up(self, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"node {self.name} exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/actuator/health", timeout=5) as r:
                    if b'"UP"' in r.read():
                        return
            except Exception:
                pass
            time.sleep(1)
        raise Failure(f"node {self.name} not UP after {timeout} s; see {self.log_path}")

    def kill9(self, kill_times):
        self.ready = False
        if self.proc and self.proc.poll() is None:
            kill_times.append((self.name, time.time()))
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            log(f"node {self.name}: kill -9 (pid {self.proc.pid})")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None


def call(node, method, path, user, body=None, timeout=120):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(node.base + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")[:500]


# ---- The run -----------------------------------------------------------------------------------------------------
class Run:
    def __init__(self, args):
        self.args = args
        self.db = Db(args.pg_host, args.pg_port, args.pg_user, args.pg_password, args.database)
        jar = args.jar or sorted(glob.glob("target/ehc-pathway-*.jar"))[-1]
        self.smtp = SmtpSink()
        self.a = Node("A", args.port_a, jar, self.db, args.logdir, self.smtp.port, args.send_interval)
        self.b = Node("B", args.port_b, jar, self.db, args.logdir, self.smtp.port, args.send_interval)
        self.nodes = [self.a, self.b]
        self.acked = {}            # case reference -> case number (201 received)
        self.unacked = 0           # requests without an answer (node killed): may or may not exist
        self.decided = set()       # references whose decision task completion returned 204
        self.decide_unknown = set()  # completion sent but no answer (node killed)
        self.lock = threading.Lock()
        self.now = T0
        self.kills = 0
        self.timings = {}
        self.kill_times = []       # (node name, time.time()) of every kill -9
        self.held = None           # crash test: the message node A's sender was inside when A was killed

    def live_nodes(self):
        return [n for n in self.nodes if n.alive()]

    # -- clock
    def set_clock(self, node, instant):
        status, body = call(node, "PUT", "/api/simulation/clock", "manager",
                            {"now": instant.strftime("%Y-%m-%dT%H:%M:%SZ")}, timeout=900)
        if status != 200:
            raise Failure(f"clock on node {node.name}: HTTP {status} {body}")
        return body["jobsExecuted"]

    def due_jobs(self, instant):
        ts = instant.strftime("%Y-%m-%d %H:%M:%S")
        return int(self.db.scalar(
            f"SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= '{ts}')"))

    def move_clocks(self, instant, crash_during=False):
        """PUT the same instant on node A, then node B, then wait until no job due by then is left."""
        self.now = instant
        executed = {}
        if crash_during:
            # Node A runs the due jobs synchronously in its PUT, node B in its own and with its job executor. Kill B
            # while both are at it, restart it, and move its clock again.
            def put(node):
                try:
                    executed[node.name] = executed.get(node.name, 0) + self.set_clock(node, instant)
                except Exception as e:   # node B killed under the call
                    log(f"clock call on node {node.name} interrupted: {e.__class__.__name__}")
            threads = [threading.Thread(target=put, args=(n,)) for n in self.nodes]
            for t in threads:
                t.start()
            time.sleep(1.0)
            self.crash_b(restart=False)
            for t in threads:
                t.join()
            self.crash_b_restart()
            put(self.b)
        else:
            # Both at once: each node runs the due jobs in its clock call and with its job executor, so the two
            # compete for the same jobs (the engine's optimistic locking decides who runs each).
            with concurrent.futures.ThreadPoolExecutor(2) as pool:
                results = {n.name: pool.submit(self.set_clock, n, instant) for n in self.live_nodes()}
                for name, f in results.items():
                    executed[name] = f.result()
        deadline = time.time() + self.args.settle_timeout
        while (left := self.due_jobs(instant)) > 0:
            if time.time() > deadline:
                raise Failure(f"{left} jobs still due at {instant} after {self.args.settle_timeout} s")
            time.sleep(1)
        return executed

    def crash_b(self, restart):
        self.b.kill9(self.kill_times)
        self.kills += 1
        if restart:
            self.crash_b_restart()

    def crash_a_mid_send(self):
        """kill -9 node A while its outbox sender is inside a send: the SMTP sink has accepted the message (250)
        and holds back its answer to A's QUIT, so A's send has not returned and the row is still SENDING under A's
        claim. Restart A. The claim (5 minutes of engine time) expires at the next clock step; then a sender
        releases the row and sends it again, with the same Message-ID."""
        if not self.smtp.held_event.wait(self.args.settle_timeout):
            raise Failure("node A sent no email to hold")
        held = self.smtp.held
        row_id = int(held["msgid"].split("-")[1].split("@")[0]) if held["msgid"] else None
        status = self.db.scalar(f"SELECT status FROM notification_outbox WHERE id = {row_id}") if row_id else None
        self.a.kill9(self.kill_times)
        self.kills += 1
        self.smtp.unhold()
        t = time.time()
        self.a.start()
        self.a.wait_up(self.args.start_timeout)
        self.set_clock(self.a, self.now)
        self.a.ready = True
        # The claim is still valid (both clocks at the same instant): nobody may have sent it again yet.
        copies = sum(1 for m in self.smtp.snapshot() if m["msgid"] == held["msgid"])
        after = self.db.scalar(f"SELECT status FROM notification_outbox WHERE id = {row_id}") if row_id else None
        self.held = {"msgid": held["msgid"], "id": row_id, "status_at_kill": status, "status_after_restart": after,
                     "copies_before_expiry": copies}
        log(f"node A killed inside the send of outbox row {row_id} ({status} when killed; {after} after the "
            f"restart, {copies} cop{'y' if copies == 1 else 'ies'} received); back after {time.time() - t:.0f} s")

    def crash_b_restart(self):
        t = time.time()
        self.b.start()
        self.b.wait_up(self.args.start_timeout)
        self.set_clock(self.b, self.now)
        self.b.ready = True
        log(f"node B back after {time.time() - t:.0f} s, clock {self.now}")

    # -- cases
    def create_case(self, i):
        node = self.nodes[i % 2]
        if not node.ready:
            node = self.a
        body = {"child": {"forename": "Cluster", "surname": "Test", "dateOfBirth": "2016-04-12", "sex": "F",
                          "postcode": "AB12 3CD"},
                "requestReceivedDate": self.now.date().isoformat(), "requestSource": "PARENT",
                "familyEmail": f"family{i}@example.org"}
        try:
            status, resp = call(node, "POST", "/api/cases", "caseworker", body)
        except urllib.error.URLError as e:
            if isinstance(e.reason, ConnectionRefusedError) and node is not self.a:
                # Never reached the application (node B just killed): the client tries the other node.
                status, resp = self.send_unsure(self.a, body)
            else:
                status, resp = None, None
        except Exception:
            status, resp = None, None   # sent, no answer: the case may or may not exist
        if status is None:
            with self.lock:
                self.unacked += 1
            return
        if status != 201:
            raise Failure(f"POST /api/cases on node {node.name}: HTTP {status} {resp}")
        with self.lock:
            self.acked[resp["caseReference"]] = i

    def send_unsure(self, node, body):
        try:
            return call(node, "POST", "/api/cases", "caseworker", body)
        except Exception:
            return None, None

    def create_cases(self, n, crash_at=None):
        with concurrent.futures.ThreadPoolExecutor(self.args.threads) as pool:
            futures = []
            for i in range(n):
                if crash_at is not None and i == crash_at:
                    for f in futures:
                        f.result()
                    futures = []
                    # kill B with requests in flight: the next batch goes to both nodes at once
                    burst = [pool.submit(self.create_case, j) for j in range(i, min(n, i + 2 * self.args.threads))]
                    time.sleep(0.3)
                    self.b.kill9(self.kill_times)
                    self.kills += 1
                    for f in burst:
                        f.result()
                    restarter = threading.Thread(target=self.restart_b_quietly)
                    restarter.start()
                    for j in range(i + 2 * self.args.threads, n):
                        futures.append(pool.submit(self.create_case, j))
                    for f in futures:
                        f.result()
                    restarter.join()
                    return
                futures.append(pool.submit(self.create_case, i))
            for f in futures:
                f.result()

    def restart_b_quietly(self):
        self.b.start()
        self.b.wait_up(self.args.start_timeout)
        self.set_clock(self.b, self.now)
        self.b.ready = True
        log("node B restarted during the load")

    def decide(self, ref, k):
        node = self.nodes[k % 2]
        status, tasks = call(node, "GET", f"/engine-rest/task?processInstanceBusinessKey={ref}"
                             "&taskDefinitionKey=decideWhetherToAssess", "panel")
        if status != 200 or len(tasks) != 1:
            raise Failure(f"decideWhetherToAssess of {ref}: HTTP {status} {tasks}")
        variables = {"decision": {"value": "ASSESS"}, "adviceTypes": {"value": ADVICE_TYPES},
                     "reason": {"value": "Cluster test"}}
        status, resp = call(node, "POST", f"/engine-rest/task/{tasks[0]['id']}/complete", "panel",
                            {"variables": variables})
        if status != 204:
            raise Failure(f"completing decideWhetherToAssess of {ref}: HTTP {status} {resp}")
        with self.lock:
            self.decided.add(ref)

    # -- main
    def run(self):
        t_start = self.t_start = time.time()
        self.db.recreate()
        log(f"fresh database {self.db.name}")
        t = time.time()
        self.a.start()
        self.a.wait_up(self.args.start_timeout)   # A creates the schema and the demo users first
        self.b.start()
        self.b.wait_up(self.args.start_timeout)
        self.timings["start both nodes"] = time.time() - t
        for node in self.nodes:
            self.set_clock(node, T0)
            node.ready = True

        n = self.args.cases
        t = time.time()
        self.create_cases(n, crash_at=n // 2 if self.args.crash else None)
        self.timings["create cases"] = time.time() - t
        log(f"{len(self.acked)} cases acknowledged (201), {self.unacked} requests unanswered, in "
            f"{self.timings['create cases']:.0f} s")

        t = time.time()
        refs = sorted(self.acked, key=lambda r: self.acked[r])
        chosen = refs[::DECIDED_EVERY]
        with concurrent.futures.ThreadPoolExecutor(self.args.threads) as pool:
            list(pool.map(self.decide, chosen, range(len(chosen))))
        self.timings["panel decisions"] = time.time() - t
        log(f"panel decided {len(self.decided)} cases ASSESS ({ADVICE_TYPES}) in {self.timings['panel decisions']:.0f} s")

        t = time.time()
        executed_total = {"A": 0, "B": 0}
        days = list(range(1, self.args.days + 1, self.args.step_days))
        if days[-1] != self.args.days:
            days.append(self.args.days)
        # the crash comes in the step where the most timers fire: the 6-week deadlines' AMBER (day 28)
        crash_step = next((d for d in days if d >= 28), days[-1]) if self.args.crash else None
        # node A is killed inside a send in the step of the deadlines' RED (day 43), with a step still to come
        crash_a_step = next((d for d in days if d >= 43 and d < days[-1]), None) if self.args.crash else None
        for day in days:
            instant = T0 + dt.timedelta(days=day)
            if day == crash_a_step:
                self.smtp.hold("node-A")   # the next email node A sends: accepted, then its QUIT held
            executed = self.move_clocks(instant, crash_during=(day == crash_step))
            for k, v in executed.items():
                executed_total[k] += v
            log(f"clock {instant.date()} (day {day}): jobs run by the clock call A={executed.get('A', 0)} "
                f"B={executed.get('B', 0)}")
            if day == crash_a_step:
                self.crash_a_mid_send()
        self.timings["clock steps"] = time.time() - t
        self.executed_total = executed_total

        # Both senders go on sending what the last steps wrote: wait until no email is PENDING or SENDING.
        t = time.time()
        deadline = time.time() + self.args.settle_timeout
        while (left := int(self.db.scalar("SELECT count(*) FROM notification_outbox WHERE channel = 'EMAIL' "
                                          "AND status IN ('PENDING', 'SENDING')"))) > 0:
            if time.time() > deadline:
                log(f"{left} emails still PENDING or SENDING after {self.args.settle_timeout} s")
                break
            time.sleep(1)
        time.sleep(2 * parse_seconds(self.args.send_interval))   # a copy still on its way would arrive by now
        self.timings["outbox drained"] = time.time() - t

        t = time.time()
        failures = Checks(self).run()
        self.timings["checks"] = time.time() - t
        self.timings["total"] = time.time() - t_start
        log("timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in self.timings.items()))
        return failures


# ---- Checks ------------------------------------------------------------------------------------------------------
class Checks:
    def __init__(self, run):
        self.r, self.db = run, run.db
        self.failures = []

    def check(self, name, ok, detail=""):
        log(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))
        if not ok:
            self.failures.append(name)

    def rows(self, sql):
        return self.db.psql(sql)

    def run(self):
        r, end = self.r, self.r.now.strftime("%Y-%m-%d %H:%M:%S")
        acked, decided = set(r.acked), r.decided
        undecided = acked - decided - r.decide_unknown

        # -- cases: none lost, none invented
        in_db = {row[0]: (row[1], row[2]) for row in self.rows("SELECT case_reference, status, stage FROM ehc_case")}
        missing = acked - set(in_db)
        extra = set(in_db) - acked
        self.check("every acknowledged case exists", not missing, f"{len(acked)} acknowledged, {len(in_db)} in the "
                   f"database, missing {sorted(missing)[:5]}")
        self.check("cases without a 201 are at most the unanswered requests", len(extra) <= r.unacked,
                   f"{len(extra)} in the database without a 201, {r.unacked} requests unanswered")
        # A case created by a request whose answer was lost (node killed) is a case like the others: its timers
        # must fire too. It was never decided.
        undecided |= extra
        instances = int(self.db.scalar("SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL AND "
                                       "proc_def_key_ = 'ehc-needs-assessment'"))
        self.check("one running pathway per case", instances == len(in_db), f"{instances} pathways, {len(in_db)} cases")

        # -- state matches the last committed step
        wrong = [ref for ref in undecided if in_db.get(ref) != ("OPEN", "decideWhetherToAssess")]
        wrong += [ref for ref in decided if in_db.get(ref, ("?",))[0] != "OPEN"
                  or in_db[ref][1] == "decideWhetherToAssess"]
        self.check("every case is at its last committed step", not wrong,
                   f"{len(undecided)} awaiting the decision, {len(decided)} decided ASSESS, wrong: {wrong[:5]}")

        # -- no case stuck: every open case has an open task or a timer still to come
        stuck = self.rows(f"""
            SELECT c.case_reference FROM ehc_case c WHERE c.status = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                              WHERE e.business_key_ = c.case_reference)
              AND NOT EXISTS (SELECT 1 FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.process_instance_id_
                              WHERE e.business_key_ = c.case_reference AND j.duedate_ > '{end}')""")
        self.check("no open case is stuck (each has a task or a future timer)", not stuck, str(stuck[:5]))

        # -- jobs: every due timer fired exactly once, nothing failed
        overdue = int(self.db.scalar(f"SELECT count(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= '{end}'"))
        self.check("no job due by the final clock is left", overdue == 0, f"{overdue} left")
        dead = int(self.db.scalar("SELECT count(*) FROM act_ru_job WHERE retries_ = 0 OR (exception_msg_ IS NOT NULL "
                                  "AND exception_msg_ NOT LIKE '%updated by another transaction concurrently%')"))
        self.check("no job has failed (an optimistic-locking conflict between the nodes aside)", dead == 0,
                   f"{dead} with an exception or no retries left")
        twice = self.rows("SELECT job_id_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 "
                          "AND job_def_type_ <> 'history-cleanup' GROUP BY job_id_ HAVING count(*) > 1")
        self.check("no job ran successfully twice (act_hi_job_log; the recurring history-cleanup job aside)", not twice, str(twice[:5]))
        fired = dict(self.rows("SELECT job_def_type_, count(DISTINCT job_id_) FROM act_hi_job_log "
                               "WHERE job_state_ = 2 GROUP BY job_def_type_"))
        failed_log = int(self.db.scalar("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1"))
        unaccounted = int(self.db.scalar(f"""
            SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log GROUP BY job_id_
              HAVING sum(CASE WHEN job_state_ = 0 THEN 1 ELSE 0 END) = 1
                 AND sum(CASE WHEN job_state_ IN (2, 3) THEN 1 ELSE 0 END) = 0) j
            WHERE NOT EXISTS (SELECT 1 FROM act_ru_job r WHERE r.id_ = j.job_id_ AND r.duedate_ > '{end}')"""))
        self.check("every job created has run once, been cancelled, or is due later", unaccounted == 0,
                   f"{unaccounted} unaccounted; fired by type {fired}; failed attempts logged {failed_log}")
        self.fired, self.failed_log = fired, failed_log
        other = self.rows("SELECT job_def_type_, job_exception_msg_ FROM act_hi_job_log WHERE job_state_ = 1 AND "
                          "coalesce(job_exception_msg_, '') NOT LIKE '%updated by another transaction concurrently%'")
        self.check("no failed job attempt other than an optimistic-locking conflict between the nodes", not other,
                   f"{failed_log} failed attempts logged, {len(other)} not conflicts: {other[:3]}")
        by_node = dict(self.rows("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 "
                                 "GROUP BY hostname_"))
        log(f"jobs run successfully, by node: {by_node}")
        # Each JVM makes ids with its own random node part (the last 12 hex digits), never the host's network card's
        # (docs/architecture.md, "The engine's ids"): a log entry's id was made by the node that wrote it.
        parts = self.rows("SELECT DISTINCT hostname_, substr(id_, 25) FROM act_hi_job_log")
        shared = sorted({p for h, p in parts if any(p == p2 and h != h2 for h2, p2 in parts)})
        nodes = {h: sorted(p for h2, p in parts if h2 == h) for h in sorted({h for h, _ in parts})}
        hardware = sorted({p for _, p in parts if not int(p[:2], 16) & 1})   # no multicast bit: a card's address
        self.check("no two nodes make ids with the same node part, and none is the network card's",
                   not shared and not hardware and len(nodes) == 2,
                   f"node parts by node (one for each start): {nodes}; shared {shared}; a card's {hardware}")

        # -- milestones: none twice
        dup = self.rows("SELECT case_reference, milestone_type, detail, count(*) FROM case_milestone "
                        "GROUP BY case_reference, milestone_type, detail HAVING count(*) > 1")
        self.check("no milestone recorded twice (case, type, detail)", not dup, str(dup[:5]))

        # -- the timers' milestones, exactly once per case
        ms = {}
        for ref, typ, cnt in self.rows("SELECT case_reference, milestone_type, count(*) FROM case_milestone "
                                       "GROUP BY case_reference, milestone_type"):
            ms.setdefault(ref, {})[typ] = int(cnt)
        expect_undecided = {"DEADLINE_AMBER": 1, "DEADLINE_RED": 1}
        expect_decided = {"ADVICE_REMINDER_SENT": 1, "ADVICE_OVERDUE": 1, "ADVICE_ESCALATED": 1,
                          "ADVICE_ESCALATED_TO_MANAGERS": 1, "DEADLINE_AMBER": 0, "DEADLINE_RED": 0}
        if r.args.days < 57:
            expect_decided.pop("ADVICE_ESCALATED_TO_MANAGERS")
        bad = [(ref, typ, ms.get(ref, {}).get(typ, 0)) for ref in undecided for typ, n in expect_undecided.items()
               if ms.get(ref, {}).get(typ, 0) != n]
        self.check("each undecided case: DEADLINE_AMBER and DEADLINE_RED once", not bad, str(bad[:5]))
        bad = [(ref, typ, ms.get(ref, {}).get(typ, 0)) for ref in decided for typ, n in expect_decided.items()
               if ms.get(ref, {}).get(typ, 0) != n]
        self.check("each decided case: advice reminder, overdue, escalations once, no deadline warning", not bad,
                   str(bad[:5]))

        # -- notifications: written once per occasion and address
        dup = int(self.db.scalar("SELECT count(*) - count(DISTINCT dedupe_key) FROM notification_outbox"))
        self.check("outbox dedupe keys unique", dup == 0, f"{dup} duplicates")
        per_case = {}
        for ref, kind, cnt in self.rows("SELECT case_reference, kind, count(*) FROM notification_outbox "
                                        "GROUP BY case_reference, kind"):
            per_case.setdefault(ref, {})[kind] = int(cnt)
        self.outbox_total = int(self.db.scalar("SELECT count(*) FROM notification_outbox"))
        for group, refs in (("undecided", undecided), ("decided", decided)):
            shapes = {}
            for ref in refs:
                shapes.setdefault(json.dumps(per_case.get(ref, {}), sort_keys=True), []).append(ref)
            detail = "; ".join(f"{len(v)} cases {k}" for k, v in shapes.items())
            self.check(f"outbox: the same notifications for every {group} case (none missing, none twice)",
                       len(shapes) <= 1, detail)
        kinds_u = per_case.get(next(iter(undecided), None), {})
        self.check("undecided cases were warned (DEADLINE_AMBER, DEADLINE_RED in the outbox)",
                   not undecided or (kinds_u.get("DEADLINE_AMBER", 0) > 0 and kinds_u.get("DEADLINE_RED", 0) > 0),
                   str(kinds_u))
        self.cases_in_db = len(in_db)
        self.check_mail()
        return self.failures

    def check_mail(self):
        """The emails at the SMTP sink against the outbox. Exactly once, with one exception: a row whose sender was
        killed inside its send (after the sink accepted it, before SENT was committed) is sent again when its claim
        expires, with the same Message-ID (docs/notifications.md, "Exactly once, and its limit")."""
        r = self.r
        rows = {int(i): (rcpt.lower(), status, int(attempts)) for i, rcpt, status, attempts in self.rows(
            "SELECT id, recipient, status, attempts FROM notification_outbox WHERE channel = 'EMAIL'")}
        letters = int(self.db.scalar("SELECT count(*) FROM notification_outbox WHERE channel <> 'EMAIL'"))
        statuses = {}
        for _, status, _ in rows.values():
            statuses[status] = statuses.get(status, 0) + 1
        sent = {i for i, (_, status, _) in rows.items() if status == "SENT"}
        self.check("every email in the outbox is SENT", rows and len(sent) == len(rows),
                   f"{len(rows)} emails by status {statuses}; {letters} letters (never emailed)")

        received = r.smtp.snapshot()
        copies = {}
        stray = []
        for m in received:
            row_id = None
            if m["msgid"] and m["msgid"].startswith("<outbox-") and m["msgid"].endswith("@ehc-pathway>"):
                row_id = int(m["msgid"][len("<outbox-"):-len("@ehc-pathway>")])
            if row_id not in rows or m["rcpts"] != (rows[row_id][0],):
                stray.append((m["msgid"], m["rcpts"]))
                continue
            copies.setdefault(row_id, []).append(m)
        self.check("every message received is an outbox email, to its recipient only (Message-ID "
                   "<outbox-{id}@ehc-pathway>)", not stray, f"{len(received)} received, {len(stray)} not: {stray[:3]}")
        missing = sorted(sent - set(copies))
        self.check("every SENT email was received (none missing)", not missing, f"{len(sent)} SENT, missing "
                   f"{missing[:5]}")

        # A second copy is allowed only in the crash test, only for a row whose claim expired (attempts >= 1: released
        # as "sender stopped"), whose first copy came from a node that was killed after the sink accepted it, with
        # every later copy after that kill, and at most attempts + 1 copies. Copies are matched by Message-ID, so
        # a resend with another Message-ID would count as a stray message above.
        kills = r.kill_times
        allowed, bad = {}, []
        for row_id, ms in copies.items():
            if len(ms) == 1:
                continue
            first = ms[0]
            node = first["ehlo"].removeprefix("node-")
            # The kill time is taken just before SIGKILL; the sink may accept a message the killed JVM had already
            # written to its socket a moment later, so a kill up to KILL_SLACK seconds before the first copy counts.
            killed_after = [t for n, t in kills if n == node and t > first["t"] - KILL_SLACK]
            ok = (r.args.crash and rows[row_id][2] >= 1 and len(ms) <= rows[row_id][2] + 1 and killed_after
                  and all(m["t"] > min(killed_after) for m in ms[1:]))
            if ok:
                allowed[row_id] = len(ms)
            else:
                bad.append((row_id, rows[row_id][2], [(m["ehlo"], round(m["t"] - r.t_start)) for m in ms]))
        sender_logs = log_counts(r)
        self.check("no email received twice, except a resend (same Message-ID) of a row whose sender was killed "
                   "inside its send", not bad,
                   f"{len(allowed)} resent after a kill {sorted(allowed)[:10]}; not allowed: {bad[:5]}; "
                   f"rows released after an expired claim: {sum(1 for v in rows.values() if v[2] >= 1)}; "
                   f"node logs: {sender_logs}")
        expected = len(sent) + sum(n - 1 for n in allowed.values())
        self.check("messages received = SENT emails + allowed resends", len(received) == expected,
                   f"{len(received)} received, {len(sent)} SENT, {expected - len(sent)} resends")
        by_node = {}
        for m in received:
            by_node[m["ehlo"]] = by_node.get(m["ehlo"], 0) + 1
        self.check("both nodes' senders sent emails", by_node.get("node-A", 0) > 0 and by_node.get("node-B", 0) > 0,
                   f"messages by sender (EHLO name): {by_node}")
        self.mail = r.mail = {"emails": len(rows), "sent": len(sent), "received": len(received), "by_node": by_node,
                     "resent": len(allowed), "letters": letters}
        if r.args.crash:
            h = r.held or {}
            final = copies.get(h.get("id"), [])
            row = rows.get(h.get("id"), ("?", "?", -1))
            self.check("node A killed inside a send: the row stayed SENDING under its claim (not sent again before "
                       "the claim expired), then was sent once more with the same Message-ID",
                       h.get("status_at_kill") == "SENDING" and h.get("status_after_restart") == "SENDING"
                       and h.get("copies_before_expiry") == 1 and len(final) == 2 and row[1] == "SENT"
                       and row[2] == 1,
                       f"row {h.get('id')}: {h.get('status_at_kill')} at the kill, {h.get('status_after_restart')} "
                       f"after A's restart with {h.get('copies_before_expiry')} copy received; finally {row[1]}, "
                       f"attempts {row[2]}, copies {[(m['ehlo'], m['msgid']) for m in final]}")


def log_counts(run):
    """How often the nodes' logs say a sender found its claim gone after sending, or released expired claims."""
    counts = {}
    for node in run.nodes:
        try:
            with open(node.log_path, errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        counts[node.name] = {"sent after claim expired": text.count("sent after its claim expired"),
                             "expired claims released": text.count("left mid-send by a stopped sender")}
    return counts


def parse_seconds(iso):
    """PT2S, PT1.5S, PT1M -> seconds (only the forms this script is given)."""
    iso = iso.upper().removeprefix("PT")
    return float(iso[:-1]) * (60 if iso.endswith("M") else 1)


def print_node_errors(nodes, limit=20):
    """A failed run's evidence: the nodes' ERROR lines (the logs are overwritten by the next run; CI keeps only this)."""
    for node in nodes:
        try:
            with open(node.log_path, errors="replace") as f:
                errors = [line.rstrip() for line in f if " ERROR " in line]
        except OSError:
            continue
        # The other node ran the job first: Camunda logs it at ERROR, the clock call counts it and goes on.
        benign = [line for line in errors if "ENGINE-14026 No job found" in line]
        errors = [line for line in errors if line not in benign]
        print(f"== node {node.name} ({node.log_path}): {len(errors)} ERROR lines, besides {len(benign)} "
              f"'No job found' (run by the other node); the last {min(limit, len(errors))}:")
        if errors:
            for line in errors[-limit:]:
                print("   " + line[:400])


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cases", type=int, default=int(os.environ.get("EHC_CLUSTER_CASES", 200)))
    p.add_argument("--crash", action="store_true", help="kill -9 node B during the load and during a clock step, node A inside an email send")
    p.add_argument("--days", type=int, default=58, help="how far the clocks move (days after the requests)")
    p.add_argument("--step-days", type=int, default=3)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--database", default="ehc_cluster")
    p.add_argument("--jar")
    p.add_argument("--port-a", type=int, default=8091)
    p.add_argument("--port-b", type=int, default=8092)
    p.add_argument("--pg-host", default="127.0.0.1")
    p.add_argument("--pg-port", type=int, default=5432)
    p.add_argument("--pg-user", default="ehc")
    p.add_argument("--pg-password", default="ehc")
    p.add_argument("--logdir", default="/tmp")
    p.add_argument("--start-timeout", type=int, default=400)
    p.add_argument("--settle-timeout", type=int, default=600)
    p.add_argument("--send-interval", default="PT2S", help="the nodes' ehc.notification.send-interval")
    args = p.parse_args()

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))   # stop the nodes (finally below) on SIGTERM too
    run = Run(args)
    try:
        failures = run.run()
    except Failure as e:
        log(f"FAIL {e}")
        failures = [str(e)]
    finally:
        for node in run.nodes:
            node.stop()
        run.smtp.close()
    if failures:
        print_node_errors(run.nodes)
    mode = "crash" if args.crash else "cluster"
    print(f"SUMMARY {mode}: cases acknowledged {len(run.acked)}, unanswered {run.unacked}, decided {len(run.decided)}, "
          f"node kills {run.kills}, "
          + (f"emails {run.mail}, " if getattr(run, "mail", None) else "")
          + ", ".join(f"{k} {v:.0f} s" for k, v in run.timings.items())
          + f"; {'OK' if not failures else 'FAILED: ' + '; '.join(failures)}", flush=True)
    sys.exit(0 if not failures else 1)


if __name__ == "__main__":
    main()
