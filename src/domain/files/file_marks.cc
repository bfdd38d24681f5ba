#include "domain/files/file_marks.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "base/text_fold.h"
#include "domain/files/file_types.h"
#include "domain/files/trash.h"

#include <algorithm>
#include <chrono>

namespace projectd {

namespace {

// The marks a section lists, and its row of kFolderSections (its FolderType and title).
struct SectionInfo {
  FileMarkKind kind;
  const FolderSection& row;
};

SectionInfo section_of(FolderRef ref) {
  const FileMarkKind kind = ref.kind == FolderRef::Kind::kFavorites   ? FileMarkKind::kFavorite
                            : ref.kind == FolderRef::Kind::kTemplates ? FileMarkKind::kTemplate
                                                                      : FileMarkKind::kRecent;
  return {kind, *folder_section(ref.kind)};
}

// Documents, spreadsheets and presentations (FileWrapper fileType 5, 6, 7) may be templates.
bool may_be_template(const FileRecord& file) {
  const int type = file_type_of(file.title);
  return type == 5 || type == 6 || type == 7;
}

template <class Record>
std::vector<Record> in_mark_order(std::vector<Record> records, const std::vector<FileMark>& marks) {
  std::vector<Record> ordered;
  for (const FileMark& mark : marks) {
    auto it = std::find_if(records.begin(), records.end(),
                           [&](const Record& r) { return r.id == mark.id; });
    if (it != records.end()) ordered.push_back(std::move(*it));
  }
  return ordered;
}

std::vector<std::int64_t> ids_of(const std::vector<FileMark>& marks) {
  std::vector<std::int64_t> ids;
  for (const FileMark& mark : marks)
    ids.push_back(mark.id);
  return ids;
}

bool matches_section_query(const std::string& title, const std::vector<std::string>& extensions,
                           const std::string& folded_text) {
  if (!extensions.empty() &&
      std::find(extensions.begin(), extensions.end(), extension_of(title)) == extensions.end())
    return false;
  return text_fold::contains_folded(title, folded_text);
}

}  // namespace

bool is_marked_section(FolderRef ref) {
  return ref.kind == FolderRef::Kind::kFavorites || ref.kind == FolderRef::Kind::kRecent ||
         ref.kind == FolderRef::Kind::kTemplates;
}

FolderContent marked_section_content(Store& store, const Viewer& viewer, FolderRef ref,
                                     const FolderContentQuery& query) {
  if (viewer.is_visitor) throw_not_found();
  const SectionInfo section = section_of(ref);
  const std::vector<std::string> extensions = filter_extensions(query);
  const bool with_folders = query.filter_type == 0 || query.filter_type == 2;
  const bool with_files = query.filter_type != 2;
  const std::string folded_text = text_fold::fold(ascii::trim(query.text));
  return store.read_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    const std::vector<FileMark> file_marks = tx.file_marks().files(viewer.user_id, section.kind);
    std::vector<FileMark> folder_marks;
    if (section.kind == FileMarkKind::kFavorite)
      folder_marks = tx.file_marks().folders(viewer.user_id, section.kind);

    std::vector<FolderRecord> folders;
    if (with_folders && !folder_marks.empty()) {
      for (FolderRecord& folder :
           in_mark_order(tx.file_search().folders_by_ids(ids_of(folder_marks)), folder_marks)) {
        if (!access.of_folder(folder).read || in_trash(folder)) continue;
        if (!text_fold::contains_folded(folder.title, folded_text)) continue;
        folders.push_back(std::move(folder));
      }
    }
    std::vector<FileRecord> files;
    if (with_files) {
      for (FileRecord& file : files_in_order(tx, ids_of(file_marks))) {
        if (!access.of_file(file).read || in_trash(file)) continue;
        if (!matches_section_query(file.title, extensions, folded_text)) continue;
        files.push_back(std::move(file));
      }
    }

    FolderContent out;
    out.total = static_cast<std::int64_t>(folders.size() + files.size());
    const auto folder_count = static_cast<std::int64_t>(folders.size());
    const std::int64_t folder_begin = std::min(query.offset, folder_count);
    const std::int64_t folder_end = std::min(folder_count, query.offset + query.limit);
    std::vector<FolderRecord> page_folders(folders.begin() + folder_begin,
                                           folders.begin() + folder_end);
    const auto file_count = static_cast<std::int64_t>(files.size());
    const std::int64_t room = query.limit - static_cast<std::int64_t>(page_folders.size());
    const std::int64_t file_begin =
        std::min(file_count, std::max<std::int64_t>(0, query.offset - folder_count));
    const std::int64_t file_end =
        std::min(file_count, file_begin + std::max<std::int64_t>(0, room));
    std::vector<FileRecord> page_files(files.begin() + file_begin, files.begin() + file_end);

    FolderRecord current;
    current.owner_id = viewer.user_id;
    current.title = std::string(section.row.title);
    current.created_by = current.updated_by = viewer.user_id;
    // The section changes when a mark does: its dates are its newest mark's.
    for (const std::vector<FileMark>* marks :
         std::initializer_list<const std::vector<FileMark>*>{&file_marks, &folder_marks}) {
      if (!marks->empty() && marks->front().at > current.updated)
        current.created = current.updated = marks->front().at;
    }
    out.current =
        FolderView{current, FolderCounts{0, file_count, folder_count}, 2, section.row.type};
    out.path = {current};

    std::vector<std::int64_t> folder_ids;
    for (const FolderRecord& f : page_folders)
      folder_ids.push_back(f.id);
    const std::vector<FolderCounts> counts = tx.folders().counts(folder_ids);
    std::vector<std::string> people{viewer.user_id};
    for (FolderRecord& f : page_folders) {
      people.push_back(f.created_by);
      people.push_back(f.updated_by);
      FolderView view{f, FolderCounts{f.id, 0, 0}, access.of_folder(f).wrapper_access()};
      for (const FolderCounts& c : counts)
        if (c.folder_id == f.id) view.counts = c;
      out.folders.push_back(std::move(view));
    }
    out.files = file_views(tx, viewer, std::move(page_files), people);
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

void record_recent_in_tx(StoreTx& tx, const Viewer& viewer, const std::vector<std::int64_t>& ids) {
  if (viewer.is_visitor || ids.empty()) return;
  tx.file_marks().mark_files(viewer.user_id, FileMarkKind::kRecent, ids, now_utc());
  tx.file_marks().keep_newest_files(viewer.user_id, FileMarkKind::kRecent, kRecentFilesKept);
}

MarkOutcome FileMarkService::add_favorites(const Caller& caller,
                                           const std::vector<std::int64_t>& file_ids,
                                           const std::vector<std::int64_t>& folder_ids) {
  return change(caller, FileMarkKind::kFavorite, true, file_ids, folder_ids);
}

MarkOutcome FileMarkService::remove_favorites(const Caller& caller,
                                              const std::vector<std::int64_t>& file_ids,
                                              const std::vector<std::int64_t>& folder_ids) {
  return change(caller, FileMarkKind::kFavorite, false, file_ids, folder_ids);
}

MarkOutcome FileMarkService::add_templates(const Caller& caller,
                                           const std::vector<std::int64_t>& file_ids) {
  return change(caller, FileMarkKind::kTemplate, true, file_ids, {});
}

MarkOutcome FileMarkService::remove_templates(const Caller& caller,
                                              const std::vector<std::int64_t>& file_ids) {
  return change(caller, FileMarkKind::kTemplate, false, file_ids, {});
}

MarkOutcome FileMarkService::change(const Caller& caller, FileMarkKind kind, bool add,
                                    const std::vector<std::int64_t>& file_ids,
                                    const std::vector<std::int64_t>& folder_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    // Checks run 404 -> 400 -> 403: what the caller may not read is not found, even for a guest.
    auto readable_file = [&](std::int64_t id) {
      const auto file = tx.files().by_id(id);
      if (!file) throw_not_found();
      access.require_read(access.of_file(*file));
      if (add && kind == FileMarkKind::kTemplate && !may_be_template(*file))
        throw_bad_request("Only documents, spreadsheets and presentations can be templates");
      if (viewer.is_visitor) throw_forbidden("Guests cannot mark files");
    };
    auto readable_folder = [&](std::int64_t id) {
      const auto folder = tx.folders().by_id(id);
      if (!folder) throw_not_found();
      access.require_read(access.of_folder(*folder));
      if (viewer.is_visitor) throw_forbidden("Guests cannot mark folders");
    };
    MarkOutcome outcome;
    std::vector<std::int64_t> files;
    outcome.failed_files = for_each_in_batch(file_ids, [&](std::int64_t id) {
      readable_file(id);
      files.push_back(id);
    });
    std::vector<std::int64_t> folders;
    outcome.failed_folders = for_each_in_batch(folder_ids, [&](std::int64_t id) {
      readable_folder(id);
      folders.push_back(id);
    });
    if (add) {
      const Timestamp now = now_utc();
      tx.file_marks().mark_files(viewer.user_id, kind, files, now);
      tx.file_marks().mark_folders(viewer.user_id, kind, folders, now);
    } else {
      tx.file_marks().unmark_files(viewer.user_id, kind, files);
      tx.file_marks().unmark_folders(viewer.user_id, kind, folders);
    }
    return outcome;
  });
}

void FileMarkService::opened(const Caller& caller, std::int64_t file_id) {
  if (caller.is_visitor) return;
  const Viewer viewer = viewer_of(caller);
  const Timestamp now = now_utc();
  const bool fresh = store_.read_value([&](StoreTx& tx) {
    const auto at = tx.file_marks().file_mark(viewer.user_id, FileMarkKind::kRecent, file_id);
    return at && now - *at < std::chrono::minutes(1);
  });
  if (fresh) return;
  store_.write([&](StoreTx& tx) {
    if (tx.files().by_id(file_id)) record_recent_in_tx(tx, viewer, {file_id});
  });
}

}  // namespace projectd
