"""The web app's security (docs/web-app.md, "Security"): headers on every page, a cross-site form
post refused, a 401 that never opens the browser's password prompt, hostile text shown as text,
and an ended session returning to sign-in and then to the page."""
import http.server
import threading
import urllib.request

from selenium.webdriver.common.by import By

import support


class ForeignSite:
    """Another origin on loopback serving one page: a form that posts to projectd."""

    def __init__(self, target):
        page = (f'<!doctype html><title>evil</title><form id=f method=post action="{target}">'
                '<input name=title value=forged><button id=go>go</button></form>').encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header('Content-Type', 'text/html')
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        self.httpd = http.server.HTTPServer(('127.0.0.1', 0), Handler)
        self.url = f'http://127.0.0.1:{self.httpd.server_port}/'
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()


class SecurityTest(support.BrowserTest):
    def test_pages_and_assets_carry_the_security_headers(self):
        with urllib.request.urlopen(self.server.url + '/projects/1') as res:
            csp = res.headers['Content-Security-Policy']
            page = res.read().decode()
            self.assertEqual(res.headers['X-Content-Type-Options'], 'nosniff')
            self.assertEqual(res.headers['Referrer-Policy'], 'same-origin')
            self.assertEqual(res.headers['Cache-Control'], 'no-cache')
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn('unsafe-inline', csp)
        self.assertNotIn('<script>', page)  # no inline script: only <script src=...>
        asset = page.split('src="')[1].split('"')[0]
        req = urllib.request.Request(self.server.url + asset, headers={'Accept-Encoding': 'br'})
        with urllib.request.urlopen(req) as res:
            self.assertEqual(res.headers['Content-Encoding'], 'br')
            self.assertIn('immutable', res.headers['Cache-Control'])
            self.assertEqual(res.headers['X-Content-Type-Options'], 'nosniff')

    def test_a_cross_site_form_post_is_refused_and_changes_nothing(self):
        project = self.api.call('POST', 'project', {'title': 'CSRF target',
                                                    'responsibleId': self.api.call('GET', 'people/@self')['id']})
        before = self.api.call('GET', f'project/{project["id"]}/task')
        self.sign_in()
        evil = ForeignSite(f'{self.server.url}/api/2.0/project/{project["id"]}/task')
        try:
            self.driver.get(evil.url)
            self.driver.find_element(By.ID, 'go').click()
            self.wait(lambda d: 'CSRF' not in d.title and d.current_url.startswith(self.server.url))
            body = self.driver.find_element(By.TAG_NAME, 'body').text
            self.assertIn('403', body)
            self.assertIn('another site', body)
        finally:
            evil.stop()
        self.assertEqual(self.api.call('GET', f'project/{project["id"]}/task'), before)
        # The app's own calls, from its own origin, still change things.
        self.open(f'/projects/{project["id"]}')
        status = self.driver.execute_async_script(
            'const done = arguments[arguments.length - 1];'
            f'fetch("/api/2.0/project/{project["id"]}/task", {{method: "POST",'
            ' headers: {"Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest"},'
            ' body: JSON.stringify({title: "from the app"})}).then(r => done(r.status));')
        self.assertEqual(status, 201)

    def test_a_401_from_the_app_never_asks_for_basic_credentials(self):
        status, _ = self.api.raw('GET', 'people/@self', token=None,
                                 headers={'X-Requested-With': 'XMLHttpRequest'})
        self.assertEqual(status, 401)
        req = urllib.request.Request(self.server.url + '/api/2.0/people/@self',
                                     headers={'X-Requested-With': 'XMLHttpRequest'})
        try:
            urllib.request.urlopen(req)
            self.fail('expected 401')
        except urllib.error.HTTPError as e:
            self.assertIsNone(e.headers['WWW-Authenticate'])
        # Scripts without the header still get the challenge they expect.
        try:
            urllib.request.urlopen(self.server.url + '/api/2.0/people/@self')
            self.fail('expected 401')
        except urllib.error.HTTPError as e:
            self.assertIn('Basic', e.headers['WWW-Authenticate'])

    def test_a_revoked_session_returns_to_sign_in_and_then_to_the_page(self):
        self.sign_in()
        self.open('/profile')
        self.heading('')
        # Revoke every token of the admin from outside (as another device's sign-out would).
        cookie = self.driver.get_cookie('asc_auth_key')['value']
        status, _ = self.api.raw('POST', 'authentication/logout', token=cookie)
        self.assertEqual(status, 201)
        self.driver.find_element(By.CSS_SELECTOR, 'header a[href="/projects"]').click()
        self.visible('#signin-user')
        self.assertIn('session has ended', self.driver.find_element(By.TAG_NAME, 'main').text)
        self.driver.find_element(By.ID, 'signin-user').send_keys(support.ADMIN_EMAIL)
        self.driver.find_element(By.ID, 'signin-password').send_keys(support.ADMIN_PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
        self.wait(lambda d: d.current_url.endswith('/projects'))

    def test_sign_in_refuses_a_wrong_password_with_the_servers_message(self):
        self.open('/')
        self.visible('#signin-user').send_keys(support.ADMIN_EMAIL)
        self.driver.find_element(By.ID, 'signin-password').send_keys('wrong')
        self.driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
        alert = self.visible('[role=alert]')
        self.assertTrue(alert.text)
        self.check_screen('sign-in-refused')
        phone = self.new_browser(support.PHONE)
        self.open('/', phone)
        self.visible('#signin-user', phone)
        self.check_screen('sign-in', phone)
        self.check_screen('sign-in')


if __name__ == '__main__':
    import unittest
    unittest.main()
