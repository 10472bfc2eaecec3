"""Accessibility: axe-core on one page of every kind (each report of report_catalogue.REPORTS and the index),
in English and Spanish, in headless Chromium with the network blocked.

Fails on any serious or critical violation, and on headings out of order (axe's heading-order).
Uses axe-core through axe-playwright-python (it bundles axe.min.js; nothing is downloaded) and
Debian's chromium (/usr/bin/chromium); skipped without either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerlab import paths
from partnerlab.report_catalogue import REPORTS

CHROMIUM = Path("/usr/bin/chromium")
KINDS = [r.key for r in REPORTS] + ["index"]
FAIL_IMPACTS = {"serious", "critical"}
ALSO_FAIL = {"heading-order", "image-alt", "th-has-data-cells", "td-headers-attr"}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: .ci/install-system-packages.sh"),
]


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    """One batch per language holding the first page of each report (built when first asked for)."""
    from partnerlab import batch
    from partnerlab.report_catalogue import default_batch
    from partnerlab.workbook import load_workbook

    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.skip("needs the bundled sample")
    jobs, seen = [], set()
    for job in default_batch(load_workbook(paths.SAMPLE_WORKBOOK)):
        if job.report not in seen and not job.skipped:
            seen.add(job.report)
            jobs.append(job)
    made: dict[str, Path] = {}

    def make(lang: str) -> Path:
        if lang not in made:
            out = tmp_path_factory.mktemp(f"a11y-{lang}") / "out"
            result = batch.run_batch(paths.SAMPLE_WORKBOOK, out, lang=lang, job_list=jobs, progress=False)
            assert all(r["status"] == "ok" for r in result.reports), [r.get("error") for r in result.reports]
            made[lang] = out
        return made[lang]

    return make


@pytest.fixture(scope="module")
def axe_page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        axe = axe_module.Axe()

        def run(path: Path) -> tuple[list[dict], list[str]]:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            outside: list[str] = []

            def route(r):
                if r.request.url.startswith(("file:", "data:")):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_timeout(200)  # the table widgets draw after load
            violations = axe.run(page).response["violations"]
            page.close()
            return violations, outside

        run.browser = browser  # one sync Playwright per thread: other tests of this module use this one
        yield run
        browser.close()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_accessibility_violation(batches, axe_page, lang, kind):
    out = batches(lang)
    pages = sorted(out.glob(f"{kind}.html")) + sorted(out.glob(f"{kind}__*.html"))
    if not pages:
        pytest.skip(f"{kind}: no page in the sample batch")
    violations, outside = axe_page(pages[0])
    failing = [v for v in violations if v["impact"] in FAIL_IMPACTS or v["id"] in ALSO_FAIL]
    report = [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})"
        for v in failing
    ]
    assert report == [], f"{pages[0].name}:\n" + "\n".join(report)
    assert outside == []
    html = pages[0].read_text(encoding="utf-8")
    assert "No description has been provided" not in html  # nbconvert's English fallback alt text


def test_survey_cards_show_their_charts_at_the_size_they_are_drawn(batches, axe_page):
    """At 1280 px a sector diagnosis page shows two cards side by side and each chart at its own
    width: its text at the size it was drawn, not scaled down (test_survey checks the drawing)."""
    page_file = sorted(batches("es").glob("sector_diagnosis*.html"))[0]
    page = axe_page.browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_file.resolve().as_uri(), wait_until="load")
    sizes = page.evaluate(
        "Array.from(document.querySelectorAll('.pl-card img.pl-figure'))"
        ".map(i => [i.naturalWidth, i.clientWidth, Math.round(i.getBoundingClientRect().left)])"
    )
    page.close()
    assert len(sizes) >= 18
    assert [s for s in sizes if s[0] != s[1]] == []
    assert len({left for *_, left in sizes}) == 2  # two columns
