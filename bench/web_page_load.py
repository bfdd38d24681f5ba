#!/usr/bin/python3
"""The web app's task page in headless Chromium (issue 17, "Speed"): what its first load transfers
(HTML, JS, CSS and the API calls it makes) and when it is interactive, and what a repeat visit
transfers. Usage: web_page_load.py PROJECTD_BINARY [RUNS]. Prints a markdown table row per figure.

Interactive: the moment the page shows the task's title in its heading and its subtasks and files
(the last of the page's API answers drawn), measured in the page with a MutationObserver that
DevTools installs before the document loads, as milliseconds since the navigation started
(performance.now()). Transfer: the Resource Timing transferSize of the navigation and of every
resource (all same-origin, so the browser reports them), which counts compressed bytes plus
headers; a resource served from the browser's cache counts 0.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.request
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

EMAIL, PASSWORD = 'admin@bench.test', 'bench-Secret-123'


def start(binary):
    data = tempfile.mkdtemp(prefix='projectd-web-bench-')
    env = dict(os.environ, PROJECTD_ADMIN_EMAIL=EMAIL, PROJECTD_ADMIN_PASSWORD=PASSWORD)
    proc = subprocess.Popen([binary, 'serve', '--listen', '127.0.0.1:0', '--data', data],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        m = re.search(r'listening on http://127\.0\.0\.1:(\d+)', line)
        if m:
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, data, f'http://127.0.0.1:{m.group(1)}'
    raise SystemExit('projectd did not start')


def call(base, token, method, path, body=None, raw=None, content_type=None):
    headers = {'Accept': 'application/json'}
    if token:
        headers['Authorization'] = token
    data = raw
    if body is not None:
        data = json.dumps(body).encode()
        headers['Content-Type'] = 'application/json'
    if content_type:
        headers['Content-Type'] = content_type
    req = urllib.request.Request(f'{base}/api/2.0/{path}', data=data, method=method,
                                 headers=headers)
    with urllib.request.urlopen(req) as res:
        return json.loads(res.read())['response']


def arrange(base):
    """A task as the API benchmark has it: 2 responsibles, a milestone, 3 subtasks, 3 files, and
    3 comments."""
    token = call(base, None, 'POST', 'authentication',
                 {'userName': EMAIL, 'password': PASSWORD})['token']
    me = call(base, token, 'GET', 'people/@self')['id']
    other = call(base, token, 'POST', 'people', {'firstName': 'Bench', 'lastName': 'Colleague',
                                                 'email': 'colleague@bench.test',
                                                 'password': 'bench-Secret-456'})['id']
    project = call(base, token, 'POST', 'project',
                   {'title': 'Bench project', 'responsibleId': me, 'participants': [other]})
    milestone = call(base, token, 'POST', f'project/{project["id"]}/milestone',
                     {'title': 'Release', 'deadline': '2030-01-01T00:00:00', 'responsible': me})
    task = call(base, token, 'POST', f'project/{project["id"]}/task',
                {'title': 'Measure the task page', 'description': 'A task as people have them. ' * 8,
                 'responsibles': [me, other], 'milestoneid': milestone['id'], 'priority': 1})
    for n in range(3):
        call(base, token, 'POST', f'project/task/{task["id"]}',
             {'title': f'Subtask {n + 1}', 'responsible': other})
        call(base, token, 'POST', f'project/task/{task["id"]}/comment',
             {'content': f'<p>Comment {n + 1}: looks right.</p>'})
    folder = call(base, token, 'GET', f'project/{project["id"]}/files')
    folder_id = folder.get('current', folder).get('id', folder.get('id'))
    files = []
    for n in range(3):
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="report-{n + 1}.pdf"\r\nContent-Type: application/pdf\r\n\r\n').encode() \
            + os.urandom(20000) + f'\r\n--{boundary}--\r\n'.encode()
        files.append(call(base, token, 'POST', f'files/{folder_id}/upload', raw=body,
                          content_type=f'multipart/form-data; boundary={boundary}')['id'])
    call(base, token, 'POST', f'project/task/{task["id"]}/files', {'files': files})
    return task['id'], task['title']


# Ready: the heading shows the task's title and the tab's last list is drawn (the Task tab's
# subtasks, or the Files tab's files).
OBSERVER = '''
window.__projectdReady = null;
new MutationObserver((_, observer) => {
  const h1 = document.querySelector('main h1');
  const text = document.body ? document.body.textContent : '';
  const last = location.search.includes('tab=files') ? 'report-3.pdf' : 'Subtask 3';
  if (h1 && h1.textContent.includes(%s) && text.includes(last)) {
    window.__projectdReady = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
'''


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = '/usr/bin/chromium'
    for arg in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
                '--no-first-run', '--disable-background-networking', '--disable-component-update',
                '--disable-sync', '--disable-dev-shm-usage', '--window-size=1280,900'):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)


def measure(driver, url):
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script('return window.__projectdReady'))
    return driver.execute_script('''
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const api = resources.filter(r => r.name.includes('/api/2.0/'));
      const sum = (list) => list.reduce((n, r) => n + r.transferSize, 0);
      return {ready: window.__projectdReady, total: nav.transferSize + sum(resources),
              api: sum(api), other: nav.transferSize + sum(resources) - sum(api),
              requests: resources.length + 1, apiCalls: api.length};''')


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    proc, data, base = start(binary)
    try:
        task_id, title = arrange(base)
        driver = browser()
        try:
            driver.execute_cdp_cmd('Page.addScriptToEvaluateOnNewDocument',
                                   {'source': OBSERVER % json.dumps(title)})
            driver.get(base + '/signin')
            WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, 'signin-user'))
            driver.find_element(By.ID, 'signin-user').send_keys(EMAIL)
            driver.find_element(By.ID, 'signin-password').send_keys(PASSWORD)
            driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
            WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'header.top'))
            driver.execute_cdp_cmd('Network.enable', {})
            results = []
            for tab, url in (('task page', f'{base}/tasks/{task_id}'),
                             ('its files tab', f'{base}/tasks/{task_id}?tab=files')):
                first, repeat = [], []
                for _ in range(runs):
                    driver.execute_cdp_cmd('Network.clearBrowserCache', {})
                    first.append(measure(driver, url))
                    repeat.append(measure(driver, url))
                results.append((tab, first, repeat))
        finally:
            driver.quit()
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(data, ignore_errors=True)

    def median(samples, key):
        return statistics.median(s[key] for s in samples)

    for tab, first, repeat in results:
        print(f'| {tab}, first load ({runs} runs, median) | {median(first, "total") / 1024:.1f} KB '
              f'transferred ({median(first, "other") / 1024:.1f} KB page + bundles, '
              f'{median(first, "api") / 1024:.1f} KB in {median(first, "apiCalls"):.0f} API answers; '
              f'{median(first, "requests"):.0f} requests); interactive at '
              f'{median(first, "ready"):.0f} ms (min {min(s["ready"] for s in first):.0f}, '
              f'max {max(s["ready"] for s in first):.0f}) | <= 150 KB, <= 300 ms |')
        print(f'| {tab}, repeat visit | {median(repeat, "total") / 1024:.1f} KB transferred '
              f'({median(repeat, "api") / 1024:.1f} KB API answers, '
              f'{median(repeat, "other") / 1024:.2f} KB the rest: the page\'s 304 revalidation; '
              f'bundles from the cache); interactive at {median(repeat, "ready"):.0f} ms '
              f'| only the API answers |')

if __name__ == '__main__':
    main()
