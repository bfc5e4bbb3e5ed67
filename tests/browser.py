"""Debian's headless Chromium driven through its chromedriver (selenium), for the web channel's tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
# Without the background-networking flags Chromium keeps trying to reach Google's servers.
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
]


def available() -> bool:
    return bool(shutil.which(CHROMIUM) or shutil.which("chromium")) and bool(
        shutil.which(CHROMEDRIVER) or shutil.which("chromedriver")
    )


@contextmanager
def chromium(width: int = 1200, height: int = 900) -> Iterator[Any]:
    """A fresh headless Chromium with an empty profile; skipped only where it is not installed."""
    if not available():
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="policybot-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which(CHROMIUM) or shutil.which("chromium") or CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which(CHROMEDRIVER) or shutil.which("chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: Any, condition: Callable[[Any], Any], timeout: float = 15) -> Any:
    """Poll until `condition(driver)` is truthy."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)
