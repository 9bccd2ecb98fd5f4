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
generated from the flagship cloned `--copies` times (package, and its models
module). `--smoke` runs
everything once with tiny counts (CI runs it so the script never rots).
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

    return Starlette(routes=[Route("/v1/info", info), Route("/v1/chat-messages", chat, methods=["POST"])])


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
    server.should_exit = True
    _import_times(runs, args.copies)


def _import_times(runs: int, copies: int) -> None:
    """A fresh interpreter each time: what a user's script pays at start-up.

    Also a client generated from the flagship cloned `copies` times (bench/synthetic.py;
    thousands of models): `import` of the package, which loads resources and models on
    first use, and `import <package>.models`, which the first call of a typed method pays.
    Generated with --no-format: black changes no byte of what Python executes.
    """

    def seconds(code: str, where: Path) -> float:
        subprocess.run([sys.executable, "-c", code], check=True, cwd=where)  # writes the .pyc files
        best = float("inf")
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=where)
            best = min(best, time.perf_counter() - started)
        return best

    baseline = seconds("import httpx, pydantic", ROOT)
    ours = seconds("import dify_chatflow", ROOT / "generated")
    print(f"{'import':<11} {'fresh process':>14}: httpx+pydantic {baseline:.3f}s  dify_chatflow {ours:.3f}s  "
          f"ratio {ours / baseline:.2f}")
    with tempfile.TemporaryDirectory(prefix="clientgen-runtime-") as tmp:
        spec = write_synthetic(Path(tmp) / f"dify-x{copies}.json", copies)
        subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--output", f"{tmp}/client",
                        "--package-name", "bench_big", "--no-format"], check=True, cwd=ROOT, capture_output=True)
        package = seconds("import bench_big", Path(tmp) / "client")
        models = seconds("import bench_big.models", Path(tmp) / "client")
    label = f"x{copies} client"
    print(f"{'import':<11} {label:>14}: httpx+pydantic {baseline:.3f}s  bench_big {package:.3f}s  "
          f"ratio {package / baseline:.2f}  (bench_big.models, on first typed call: {models:.3f}s)")


if __name__ == "__main__":
    main()
