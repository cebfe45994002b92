"""Does triage read the same ad the same way whatever its format?

    python benchmarks/ad_formats.py            # the dev split
    python benchmarks/ad_formats.py --split train

People give `triage` ads as they find them: pasted into one line, saved from a browser as
a web page, in Markdown, without the title line. Each ad of the split is rewritten in each
of those forms, read as a file would be (`adtext.decode_ad`), and triaged; the script
prints strict top-1 per form beside the ad as written. A form that loses more than a few
points is a reading the tool does not yet handle.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load

from mlroles.adreading import heading_kind
from mlroles.adtext import decode_ad
from mlroles.loading import load_bundled
from mlroles.triage import triage


def _as_written(text: str) -> str:
    return text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _no_title(text: str) -> str:
    return text.split("\n", 1)[1] if "\n" in text else text


def _web_page(text: str) -> str:
    """As a careers site serves it: a head left open, a header and breadcrumbs before the
    title, headings as `<h2>`, list items wrapped in paragraphs, a form around the body."""
    title, _, body = text.partition("\n")
    blocks = []
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("-", "*", "•")):
            blocks.append(f"<ul><li><p>{html.escape(stripped.lstrip('-*• '))}</p></li></ul>")
        elif stripped and heading_kind(stripped):
            blocks.append(f"<h2>{html.escape(stripped)}</h2>")
        elif stripped:
            blocks.append(f"<p>{html.escape(stripped)}</p>")
    return (
        "<!DOCTYPE html><html><head><title>Careers</title><script>track()</script>"
        '<body><form id="page"><header><a>Acme Careers</a> &gt; <a>Jobs</a></header>'
        f"<nav>Home Jobs Blog</nav><h1>{html.escape(title)}</h1>{''.join(blocks)}"
        "<button>Apply</button></form></body></html>"
    )


def _markdown(text: str) -> str:
    """The title as `#`, the lines the reader takes for headings as `##`, the rest as is:
    the form changes, not what counts as a heading."""
    title, _, body = text.partition("\n")
    lines = [f"## {line}" if heading_kind(line) else line for line in body.split("\n")]
    return f"# {title}\n" + "\n".join(lines)


FORMS: dict[str, Callable[[str], str]] = {
    "as written": _as_written,
    "web page": _web_page,
    "markdown": _markdown,
    "one line": _one_line,
    "no title line": _no_title,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", help="the corpus split to read (default dev)")
    args = parser.parse_args()
    catalogue = load_bundled()
    ads = load(args.split)
    print(f"| form ({args.split}, {len(ads)} ads) | strict top-1 |\n| --- | --- |")
    for name, form in FORMS.items():
        right = 0
        for ad in ads:
            result = triage(catalogue, decode_ad(form(ad.text).encode("utf-8"), ad.id))
            right += bool(result.matches) and result.matches[0].role.id == ad.role
        print(f"| {name} | {right / len(ads):.1%} ({right}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
