// What the API handlers share: the domain services and the portal settings they render with.
#pragma once

#include "domain/files/bulk_download_service.h"
#include "domain/files/chunked_upload_service.h"
#include "domain/files/file_marks.h"
#include "domain/files/file_operations.h"
#include "domain/files/file_properties.h"
#include "domain/files/file_search.h"
#include "domain/files/file_service.h"
#include "domain/files/files_settings_service.h"
#include "domain/files/share_service.h"
#include "domain/files/trash.h"
#include "domain/notify/notification_settings_service.h"

#include "domain/notify/webhook_service.h"
#include "domain/people/auth_service.h"
#include "domain/people/group_service.h"
#include "domain/people/password_recovery.h"
#include "domain/people/people_service.h"
#include "domain/people/photo_service.h"
#include "domain/projects/attachment_service.h"
#include "domain/projects/comment_service.h"
#include "domain/projects/gantt_order_service.h"
#include "domain/projects/message_service.h"
#include "domain/projects/milestone_service.h"
#include "domain/projects/project_service.h"
#include "domain/projects/project_settings_service.h"
#include "domain/projects/status_service.h"
#include "domain/projects/tag_service.h"
#include "domain/projects/task_services.h"
#include "domain/projects/team_service.h"
#include "domain/projects/template_service.h"
#include "wire/date.h"

namespace projectd {

// The rest of the Projects module (issue 15): tags, settings, templates, gantt orders.
struct ProjectExtraServices {
  TagService& tags;
  ProjectSettingsService& settings;
  TemplateService& templates;
  GanttOrderService& gantt;
};

// The per-person parts of Documents (issue 16): settings, marks, search, entry properties.
struct FileExtraServices {
  FilesSettingsService& settings;
  FileMarkService& marks;
  FileSearchService& search;
  FilePropertiesService& properties;
};

struct ApiEnv {
  AuthService& auth;
  PeopleService& people;
  ProjectService& projects;
  TeamService& teams;
  MilestoneService& milestones;
  TaskServices& tasks;
  StatusService& statuses;
  MessageService& messages;
  CommentService& comments;
  FileService& files;
  AttachmentService& attachments;
  GroupService& groups;
  PhotoService& photos;
  PortalTimeZone zone;
  ProjectExtraServices& project_extras;
  FileOperationService& file_operations;  // issue 16: files/fileops
  ChunkedUploadService& chunked_uploads;  // issue 16
  FileExtraServices& file_extras;
  TrashService& trash;                         // issue 16: fileops/emptytrash
  ShareService& shares;                        // issue 16: sharing and shared links
  BulkDownloadService& bulk_downloads;         // issue 16: fileops/bulkdownload
  PasswordRecoveryService& password_recovery;  // issue 18: people/password
  // Issue 18: turning notification mail off.
  NotificationSettingsService& notification_settings;
  WebhookService& webhooks;  // issue 18: api/2.0/webhooks
};

}  // namespace projectd
