"""What every browser test shares (docs/web-app.md, "Tests"): the real projectd binary on an
ephemeral port with its own SQLite data, the API for arranging data, and a headless Chromium
(Debian's chromium + chromium-driver) driven by Selenium.

Environment (set by CTest, CMakeLists.txt): PROJECTD_BINARY, PROJECTD_AXE (axe.min.js from the
pinned npm package), PROJECTD_SCREENSHOTS (where screenshots are written).
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ADMIN_EMAIL = 'admin@browser.test'
ADMIN_PASSWORD = 'browser-test-Secret-1'
DESKTOP = (1280, 900)
PHONE = (360, 740)
WAIT = 20  # seconds; an ASan server on a loaded 2-core machine is slow


class Server:
    """projectd serve on 127.0.0.1:0 with a fresh data directory; stopped by stop()."""

    def __init__(self, extra_args=()):
        self.data = tempfile.mkdtemp(prefix='projectd-browser-')
        env = {k: v for k, v in os.environ.items() if not k.startswith('PROJECTD_')}
        env['PROJECTD_ADMIN_EMAIL'] = ADMIN_EMAIL
        env['PROJECTD_ADMIN_PASSWORD'] = ADMIN_PASSWORD
        self.proc = subprocess.Popen(
            [os.environ['PROJECTD_BINARY'], 'serve', '--listen', '127.0.0.1:0', '--data', self.data,
             *extra_args],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.log = []
        seen = threading.Event()
        self.port = None

        def drain():
            for line in self.proc.stdout:
                self.log.append(line)
                m = re.search(r'listening on http://127\.0\.0\.1:(\d+)', line)
                if m and self.port is None:
                    self.port = int(m.group(1))
                    seen.set()
            seen.set()

        threading.Thread(target=drain, daemon=True).start()
        if not seen.wait(60) or self.port is None:
            raise RuntimeError('projectd did not start:\n' + ''.join(self.log))
        self.url = f'http://127.0.0.1:{self.port}'

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.data, ignore_errors=True)


class Api:
    """The API as a script calls it, with a token: arranges what a test needs and checks what the
    browser stored."""

    def __init__(self, base_url, email=ADMIN_EMAIL, password=ADMIN_PASSWORD):
        self.base = base_url
        self.token = self.call('POST', 'authentication',
                               {'userName': email, 'password': password}, token=None)['token']

    def raw(self, method, path, body=None, token='self', headers=None):
        data = None
        all_headers = {'Accept': 'application/json'}
        if body is not None:
            data = json.dumps(body).encode()
            all_headers['Content-Type'] = 'application/json'
        if token == 'self':
            token = self.token
        if token:
            all_headers['Authorization'] = token
        all_headers.update(headers or {})
        req = urllib.request.Request(f'{self.base}/api/2.0/{path}', data=data, method=method,
                                     headers=all_headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                return res.status, res.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def call(self, method, path, body=None, token='self'):
        status, payload = self.raw(method, path, body, token)
        if status >= 300:
            raise AssertionError(f'{method} {path}: {status} {payload[:300]!r}')
        return json.loads(payload)['response']

    def add_person(self, first, last, is_visitor=False, password='Person-Secret-123'):
        email = f'{first.lower()}.{uuid.uuid4().hex[:8]}@browser.test'
        person = self.call('POST', 'people', {'firstname': first, 'lastname': last, 'email': email,
                                              'isVisitor': is_visitor, 'password': password})
        person['password'] = password
        return person

    def upload_to_folder(self, folder_id, name, content):
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f'Content-Type: application/octet-stream\r\n\r\n').encode() + content + \
               f'\r\n--{boundary}--\r\n'.encode()
        req = urllib.request.Request(
            f'{self.base}/api/2.0/files/{folder_id}/upload', data=body, method='POST',
            headers={'Authorization': self.token, 'Accept': 'application/json',
                     'Content-Type': f'multipart/form-data; boundary={boundary}'})
        with urllib.request.urlopen(req, timeout=60) as res:
            return json.loads(res.read())['response']


def chromium(width_height=DESKTOP, downloads=None):
    """A new headless Chromium with an empty profile. Browser console messages are kept
    (console_problems reads them)."""
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
                '--no-first-run', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--disable-dev-shm-usage', '--hide-scrollbars',
                f'--window-size={width_height[0]},{width_height[1]}'):
        options.add_argument(arg)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    if downloads:
        options.add_experimental_option('prefs', {'download.default_directory': downloads,
                                                  'download.prompt_for_download': False})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    driver.set_window_size(*width_height)
    driver.implicitly_wait(0)
    return driver


class BrowserTest(unittest.TestCase):
    """One server per test class; each test gets a new browser (closed after it) as self.driver.
    Every test ends with no uncaught error and no CSP violation in the console."""

    server = None
    api = None
    server_args = ()  # added to `projectd serve`'s arguments, e.g. ('--max-upload-mb', '1')

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.server_args)
        cls.api = Api(cls.server.url)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        self.drivers = []
        self.driver = self.new_browser()

    def tearDown(self):
        try:
            for driver in self.drivers:
                self.assertEqual(console_problems(driver), [])
        finally:
            for driver in self.drivers:
                driver.quit()

    def new_browser(self, size=DESKTOP, downloads=None):
        driver = chromium(size, downloads)
        self.drivers.append(driver)
        return driver

    # --- navigation and waiting -----------------------------------------------------------
    def open(self, path, driver=None):
        (driver or self.driver).get(self.server.url + path)

    def wait(self, condition, driver=None, timeout=WAIT):
        return WebDriverWait(driver or self.driver, timeout).until(condition)

    def find(self, css, driver=None):
        return self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, css)), driver)

    def visible(self, css, driver=None):
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, css)), driver)

    def clickable(self, css, driver=None):
        return self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, css)), driver)

    def text_appears(self, css, text, driver=None):
        return self.wait(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text), driver)

    def heading(self, text, driver=None):
        return self.text_appears('main h1', text, driver)

    def sign_in(self, email=ADMIN_EMAIL, password=ADMIN_PASSWORD, driver=None, path='/'):
        driver = driver or self.driver
        self.open(path, driver)
        self.visible('#signin-user', driver).send_keys(email)
        driver.find_element(By.CSS_SELECTOR, '#signin-password').send_keys(password)
        driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, 'header.top'), driver)

    # --- what every screen is checked for -------------------------------------------------
    def screenshot(self, name, driver=None):
        """Writes PROJECTD_SCREENSHOTS/<name>-<width>.png."""
        driver = driver or self.driver
        folder = os.environ.get('PROJECTD_SCREENSHOTS')
        if not folder:
            return
        os.makedirs(folder, exist_ok=True)
        width = driver.execute_script('return window.innerWidth')
        driver.save_screenshot(os.path.join(folder, f'{name}-{width}.png'))

    def assert_no_horizontal_scroll(self, driver=None):
        driver = driver or self.driver
        overflow = driver.execute_script(
            'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
        self.assertLessEqual(overflow, 0, 'the page scrolls sideways')

    def assert_accessible(self, name, driver=None):
        """axe-core, injected into the page: no serious or critical violation."""
        driver = driver or self.driver
        with open(os.environ['PROJECTD_AXE'], encoding='utf-8') as f:
            driver.execute_script(f.read())
        result = driver.execute_async_script(
            'const done = arguments[arguments.length - 1];'
            'axe.run(document, {resultTypes: ["violations"]}).then(r => done(r.violations),'
            ' e => done([{id: "axe failed", impact: "critical", help: String(e), nodes: []}]));')
        bad = [f"{v['id']} ({v['impact']}): {v['help']} at "
               f"{[n.get('target') for n in v.get('nodes', [])][:3]}"
               for v in result if v.get('impact') in ('serious', 'critical')]
        self.assertEqual(bad, [], f'accessibility of {name}')

    def check_screen(self, name, driver=None):
        """Every screen: accessible, no sideways scroll, a screenshot."""
        self.assert_accessible(name, driver)
        self.assert_no_horizontal_scroll(driver)
        self.screenshot(name, driver)


def console_problems(driver):
    """Uncaught errors and CSP violations from the console. A failed network request is the
    server's answer, which each test checks itself, so it is not counted here."""
    problems = []
    for entry in driver.get_log('browser'):
        if entry.get('source') == 'network':
            continue
        if entry['level'] == 'SEVERE' or 'Content Security Policy' in entry['message']:
            problems.append(entry['message'])
    return problems
