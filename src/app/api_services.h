// Every domain service the routes use, built over one store and one blob store, and the ApiEnv
// that names them. `serve` and the fuzz targets' route table build this one set, so a new service
// is added here once (and ApiEnv's order is written down once).
// Thread safety: built and destroyed on one thread; the services themselves are thread-safe.
#pragma once

#include "api/api_env.h"
#include "blob/blob_store.h"
#include "domain/files/file_operations.h"
#include "store/store.h"

#include <chrono>
#include <cstdint>

namespace projectd {

struct ApiServices {
  // `auth` and `people` are built by the caller (serve needs them before the rest: the first
  // administrator); all four references must outlive this.
  ApiServices(Store& store, BlobStore& blobs, AuthService& auth, PeopleService& people,
              const PortalTimeZone& zone, std::uint64_t max_upload_bytes,
              std::chrono::seconds upload_session_lifetime = std::chrono::hours(12),
              // Where links in mail point (mail_link_base: --public-url, else the listener).
              std::string link_base = "http://127.0.0.1:8080");
  ApiServices(const ApiServices&) = delete;
  ApiServices& operator=(const ApiServices&) = delete;

  // In construction order: each holds references to those above it.
  ProjectService projects;
  TeamService teams;
  MilestoneService milestones;
  TaskServices tasks;
  StatusService statuses;
  MessageService messages;
  CommentService comments;
  FileService files;
  AttachmentService attachments;
  GroupService groups;
  PhotoService photos;
  TagService tags;
  ProjectSettingsService project_settings;
  TemplateService templates;
  GanttOrderService gantt;
  ProjectExtraServices project_extras;
  FileOperationService file_operations;
  ChunkedUploadService chunked_uploads;
  FilesSettingsService files_settings;
  FileMarkService file_marks;
  FileSearchService file_search;
  FilePropertiesService file_properties;
  FileExtraServices file_extras;
  TrashService trash;
  ShareService shares;
  BulkDownloadService bulk_downloads;
  PasswordRecoveryService password_recovery;          // issue 18
  NotificationSettingsService notification_settings;  // issue 18
  WebhookService webhooks;                            // issue 18
  ApiEnv env;
};

}  // namespace projectd
