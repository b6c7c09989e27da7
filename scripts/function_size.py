"""Print median and 90th-percentile function lengths per room; fail above 12.

STYLE.md §2.2: the median function of a room is at most 12 lines. Tests,
migrations and demo data are not counted.
"""

import ast
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 12


def _lengths(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.end_lineno or node.lineno) - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def main() -> int:
    failed = False
    for room in sorted(
        p for p in (ROOT / "hromada").iterdir() if (p / "apps.py").exists()
    ):
        lengths = [
            n
            for path in room.rglob("*.py")
            if not {"tests", "migrations"} & set(path.relative_to(room).parts)
            for n in _lengths(path)
        ]
        if not lengths:
            continue
        median = statistics.median(lengths)
        p90 = (
            statistics.quantiles(lengths, n=10)[-1] if len(lengths) > 1 else lengths[0]
        )
        mark = "ok" if median <= LIMIT else "TOO LONG"
        failed |= median > LIMIT
        print(
            f"{room.name:15} functions={len(lengths):4} "
            f"median={median:5.1f} p90={p90:5.1f} {mark}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
