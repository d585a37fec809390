#!/usr/bin/env python3
"""Runs trafilatura over the article-extraction benchmark pages for scripts/bench.

    bench-trafilatura.py PAGES_DIR OUT_DIR

Reads PAGES_DIR/ground-truth.json for the page ids and PAGES_DIR/html/<id>.html.gz for the
pages, extracts each page's main text with trafilatura.extract(html, include_comments=False)
(the call trafilatura's own evaluation of this benchmark makes), writes it to
OUT_DIR/<id>.txt, and prints one JSON object: pages, seconds (extraction only, one thread,
pages already in memory), pages_per_s and the trafilatura version. Scoring is left to
crates/clean/examples/extraction_bench.rs (--predictions OUT_DIR), the same code that scores
orbit, so both are measured by one implementation of the benchmark's metric.
"""

import gzip
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

import trafilatura


def main() -> None:
    pages_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    truth = json.loads((pages_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    pages = {}
    for page_id in ids:
        with gzip.open(pages_dir / "html" / f"{page_id}.html.gz", "rb") as f:
            pages[page_id] = f.read().decode("utf-8", errors="replace")
    outputs = {}
    # One warm-up page, as orbit's cleaner is built before its timed loop.
    trafilatura.extract(pages[ids[0]], include_comments=False)
    seconds = 0.0
    for page_id in ids:
        start = time.perf_counter()
        text = trafilatura.extract(pages[page_id], include_comments=False)
        seconds += time.perf_counter() - start
        outputs[page_id] = text or ""
    for page_id, text in outputs.items():
        (out_dir / f"{page_id}.txt").write_text(text, encoding="utf-8")
    print(json.dumps({
        "pages": len(ids),
        "seconds": seconds,
        "pages_per_s": len(ids) / seconds if seconds > 0 else None,
        "version": version("trafilatura"),
    }))


if __name__ == "__main__":
    main()
