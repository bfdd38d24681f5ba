"""The People screen (web/src/pages/people.js, pages/people/: administrators add, disable, enable
and reset passwords; anyone else is told it is for administrators) and the Profile screen
(pages/profile.js, pages/profile/: your own name, title and password)."""
import unittest
import uuid

from selenium.webdriver.common.by import By

import support


class PeopleTest(support.BrowserTest):
    def row(self, email, driver=None):
        """The table row of the person with this email, once the table shows it."""
        driver = driver or self.driver

        def find(d):
            for tr in d.find_elements(By.CSS_SELECTOR, '.people-table tbody tr'):
                if email in tr.text:
                    return tr
            return False
        return self.wait(find, driver)

    def on_phone(self, name, path, ready, email=support.ADMIN_EMAIL, password=support.ADMIN_PASSWORD):
        """Signs in on a phone-width browser, opens `path`, waits for `ready(phone)` and checks the
        screen; returns the browser."""
        phone = self.new_browser(support.PHONE)
        self.sign_in(email, password, driver=phone, path=path)
        ready(phone)
        self.check_screen(name, phone)
        return phone

    def stored(self, email):
        return self.api.call('GET', f'people/email?email={email}')

    def test_admin_adds_disables_enables_and_resets_a_password(self):
        self.sign_in(path='/people')
        self.heading('People')
        self.row(support.ADMIN_EMAIL)
        self.check_screen('people')
        self.clickable('.people-head button.primary').click()
        self.visible('#add-person-first')
        # The dialog starts in its first field, for someone typing.
        self.assertEqual(self.driver.switch_to.active_element.get_attribute('id'), 'add-person-first')
        # A refusal (no email) is the server's message, in the form.
        self.driver.find_element(By.ID, 'add-person-first').send_keys('Nadia')
        self.driver.find_element(By.ID, 'add-person-last').send_keys('Newcomer')
        self.driver.find_element(By.CSS_SELECTOR, '.person-form button[type=submit]').click()
        self.assertTrue(self.visible('.person-form [role=alert]').text)
        self.check_screen('people-add')

        email = f'nadia.{uuid.uuid4().hex[:6]}@browser.test'
        self.driver.find_element(By.ID, 'add-person-email').send_keys(email)
        self.driver.find_element(By.CSS_SELECTOR, 'input[name=type][value=guest]').click()
        self.driver.find_element(By.ID, 'add-person-password').send_keys('First-pass-123')
        self.driver.find_element(By.CSS_SELECTOR, '.person-form button[type=submit]').click()
        row = self.row(email)
        self.assertIn('Guest', row.text)
        self.assertIn('Active', row.text)
        person = self.stored(email)
        self.assertEqual((person['firstName'], person['lastName']), ('Nadia', 'Newcomer'))
        self.assertTrue(person['isVisitor'])

        row.find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Disable')]").click()
        self.wait(lambda d: 'Disabled' in self.row(email).text)
        self.assertEqual(self.stored(email)['status'], 2)
        self.row(email).find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Enable')]").click()
        self.wait(lambda d: 'Active' in self.row(email).text)
        self.assertEqual(self.stored(email)['status'], 1)

        self.row(email).find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Reset password')]").click()
        self.visible('#reset-password').send_keys('Reset-pass-456')
        self.check_screen('people-reset-password')
        self.driver.find_element(By.CSS_SELECTOR, 'dialog[open] button[type=submit]').click()
        self.text_appears('.people-notice', 'password of Nadia Newcomer was changed')
        # The person signs in with the new password in another browser; the old one is refused.
        status, _ = self.api.raw('POST', 'authentication', {'userName': email, 'password': 'First-pass-123'},
                                 token=None)
        self.assertGreaterEqual(status, 400)
        other = self.new_browser()
        self.sign_in(email, 'Reset-pass-456', driver=other)
        self.heading('Projects', other)

        phone = self.on_phone('people', '/people', lambda d: self.row(email, d))
        self.clickable('.people-head button.primary', phone).click()
        self.visible('#add-person-first', phone)
        self.check_screen('people-add', phone)

    def test_a_user_opening_people_is_told_it_is_for_administrators(self):
        user = self.api.add_person('Ursula', 'User')
        self.sign_in(user['email'], user['password'], path='/people')
        self.heading('People')
        self.assertIn('Only administrators', self.visible('main [role=alert]').text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, 'header nav a[href="/people"]'), [])
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, '.people-table'), [])
        self.check_screen('people-refused')
        self.on_phone('people-refused', '/people', lambda d: self.visible('main [role=alert]', d),
                      user['email'], user['password'])

    def test_profile_edit_and_password_change(self):
        user = self.api.add_person('Paula', 'Profile')
        self.sign_in(user['email'], user['password'], path='/profile')
        self.heading('Profile')
        self.assertIn(user['email'], self.visible('.profile-about').text)
        self.check_screen('profile')
        self.on_phone('profile', '/profile', lambda d: self.visible('.profile-about', d),
                      user['email'], user['password'])

        first = self.driver.find_element(By.ID, 'profile-first')
        first.clear()
        first.send_keys('Pauline')
        title = self.driver.find_element(By.ID, 'profile-title')
        title.clear()
        title.send_keys('Head of <b>things</b>')
        self.driver.find_element(By.CSS_SELECTOR, 'form[aria-labelledby=profile-edit-title] button[type=submit]').click()
        self.text_appears('.saved', 'Saved')
        stored = self.api.call('GET', f'people/{user["id"]}')
        self.assertEqual(stored['firstName'], 'Pauline')
        self.assertEqual(stored['title'], 'Head of <b>things</b>')
        self.text_appears('header .me a', 'Pauline')
        self.text_appears('.profile-about', 'Head of <b>things</b>')

        # A wrong current password: the server's own message.
        person = support.Api(self.server.url, user['email'], user['password'])
        _, refusal = person.raw('PUT', f'people/{user["id"]}/password',
                                {'currentPassword': 'not-my-password', 'password': 'Second-pass-789'})
        self.fill_password('not-my-password', 'Second-pass-789')
        alert = self.visible('form[aria-labelledby=profile-password-title] [role=alert]')
        self.assertTrue(alert.text)
        self.assertIn(alert.text, refusal.decode())
        self.check_screen('profile-password-refused')

        # The right one: the server ends every session, so the app returns to sign-in and, after
        # it, to the profile; the new password is the one that works.
        self.fill_password(user['password'], 'Second-pass-789')
        self.visible('#signin-user')
        self.assertIn('next=%2Fprofile', self.driver.current_url)
        self.driver.find_element(By.ID, 'signin-user').send_keys(user['email'])
        self.driver.find_element(By.ID, 'signin-password').send_keys('Second-pass-789')
        self.driver.find_element(By.CSS_SELECTOR, 'form button[type=submit]').click()
        self.heading('Profile')
        self.assertTrue(self.driver.current_url.endswith('/profile'))
        support.Api(self.server.url, user['email'], 'Second-pass-789')

    def fill_password(self, current, new):
        for field, value in (('profile-current-password', current), ('profile-new-password', new),
                             ('profile-confirm-password', new)):
            box = self.driver.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        self.driver.find_element(By.CSS_SELECTOR,
                                 'form[aria-labelledby=profile-password-title] button[type=submit]').click()


if __name__ == '__main__':
    unittest.main()
