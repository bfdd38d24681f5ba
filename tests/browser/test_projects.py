"""The Projects screens (web/src/pages/projects.js, pages/projects/): the list and its filters
(kept in the address, filtered by the server), follow/unfollow from the list, creating a project
with its manager, team and privacy, what a guest is not offered, and hostile titles shown as
text."""
import unittest
import uuid

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import support


class ProjectsTest(support.BrowserTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.me = cls.api.call('GET', 'people/@self')

    def new_project(self, title, **fields):
        return self.api.call('POST', 'project', {'title': title, 'responsibleId': self.me['id'], **fields})

    def listed_titles(self, driver=None):
        """The titles the list shows once it has loaded (a result or the empty message)."""
        driver = driver or self.driver
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '.project-list, .project-results .empty')
                  and not d.find_elements(By.CSS_SELECTOR, '.project-results [role=status]'), driver)
        return [a.text for a in driver.find_elements(By.CSS_SELECTOR, '.project-title a')]

    def item(self, title):
        for li in self.driver.find_elements(By.CSS_SELECTOR, '.project-item'):
            if li.find_element(By.CSS_SELECTOR, '.project-title a').text == title:
                return li
        raise AssertionError(f'{title} is not listed')

    def test_admin_creates_a_project_with_manager_team_and_privacy(self):
        manager = self.api.add_person('Mara', 'Manager')
        member = self.api.add_person('Theo', 'Teammate')
        self.sign_in(path='/projects')
        self.heading('Projects')
        self.clickable('.page-head .actions button.primary').click()
        self.visible('#new-project-title')
        self.check_screen('project-create')
        # An empty title: the server refuses and its message is shown in the form.
        _, refusal = self.api.raw('POST', 'project', {'title': ''})
        self.driver.find_element(By.CSS_SELECTOR, '.new-project button[type=submit]').click()
        alert = self.visible('.new-project [role=alert]')
        self.assertIn(alert.text, refusal.decode())

        title = f'Launch {uuid.uuid4().hex[:6]}'
        self.driver.find_element(By.ID, 'new-project-title').send_keys(title)
        self.driver.find_element(By.ID, 'new-project-description').send_keys('From the browser')
        pickers = self.driver.find_elements(By.CSS_SELECTOR, '.new-project .person-picker')
        self.choose(pickers[0], manager['displayName'])
        self.choose(pickers[1], member['displayName'])
        self.driver.find_element(By.CSS_SELECTOR, '.new-project input[name=private]').click()
        self.driver.find_element(By.CSS_SELECTOR, '.new-project button[type=submit]').click()
        self.wait(lambda d: '/projects/' in d.current_url)
        project_id = int(self.driver.current_url.rsplit('/', 1)[1])

        stored = self.api.call('GET', f'project/{project_id}')
        self.assertEqual(stored['title'], title)
        self.assertEqual(stored['description'], 'From the browser')
        self.assertEqual(stored['responsible']['id'], manager['id'])
        self.assertTrue(stored['isPrivate'])
        team = {p['id'] for p in self.api.call('GET', f'project/{project_id}/team')}
        self.assertEqual(team, {manager['id'], member['id']})

    def test_a_project_is_created_with_the_keyboard_alone(self):
        self.sign_in(path='/projects')
        self.heading('Projects')
        body = self.driver.switch_to.active_element
        for _ in range(30):  # Tab from the page's heading to the "New project" button
            if body.text == 'New project':
                break
            body.send_keys(Keys.TAB)
            body = self.driver.switch_to.active_element
        self.assertEqual(body.text, 'New project')
        body.send_keys(Keys.ENTER)
        self.wait(lambda d: d.switch_to.active_element.get_attribute('id') == 'new-project-title')
        title = f'Keyboard {uuid.uuid4().hex[:6]}'
        self.driver.switch_to.active_element.send_keys(title, Keys.ENTER)
        self.wait(lambda d: '/projects/' in d.current_url)
        stored = self.api.call('GET', f'project/{int(self.driver.current_url.rsplit("/", 1)[1])}')
        self.assertEqual(stored['title'], title)
        self.assertEqual(stored['responsible']['id'], self.me['id'])  # the manager by default: me
        self.assertFalse(stored['isPrivate'])

    def choose(self, picker, name):
        for label in picker.find_elements(By.CSS_SELECTOR, 'label.choice'):
            if label.text.strip() == name:
                label.click()
                return
        raise AssertionError(f'{name} is not offered')

    def test_status_following_mine_and_search_filter_on_the_server(self):
        tag = uuid.uuid4().hex[:6]
        self.new_project(f'Alpha {tag}')
        beta = self.new_project(f'Beta {tag}')
        gamma = self.new_project(f'Gamma {tag}')
        other = self.api.add_person('Olga', 'Other')
        # Managed by someone else, without the admin on its team: not "mine".
        self.api.call('POST', 'project', {'title': f'Delta {tag}', 'responsibleId': other['id']})
        self.api.call('PUT', f'project/{beta["id"]}/status', {'status': 'paused'})
        self.api.call('PUT', f'project/{gamma["id"]}/status', {'status': 'closed'})
        followed = {p['id'] for p in self.api.call('GET', 'project/@follow')}
        if gamma['id'] not in followed:
            self.api.call('PUT', f'project/{gamma["id"]}/follow')

        self.sign_in(path=f'/projects?q={tag}')
        self.assertEqual(sorted(self.listed_titles()),
                         sorted([f'Alpha {tag}', f'Beta {tag}', f'Gamma {tag}', f'Delta {tag}']))
        Select(self.driver.find_element(By.ID, 'project-status')).select_by_value('paused')
        self.wait(lambda d: 'status=paused' in d.current_url)
        self.assertEqual(self.listed_titles(), [f'Beta {tag}'])
        Select(self.driver.find_element(By.ID, 'project-status')).select_by_value('closed')
        self.wait(lambda d: 'status=closed' in d.current_url)
        self.assertEqual(self.listed_titles(), [f'Gamma {tag}'])
        self.check_screen('projects-filtered')

        # A search narrows the list; the filters stay in the address.
        self.open('/projects')
        self.assertIn(f'Alpha {tag}', self.listed_titles())
        box = self.driver.find_element(By.ID, 'project-search')
        box.send_keys(f'Alpha {tag}')
        self.driver.find_element(By.CSS_SELECTOR, '.project-filters button[type=submit]').click()
        self.wait(lambda d: 'q=Alpha' in d.current_url)
        self.assertEqual(self.listed_titles(), [f'Alpha {tag}'])

        self.open(f'/projects?q={tag}&follow=1')
        self.assertTrue(self.find('input[name=follow]').is_selected())
        want = sorted(p['title'] for p in self.api.call('GET', 'project/@follow') if tag in p['title'])
        self.assertIn(f'Gamma {tag}', want)
        self.assertEqual(sorted(self.listed_titles()), want)

        self.open(f'/projects?q={tag}')
        self.clickable('input[name=mine]').click()
        self.wait(lambda d: 'mine=1' in d.current_url)
        self.assertEqual(sorted(self.listed_titles()), sorted([f'Alpha {tag}', f'Beta {tag}', f'Gamma {tag}']))

        self.open(f'/projects?q=nothing-matches-{tag}')
        self.assertEqual(self.listed_titles(), [])
        self.assertIn('No project matches', self.visible('.project-results .empty').text)

    def test_follow_and_unfollow_from_the_list(self):
        title = f'Followable {uuid.uuid4().hex[:6]}'
        project = self.new_project(title)
        start = project['id'] in {p['id'] for p in self.api.call('GET', 'project/@follow')}
        self.sign_in(path=f'/projects?q={title}')
        self.listed_titles()
        for _ in range(2):
            button = self.item(title).find_element(By.CSS_SELECTOR, 'button.follow')
            self.assertTrue(button.text.startswith('Unfollow' if start else 'Follow'))
            button.click()
            start = not start
            self.wait(lambda d: self.item(title).find_element(By.CSS_SELECTOR, 'button.follow').text
                      .startswith('Unfollow' if start else 'Follow'))
            followed = {p['id'] for p in self.api.call('GET', 'project/@follow')}
            self.assertEqual(project['id'] in followed, start)
            self.assertEqual(bool(self.item(title).find_elements(By.CSS_SELECTOR, '.badge-follow')), start)

    def test_a_guest_is_not_offered_to_create_a_project(self):
        guest = self.api.add_person('Gina', 'Guest', is_visitor=True)
        self.sign_in(guest['email'], guest['password'], path='/projects')
        self.heading('Projects')
        self.listed_titles()
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, '.page-head .actions button'), [])
        self.assertNotIn('New project', self.driver.find_element(By.TAG_NAME, 'main').text)

    def test_a_hostile_title_is_text_and_the_list_fits_every_screen(self):
        hostile = '<img src=x onerror=alert(1)>'
        self.new_project(hostile, private=True)
        self.new_project(f'Quiet {uuid.uuid4().hex[:6]}')
        self.sign_in(path='/')
        self.heading('Projects')
        self.assertIn(hostile, self.listed_titles())
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, 'main img'), [])
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.assertIn('Private', self.item(hostile).text)
        self.check_screen('projects')
        phone = self.new_browser(support.PHONE)
        self.sign_in(driver=phone, path='/projects')
        self.listed_titles(phone)
        self.check_screen('projects', phone)
        phone.find_element(By.CSS_SELECTOR, '.page-head .actions button.primary').click()
        self.visible('#new-project-title', phone)
        self.check_screen('project-create', phone)


if __name__ == '__main__':
    unittest.main()
