"""A headless Chromium driven by Selenium, for the HTML report's tests and screenshot.

Uses the system's Chromium and chromedriver (Debian: `apt-get install chromium
chromium-driver`); never downloads a browser. `find_browser()` says why none
can be used, so the tests skip with that reason.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVERS = ("chromedriver",)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--force-device-scale-factor=1")


def find_browser() -> tuple[str | None, str | None, str]:
    """(browser binary, driver binary, why not) for the first installed pair."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return None, None, "selenium is not installed (pip install '.[test]')"
    browser = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    driver = next((shutil.which(d) for d in DRIVERS if shutil.which(d)), None)
    if browser is None or driver is None:
        return browser, driver, ("no Chromium and chromedriver on PATH "
                                 "(Debian: apt-get install chromium chromium-driver)")
    return browser, driver, ""


class Browser:
    """A started headless Chromium with a fresh profile, closed by `close()`."""

    def __init__(self, width: int = 1280, height: int = 900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        browser, driver, why = find_browser()
        if why:
            raise RuntimeError(why)
        self.profile = tempfile.mkdtemp(prefix="seasonparse-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in FLAGS + (f"--user-data-dir={self.profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(service=Service(executable_path=driver), options=options)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def screenshot(html: Path, png: Path, width: int = 1280, height: int = 900) -> None:
    """The top of the page `html` as rendered, saved to `png`."""
    b = Browser(width, height)
    try:
        b.driver.get(html.resolve().as_uri())
        b.driver.save_screenshot(str(png))
    finally:
        b.close()
