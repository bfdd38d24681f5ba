#include "domain/files/bulk_download_service.h"

#include "auth/random.h"
#include "base/errors.h"
#include "domain/files/file_operations.h"
#include "domain/files/operation_log.h"
#include "domain/files/zip_entry_names.h"

#include <algorithm>
#include <map>
#include <system_error>

namespace projectd {
namespace {

// The operation's `url`, relative to the portal (the wrapper makes it absolute): the original's
// file handler address with action=bulk, naming the operation since a person may have several.
std::string bulk_archive_url(const std::string& operation_id) {
  return "/Products/Files/HttpHandlers/filehandler.ashx?action=bulk&operationid=" + operation_id;
}

std::vector<std::int64_t> distinct_bulk_ids(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  for (std::int64_t id : ids)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  return out;
}

// The selected files and folders, each readable by the viewer: 404 otherwise.
struct BulkSelection {
  std::vector<FileRecord> files;
  std::vector<FolderRecord> folders;
};

BulkSelection readable_bulk_selection(StoreTx& tx, FileAccessResolver& access,
                                      const std::vector<std::int64_t>& file_ids,
                                      const std::vector<std::int64_t>& folder_ids) {
  BulkSelection out{files_in_order(tx, file_ids), {}};
  if (out.files.size() != file_ids.size()) throw_not_found();
  std::vector<FolderRecord> found = tx.folders().by_ids(folder_ids);
  for (std::int64_t id : folder_ids) {
    auto it =
        std::find_if(found.begin(), found.end(), [&](const FolderRecord& f) { return f.id == id; });
    if (it == found.end()) throw_not_found();
    out.folders.push_back(std::move(*it));
  }
  for (const FileRecord& f : out.files)
    access.require_read(access.of_file(f));
  for (const FolderRecord& f : out.folders)
    access.require_read(access.of_folder(f));
  return out;
}

BulkZipEntry bulk_file_entry(const BlobStore& blobs, std::string name, const FileRecord& file) {
  return BulkZipEntry{std::move(name), blobs.path_of(file.version.sha256), file.version.sha256,
                      static_cast<std::uint64_t>(file.version.size), file.updated};
}

// A selected folder with what it holds that the viewer may read: three statements. Subfolders
// come parents first (FolderRepo::subtree), each as a directory entry, so empty ones are kept.
void add_bulk_folder(StoreTx& tx, FileAccessResolver& access, const BlobStore& blobs,
                     const FolderRecord& top, ZipDirectoryNames& root, BulkZipPlan& plan) {
  struct Directory {
    std::string path;
    ZipDirectoryNames names;
  };
  std::map<std::int64_t, Directory> directories;
  for (const FolderRecord& folder : tx.folders().subtree(top.id)) {
    ZipDirectoryNames* names = &root;
    std::string parent_path;
    if (folder.id != top.id) {
      const auto parent = directories.find(folder.parent_id.value_or(0));
      if (parent == directories.end()) continue;  // below a folder left out
      names = &parent->second.names;
      parent_path = parent->second.path;
    }
    if (!access.of_folder(folder).read) continue;
    const std::string path = parent_path + names->take(folder.title) + "/";
    plan.entries.push_back(BulkZipEntry{path, {}, {}, 0, folder.updated});
    directories[folder.id].path = path;
  }
  std::vector<FileRecord> files = tx.files().by_ids(tx.files().ids_under(top.id));
  std::sort(files.begin(), files.end(), [](const FileRecord& a, const FileRecord& b) {
    return std::tie(a.folder_id, a.title, a.id) < std::tie(b.folder_id, b.title, b.id);
  });
  for (const FileRecord& file : files) {
    const auto directory = directories.find(file.folder_id);
    if (directory == directories.end() || !access.of_file(file).read) continue;
    plan.entries.push_back(bulk_file_entry(
        blobs, directory->second.path + directory->second.names.take(file.title), file));
    plan.total_bytes += static_cast<std::uint64_t>(file.version.size);
  }
}

std::optional<FileOperationRecord> bulk_operation_in_tx(StoreTx& tx, const std::string& id) {
  auto operation = tx.file_operations().by_id(id);
  if (operation && operation->type != FileOperationType::kDownload) return std::nullopt;
  return operation;
}

}  // namespace

BulkDownloadService::BulkDownloadService(Store& store, BlobStore& blobs,
                                         std::filesystem::path directory, std::string node)
    : store_(store), blobs_(blobs), directory_(std::move(directory)), node_(std::move(node)) {}

OperationViews BulkDownloadService::start(const Caller& caller,
                                          const std::vector<std::int64_t>& file_ids,
                                          const std::vector<std::int64_t>& folder_ids) {
  const Viewer viewer = viewer_of(caller);
  const std::vector<std::int64_t> files = distinct_bulk_ids(file_ids);
  const std::vector<std::int64_t> folders = distinct_bulk_ids(folder_ids);
  if (files.empty() && folders.empty())
    throw_bad_request("Nothing to download: send fileIds or folderIds");
  std::string id;
  OperationViews out = store_.write_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    readable_bulk_selection(tx, access, files, folders);
    const Timestamp now = now_utc();
    FileOperationRecord record{.id = random_guid(),
                               .owner_id = viewer.user_id,
                               .type = FileOperationType::kDownload,
                               .progress = 0,
                               .finished = false,
                               .error = std::nullopt,
                               .processed = 0,
                               .file_ids = files,
                               .folder_ids = folders,
                               .url = std::nullopt,
                               .created = now,
                               .finished_at = std::nullopt,
                               .node = node_};
    tx.file_operations().prune_finished_before(viewer.user_id, now - kFinishedOperationRetention);
    tx.file_operations().insert(record);
    id = record.id;
    return operation_views_in_tx(tx, viewer, {std::move(record)});
  });
  if (run_) run_(id);
  return out;
}

OperationViews BulkDownloadService::terminate(const Caller& caller) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    tx.file_operations().finish_running_of_owner(
        viewer.user_id, OperationEnd{kBulkDownloadTerminated, std::nullopt, 0, now_utc()});
    return operation_views_in_tx(tx, viewer, listed_operations_in_tx(tx, viewer.user_id));
  });
}

std::optional<BulkZipPlan> BulkDownloadService::plan(const std::string& operation_id) {
  std::optional<BulkZipPlan> plan =
      store_.read_value([&](StoreTx& tx) -> std::optional<BulkZipPlan> {
        const auto operation = bulk_operation_in_tx(tx, operation_id);
        if (!operation || operation->finished) return std::nullopt;
        const auto owner = tx.users().by_id(operation->owner_id);
        if (!owner) throw_not_found();
        FileAccessResolver access(tx, Viewer{owner->id, owner->is_admin, owner->is_visitor});
        const BulkSelection selection =
            readable_bulk_selection(tx, access, operation->file_ids, operation->folder_ids);
        BulkZipPlan out{operation_id, {}, 0};
        ZipDirectoryNames root;
        // The original's order: the selected files at the top, then the selected folders.
        for (const FileRecord& file : selection.files) {
          out.entries.push_back(bulk_file_entry(blobs_, root.take(file.title), file));
          out.total_bytes += static_cast<std::uint64_t>(file.version.size);
        }
        for (const FolderRecord& folder : selection.folders)
          add_bulk_folder(tx, access, blobs_, folder, root, out);
        return out;
      });
  // A committed version's content may be in a removal's quarantine for a moment (blob_store.h).
  if (plan)
    for (const BulkZipEntry& entry : plan->entries)
      if (!entry.sha256.empty()) blobs_.restore_quarantined(entry.sha256);
  return plan;
}

bool BulkDownloadService::progress(const std::string& operation_id, int percent,
                                   std::int64_t processed) {
  return store_.write_value([&](StoreTx& tx) {
    return tx.file_operations().set_progress(operation_id, std::clamp(percent, 0, 99), processed);
  });
}

bool BulkDownloadService::finish(const std::string& operation_id, std::int64_t processed) {
  return store_.write_value([&](StoreTx& tx) {
    return tx.file_operations().finish(
        operation_id,
        OperationEnd{std::nullopt, bulk_archive_url(operation_id), processed, now_utc()});
  });
}

void BulkDownloadService::fail(const std::string& operation_id, const std::string& error) {
  store_.write([&](StoreTx& tx) {
    const auto operation = tx.file_operations().by_id(operation_id);
    tx.file_operations().finish(
        operation_id,
        OperationEnd{error, std::nullopt, operation ? operation->processed : 0, now_utc()});
  });
}

std::int64_t BulkDownloadService::interrupt_running() {
  return store_.write_value([&](StoreTx& tx) {
    return tx.file_operations().finish_running_of_node(
        node_, OperationEnd{kBulkDownloadInterrupted, std::nullopt, 0, now_utc()});
  });
}

BulkArchive BulkDownloadService::archive(const Caller& caller,
                                         const std::optional<std::string>& operation_id) {
  const Viewer viewer = viewer_of(caller);
  const std::string id = store_.read_value([&](StoreTx& tx) -> std::string {
    if (operation_id) {
      const auto operation = bulk_operation_in_tx(tx, *operation_id);
      if (!operation || operation->owner_id != viewer.user_id) throw_not_found();
    }
    // Only a listed operation's archive is served (a pruned one's is on its way out).
    const std::vector<FileOperationRecord> listed = listed_operations_in_tx(tx, viewer.user_id);
    for (auto it = listed.rbegin(); it != listed.rend(); ++it)
      if (it->type == FileOperationType::kDownload && it->finished && !it->error && it->url &&
          (!operation_id || it->id == *operation_id))
        return it->id;
    throw_not_found();
  });
  std::error_code error;
  const std::filesystem::path path = archive_path(id);
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) throw_not_found();
  return BulkArchive{path, static_cast<std::uint64_t>(size), id};
}

bool BulkDownloadService::archive_kept(const std::string& operation_id) {
  return store_.read_value([&](StoreTx& tx) {
    const auto operation = bulk_operation_in_tx(tx, operation_id);
    return operation && operation->finished && !operation->error && operation->finished_at &&
           *operation->finished_at >= now_utc() - kFinishedOperationRetention;
  });
}

}  // namespace projectd
