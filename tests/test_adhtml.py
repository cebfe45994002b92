"""A job ad saved as a web page: read as the posting it holds (`mlroles.adhtml`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.adhtml import looks_like_html, page_text
from mlroles.adtext import AdError, decode_ad

POSTING = Path(__file__).parent / "data" / "postings" / "05-mle-recsys.md"


def _as_page(markdown: str) -> str:
    """A Markdown posting as a job board would serve it: menus, scripts, tags."""
    lines = markdown.splitlines()
    title = lines[0].lstrip("# ")
    body = []
    for line in lines[1:]:
        if line.startswith("#"):
            body.append(f"<h2>{line.lstrip('# ')}</h2>")
        elif line.startswith("- "):
            body.append(f"<ul><li>{line[2:]}</li></ul>")
        elif line.strip():
            body.append(f"<p>{line}</p>")
    return (
        "<!DOCTYPE html>\n<html><head><title>Jobs at Acme</title>"
        "<script>window.apply = function () {}</script><style>h1 {color: red}</style></head>"
        "<body><nav><a>Home</a> <a>Careers</a> <a>Deep learning blog</a></nav>"
        f"<h1>{title}</h1>\n" + "\n".join(body) + "<form><button>Apply now</button></form>"
        "</body></html>"
    )


def test_a_page_is_its_title_then_one_block_per_line() -> None:
    page = (
        "<html><head><title>Careers | Acme</title></head><body>"
        "<nav>Home Jobs</nav><h1>Data Scientist</h1>"
        "<p>You will run A/B tests &amp; build<br>models.</p>"
        "<h3>Requirements</h3><ul><li>SQL</li><li>Python <b>3</b></li></ul>"
        "<script>var ad = 'machine learning';</script></body></html>"
    )
    assert page_text(page) == (
        "Data Scientist\nYou will run A/B tests & build\nmodels.\nRequirements\n- SQL\n- Python 3"
    )


def test_the_pages_title_stands_in_for_a_missing_heading() -> None:
    assert page_text("<html><head><title>ML Engineer</title></head><p>Ship models.</p>") == (
        "ML Engineer\nShip models."
    )


def test_an_embedded_job_posting_is_the_ad() -> None:
    posting = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "Acme"},
            {
                "@type": "JobPosting",
                "title": "MLOps Engineer",
                # escaped once more, as some boards do
                "description": "&lt;p&gt;Own model serving.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Kubernetes"
                "&lt;/li&gt;&lt;/ul&gt;",
            },
        ],
    }
    page = (
        '<html><head><script type="application/ld+json">'
        + json.dumps(posting)
        + "</script></head><body><h1>Careers</h1><p>Our other jobs</p></body></html>"
    )
    assert page_text(page) == "MLOps Engineer\nOwn model serving.\n- Kubernetes"


@pytest.mark.parametrize(
    "script",
    ["[" * 100_000, "{not json", '{"@type": "JobPosting", "title": "X"}', '"just a string"'],
)
def test_broken_or_hostile_json_ld_falls_back_to_the_page(script: str) -> None:
    page = f'<html><script type="application/ld+json">{script}</script><h1>AI Engineer</h1></html>'
    assert page_text(page) == "AI Engineer"


def test_a_job_boards_escaped_html_is_read_as_the_page() -> None:
    # What `curl .../jobs/ID | jq -r .content` prints for a Greenhouse posting.
    escaped = (
        "&lt;div class=&quot;content-intro&quot;&gt;&lt;p&gt;We build &amp;amp; ship models."
        "&lt;/p&gt;&lt;/div&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python"
        "&lt;/li&gt;&lt;/ul&gt;"
    )
    assert looks_like_html(escaped)
    assert page_text(escaped) == "We build & ship models.\nRequirements\n- Python"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("  \n<div class='job'>Data Engineer</div>", True),
        ("<p>Data Engineer</p>", True),
        ("Data Scientist\n<p> is how we write a paragraph", False),
        ("<3 data? Join us", False),
        ("<Senior> Data Engineer", False),
        ("&lt;3 data? Join us", False),
    ],
)
def test_only_a_page_is_read_as_a_page(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_a_page_with_no_text_is_an_error_that_says_so() -> None:
    with pytest.raises(AdError) as caught:
        decode_ad(b"<html><head><script>track()</script></head><body></body></html>", "job.html")
    assert caught.value.message == "job.html: the web page holds no text."


def test_cli_reads_a_saved_page_as_the_posting_it_holds(invoke: Invoke, tmp_path: Path) -> None:
    text = POSTING.read_text(encoding="utf-8")
    page = tmp_path / "job.html"
    page.write_text(_as_page(text), encoding="utf-8")
    plain = tmp_path / "job.md"
    plain.write_text(text, encoding="utf-8")
    from_page = invoke("triage", str(page), "-f", "json")
    from_text = json.loads(invoke("triage", str(plain), "-f", "json").stdout)
    assert from_page.exit_code == 0 and from_page.stderr == ""
    data = json.loads(from_page.stdout)
    assert data["title"] == from_text["title"] == "Machine Learning Engineer — Recommendations"
    assert [r["id"] for r in data["roles"]] == [r["id"] for r in from_text["roles"]]

    def quoted(result: dict[str, list[dict[str, list[dict[str, str]]]]]) -> list[tuple[str, str]]:
        return [(e["term"], e["excerpt"]) for r in result["roles"] for e in r["evidence"]]

    assert quoted(data) and quoted(data) == quoted(from_text)  # the same lines, without tags
    listed = invoke("triage", str(tmp_path), "-f", "csv")  # a directory: .html is an ad too
    assert listed.exit_code == 0 and "job.html" in listed.stdout and "job.md" in listed.stdout


@pytest.mark.parametrize(
    ("page", "text"),
    [
        # </head> may be left out: the head ends where the body begins
        (
            "<html><head><title>Careers</title><h1>ML Engineer</h1><p>Ship models.</p>",
            "ML Engineer\nShip models.",
        ),
        # ASP.NET wraps the whole body in a form
        (
            '<html><body><form id="aspnetForm"><h1>ML Engineer</h1><p>Ship models.</p>'
            "<button>Apply</button></form></body></html>",
            "ML Engineer\nShip models.",
        ),
        # closing a block closes what was left open inside it, as browsers do
        ("<html><div><button>Apply</div><p>Ship models.</p>", "Ship models."),
        ("<html><div><nav>Home</div><p>Ship models.</p>", "Ship models."),
        (
            "<html><select><option>UK<option>US</select><datalist><option>x</datalist>"
            "<p>Ship models.</p>",
            "Ship models.",
        ),
        # list items wrapped in paragraphs, as rich-text editors write them
        (
            "<html><h1>ML Engineer</h1><ul><li><p>Experience with PyTorch</p></li>"
            "<li><p>Knowledge of Kubernetes</p></li></ul>",
            "ML Engineer\n- Experience with PyTorch\n- Knowledge of Kubernetes",
        ),
        # a header before the h1: the title goes first, and only once
        (
            "<html><header>Acme Careers</header><h1>ML Engineer</h1><p>Ship models.</p>",
            "ML Engineer\nAcme Careers\nShip models.",
        ),
        # a logo's svg title is not the page's; a line break inside the h1 is a space
        (
            "<html><h1><svg><title>logo</title></svg>Data<br>Scientist</h1><p>Models.</p>",
            "Data Scientist\nModels.",
        ),
        # "İ" lower-cases to two characters: no cut may be off by them
        (
            "<html><title>İş İlanlar</title><h1>Veri Bilimci İstanbul</h1><script>x()</script>"
            "<p>Python ve SQL</p>",
            "Veri Bilimci İstanbul\nPython ve SQL",
        ),
        # a ">" or "<" inside a quoted attribute value is not the tag's end
        (
            '<html><meta content="Careers > Data"><h1>Data Scientist</h1>'
            '<p>Apply <a title="Salary > 50k" onclick="return w > 768">here</a>.</p>'
            '<p>Love <img alt="<3"> Python</p>',
            "Data Scientist\nApply here.\nLove Python",
        ),
        # a menu's list items pass no bullet to the text after them
        (
            "<html><nav><ul><li>Home</li></ul></nav><h1>Data Scientist</h1>"
            "<ul><li><a href=x><img src=i.svg></a></li></ul><p>Build models.</p>",
            "Data Scientist\nBuild models.",
        ),
        # headings: blocks inside the title, a title closed by another heading's end tag
        (
            "<html><h1><div>ML Engineer</div><div>Remote</div></h1><p>Build.</p>",
            "ML Engineer Remote\nBuild.",
        ),
        ("<html><h1>Data Scientist</h2><p>Python</p>", "Data Scientist\nPython"),
        # what browsers skip: empty and odd comments, a bogus end tag, a longer end tag
        (
            "<html><h1>DS</h1><!--><p>Python</p><!-- x --!><p>SQL</p><p>dbt</ p>"
            '<script>var s="</scripts>";</script><p>Spark</p>',
            "DS\nPython\nSQL\ndbt\nSpark",
        ),
        # comments, declarations and a "<" that opens no tag
        (
            "<?xml version='1.0'?><!DOCTYPE html><!--[if IE]>x<![endif]--><html>"
            "<h1>Data Scientist</h1><p>Knows that p < 0.05 is not the point.</p>",
            "Data Scientist\nKnows that p < 0.05 is not the point.",
        ),
    ],
)
def test_a_page_is_read_as_a_browser_shows_it(page: str, text: str) -> None:
    assert page_text(page) == text


@pytest.mark.parametrize(
    ("posting", "text"),
    [
        (  # entities in plain text, a type written as a URL
            {
                "@type": "http://schema.org/JobPosting",
                "title": "Data Scientist &amp; ML Engineer",
                "description": "R&amp;D on models.",
            },
            "Data Scientist & ML Engineer\nR&D on models.",
        ),
        (  # no title: the page's heading is the title
            {"@type": "JobPosting", "description": "<p>Build models.</p>"},
            "Careers\nBuild models.",
        ),
        (  # raw line breaks in a JSON string, a CDATA wrapper, plain text with a "<"
            {
                "@type": "JobPosting",
                "title": "DS",
                "description": "Requirements\n- Python\n- p < 0.05",
            },
            "DS\nRequirements\n- Python\n- p < 0.05",
        ),
        (  # under mainEntity
            {
                "@type": "WebPage",
                "mainEntity": {"@type": ["JobPosting"], "title": "MLE", "description": "Ship."},
            },
            "MLE\nShip.",
        ),
    ],
)
def test_job_postings_in_the_shapes_boards_write_them(posting: object, text: str) -> None:
    script = json.dumps(posting).replace("\\n", "\n")  # line breaks as some boards write them
    page = (
        '<html><script type="application/ld+json; charset=utf-8">/*<![CDATA[*/'
        + script
        + "/*]]>*/</script><h1>Careers</h1><p>Other jobs</p></html>"
    )
    assert page_text(page) == text


def test_markdown_with_a_few_tags_in_it_is_text() -> None:
    markdown = (
        "<!-- ad -->\n# Data Scientist\n\n| Skill | Level |\n|---|---|\n"
        "| Python<br>pandas | high |\n| SQL<br>dbt | mid |\n| Spark<br>Flink | low |\n"
    )
    assert not looks_like_html(markdown)


def test_curl_i_output_is_the_page_after_its_headers() -> None:
    response = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<!doctype html><h1>MLE</h1>"
    assert looks_like_html(response) and page_text(response) == "MLE"


def test_a_markdown_ad_that_opens_with_a_comment_or_a_div_is_text() -> None:
    for opening in ("<!-- saved from the board -->", '<div align="center"><img src="x"></div>'):
        markdown = f"{opening}\n# ML Engineer\n## Duties\n- Deploy models\n"
        assert not looks_like_html(markdown)
        assert decode_ad(markdown.encode(), "ad.md") == markdown
