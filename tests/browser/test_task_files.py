"""The task's files tab (/tasks/{id}?tab=files), the seed feature: upload by the file picker and by
drag-and-drop with a progress bar per file, attach from the project's documents through the picker,
download and compare the bytes, detach, and the history of all of it; a file over the server's
size limit is refused before anything is sent."""
import base64
import os
import tempfile

from selenium.webdriver.common.by import By

import support
from task_support import TaskPageTest

# Drops a file made in the page onto the drop zone, as a person dragging it from the desktop does.
DROP = '''
const [zone, name, text] = arguments;
const data = new DataTransfer();
data.items.add(new File([text], name, {type: 'text/plain'}));
zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
'''

# The bytes behind a download link, fetched by the page with its own cookie, as base64.
FETCH = '''
const [url, done] = [arguments[0], arguments[arguments.length - 1]];
fetch(url, {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {
  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
}, e => done('failed: ' + e));
'''


def temp_file(folder, name, content):
    path = os.path.join(folder, name)
    with open(path, 'wb') as f:
        f.write(content)
    return path


class TaskFilesTest(TaskPageTest):
    def file_row(self, title):
        return self.wait(lambda d: next((r for r in d.find_elements(By.CSS_SELECTOR, '.files-table tbody tr')
                                         if r.find_element(By.CSS_SELECTOR, 'td').text == title), False))

    def test_upload_attach_download_detach_and_the_history(self):
        project, task = self.make_task(title='Quarterly report')
        folder = project['projectFolder']
        big = os.urandom(3 * 1024 * 1024)  # large enough for the upload to report progress
        subfolder = self.api.call('POST', f'files/folder/{folder}', {'title': 'Budgets'})
        document = self.api.upload_to_folder(subfolder['id'], 'budget.xlsx', b'budget figures')
        scratch = tempfile.mkdtemp(prefix='task-files-')

        self.sign_in(path=f'/tasks/{task["id"]}')
        self.heading('Quarterly report')
        self.driver.find_element(By.PARTIAL_LINK_TEXT, 'Files').click()
        self.wait(lambda d: d.current_url.endswith(f'/tasks/{task["id"]}?tab=files'))
        self.text_appears('#files-title', '(0)')
        self.check_screen('task-files-empty')

        # The file picker: a real <input type=file> with its label.
        picker = self.find('#task-file-input')
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, 'label[for=task-file-input]').text, 'Choose files…')
        picker.send_keys(temp_file(scratch, 'scan.bin', big))
        progress = self.find('.uploads progress')
        label = self.driver.find_element(By.CSS_SELECTOR, f'label[for="{progress.get_attribute("id")}"]')
        self.assertEqual(label.text, 'scan.bin')
        # Drag and drop onto the zone.
        self.driver.execute_script(DROP, self.find('.drop-zone'), 'minutes.txt', 'We met and agreed.')
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '.uploads progress')) == 2)
        self.wait(lambda d: all(p.get_attribute('value') == p.get_attribute('max')
                                for p in d.find_elements(By.CSS_SELECTOR, '.uploads progress')))
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, '.upload-done')) == 2)
        self.file_row('scan.bin')
        self.file_row('minutes.txt')

        # Attach from the project's documents, through the picker dialog.
        self.button('Attach from project documents').click()
        self.visible('dialog[open] input[type=checkbox]')  # the two uploads, already attached
        self.button('Budgets', 'dialog[open]').click()  # into a subfolder
        self.text_appears('dialog[open] .picker-path [aria-current=location]', 'Budgets')
        self.text_appears('dialog[open] .picker-path', 'Project documents')
        self.check_screen('task-files-picker')
        box = self.driver.find_element(By.CSS_SELECTOR, f'dialog[open] input[value="{document["id"]}"]')
        box.click()
        self.button('Attach 1 file', 'dialog[open]').click()
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, 'dialog[open]'))
        row = self.file_row('budget.xlsx')
        self.assertIn(self.me['displayName'], row.text)
        self.text_appears('#files-title', '(3)')
        stored = {f['title']: f for f in self.api.call('GET', f'project/task/{task["id"]}/files')}
        self.assertEqual(set(stored), {'scan.bin', 'minutes.txt', 'budget.xlsx'})
        self.assertEqual(stored['scan.bin']['pureContentLength'], len(big))

        # Download: the link's bytes are the uploaded ones.
        link = self.file_row('scan.bin').find_element(By.TAG_NAME, 'a')
        self.assertEqual(link.get_attribute('download'), 'scan.bin')
        got = self.driver.execute_async_script(FETCH, link.get_attribute('href'))
        self.assertEqual(base64.b64decode(got), big)
        got = self.driver.execute_async_script(FETCH, self.file_row('minutes.txt').find_element(By.TAG_NAME, 'a').get_attribute('href'))
        self.assertEqual(base64.b64decode(got), b'We met and agreed.')

        # A file's versions.
        self.button('Versions of budget.xlsx').click()
        self.text_appears('.versions', 'Version 1')

        # Detach.
        self.button('Detach minutes.txt').click()
        self.wait(lambda d: 'minutes.txt' not in d.find_element(By.CSS_SELECTOR, '.files-table').text)
        self.assertEqual({f['title'] for f in self.api.call('GET', f'project/task/{task["id"]}/files')},
                         {'scan.bin', 'budget.xlsx'})

        # The history shows all of it, with who did it.
        self.text_appears('.history', 'detached minutes.txt')
        entries = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '.history li')]
        self.assertEqual(len(entries), 4)
        self.assertEqual(sum('attached' in e for e in entries), 3)
        self.assertEqual(sum('detached' in e for e in entries), 1)
        self.assertTrue(all(self.me['displayName'] in e for e in entries))
        history = self.api.call('GET', f'project/task/{task["id"]}/files/history')
        self.assertEqual(sorted((e['action'], e['fileTitle']) for e in history),
                         [('attach', 'budget.xlsx'), ('attach', 'minutes.txt'), ('attach', 'scan.bin'),
                          ('detach', 'minutes.txt')])
        self.check_screen('task-files')

        phone = self.new_browser(support.PHONE)
        self.sign_in(driver=phone, path=f'/tasks/{task["id"]}?tab=files')
        self.text_appears('.files-table', 'budget.xlsx', phone)
        self.check_screen('task-files', phone)
        self.button('Attach from project documents', driver=phone).click()
        self.button('Budgets', 'dialog[open]', phone).click()
        self.visible('dialog[open] input[type=checkbox]', phone)
        self.check_screen('task-files-picker', phone)


class TaskFileSizeLimitTest(TaskPageTest):
    server_args = ('--max-upload-mb', '1')

    def test_a_file_over_the_limit_is_refused_before_sending(self):
        project, task = self.make_task(title='Small files only')
        scratch = tempfile.mkdtemp(prefix='task-files-')
        self.sign_in(path=f'/tasks/{task["id"]}?tab=files')
        self.text_appears('.drop-zone', 'Up to 1.0 MB per file')
        self.find('#task-file-input').send_keys(temp_file(scratch, 'huge.bin', b'x' * (2 * 1024 * 1024)))
        alert = self.visible('.uploads [role=alert]')
        self.assertIn('huge.bin', alert.text)
        self.assertIn('not sent', alert.text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, '.uploads progress'), [])
        sent = self.driver.execute_script(
            'return performance.getEntriesByType("resource").filter(e => e.name.includes("/upload")).length')
        self.assertEqual(sent, 0)
        self.assertEqual(self.api.call('GET', f'project/task/{task["id"]}/files'), [])
        self.assertEqual(self.api.call('GET', f'project/{project["id"]}/files')['files'], [])
        self.check_screen('task-files-too-big')


if __name__ == '__main__':
    import unittest
    unittest.main()
