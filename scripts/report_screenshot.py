"""Regenerate docs/report.png: the HTML report of the seeds as headless Chromium renders it.

    python scripts/report_screenshot.py

Needs the test extra (selenium) and Chromium with chromedriver (Debian:
`apt-get install chromium chromium-driver`). Shows the Apertura 2011 season:
its standings stated against recomputed and its knockout bracket.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser  # noqa: E402
from reporting import check_run, in_folder  # noqa: E402


def main() -> int:
    from selenium.webdriver.common.by import By

    from seasonparse.report.html_report import write_report

    with in_folder(ROOT):
        result, rules = check_run("seeds")
    out = ROOT / "docs" / "report.png"
    out.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        write_report(result.documents, result.findings, result.lines_by_path, rules, page)
        b = Browser(1280, 860)
        try:
            b.driver.get(page.as_uri())
            season = next(s for s in b.driver.find_elements(By.CSS_SELECTOR, "section.season")
                          if s.find_element(By.TAG_NAME, "h2").text == "Apertura 2011")
            standings = season.find_element(By.XPATH, ".//h3[starts-with(., 'Standings')]")
            b.driver.execute_script("arguments[0].scrollIntoView(); window.scrollBy(0, -12)", standings)
            b.driver.save_screenshot(str(out))
        finally:
            b.close()
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
