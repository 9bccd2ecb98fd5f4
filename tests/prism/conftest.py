"""Fixtures for the conformance tests against Prism (Stoplight's OpenAPI mock server).

Prism validates every request against `specs/dify-chatflow.json` and answers
from the spec's own examples.  The binary is the one pinned in
`tools/prism/package-lock.json` (`npm ci --prefix tools/prism`, done by
`.ci/run`); without it the tests skip.  It is @stoplight/prism-cli 5.14.2, the
newest release whose `engines` accept Node 20 (5.15 and later want Node 24).

Why no `--errors`: in Prism 5 that flag only turns *response* violations
(Prism's own answer not matching the spec) into a 500; a request that violates
the spec is rejected either way (the spec's 400 example, or a generated 422
`application/problem+json`, with an `sl-violations` header).  Running without
it lets Prism still serve an example that violates its own schema, and every
violation, request- or response-side, is visible in the `sl-violations`
header, which the recorder below reads and the tests assert on.

Two Prism processes are started side by side (about 1.5 s, in parallel):

* `prism`: the spec exactly as checked in;
* `prism_sse`: a copy whose `text/event-stream` examples are re-framed as
  real SSE (the spec writes each stream as one line, `data: {...} data: {...}`
  with no blank line between or after the events, which no SSE parser can
  split into events).  Only those example strings differ.
"""

from __future__ import annotations

import copy
import json
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import httpx
import pytest

from dify_chatflow import DifyChatflow

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "specs" / "dify-chatflow.json"
PRISM_BIN = REPO / "tools" / "prism" / "node_modules" / ".bin" / "prism"
INSTALL_HINT = "npm ci --prefix tools/prism"

STARTUP_TIMEOUT = 60.0  # seconds; Prism usually listens after ~1.5 s
PRISM_ERROR_TYPE = "https://stoplight.io/prism/errors#"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def load_spec() -> Dict[str, Any]:
    spec: Dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


# -- the Prism processes -----------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class PrismProcess:
    """One `prism mock` process on a free port, its output in a log file."""

    def __init__(self, name: str, spec: Path, log_dir: Path) -> None:
        self.name = name
        self.spec = spec
        self.log_dir = log_dir
        self.attempt = 0
        self.port = 0
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.log_path = log_dir / f"{name}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.attempt += 1
        self.port = _free_port()
        self.log_path = self.log_dir / f"{self.name}.{self.attempt}.log"
        cmd = [str(PRISM_BIN), "mock", str(self.spec), "-h", "127.0.0.1", "-p", str(self.port)]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
            )

    def output(self) -> str:
        try:
            return _ANSI.sub("", self.log_path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return ""

    def ready(self) -> bool:
        """True once Prism reports listening on our port and accepts a connection."""
        return f"Prism is listening on {self.url}" in self.output() and _accepts(self.port)

    def exited(self) -> Optional[int]:
        assert self.proc is not None
        return self.proc.poll()

    def failure(self, why: str) -> str:
        cmd = f"{PRISM_BIN} mock {self.spec} -h 127.0.0.1 -p {self.port}"
        return f"Prism ({self.name}) {why}\ncommand: {cmd}\n--- Prism output ---\n{self.output()[-6000:]}"

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _start_all(servers: List[PrismProcess]) -> None:
    """Start every server in parallel and wait (bounded) until each listens.

    A server whose port was taken between choosing and binding it
    (EADDRINUSE) is restarted on another port, at most twice.
    """
    for server in servers:
        server.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    waiting = list(servers)
    while waiting:
        for server in list(waiting):
            if server.ready():
                waiting.remove(server)
                continue
            code = server.exited()
            if code is not None:
                if "EADDRINUSE" in server.output() and server.attempt < 3:
                    server.start()
                    continue
                raise RuntimeError(server.failure(f"exited with status {code} before listening"))
        if waiting and time.monotonic() > deadline:
            names = ", ".join(s.name for s in waiting)
            details = "\n\n".join(
                s.failure(f"was not listening after {STARTUP_TIMEOUT:.0f} s") for s in waiting
            )
            raise RuntimeError(f"Prism did not start ({names}):\n{details}")
        if waiting:
            time.sleep(0.05)


# -- a spec copy with SSE examples framed as SSE -----------------------------

_EVENT_START = re.compile(r"\s+(?=data: )")


def frame_sse_examples(spec: Dict[str, Any]) -> Tuple[Dict[str, Any], List[str]]:
    """Copy of `spec` whose text/event-stream examples end every event with a blank line.

    Returns the copy and the names of the examples that were changed; an
    example that already contains a blank line is left alone.
    """
    framed = copy.deepcopy(spec)
    changed: List[str] = []
    for path, item in framed["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            for status, response in op["responses"].items():
                media = (response.get("content") or {}).get("text/event-stream") or {}
                for name, example in (media.get("examples") or {}).items():
                    value = example.get("value")
                    if not isinstance(value, str) or "\n\n" in value:
                        continue
                    events = [e.strip() for e in _EVENT_START.split(value.strip()) if e.strip()]
                    example["value"] = "".join(f"{e}\n\n" for e in events)
                    changed.append(f"{op.get('operationId')} {status} {name}")
    return framed, changed


@dataclass
class PrismServers:
    prism: PrismProcess
    prism_sse: PrismProcess
    sse_framed_examples: List[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def prism_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServers]:
    if not PRISM_BIN.exists():
        pytest.skip(f"Prism is not installed ({PRISM_BIN} missing): run `{INSTALL_HINT}`")
    work = tmp_path_factory.mktemp("prism")
    framed, changed = frame_sse_examples(load_spec())
    sse_spec = work / "dify-chatflow.sse-framed.json"
    sse_spec.write_text(json.dumps(framed, ensure_ascii=False), encoding="utf-8")
    servers = PrismServers(
        prism=PrismProcess("prism", SPEC_PATH, work),
        prism_sse=PrismProcess("prism-sse", sse_spec, work),
        sse_framed_examples=changed,
    )
    both = [servers.prism, servers.prism_sse]
    try:
        try:
            _start_all(both)
        except RuntimeError as exc:
            pytest.fail(str(exc), pytrace=False)
        yield servers
    finally:
        for server in both:
            server.stop()


@pytest.fixture(scope="session")
def prism(prism_servers: PrismServers) -> PrismProcess:
    """Prism on the spec exactly as checked in."""
    return prism_servers.prism


@pytest.fixture(scope="session")
def prism_sse(prism_servers: PrismServers) -> PrismProcess:
    """Prism on the spec copy whose event-stream examples are framed as SSE."""
    return prism_servers.prism_sse


# -- recording what Prism said -----------------------------------------------


@dataclass
class Exchange:
    method: str
    url: httpx.URL
    status: int
    content_type: str
    violations: List[Dict[str, Any]]  # the sl-violations header, parsed
    problem: Optional[Dict[str, Any]]  # a Prism-generated application/problem+json body

    @property
    def path(self) -> str:
        return self.url.raw_path.decode("ascii").split("?", 1)[0]

    def request_violations(self) -> List[Dict[str, Any]]:
        return [v for v in self.violations if list(v.get("location", []))[:1] == ["request"]]

    def response_violations(self) -> List[Dict[str, Any]]:
        return [v for v in self.violations if list(v.get("location", []))[:1] == ["response"]]

    def rejection(self) -> Optional[str]:
        """Why Prism refused this request, or None if it did not.

        Prism flags a request that breaks the spec in the `sl-violations`
        header (location `request.…`) and answers 400/422; anything it refuses
        on its own (422 validation, 401 security, 404 no route, 406/415
        negotiation) is an `application/problem+json` body whose `type` is one
        of its error URLs.
        """
        lines: List[str] = []
        for v in self.request_violations():
            where = ".".join(str(p) for p in v.get("location", []))
            lines.append(f"  [{v.get('severity')}] {where}: {v.get('message')} ({v.get('code')})")
        problem = self.problem
        if problem is not None and str(problem.get("type", "")).startswith(PRISM_ERROR_TYPE):
            lines.append(
                f"  {problem.get('type')}: {problem.get('title')} -- {problem.get('detail')}"
            )
            for v in problem.get("validation") or []:
                where = ".".join(str(p) for p in v.get("location", []))
                lines.append(f"    [{v.get('severity')}] {where}: {v.get('message')} ({v.get('code')})")
        if not lines:
            return None
        return f"Prism rejected {self.method} {self.url} with HTTP {self.status}:\n" + "\n".join(lines)


class Recorder:
    """An httpx response hook keeping what Prism answered to each request."""

    def __init__(self) -> None:
        self.exchanges: List[Exchange] = []

    def clear(self) -> None:
        self.exchanges.clear()

    def __call__(self, response: httpx.Response) -> None:
        content_type = response.headers.get("content-type", "")
        violations: List[Dict[str, Any]] = []
        header = response.headers.get("sl-violations")
        if header:
            parsed = json.loads(header)
            violations = parsed if isinstance(parsed, list) else [parsed]
        problem = None
        if content_type.startswith("application/problem+json"):
            response.read()  # small; the client reads it again from the buffer
            try:
                body = response.json()
            except ValueError:
                body = {"type": PRISM_ERROR_TYPE + "?", "detail": response.text[:500]}
            problem = body if isinstance(body, dict) else None
        self.exchanges.append(
            Exchange(
                method=response.request.method,
                url=response.request.url,
                status=response.status_code,
                content_type=content_type,
                violations=violations,
                problem=problem,
            )
        )


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def _client(base_url: str, recorder: Recorder) -> Iterator[DifyChatflow]:
    http = httpx.Client(timeout=10.0, event_hooks={"response": [recorder]})
    try:
        # max_retries=0: a 5xx from Prism must show, not be retried away.
        with DifyChatflow(
            api_key="test-key", base_url=base_url, max_retries=0, timeout=10.0, http_client=http
        ) as client:
            yield client
    finally:
        http.close()


@pytest.fixture
def client(prism: PrismProcess, recorder: Recorder) -> Iterator[DifyChatflow]:
    """The generated sync client talking to Prism on the unmodified spec."""
    yield from _client(prism.url, recorder)


@pytest.fixture
def sse_client(prism_sse: PrismProcess, recorder: Recorder) -> Iterator[DifyChatflow]:
    """The generated sync client talking to Prism on the SSE-framed spec copy."""
    yield from _client(prism_sse.url, recorder)
