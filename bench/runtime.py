"""Cost of the generated Dify client over raw httpx, measured in the same run.

    python bench/runtime.py [--requests 100] [--events 2000] [--copies 30] [--smoke]

Both sides talk to the same local uvicorn server on 127.0.0.1: a JSON GET
(`client.app.info()` vs `httpx.get(...).json()`) and an SSE stream of
`message` events (`client.chat.send_message(..., response_mode="streaming")`
vs httpx + httpx-sse + json.loads). Prints seconds and the ratio
client/raw; the client also validates every payload into pydantic models,
which raw httpx does not, so a ratio somewhat above 1 is the price of types.
The SSE baseline is bare `iter_lines` + `json.loads`. Last, the import time
of the generated package against `import httpx, pydantic`, and of a client
generated from the flagship cloned `--copies` times; then, for that client
and Stripe's (from --corpus), the first typed call after `import` in a fresh
interpreter (it loads the models it needs: a big spec's models are split into
small modules, and a call loads those of its types' closure), against two
references of the same run: `import httpx, pydantic`
and importing every model (what the first call cost when models were one
module). `--smoke` runs everything once with tiny counts and without Stripe
(CI runs it so the script never rots).
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "generated"))

from dify_chatflow import DifyChatflow  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import write_synthetic  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "big"
STRIPE = "stripe-spec3-2020-03-02.json"  # the Stripe spec bench/generate.py times

# Run in a fresh interpreter: the package is imported (not timed), then one typed call is.
# Prints the call's seconds, how many model modules it loaded and the classes they define.
FIRST_CALL = """
import re, sys, time
from pathlib import Path
import {package} as pkg
client_class = re.search(r"^class (\\w+)\\(SyncAPIClient\\)", Path(pkg.__file__).with_name("_client.py").read_text(), re.M)
client = getattr(pkg, client_class.group(1))(api_key="bench", base_url={base_url!r})
started = time.perf_counter()
{call}
elapsed = time.perf_counter() - started
loaded = [m for m in sys.modules if m.startswith("{package}.models.")]
classes = sum(isinstance(v, type) and v.__module__ == m for m in loaded for v in vars(sys.modules[m]).values())
print(elapsed, len(loaded), classes)
"""

INFO = {"name": "My App", "description": "bench", "tags": ["a", "b"], "mode": "advanced-chat", "author_name": "x"}


def _app(events: int) -> Starlette:
    async def info(request: Request) -> JSONResponse:
        return JSONResponse(INFO)

    async def chat(request: Request) -> StreamingResponse:
        async def body():  # type: ignore[no-untyped-def]
            for i in range(events):
                payload = {"event": "message", "task_id": "t", "message_id": "m", "conversation_id": "c",
                           "answer": f"token{i} ", "created_at": 1705395332}
                yield f"data: {json.dumps(payload)}\n\n"
            yield 'data: {"event": "message_end", "task_id": "t", "message_id": "m", "metadata": {}}\n\n'

        return StreamingResponse(body(), media_type="text/event-stream")

    async def customers(request: Request) -> JSONResponse:  # Stripe's GET /v1/customers, one empty page
        return JSONResponse({"object": "list", "data": [], "has_more": False, "url": "/v1/customers"})

    return Starlette(routes=[Route("/v1/info", info), Route("/v1/chat-messages", chat, methods=["POST"]),
                             Route("/v1/c01/info", info), Route("/v1/customers", customers)])


def _serve(events: int) -> tuple[str, uvicorn.Server]:
    sock = socket.socket()
    # Accepted sockets inherit it: without it the response's header and body writes meet
    # Nagle + delayed ACK, and every request takes ~40 ms whoever sends it, hiding the overhead.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(_app(events), log_level="critical", lifespan="off"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    return f"http://127.0.0.1:{sock.getsockname()[1]}/v1", server


def _best_of(runs: int, work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _best_of_interleaved(runs: int, first: Callable[[], None], second: Callable[[], None]) -> tuple[float, float]:
    """Best time of each, the two run in turns so a busy spell on the machine hits both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(runs):
        for i, work in enumerate((first, second)):
            started = time.perf_counter()
            work()
            best[i] = min(best[i], time.perf_counter() - started)
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--copies", type=int, default=30, help="size of the big client whose import is timed")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of Stripe's spec (default {CORPUS})")
    parser.add_argument("--smoke", action="store_true", help="tiny counts, one run: checks the script works")
    args = parser.parse_args()
    runs = 1 if args.smoke else 9
    if args.smoke:
        args.requests, args.events, args.copies = 3, 20, 2
    url, server = _serve(args.events)
    headers = {"Authorization": "Bearer bench"}
    with httpx.Client(headers=headers) as raw, DifyChatflow(api_key="bench", base_url=url) as client:

        def raw_json() -> None:
            for _ in range(args.requests):
                raw.get(f"{url}/info").json()

        def client_json() -> None:
            for _ in range(args.requests):
                client.app.info()

        def raw_stream() -> None:
            body = {"query": "q", "inputs": {}, "user": "u", "response_mode": "streaming"}
            with raw.stream("POST", f"{url}/chat-messages", json=body) as response:
                text = "".join(
                    json.loads(line[6:]).get("answer", "") for line in response.iter_lines() if line.startswith("data: ")
                )
            assert text

        def client_stream() -> None:
            text = client.chat.send_message(query="q", inputs={}, user="u", response_mode="streaming").text()
            assert text

        for label, raw_work, client_work, count, noun in (
            ("JSON GET", raw_json, client_json, args.requests, "request"),
            ("SSE stream", raw_stream, client_stream, args.events, "event"),  # vs iter_lines + json.loads
        ):
            unit = f"{count} {noun}s"
            raw_work(), client_work()  # warm up connections and validators
            raw_s, client_s = _best_of_interleaved(runs, raw_work, client_work)
            print(f"{label:<11} {unit:>14}: raw httpx {raw_s:.3f}s  client {client_s:.3f}s  ratio {client_s / raw_s:.2f}"
                  f"  (+{(client_s - raw_s) / count * 1e6:.0f} µs per {noun})")
    _import_times(runs, args.copies, url, None if args.smoke else args.corpus / STRIPE)
    server.should_exit = True


def _import_times(runs: int, copies: int, url: str, stripe: Path | None) -> None:
    """A fresh interpreter each time: what a user's script pays at start-up.

    Also a client generated from the flagship cloned `copies` times (bench/synthetic.py;
    thousands of models): `import` of the package, which loads resources and models on
    first use; then the first typed call of it and of Stripe's client (`stripe`).
    Generated with --no-format: black changes no byte of what Python executes.
    """
    baseline = _best_process(runs, "import httpx, pydantic", ROOT)
    ours = _best_process(runs, "import dify_chatflow", ROOT / "generated")
    print(f"{'import':<11} {'fresh process':>14}: httpx+pydantic {baseline:.3f}s  dify_chatflow {ours:.3f}s  "
          f"ratio {ours / baseline:.2f}")
    with tempfile.TemporaryDirectory(prefix="clientgen-runtime-") as tmp:
        spec = write_synthetic(Path(tmp) / f"dify-x{copies}.json", copies)
        big = _generate(spec, Path(tmp) / "client", "bench_big")
        package = _best_process(runs, "import bench_big", big)
        label = f"x{copies} client"
        print(f"{'import':<11} {label:>14}: httpx+pydantic {baseline:.3f}s  bench_big {package:.3f}s  "
              f"ratio {package / baseline:.2f}")
        _first_call(runs, label, big, "bench_big", f"{url}",
                    "client.applications_c.get_advanced_chat_app_info_c01()", baseline)
        if stripe is None:
            return
        if not stripe.is_file():
            print(f"{'first call':<11} {'Stripe':>14}: skipped, {stripe} is missing")
            return
        client = _generate(stripe, Path(tmp) / "stripe", "bench_stripe")
        _first_call(runs, "Stripe", client, "bench_stripe", url.removesuffix("/v1"),
                    "list(client.customers.list())", baseline)


def _generate(spec: Path, output: Path, package: str) -> Path:
    subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output", str(output),
                    "--package-name", package, "--no-format"], check=True, cwd=ROOT, capture_output=True)
    return output


def _best_process(runs: int, code: str, where: Path) -> float:
    """Best wall time of a fresh interpreter running `code` (a first run writes the .pyc files)."""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=where)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=where)
        best = min(best, time.perf_counter() - started)
    return best


def _first_call(runs: int, label: str, where: Path, package: str, base_url: str, call: str, baseline: float) -> None:
    """The first typed call after `import`, best of `runs` fresh interpreters, against `import httpx,
    pydantic` and against importing every model (a fresh interpreter each, less the bare import)."""
    code = FIRST_CALL.format(package=package, base_url=base_url, call=call)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=where, capture_output=True)  # .pyc files
    best, loaded, classes = float("inf"), 0, 0
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", code], check=True, cwd=where, capture_output=True, text=True)
        seconds, count, defined = done.stdout.split()
        best, loaded, classes = min(best, float(seconds)), int(count), int(defined)
    models = where / package / "models"
    groups = len([p for p in models.glob("_*.py") if p.name != "__init__.py"]) if models.is_dir() else 0
    fewer = min(runs, 3)  # each of these loads thousands of models
    every = (_best_process(fewer, f"import {package}.models as m; [getattr(m, n) for n in m.__all__]", where)
             - _best_process(fewer, f"import {package}.models", where))
    print(f"{'first call':<11} {label:>14}: {best:.3f}s  ratio {best / baseline:.2f} against httpx+pydantic, "
          f"{best / every:.2f} against every model ({every:.3f}s); loaded {loaded} of {groups} model modules "
          f"({classes} classes)")


if __name__ == "__main__":
    main()
