"""A reader's browser tab in either engine: one small interface over Playwright (Chromium) and
Selenium (WebKitGTK), so that the scenarios in scenarios.py are written once and run in both.

Everything a scenario checks goes through `run` (a JavaScript function, the same text in both
engines); the rest are the few things a reader does: open a page, click, type, reload.
"""

import os
import shutil
import subprocess
import time
from pathlib import Path

# Debian's webkit2gtk-driver: WebKitWebDriver drives MiniBrowser in automation mode.
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
WINDOW = (1280, 800)


class ChromiumReader:
    """A Playwright page."""

    engine = "chromium"

    def __init__(self, page, root):
        self.page = page
        self.root = root

    def open(self, path):
        self.page.goto(self.root + path)
        self.page.wait_for_load_state("load")

    def run(self, script, *args):
        return self.page.evaluate(f"(args) => ({script})(...args)", list(args))

    def wait(self, script, *args, timeout=15):
        self.page.wait_for_function(f"(args) => ({script})(...args)", arg=list(args),
                                    timeout=timeout * 1000)

    def click(self, css):
        self.page.locator(css).first.click()

    def type(self, css, text):
        # Material searches on each key press: the whole query goes in, then one key press.
        field = self.page.locator(css)
        field.fill(text[:-1])
        field.press(text[-1])

    def press(self, key):
        """One key press (Playwright's key names: Tab, Enter, Space, ArrowDown)."""
        self.page.keyboard.press(key)

    def reload(self):
        self.page.reload()

    @property
    def url(self):
        # The page's own address: Playwright's page.url learns of history.replaceState a moment
        # later, by an event, and a check right after a key press could read the old one.
        return self.page.evaluate("location.href")


class WebKitReader:
    """A Selenium session of WebKitGTK's MiniBrowser."""

    engine = "webkit"

    def __init__(self, driver, root):
        self.driver = driver
        self.root = root

    def open(self, path):
        self.driver.get(self.root + path)  # returns once the page has loaded

    def run(self, script, *args):
        # WebDriver's Execute Script waits for a returned promise to settle.
        return self.driver.execute_script(f"return ({script}).apply(null, arguments)", *args)

    def wait(self, script, *args, timeout=15):
        deadline = time.monotonic() + timeout
        while not self.run(script, *args):
            if time.monotonic() > deadline:
                raise AssertionError(f"WebKit: still false after {timeout} s: {script}")
            time.sleep(0.1)  # polling interval

    def click(self, css):
        from selenium.webdriver.common.by import By
        element = self.driver.find_element(By.CSS_SELECTOR, css)
        # As a reader scrolls to it: WebKitGTK's WebDriver does not scroll an element inside a
        # scrolling panel (Material's search results) into view, and calls it not interactable.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def type(self, css, text):
        # As for Chromium: typed key by key, results for a partial query could be on screen,
        # then replaced while a scenario reads or clicks them.
        from selenium.webdriver.common.by import By
        field = self.driver.find_element(By.CSS_SELECTOR, css)
        self.driver.execute_script("arguments[0].value = arguments[1]", field, text[:-1])
        field.send_keys(text[-1])

    def press(self, key):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        names = {"Tab": Keys.TAB, "Enter": Keys.ENTER, "Space": Keys.SPACE,
                 "ArrowDown": Keys.ARROW_DOWN, "ArrowUp": Keys.ARROW_UP}
        ActionChains(self.driver).send_keys(names[key]).perform()

    def reload(self):
        self.driver.refresh()

    @property
    def url(self):
        return self.driver.current_url


def missing_webkit_message():
    """What the WebKit leg lacks on this machine, and how to install it; None if nothing."""
    missing = [name for name, path in [("WebKitWebDriver", Path(WEBKIT_DRIVER)),
                                       ("MiniBrowser", MINIBROWSER)] if not path.exists()]
    if shutil.which("Xvfb") is None:
        missing.append("Xvfb")
    if missing:
        return (f"WebKit leg: {', '.join(missing)} not found. Install them with "
                "`apt-get install -y webkit2gtk-driver xvfb` (.ci/run does this).")
    return None


def start_xvfb():
    """A virtual screen for MiniBrowser; returns (process, DISPLAY)."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=[write_end], stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as display:
        number = display.readline().strip()
    if not number:
        process.kill()
        raise RuntimeError("Xvfb did not start")
    return process, f":{number}"


def start_webkit(display, *browser_args):
    """A WebKitGTK session (MiniBrowser) on `display`, with extra MiniBrowser options."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = str(MINIBROWSER)
    for argument in ["--automation", *browser_args]:
        options.add_argument(argument)
    # As root in a container WebKit's own sandbox cannot start; the tests open only this site.
    env = {**os.environ, "DISPLAY": display, "WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS": "1"}
    driver = webdriver.WebKitGTK(options=options, service=Service(WEBKIT_DRIVER, env=env))
    driver.set_window_size(*WINDOW)
    driver.set_script_timeout(120)  # axe-core on a busy 2-core machine
    driver.set_page_load_timeout(60)
    return driver
