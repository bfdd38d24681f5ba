"""The project page's Documents tab (docs/web-app.md): upload with progress, new folder, rename,
delete into the trash, each checked in what the server stored; the size limit checked before
sending; a guest reads without any change offered."""
import os
import tempfile

from selenium.webdriver.common.by import By

import support
from project_support import ProjectTest


def folder_of(api, project):
    return api.call('GET', f'project/{project["id"]}/files')['current']['id']


def titles(api, folder_id):
    content = api.call('GET', f'files/{folder_id}')
    return sorted(f['title'] for f in content['files']), sorted(f['title'] for f in content['folders'])


class DocumentsTest(ProjectTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scratch = tempfile.mkdtemp(prefix='projectd-documents-')

    def local_file(self, name, content):
        path = os.path.join(self.scratch, name)
        with open(path, 'wb') as f:
            f.write(content)
        return path

    def test_upload_new_folder_rename_and_delete_are_stored(self):
        project = self.new_project()
        folder = folder_of(self.api, project)
        self.sign_in()
        self.open_tab(project, 'documents')
        self.visible('main .empty')
        self.check_screen('project-documents-empty')

        content = os.urandom(300_000)
        self.find('#upload-input:enabled').send_keys(self.local_file('plan.bin', content))
        self.text_appears('.upload-list', 'Uploaded')
        self.assertIsNotNone(self.driver.find_element(By.CSS_SELECTOR, '.upload-list progress'))
        self.text_appears('table.documents', 'plan.bin')
        stored = self.api.call('GET', f'files/{folder}')['files']
        self.assertEqual([(f['title'], f['pureContentLength']) for f in stored], [('plan.bin', len(content))])
        link = self.driver.find_element(By.CSS_SELECTOR, f'tr[data-file="{stored[0]["id"]}"] a')
        self.assertEqual(link.get_attribute('href'), stored[0]['viewUrl'])

        self.clickable('.tab-tools > button').click()  # New folder
        self.visible('#new-folder-title').send_keys('Specs')
        self.submit_dialog()
        self.text_appears('table.documents', 'Specs')
        self.assertEqual(titles(self.api, folder), (['plan.bin'], ['Specs']))
        self.check_screen('project-documents')

        row = f'tr[data-file="{stored[0]["id"]}"]'
        self.driver.find_element(By.CSS_SELECTOR, f'{row} .entry-actions button').click()  # Rename
        name = self.visible('dialog[open] input[name=title]')
        name.clear()
        name.send_keys('plan-v2.bin')
        self.check_screen('project-documents-rename')
        self.submit_dialog()
        self.text_appears(row, 'plan-v2.bin')
        self.assertEqual(titles(self.api, folder), (['plan-v2.bin'], ['Specs']))

        self.driver.find_element(By.CSS_SELECTOR, f'{row} .entry-actions .danger-link').click()
        self.text_appears('dialog[open]', 'trash')
        self.submit_dialog()
        self.text_appears('main .notice', 'trash')
        self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, row))
        self.assertEqual(titles(self.api, folder), ([], ['Specs']))
        self.assertIn('plan-v2.bin', [f['title'] for f in self.api.call('GET', 'files/@trash')['files']])

        # Into the subfolder and back by the breadcrumb.
        self.driver.find_element(By.CSS_SELECTOR, 'a.folder-link').click()
        self.text_appears('.breadcrumb [aria-current]', 'Specs')
        self.visible('main .empty')
        self.driver.find_element(By.CSS_SELECTOR, '.breadcrumb a').click()
        self.text_appears('table.documents', 'Specs')

        self.check_on_phone(project, 'view=documents', 'table.documents', 'Specs', 'project-documents')

    def test_a_guest_reads_the_documents_with_nothing_to_change_offered(self):
        guest = self.api.add_person('Gus', 'Guest', is_visitor=True)
        project = self.new_project(participants=[guest['id']])
        folder = folder_of(self.api, project)
        self.api.upload_to_folder(folder, 'readme.txt', b'read me')
        self.api.call('POST', f'files/folder/{folder}', {'title': 'Archive'})
        self.sign_in(guest['email'], guest['password'], path=f'/projects/{project["id"]}?view=documents')
        self.text_appears('table.documents', 'readme.txt')
        for css in ('#upload-input', '.tab-tools', '.entry-actions'):
            self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, css), [], css)
        self.check_screen('project-documents-guest')


class UploadLimitTest(ProjectTest):
    server_args = ('--max-upload-mb', '1')

    def test_a_file_over_the_limit_is_refused_before_it_is_sent(self):
        project = self.new_project()
        folder = folder_of(self.api, project)
        path = os.path.join(tempfile.mkdtemp(prefix='projectd-documents-'), 'huge.bin')
        with open(path, 'wb') as f:
            f.write(b'\0' * (1024 * 1024 + 1))
        self.sign_in()
        self.open_tab(project, 'documents')
        self.visible('main .empty')
        self.find('#upload-input:enabled').send_keys(path)
        alert = self.visible('.upload-list [role=alert]')
        self.assertIn('Too big', alert.text)
        self.assertIn('1048577 bytes', alert.text)
        self.assertIn('1.0 MB (1048576 bytes)', alert.text)
        self.assertEqual(titles(self.api, folder), ([], []))
        self.check_screen('project-documents-too-big')
        self.driver.set_window_size(*support.PHONE)
        self.check_screen('project-documents-too-big')


if __name__ == '__main__':
    import unittest
    unittest.main()
