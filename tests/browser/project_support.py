"""What the project page's browser tests share (test_project*.py, test_documents.py): a project
with a team, made through the API, and the waits the project tabs need."""
import uuid

from selenium.webdriver.common.by import By

import support


class ProjectTest(support.BrowserTest):
    """A BrowserTest whose class has `self.me` (the admin), `self.bob` (a team member) and a way
    to make a project with both in its team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.me = cls.api.call('GET', 'people/@self')
        cls.bob = cls.api.add_person('Bob', 'Builder')

    def new_project(self, title=None, participants=()):
        title = title or f'Project {uuid.uuid4().hex[:6]}'
        return self.api.call('POST', 'project', {
            'title': title, 'responsibleId': self.me['id'],
            'participants': [self.bob['id'], *participants]})

    def new_task(self, project, title, **fields):
        return self.api.call('POST', f'project/{project["id"]}/task', {'title': title, **fields})

    def open_tab(self, project, view='', driver=None, query=''):
        """Opens the project page on a tab and waits for its heading and tab link."""
        suffix = f'?view={view}' if view else ''
        if query:
            suffix += ('&' if suffix else '?') + query
        self.open(f'/projects/{project["id"]}{suffix}', driver)
        self.heading(project['title'], driver)
        label = (view or 'tasks').capitalize()
        self.text_appears('nav.tabs a[aria-current=page]', label, driver)

    def texts(self, css, driver=None):
        """The text of every element matching `css`, read at one moment (a re-render between
        finding and reading would leave stale elements)."""
        return (driver or self.driver).execute_script(
            'return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())', css)

    def start_new(self, project, view, first_field):
        """Signs in on an empty tab, opens its "New …" dialog and returns its first field."""
        self.sign_in()
        self.open_tab(project, view)
        self.visible('main .empty')
        self.clickable('.tab-tools button.primary').click()
        return self.visible(first_field)

    def check_on_phone(self, project, query, css, text, name):
        """Opens the project page at phone width, waits for `text` in `css`, checks the screen."""
        phone = self.new_browser(support.PHONE)
        self.sign_in(driver=phone, path=f'/projects/{project["id"]}?{query}')
        self.text_appears(css, text, phone)
        self.check_screen(name, phone)
        return phone

    def submit_dialog(self, driver=None):
        (driver or self.driver).find_element(By.CSS_SELECTOR, 'dialog[open] button[type=submit]').click()
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, 'dialog[open]'), driver)
