"""The task page (/tasks/{id}; docs/web-app.md): fields edited in place, subtasks, links, comments
and replies, following; what a guest sees; hostile text; two browsers on one task. Every change is
checked in what the server stored (self.api)."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import support
from task_support import TaskPageTest


class TaskPageTestCase(TaskPageTest):
    def edit(self, label, driver=None):
        """Opens the in-place editor of a field; returns its form."""
        self.button(f'Edit {label.lower()}', '.task-fields', driver).click()
        return self.visible('.task-fields .editing form', driver)

    def save(self, form):
        form.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, '.task-fields .editing'))

    def test_fields_are_edited_in_place_and_stored(self):
        project, task = self.make_task()
        milestone = self.api.call('POST', f'project/{project["id"]}/milestone',
                                  {'title': 'Release 1', 'deadline': '2027-03-01', 'responsible': self.me['id']})
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.heading('Write the report')
        self.check_screen('task')

        form = self.edit('Title')
        field = form.find_element(By.TAG_NAME, 'input')
        self.assertEqual(self.driver.switch_to.active_element, field)  # focus moved into the field
        field.send_keys(Keys.CONTROL, 'a')
        field.send_keys('Write the annual report')
        self.save(form)
        self.heading('Write the annual report')
        self.assertEqual(self.task(task['id'])['title'], 'Write the annual report')

        # Escape cancels: nothing is sent, the old value stays, focus returns to Edit.
        form = self.edit('Title')
        form.find_element(By.TAG_NAME, 'input').send_keys(' (draft)', Keys.ESCAPE)
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, '.task-fields .editing'))
        focused = self.driver.switch_to.active_element.get_attribute('textContent')
        self.assertEqual(' '.join(focused.split()), 'Edit title')
        self.assertEqual(self.task(task['id'])['title'], 'Write the annual report')

        # A refused save shows the server's message and keeps the stored value.
        form = self.edit('Title')
        form.find_element(By.TAG_NAME, 'input').send_keys(Keys.CONTROL, 'a')
        form.find_element(By.TAG_NAME, 'input').send_keys(Keys.BACKSPACE)
        form.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        alert = self.visible('.task-fields [role=alert]')
        self.assertIn("can't be empty", alert.text)
        form.find_element(By.XPATH, './/button[text()="Cancel"]').click()
        self.heading('Write the annual report')
        self.assertEqual(self.task(task['id'])['title'], 'Write the annual report')

        form = self.edit('Priority')
        Select(form.find_element(By.TAG_NAME, 'select')).select_by_value('high')
        self.save(form)
        form = self.edit('Deadline')
        self.set_value('.task-fields .editing input[type=date]', '2027-02-14')
        self.save(form)
        form = self.edit('Milestone')
        Select(form.find_element(By.TAG_NAME, 'select')).select_by_visible_text('Release 1')
        self.save(form)
        # Before closing: closing a task nobody is responsible for makes the closer responsible.
        form = self.edit('Responsibles')
        form.find_element(By.CSS_SELECTOR, f'input[value="{self.me["id"]}"]').click()
        self.save(form)
        form = self.edit('Status')
        Select(form.find_element(By.TAG_NAME, 'select')).select_by_value('closed')
        self.save(form)
        form = self.edit('Description')
        form.find_element(By.TAG_NAME, 'textarea').send_keys('Line one\nLine two')
        self.save(form)
        self.text_appears('.task-fields', 'Line two')

        stored = self.task(task['id'])
        self.assertEqual(stored['priority'], 1)
        self.assertEqual(stored['status'], 2)
        self.assertTrue(stored['deadline'].startswith('2027-02-14'))
        self.assertEqual(stored['milestoneId'], milestone['id'])
        self.assertEqual([p['id'] for p in stored['responsibles']], [self.me['id']])
        self.assertEqual(stored['description'], 'Line one\nLine two')
        fields = self.driver.find_element(By.CSS_SELECTOR, '.task-fields').text
        for shown in ('high', 'closed', 'Release 1', self.me['displayName']):
            self.assertIn(shown, fields)
        self.check_screen('task-edited')

    def test_subtasks_are_added_closed_and_reassigned(self):
        project, task = self.make_task()
        helper = self.api.add_person('Sam', 'Helper')
        self.api.call('POST', f'project/{project["id"]}/team', {'userId': helper['id']})
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.visible('#new-subtask-title').send_keys('Collect figures')
        Select(self.find('#new-subtask-responsible')).select_by_value(self.me['id'])
        self.button('Add subtask').click()
        self.text_appears('#subtasks-title', '(1)')
        [subtask] = self.task(task['id'])['subtasks']
        self.assertEqual((subtask['title'], subtask['responsible']['id']), ('Collect figures', self.me['id']))

        self.button('Reassign Collect figures').click()
        Select(self.visible(f'#subtask-{subtask["id"]}-responsible')).select_by_value(helper['id'])
        self.driver.find_element(By.CSS_SELECTOR, '.reassign button[type=submit]').click()
        # The subtask's own line, not the form: the form's select lists 'Sam Helper' at once.
        self.text_appears('.subtask .muted', 'Sam Helper')
        self.assertEqual(self.task(task['id'])['subtasks'][0]['responsible']['id'], helper['id'])

        self.button('Close Collect figures').click()
        self.button('Reopen Collect figures')
        self.assertEqual(self.task(task['id'])['subtasks'][0]['status'], 2)
        self.button('Reopen Collect figures').click()
        self.button('Close Collect figures')
        self.assertEqual(self.task(task['id'])['subtasks'][0]['status'], 1)

    def test_a_link_to_another_task_is_added_and_removed(self):
        project, task = self.make_task()
        other = self.api.call('POST', f'project/{project["id"]}/task', {'title': 'Print the report'})
        self.sign_in(path=f'/tasks/{task["id"]}')
        Select(self.visible('#link-task')).select_by_visible_text('Print the report')
        Select(self.find('#link-type')).select_by_value('endstart')
        self.button('Add link').click()
        # Refused (the parent task has no deadline): the server's message, nothing stored.
        self.assertIn('needs a deadline', self.visible('#links-title ~ form [role=alert]').text)
        self.assertEqual(self.task(task['id']).get('links', []), [])
        Select(self.find('#link-type')).select_by_value('start')
        self.button('Add link').click()
        self.text_appears('#links-title', '(1)')
        self.assertEqual(self.task(task['id'])['links'],
                         [{'dependenceTaskId': other['id'], 'parentTaskId': task['id'], 'linkType': 0}])
        link = self.driver.find_element(By.CSS_SELECTOR, '.link-item a')
        self.assertEqual(link.text, 'Print the report')
        self.assertTrue(link.get_attribute('href').endswith(f'/tasks/{other["id"]}'))
        # The link opens the other task, which shows the link from its side and removes it.
        link.click()
        self.heading('Print the report')
        self.text_appears('.link-item', 'This task starts together with Write the report')
        self.button('Remove the link with Write the report').click()
        self.text_appears('#links-title', '(0)')
        self.assertEqual(self.task(task['id']).get('links', []), [])

    def test_a_comment_and_a_reply_are_stored(self):
        _, task = self.make_task()
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.visible('#new-comment').send_keys('First draft is <b>ready</b>')
        self.button('Comment').click()
        self.text_appears('.comments', 'First draft is <b>ready</b>')  # typed markup stays text
        self.button('Reply to').click()
        self.visible('.comment textarea').send_keys('Thanks, reading it')
        self.button('Reply', '.comment form').click()
        self.text_appears('.replies', 'Thanks, reading it')
        stored = self.api.call('GET', f'project/task/{task["id"]}/comment')
        self.assertEqual(len(stored), 2)
        no_parent = '00000000-0000-0000-0000-000000000000'
        first = next(c for c in stored if c['parentId'] == no_parent)
        reply = next(c for c in stored if c['parentId'] != no_parent)
        self.assertEqual(reply['parentId'], first['id'])
        self.assertIn('&lt;b&gt;ready&lt;/b&gt;', first['text'])
        self.assertIn('Thanks, reading it', reply['text'])
        self.check_screen('task-comments')
        phone = self.new_browser(support.PHONE)
        self.sign_in(driver=phone, path=f'/tasks/{task["id"]}')
        self.text_appears('.replies', 'Thanks, reading it', phone)
        self.check_screen('task', phone)
        self.button('Edit description', '.task-fields', phone).click()
        self.visible('.task-fields .editing textarea', phone)
        self.check_screen('task-editing', phone)

    def test_following_toggles(self):
        _, task = self.make_task()
        self.assertTrue(self.task(task['id'])['isSubscribed'])  # the creator follows it
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.button('Unfollow').click()
        self.button('Follow this task')
        self.assertFalse(self.task(task['id'])['isSubscribed'])
        self.button('Follow').click()
        self.button('Unfollow')
        self.assertTrue(self.task(task['id'])['isSubscribed'])

    def test_a_guest_sees_the_task_without_any_edit_control(self):
        project, task = self.make_task(title='Public task')
        self.api.call('POST', f'project/task/{task["id"]}', {'title': 'A subtask', 'responsible': self.me['id']})
        self.api.call('POST', f'project/task/{task["id"]}/comment', {'content': '<p>Hello guests</p>'})
        folder = project['projectFolder']
        doc = self.api.upload_to_folder(folder, 'notes.txt', b'notes')
        self.api.call('POST', f'project/task/{task["id"]}/files', {'files': [doc['id']]})
        guest = self.api.add_person('Gina', 'Guest', is_visitor=True)
        phone = self.new_browser(support.PHONE)
        for driver in (self.driver, phone):
            self.sign_in(guest['email'], guest['password'], driver, path=f'/tasks/{task["id"]}')
            self.heading('Public task', driver)
            self.text_appears('.comments', 'Hello guests', driver)
            self.text_appears('.plain-list', 'A subtask', driver)
            main = driver.find_element(By.TAG_NAME, 'main')
            # Nothing of the task can be changed: no Edit, no subtask, link or file controls.
            # What the server lets a guest do is still offered: comment (canCreateComment) and
            # follow.
            buttons = [' '.join(b.get_attribute('textContent').split())
                       for b in main.find_elements(By.TAG_NAME, 'button')]
            self.assertEqual(sorted(buttons), ['Comment', 'Follow this task', f'Reply to {self.me["displayName"]}'])
            self.assertEqual(main.find_elements(By.CSS_SELECTOR, '.task-fields :is(input, select, textarea, form)'), [])
            self.assertEqual(main.find_elements(By.CSS_SELECTOR, '#new-subtask-title, #link-task'), [])
        self.check_screen('task-guest')
        self.check_screen('task-guest', phone)
        self.open_task(task['id'], 'files')
        self.text_appears('.files-table', 'notes.txt')
        main = self.driver.find_element(By.TAG_NAME, 'main')
        self.assertEqual(main.find_elements(By.CSS_SELECTOR, 'input, select, textarea, form, .drop-zone'), [])
        buttons = [' '.join(b.get_attribute('textContent').split()) for b in main.find_elements(By.TAG_NAME, 'button')]
        self.assertEqual(sorted(buttons), ['Follow this task', 'Versions of notes.txt'])
        self.assertEqual(main.find_element(By.LINK_TEXT, 'notes.txt').get_attribute('download'), 'notes.txt')
        self.check_screen('task-files-guest')

    def test_a_hostile_title_is_shown_as_text(self):
        hostile = '<img src=x onerror=alert(1)>'
        _, task = self.make_task(title=hostile, project_title='<script>alert(2)</script>')
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.heading(hostile)
        self.text_appears('.breadcrumb', '<script>alert(2)</script>')
        self.text_appears('.task-fields', hostile)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, 'main img, main script'), [])
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.assertIn(hostile, self.driver.title)

    def test_two_browsers_see_each_others_changes_on_reload(self):
        _, task = self.make_task(title='Shared task')
        other = self.new_browser()
        self.sign_in(path=f'/tasks/{task["id"]}')
        self.sign_in(driver=other, path=f'/tasks/{task["id"]}')
        self.heading('Shared task', other)
        form = self.edit('Title')
        form.find_element(By.TAG_NAME, 'input').send_keys(' (renamed)')
        self.save(form)
        self.heading('Shared task (renamed)')
        self.visible('#new-comment', other).send_keys('Seen from the other browser')
        self.button('Comment', driver=other).click()
        self.text_appears('.comments', 'Seen from the other browser', other)
        other.refresh()
        self.heading('Shared task (renamed)', other)
        self.driver.refresh()
        self.text_appears('.comments', 'Seen from the other browser')


if __name__ == '__main__':
    import unittest
    unittest.main()
