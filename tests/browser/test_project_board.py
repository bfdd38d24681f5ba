"""The project page's board (docs/web-app.md): moving a card with the keyboard control or by
dragging stores the status; a move the server refuses shows its message and the card goes back;
custom statuses are columns, and one kept for the creator and the manager is offered only to them;
a guest moves nothing."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from project_support import ProjectTest


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


if __name__ == '__main__':
    import unittest
    unittest.main()
