"""The project page (docs/web-app.md): the tasks list with its filters and the new-task dialog, the
board (moving a card stores the status; a refused move shows the server's message and the card
stays), milestones, and discussions (sanitised text, comments). Each checks what the server stored."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
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
        follow = self.clickable('main .actions button[aria-pressed]')
        self.assertEqual(follow.get_attribute('aria-pressed'), 'false')
        follow.click()
        self.wait(lambda d: follow.get_attribute('aria-pressed') == 'true')
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


class BoardHelpers:
    """Finding and moving cards on the board tab."""

    def card(self, task_id, driver=None):
        return (driver or self.driver).find_element(By.CSS_SELECTOR, f'.board-card[data-task="{task_id}"]')

    def column_of(self, task_id, driver=None):
        """The title of the column the task's card is in (its heading without the count)."""
        heading = self.card(task_id, driver).find_element(By.XPATH, './ancestor::section[1]/h3')
        return heading.text.rsplit(' (', 1)[0]

    def move(self, task_id, column_title):
        card = self.card(task_id)
        Select(card.find_element(By.TAG_NAME, 'select')).select_by_visible_text(column_title)
        card.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()


class BoardTest(BoardHelpers, ProjectTest):
    def test_moving_a_card_with_the_keyboard_control_stores_its_status(self):
        project = self.new_project()
        task = self.new_task(project, 'Ship it', responsibles=[self.bob['id']])
        self.new_task(project, 'Stay open')
        self.sign_in()
        self.open_tab(project, 'board')
        self.visible(f'.board-card[data-task="{task["id"]}"]')
        self.assertEqual(self.column_of(task['id']), 'Open')
        self.check_screen('project-board')
        # Keyboard alone: type into the card's select to choose, then Enter on its button.
        self.card(task['id']).find_element(By.TAG_NAME, 'select').send_keys('Closed')
        self.card(task['id']).find_element(By.CSS_SELECTOR, 'button[type=submit]').send_keys(Keys.ENTER)
        self.wait(lambda d: self.column_of(task['id']) == 'Closed')
        self.wait(lambda d: self.api.call('GET', f'project/task/{task["id"]}')['status'] == 2)
        # And back again.
        self.move(task['id'], 'Open')
        self.wait(lambda d: self.api.call('GET', f'project/task/{task["id"]}')['status'] == 1)
        self.assertEqual(self.column_of(task['id']), 'Open')

    def test_dragging_a_card_onto_a_column_stores_its_status(self):
        project = self.new_project()
        task = self.new_task(project, 'Drag me')
        self.sign_in()
        self.open_tab(project, 'board')
        card = self.visible(f'.board-card[data-task="{task["id"]}"]')
        target = self.driver.find_element(By.XPATH, '//section[h3[starts-with(., "Closed")]]')
        # Chromium's WebDriver does not synthesise HTML5 drag events from ActionChains, so the
        # browser's own DragEvents are dispatched, in the order a mouse drag makes them.
        self.driver.execute_script(
            'const [card, target] = arguments; const dt = new DataTransfer();'
            'const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: dt}));'
            'fire(card, "dragstart");'
            'return new Promise(r => setTimeout(r, 50)).then(() => {'
            ' fire(target, "dragenter"); fire(target, "dragover"); fire(target, "drop"); fire(card, "dragend"); });',
            card, target)
        self.wait(lambda d: self.api.call('GET', f'project/task/{task["id"]}')['status'] == 2)
        self.wait(lambda d: self.column_of(task['id']) == 'Closed')

    def test_a_move_the_server_refuses_shows_its_message_and_the_card_goes_back(self):
        # projectd, like the original, closes a task's open subtasks with it rather than refusing
        # (domain/projects/task_rules.cc apply_task_status); what it refuses is a change to a task
        # of a closed project, here closed by its manager after the board was loaded.
        project = self.new_project()
        task = self.new_task(project, 'Caught by a closed project')
        self.sign_in()
        self.open_tab(project, 'board')
        self.visible(f'.board-card[data-task="{task["id"]}"]')
        self.api.call('PUT', f'project/{project["id"]}/status', {'status': 'closed'})
        self.move(task['id'], 'Closed')
        alert = self.visible('main [role=alert]')
        self.assertIn('project is closed', alert.text)
        self.assertEqual(self.column_of(task['id']), 'Open')
        self.assertEqual(self.api.call('GET', f'project/task/{task["id"]}')['status'], 1)
        self.api.call('PUT', f'project/{project["id"]}/status', {'status': 'open'})

        self.check_on_phone(project, 'view=board', '.board', 'Caught by a closed project', 'project-board')

    def test_a_guest_sees_the_board_without_move_controls_or_new_task(self):
        guest = self.api.add_person('Gail', 'Guest', is_visitor=True)
        project = self.new_project(participants=[guest['id']])
        task = self.new_task(project, 'Look but do not touch')
        self.sign_in(guest['email'], guest['password'], path=f'/projects/{project["id"]}?view=board')
        card = self.visible(f'.board-card[data-task="{task["id"]}"]')
        self.assertEqual(card.find_elements(By.TAG_NAME, 'select'), [])
        self.assertEqual(card.get_attribute('draggable'), 'false')
        self.open_tab(project)
        self.text_appears('.task-table', 'Look but do not touch')
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, '.tab-tools button.primary'), [])


class CustomStatusBoardTest(BoardHelpers, ProjectTest):
    """Custom task statuses are the portal's, so this class has a server of its own."""

    def test_custom_statuses_are_columns_and_a_restricted_one_is_offered_only_to_whom_may_set_it(self):
        verified = self.api.call('POST', 'project/status', {
            'title': 'Verified', 'statusType': 'closed', 'available': False})
        project = self.new_project()
        task = self.new_task(project, 'Check the build', responsibles=[self.bob['id']])

        # Bob may edit his task but not set a status kept for its creator and the manager.
        self.sign_in(self.bob['email'], self.bob['password'], path=f'/projects/{project["id"]}?view=board')
        card = self.visible(f'.board-card[data-task="{task["id"]}"]')
        self.assertEqual(self.texts('.board-column h3'), ['Open (1)', 'Closed (0)', 'Verified (0)'])
        options = [o.text for o in card.find_elements(By.CSS_SELECTOR, 'select option')]
        self.assertEqual(options, ['Move to…', 'Closed'])

        # The manager may, and the custom status is what is stored.
        manager = self.new_browser()
        self.sign_in(driver=manager, path=f'/projects/{project["id"]}?view=board')
        card = self.visible(f'.board-card[data-task="{task["id"]}"]', manager)
        Select(card.find_element(By.TAG_NAME, 'select')).select_by_visible_text('Verified')
        card.find_element(By.CSS_SELECTOR, 'button[type=submit]').click()
        self.wait(lambda d: self.column_of(task['id'], manager) == 'Verified', manager)
        stored = self.api.call('GET', f'project/task/{task["id"]}')
        self.assertEqual((stored['status'], stored.get('customTaskStatus')), (2, verified['id']))


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
