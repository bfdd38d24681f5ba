#include "app/api_services.h"

namespace projectd {

ApiServices::ApiServices(Store& store, BlobStore& blobs, AuthService& auth, PeopleService& people,
                         const PortalTimeZone& zone, std::uint64_t max_upload_bytes,
                         std::chrono::seconds upload_session_lifetime)
    : projects(store),
      teams(store),
      milestones(store),
      tasks(store),
      statuses(store),
      messages(store),
      comments(store),
      files(store, blobs, max_upload_bytes),
      attachments(store, files),
      groups(store),
      photos(store, blobs, people),
      tags(store),
      project_settings(store),
      templates(store),
      gantt(store),
      project_extras{tags, project_settings, templates, gantt},
      file_operations(store, blobs),
      // Chunked uploads stage beside the contents (one file system: the finished file is linked
      // in).
      chunked_uploads(store, blobs, files, blobs.root() / "upload-sessions",
                      upload_session_lifetime),
      files_settings(store),
      file_marks(store),
      file_search(store),
      file_properties(store),
      file_extras{files_settings, file_marks, file_search, file_properties},
      trash(store, blobs),
      shares(store, blobs),
      // Beside the contents, shared by every node like them (any node serves an archive's url);
      // each node spools in its own directory, named as its blob spool is.
      bulk_downloads(store, blobs, blobs.root() / "bulk-downloads",
                     blobs.temp_dir().filename().string()),
      webhooks(store),
      env{auth,     people,   projects,       teams,           milestones,      tasks,
          statuses, messages, comments,       files,           attachments,     groups,
          photos,   zone,     project_extras, file_operations, chunked_uploads, file_extras,
          trash,    shares,   bulk_downloads, webhooks} {}

}  // namespace projectd
