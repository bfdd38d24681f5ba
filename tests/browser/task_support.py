"""What the task page's browser tests share (test_task.py, test_task_files.py): arranging a project
and a task through the API, and finding the page's parts by what they say."""
from selenium.webdriver.common.by import By

import support


class TaskPageTest(support.BrowserTest):
    """A BrowserTest with helpers for the task page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.me = cls.api.call('GET', 'people/@self')

    def make_task(self, title='Write the report', project_title='Reports', **fields):
        """A new project (the admin manages it) with one task; returns (project, task)."""
        project = self.api.call('POST', 'project', {'title': project_title, 'responsibleId': self.me['id']})
        task = self.api.call('POST', f'project/{project["id"]}/task', {'title': title, **fields})
        return project, task

    def task(self, task_id):
        return self.api.call('GET', f'project/task/{task_id}')

    def open_task(self, task_id, tab=None, driver=None):
        self.open(f'/tasks/{task_id}' + (f'?tab={tab}' if tab else ''), driver)
        self.find('main .tabs', driver)

    def button(self, text, within='main', driver=None):
        """The first visible button in `within` whose text (hidden words included) starts with
        `text`, once it is clickable."""
        driver = driver or self.driver

        def found(d):
            for b in d.find_elements(By.CSS_SELECTOR, f'{within} button'):
                label = ' '.join(b.get_attribute('textContent').split())
                if label.startswith(text) and b.is_displayed() and b.is_enabled():
                    return b
            return False
        return self.wait(found, driver)

    def set_value(self, css, value, driver=None):
        """Sets an input's value as typing would (an input event), for inputs like type=date
        whose keyboard entry depends on the browser's locale."""
        element = self.find(css, driver)
        (driver or self.driver).execute_script(
            'const [el, v] = arguments; el.value = v;'
            'el.dispatchEvent(new Event("input", {bubbles: true}));'
            'el.dispatchEvent(new Event("change", {bubbles: true}));', element, value)
        return element
