"""The HTTP guard against a gzip bomb: peak memory and time until the decoded-size cap stops it.

Run: .venv/bin/python benchmarks/http_bomb.py   (serves 4 GiB of zeros, ~4 MB gzipped, on 127.0.0.1)
"""
import resource
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_server import HostileServer
from openpace.http import get_bytes
from openpace.errors import SourceError
c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
zero = b"\0" * (1 << 20)
bomb = b"".join(c.compress(zero) for _ in range(4096)) + c.flush()  # 4 GiB of zeros
with HostileServer() as s:
    s.routes["/bomb"] = lambda q, n: (200, {"Content-Encoding": "gzip"}, bomb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.monotonic()
    try:
        get_bytes(s.url + "/bomb", source="bench")
    except SourceError as e:
        print("refused:", str(e)[-80:])
    print(f"gzip body {len(bomb):,} bytes (4 GiB decoded); {time.monotonic()-t:.1f} s; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MiB (before the request {before/1024:.0f} MiB)")
