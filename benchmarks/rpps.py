"""Importing the national RPPS extract (2.4 million lines) for one département.

Floor: one bytes-split pass over the same file, in a process of its own: each line split on
``|`` and its postal code tested (``FLOOR``), which is the least any reader of this format does.
Measured, app and floor runs alternated:

- the scan alone (``scan_rpps``) and the preview + apply of the import, in a child process,
  against the floor's pass timed inside its own child;
- the whole command, ``ambassadeur import rpps FICHIER --departement 54`` on an empty carnet
  (interpreter start, imports, backup, scan, preview, one transaction), against the floor's
  whole process.

Memory: the peak resident size of a process that reads the full extract, against one that reads
a tenth of it with as many of the département's professionals (it must not grow with the file),
and one that only imports. ``LOCAL_EVERY`` sets the share of lines kept: 1.04 % (the real extract
keeps about 0.8 % for Meurthe-et-Moselle); ``python rpps.py 80`` measures the heavier 2.08 % the
benchmark used before.
Run: python benchmarks/rpps.py   (the synthetic extracts are written once under BENCH_DIR)
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import WORK, report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.synthetic import RPPS_HEADER, write_rpps

FULL_LINES = 2_400_000
# Every LOCAL_EVERY-th person practises in Meurthe-et-Moselle, at two sites: 1.04 % of the lines.
LOCAL_EVERY = int(sys.argv[1]) if len(sys.argv) == 2 else 160
ROUNDS = 3
POSTAL = RPPS_HEADER.index("Code postal (coord. structure)")
FLOOR = f"""
import sys, time
start = time.perf_counter()
kept = 0
with open(sys.argv[1], "rb") as handle:
    handle.readline()
    for raw in handle:
        if raw.split(b"|")[{POSTAL}].startswith(b"54"):
            kept += 1
print(time.perf_counter() - start, kept)
"""


def extract(lines: int, local_every: int) -> Path:
    path = WORK / f"PS_LibreAcces_Personne_activite_{lines}_{local_every}.txt"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        write_rpps(path.with_suffix(".part"), lines, local_every=local_every).rename(path)
    return path


def empty_carnet() -> Path:
    """Return a set-up carnet with an empty register (copied before each import)."""
    path = WORK / "rpps-vide.ambassadeur"
    if not path.exists():
        from ambassadeur_app.demo import AMBASSADORS, PROGRAMME
        from ambassadeur_app.services import open_service

        with open_service(path, create=True) as service:
            service.setup(PROGRAMME, list(AMBASSADORS))
    return path


def fresh_carnet() -> Path:
    target = WORK / "rpps-import.ambassadeur"
    for old in WORK.glob("rpps-import.ambassadeur*"):
        old.unlink()
    shutil.copy(empty_carnet(), target)
    return target


def child(mode: str, path: str, carnet: str) -> None:
    """Run one reading in this process and print its times and peak memory as JSON."""
    start = time.perf_counter()
    kept, phases = 0, {}
    if mode == "scan":
        from ambassadeur_app.importers.rpps import Territory, scan_rpps

        scan = scan_rpps(Path(path), Territory(departement="54"))
        assert scan is not None
        kept = len(scan.people)
    elif mode == "import":
        from ambassadeur_app.importers.rpps import Territory
        from ambassadeur_app.services import open_service

        with open_service(Path(carnet)) as service:
            opened = time.perf_counter()
            preview = service.register_imports.preview_rpps(Path(path), Territory(departement="54"))
            assert preview is not None
            previewed = time.perf_counter()
            kept = service.register_imports.apply(preview).created
            phases = {"preview": previewed - opened, "apply": time.perf_counter() - previewed}
    else:
        import ambassadeur_app.services  # noqa: F401 - the imports alone, for the memory baseline
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "kept": kept, **phases}))


def run(mode: str, path: Path) -> dict[str, float]:
    carnet = fresh_carnet() if mode == "import" else Path()
    out = subprocess.run(
        [sys.executable, __file__, "child", mode, str(path), str(carnet)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def floor_run(path: Path) -> tuple[float, float]:
    """Return (whole process, pass alone) seconds of the floor."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", FLOOR, str(path)], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, float(out.stdout.split()[0])


def cli_run(path: Path) -> float:
    carnet = fresh_carnet()
    command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet)]
    start = time.perf_counter()
    subprocess.run(
        [*command, "import", "rpps", str(path), "--departement", "54"], check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    full = extract(FULL_LINES, LOCAL_EVERY)
    tenth = extract(FULL_LINES // 10, LOCAL_EVERY // 10)
    size = full.stat().st_size / 1_000_000
    print(f"extract: {FULL_LINES:,} lines, {size:,.0f} MB".replace(",", " "))
    scans, imports, clis, floors = [], [], [], []
    for _ in range(ROUNDS):  # app and floor in turns
        scans.append(run("scan", full))
        floors.append(floor_run(full))
        imports.append(run("import", full))
        floors.append(floor_run(full))
        clis.append(cli_run(full))
        floors.append(floor_run(full))
    floor_process = statistics.median(f[0] for f in floors)
    floor_pass = statistics.median(f[1] for f in floors)
    scan = statistics.median(r["seconds"] for r in scans)
    report("scan the extract, keep département 54", scan, floor_pass, "bytes-split pass")
    preview = statistics.median(r["preview"] for r in imports)
    apply = statistics.median(r["apply"] for r in imports)
    report("preview (scan + matching)", preview, floor_pass, "bytes-split pass")
    report("apply (one transaction)", apply, floor_pass, "bytes-split pass")
    report(
        "CLI: ambassadeur import rpps (process)",
        statistics.median(clis),
        floor_process,
        "bytes-split process",
    )
    small = run("scan", tenth)
    baseline = run("imports", full)
    print(
        f"kept {scans[0]['kept']:.0f} professionals, {imports[0]['kept']:.0f} created "
        f"({small['kept']:.0f} from the tenth-size file); peak memory {scans[0]['peak_mb']:.0f} MB "
        f"for {size:.0f} MB read, {small['peak_mb']:.0f} MB for a tenth of the file, "
        f"{baseline['peak_mb']:.0f} MB for the imports alone"
    )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        main()
