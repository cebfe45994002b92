"""The text report of `mlroles validate`: one problem a line, then a summary."""

from __future__ import annotations

from ..textsafe import visible
from ..validation import ValidationReport


def render_report(report: ValidationReport) -> str:
    lines = [visible(str(problem), newlines=False) for problem in report.problems]
    files = f"{report.files} file" + ("" if report.files == 1 else "s")
    if report.problems:
        count = len(report.problems)
        lines.append(f"{count} problem{'' if count == 1 else 's'} in {files}.")
    else:
        defined = ", ".join(f"{name}: {n}" for name, n in report.counts.items())
        base = " on top of the bundled catalogue" if report.on_bundled else ""
        lines.append(f"ok: {files} valid{base} ({defined}).")
    return "\n".join(lines) + "\n"
