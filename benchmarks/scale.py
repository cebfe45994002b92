"""Catalogues the size of ESCO: every target of issue 19's "Done when", in one run.

    python benchmarks/scale.py [--runs 5] [--only 3000]

Two generated catalogues (benchmarks/generate_catalogue.py, --realistic: 30 skills a role,
summaries of about 300 characters): ESCO-sized, 3,000 roles and 14,000 skills, and 5,000
roles with 20,000 skills. Each is loaded alone (--no-bundled) through the installed
`mlroles` script; ratios are against baselines measured in the same run (PyYAML's C
loader parsing the same files; `show` on the bundled catalogue). The export -> load
round trip is made through one JSON file and through a directory in parts
(`export -o DIR/`). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_catalogue import REALISTIC, generate  # noqa: E402
from speed import (  # noqa: E402
    MLROLES,
    Row,
    compare,
    peak_memory_mib,
    report,
    run_once,
    yaml_parse_seconds,
)

SIZES = {3000: 14_000, 5000: 20_000}
SAMPLED = ("bench-role-0", "bench-role-7", "bench-role-1234", "bench-role-2999")


def shown(argv: list[str], env: dict[str, str], role: str) -> dict[str, object]:
    """`show ROLE --format json`, without the line that says which file defined it."""
    out = subprocess.run(
        [*argv, "show", role, "--format", "json"], env=env, capture_output=True, check=True
    )
    data: dict[str, object] = json.loads(out.stdout)
    data.pop("origin", None)
    return data


def measure(
    roles: int, scratch: Path, env: dict[str, str], bundled_show: list[str], runs: int
) -> list[Row]:
    overlay = scratch / f"catalogue-{roles}"
    generate(overlay, roles, SIZES[roles], **REALISTIC)
    size = sum(path.stat().st_size for path in overlay.iterdir()) / 2**20
    label = f"{roles:,} roles ({size:.0f} MiB)"
    cache = scratch / f"cache-{roles}"
    here = {**env, "MLROLES_CACHE_DIR": str(cache)}
    base = [*MLROLES, "--no-bundled", "--catalog", str(overlay)]
    show = [*base, "show", "bench-role-7"]
    cold = []
    for _ in range(3):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run_once(show, here))
    shutil.rmtree(cache, ignore_errors=True)
    cold_peak = peak_memory_mib(show, here)
    parse = statistics.median(yaml_parse_seconds(overlay) for _ in range(3))
    rows = [
        Row(f"{label}: cold load vs C-parser parse", statistics.median(cold), parse, 3.0),
        Row(f"{label}: cold load, peak memory (MiB)", cold_peak, 1.0, 1024.0, "MiB"),
    ]
    # Interleaved with the bundled show, so that the machine's load changing over the
    # minutes this script runs hits both alike.
    name = f"{label}: warm show vs bundled show"
    rows.append(compare(name, (show, here), (bundled_show, env), 1.5, runs))
    for name, argv, limit in (
        ("warm list (s)", [*base, "list"], 1.0),
        ("sources (s)", [*base, "sources"], 2.0),
        ("export --format html (s)", [*base, "export", "-f", "html"], 30.0),
        ("map --svg (s)", [*base, "map", "--svg", str(scratch / "map.svg"), "--force"], 5.0),
    ):
        seconds = statistics.median(run_once(argv, here) for _ in range(runs))
        rows.append(Row(f"{label}: {name}", seconds, 1.0, limit, "seconds"))
        if name.startswith("warm list"):
            memory = peak_memory_mib(argv, here)
            rows.append(Row(f"{label}: warm list, peak memory (MiB)", memory, 1.0, 150.0, "MiB"))
    # One file, and a directory in parts (`-o DIR/`): each must load back the same roles.
    for name, target in (
        ("export", f"{scratch}/export-{roles}.json"),
        ("export -o DIR/", f"{scratch}/parts-{roles}/"),
    ):
        subprocess.run(
            [*base, "export", "-f", "json", "-o", target, "--force"],
            env=here,
            capture_output=True,
            check=True,
        )
        reloaded = [*MLROLES, "--no-bundled", "--catalog", target]
        differing = sum(
            shown(base, here, role) != shown(reloaded, here, role)
            for role in SAMPLED
            if int(role.rsplit("-", 1)[1]) < roles
        )
        rows.append(Row(f"{label}: {name} -> load, roles differing", differing, 1.0, 0.0, "roles"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", type=int, choices=sorted(SIZES), help="one catalogue only")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="mlroles-scale-"))
    env = {**os.environ, "MLROLES_CACHE_DIR": str(scratch / "cache"), "COLUMNS": "100"}
    env.pop("MLROLES_CATALOG", None)
    bundled = [*MLROLES, "show", "ml-engineer"]
    run_once(bundled, env)  # warm the bundled cache
    rows: list[Row] = []
    try:
        for roles in [args.only] if args.only else sorted(SIZES):
            rows += measure(roles, scratch, env, bundled, args.runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return report(rows, 56)


if __name__ == "__main__":
    sys.exit(main())
