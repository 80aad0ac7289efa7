"""Reading the national RPPS extract (2.4 million lines) for one département.

Floor measured in the same run: one bare ``csv.reader`` pass over the same file (``|``, no
quoting) that only tests the département of each line. Memory: the peak resident size of a
process that reads the full extract, against one that reads a tenth of it with as many of the
département's professionals (it must not grow with the file), and one that only imports.
Run: python benchmarks/rpps.py   (the synthetic extract is written once under BENCH_DIR)
"""

from __future__ import annotations

import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import WORK, report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.synthetic import RPPS_HEADER, write_rpps

FULL_LINES = 2_400_000
LOCAL_EVERY = 80  # about 0.8 % of the lines in Meurthe-et-Moselle, as in the real extract


def extract(lines: int, local_every: int) -> Path:
    path = WORK / f"PS_LibreAcces_Personne_activite_{lines}_{local_every}.txt"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        write_rpps(path.with_suffix(".part"), lines, local_every=local_every).rename(path)
    return path


def child(mode: str, path: str) -> None:
    """Run one reading in this process and print its time and peak memory as JSON."""
    start = time.perf_counter()
    kept = 0
    if mode == "bare":
        postal = RPPS_HEADER.index("Code postal (coord. structure)")
        with open(path, encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE)
            next(rows)
            kept = sum(1 for row in rows if row[postal].startswith("54"))
    elif mode == "scan":
        from ambassadeur_app.importers.rpps import Territory
        from ambassadeur_app.services import open_service

        with tempfile.TemporaryDirectory() as folder:
            service = open_service(Path(folder) / "rpps.ambassadeur", create=True)
            try:
                preview = service.register_imports.preview_rpps(Path(path), Territory(departement="54"))
                assert preview is not None
                kept = len(preview.professionals)
            finally:
                service.close()
    else:
        import ambassadeur_app.services  # noqa: F401 - the imports alone, for the memory baseline
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "kept": kept}))


def run(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "child", mode, str(path)], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main() -> None:
    full = extract(FULL_LINES, LOCAL_EVERY)
    tenth = extract(FULL_LINES // 10, LOCAL_EVERY // 10)
    size = full.stat().st_size / 1_000_000
    print(f"extract: {FULL_LINES:,} lines, {size:,.0f} MB".replace(",", " "))
    bare = min((run("bare", full) for _ in range(2)), key=lambda r: r["seconds"])
    scan = min((run("scan", full) for _ in range(2)), key=lambda r: r["seconds"])
    small = run("scan", tenth)
    baseline = run("imports", full)
    report("read RPPS extract, keep département 54", scan["seconds"], bare["seconds"], "bare csv.reader pass")
    print(
        f"kept {scan['kept']:.0f} professionals ({small['kept']:.0f} from the tenth-size file); "
        f"peak memory {scan['peak_mb']:.0f} MB for {size:.0f} MB read, "
        f"{small['peak_mb']:.0f} MB for a tenth of the file, {baseline['peak_mb']:.0f} MB for the "
        f"imports alone, bare pass {bare['peak_mb']:.0f} MB"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
