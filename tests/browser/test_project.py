"""The project page (docs/web-app.md): the header's follow toggle, the tasks list with its filters
and the new-task dialog, milestones, and discussions (sanitised text, comments). Each checks what
the server stored. The board is test_project_board.py, the documents test_documents.py."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import support
from project_support import ProjectTest


class TasksTabTest(ProjectTest):
    def test_a_task_made_in_the_browser_is_stored_with_its_responsible_and_deadline(self):
        project = self.new_project()
        milestone = self.api.call('POST', f'project/{project["id"]}/milestone',
                                  {'title': 'Beta', 'deadline': '2027-01-15'})
        self.sign_in()
        self.open_tab(project)
        self.visible('main .empty')
        self.check_screen('project-tasks-empty')
        # The header's follow toggle is stored for the caller.
        follow = self.clickable('main .actions button.follow')
        self.assertTrue(follow.text.startswith('Follow'))
        follow.click()
        self.wait(lambda d: follow.text.startswith('Unfollow'))
        self.assertTrue(self.api.call('GET', f'project/{project["id"]}')['isFollow'])
        self.clickable('.tab-tools button.primary').click()
        self.visible('#new-task-title').send_keys('Write the manual')
        bob = self.clickable(f'dialog[open] input[name=responsibles][value="{self.bob["id"]}"]')
        bob.click()
        self.driver.find_element(By.ID, 'new-task-deadline').send_keys('12242026')
        Select(self.driver.find_element(By.ID, 'new-task-priority')).select_by_visible_text('High')
        Select(self.clickable('#new-task-milestone')).select_by_value(str(milestone['id']))
        self.check_screen('project-new-task')
        self.driver.set_window_size(*support.PHONE)
        self.check_screen('project-new-task')
        self.driver.set_window_size(*support.DESKTOP)
        self.submit_dialog()
        self.text_appears('.task-table tbody', 'Write the manual')
        row = self.driver.find_element(By.CSS_SELECTOR, '.task-table tbody tr')
        self.assertIn('Bob Builder', row.text)
        self.assertIn('Beta', row.text)
        self.assertIn('High', row.text)

        stored = [t for t in self.api.call('GET', f'project/{project["id"]}/task')
                  if t['title'] == 'Write the manual']
        self.assertEqual(len(stored), 1)
        task = stored[0]
        self.assertEqual([p['id'] for p in task['responsibles']], [self.bob['id']])
        self.assertTrue(task['deadline'].startswith('2026-12-24'), task['deadline'])
        self.assertEqual(task['priority'], 1)
        self.assertEqual(task['milestoneId'], milestone['id'])
        # The title links to the task's page.
        link = row.find_element(By.CSS_SELECTOR, 'a')
        self.assertTrue(link.get_attribute('href').endswith(f'/tasks/{task["id"]}'))

    def test_the_status_filter_and_mine_choose_the_tasks_shown(self):
        project = self.new_project()
        self.new_task(project, 'Open and mine', responsibles=[self.me['id']])
        self.new_task(project, 'Open for Bob', responsibles=[self.bob['id']])
        closed = self.new_task(project, 'Already closed')
        self.api.call('PUT', f'project/task/{closed["id"]}/status', {'status': 'closed'})
        self.sign_in()
        self.open_tab(project)
        self.text_appears('.task-table', 'Open for Bob')
        self.assertEqual(sorted(self.texts('.task-table tbody td:first-child')),
                         ['Open and mine', 'Open for Bob'])
        self.check_screen('project-tasks')

        Select(self.driver.find_element(By.ID, 'task-status-filter')).select_by_value('closed')
        self.wait(lambda d: self.texts('.task-table tbody td:first-child') == ['Already closed'])
        self.assertIn('status=closed', self.driver.current_url)

        Select(self.driver.find_element(By.ID, 'task-status-filter')).select_by_value('open')
        self.driver.find_element(By.CSS_SELECTOR, '.filter-check input').click()
        self.wait(lambda d: self.texts('.task-table tbody td:first-child') == ['Open and mine'])

        # A reload keeps the filter (it is in the address); a phone shows the same.
        phone = self.check_on_phone(project, 'mine=1', '.task-table', 'Open and mine', 'project-tasks')
        self.assertEqual(self.texts('.task-table tbody td:first-child', phone), ['Open and mine'])


class MilestonesTest(ProjectTest):
    def test_a_milestone_made_in_the_browser_is_stored_and_can_be_closed(self):
        project = self.new_project()
        self.start_new(project, 'milestones', '#new-milestone-title').send_keys('Release 1.0')
        self.driver.find_element(By.ID, 'new-milestone-deadline').send_keys('03012027')
        self.clickable(f'dialog[open] input[name=responsible][value="{self.bob["id"]}"]').click()
        self.check_screen('project-new-milestone')
        self.submit_dialog()
        self.text_appears('main table tbody', 'Release 1.0')
        stored = self.api.call('GET', f'project/{project["id"]}/milestone')
        self.assertEqual(len(stored), 1)
        self.assertEqual(stored[0]['title'], 'Release 1.0')
        self.assertTrue(stored[0]['deadline'].startswith('2027-03-01'), stored[0]['deadline'])
        self.assertEqual(stored[0]['responsible']['id'], self.bob['id'])
        self.check_screen('project-milestones')

        self.driver.find_element(By.CSS_SELECTOR, f'tr[data-milestone="{stored[0]["id"]}"] button').click()
        self.text_appears(f'tr[data-milestone="{stored[0]["id"]}"]', 'Reopen')
        self.assertEqual(self.api.call('GET', f'project/milestone/{stored[0]["id"]}')['status'], 1)

        self.check_on_phone(project, 'view=milestones', 'main table tbody', 'Release 1.0', 'project-milestones')


class DiscussionsTest(ProjectTest):
    def test_a_discussion_shows_only_sanitised_html_and_takes_comments(self):
        project = self.new_project()
        self.start_new(project, 'discussions', '#new-discussion-title').send_keys('Kick-off <i>notes</i>')
        self.driver.find_element(By.ID, 'new-discussion-text').send_keys(
            '<script>alert(1)</script><b>bold</b> plan')
        self.clickable(f'dialog[open] input[name=participants][value="{self.bob["id"]}"]').click()
        self.check_screen('project-new-discussion')
        self.submit_dialog()
        # The title is text, tags and all.
        link = self.visible('.discussion-list h3 a')
        self.assertEqual(link.text, 'Kick-off <i>notes</i>')
        stored = self.api.call('GET', f'project/{project["id"]}/message')
        self.assertEqual(len(stored), 1)
        self.assertNotIn('<script', stored[0]['text'])
        self.check_screen('project-discussions')

        link.click()
        body = self.visible('.discussion .rich-text')
        self.assertEqual(body.find_element(By.TAG_NAME, 'b').text, 'bold')
        self.assertEqual(body.find_elements(By.TAG_NAME, 'script'), [])
        self.assertIn(f'message={stored[0]["id"]}', self.driver.current_url)
        try:
            self.driver.switch_to.alert
            self.fail('a script from the discussion ran')
        except NoAlertPresentException:
            pass

        self.visible('#new-comment').send_keys('Agreed, <em>ship</em> it')
        self.driver.find_element(By.CSS_SELECTOR, '.comment-form button[type=submit]').click()
        self.text_appears('.comment-list', 'Agreed, ship it')
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, '.comment-list em').text, 'ship')
        comments = self.api.call('GET', f'project/message/{stored[0]["id"]}/comment')
        self.assertEqual([c['text'] for c in comments], ['Agreed, <em>ship</em> it'])
        self.check_screen('project-discussion')

        phone = self.check_on_phone(project, f'view=discussions&message={stored[0]["id"]}', '.comment-list',
                                    'Agreed', 'project-discussion')
        self.open_tab(project, 'discussions', phone)
        self.visible('.discussion-list', phone)
        self.check_screen('project-discussions', phone)


if __name__ == '__main__':
    import unittest
    unittest.main()
