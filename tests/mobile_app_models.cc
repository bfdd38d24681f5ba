// What the official mobile app (ONLYOFFICE/projects-mobile, lib/data/models/from_api/) casts in
// each answer it parses: read from the app's public sources, one entry per key its fromJson reads.
#include "mobile_app_models.h"

namespace projectd::test {

const std::vector<AppModel>& app_models() {
  // Each model is read from the newest stored version of its file (commit noted above it): the
  // null-safe one with explicit `as` casts where there is one. Line numbers are of that version.
  // A key the app assigns without a cast to a typed field (`type = json['type']` into `String?`)
  // is an implicit downcast: same type check as `as String?`.
  static const std::vector<AppModel> models = {
      // portal_task.dart @193da1d (the fixed cast version). The earlier cast version @16c3e3e read
      // `json['comments'] as List<Map<String, dynamic>>` (throws on any decoded array) and read
      // 'commentList' for files and subtasks: it crashed on any non-null comments, files, subtasks
      // or responsibles. @193da1d casts all four `(as List).cast<Map<String, dynamic>>()`.
      {"PortalTask",
       "portal_task.dart",
       {
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"canCreateSubtask", Cast::kBool, Null::kAllowed},
           {"canCreateTimeSpend", Cast::kBool, Null::kAllowed},
           {"canDelete", Cast::kBool, Null::kAllowed},
           {"canReadFiles", Cast::kBool, Null::kAllowed},
           {"comments", Cast::kArray, Null::kAllowed, "PortalComment"},  // line 103
           {"customTaskStatus", Cast::kInt, Null::kAllowed},
           {"startDate", Cast::kString, Null::kAllowed},  // kept as a String, not parsed here
           {"files", Cast::kArray, Null::kAllowed, "PortalFile"},  // line 110
           {"id", Cast::kInt, Null::kAllowed},
           {"isSubscribed", Cast::kBool, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"deadline", Cast::kString, Null::kAllowed},  // line 118: String?, not DateTime.parse
           {"priority", Cast::kInt, Null::kAllowed},
           {"milestone", Cast::kObject, Null::kAllowed, "Milestone"},
           {"milestoneId", Cast::kInt, Null::kAllowed},
           {"projectOwner", Cast::kObject, Null::kAllowed, "ProjectOwner"},
           {"status", Cast::kInt, Null::kAllowed},
           {"responsible", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"created", Cast::kString, Null::kAllowed},
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kString, Null::kAllowed},
           {"subtasks", Cast::kArray, Null::kAllowed, "Subtask"},         // line 141
           {"responsibles", Cast::kArray, Null::kAllowed, "PortalUser"},  // line 147
       }},
      // portal_task.dart @193da1d, class Subtask.
      {"Subtask",
       "portal_task.dart",
       {
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"taskId", Cast::kInt, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},  // line 233: dynamic field, `as String?`
           {"status", Cast::kInt, Null::kAllowed},
           {"responsible", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"created", Cast::kDate, Null::kAllowed},  // `== null ? null : DateTime.parse(...)`
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kDate, Null::kAllowed},  // `== null ? null : DateTime.parse(...)`
       }},
      // project.dart @804d4a0 (the only null-safe version; @0d7fb87 is the same without casts).
      {"Project",
       "project.dart",
       {
           {"id", Cast::kInt, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"isPrivate", Cast::kBool, Null::kAllowed},
           // line 62: `PortalUser.fromJson(json['responsible'] as Map<String, dynamic>)`, no guard.
           {"responsible", Cast::kObject, Null::kNever, "PortalUser"},
       }},
      // project_detailed.dart: the version with `Map<String, bool>? security` (read by id; its
      // commit is not named by the index), newer than @3bdd5bd, which read
      // `json['security'] as Map<String, dynamic>?` (null tolerated there).
      {"ProjectDetailed",
       "project_detailed.dart",
       {
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"canDelete", Cast::kBool, Null::kAllowed},
           // line 88: `(json['security'] as Map).cast<String, bool>()`: an object, never null; the
           // values are read as bool.
           {"security", Cast::kObject, Null::kNever},
           // line 89: `is int ? as int : int.parse(as String)`: an int (a numeric string also
           // parses); null, a double or any other string throws.
           {"projectFolder", Cast::kInt, Null::kNever},
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"responsible", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"isPrivate", Cast::kBool, Null::kAllowed},
           {"taskCount", Cast::kInt, Null::kAllowed},
           {"taskCountTotal", Cast::kInt, Null::kAllowed},
           {"milestoneCount", Cast::kInt, Null::kAllowed},
           {"discussionCount", Cast::kInt, Null::kAllowed},
           {"participantCount", Cast::kInt, Null::kAllowed},
           {"timeTrackingTotal", Cast::kString, Null::kAllowed},
           {"documentsCount", Cast::kInt, Null::kAllowed},
           {"isFollow", Cast::kBool, Null::kAllowed},
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"created", Cast::kString, Null::kAllowed},
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kString, Null::kAllowed},
           {"tags", Cast::kArray, Null::kAllowed},  // line 116: `(as List).cast<String>()`: strings
       }},
      // discussion.dart @2939fa6.
      {"Discussion",
       "discussion.dart",
       {
           {"canCreateComment", Cast::kBool, Null::kAllowed},
           {"canEditFiles", Cast::kBool, Null::kAllowed},
           {"canReadFiles", Cast::kBool, Null::kAllowed},
           {"subscribers", Cast::kArray, Null::kAllowed, "PortalUser"},
           {"files", Cast::kArray, Null::kAllowed, "PortalFile"},
           {"comments", Cast::kArray, Null::kAllowed, "PortalComment"},
           {"project", Cast::kObject, Null::kAllowed, "Project"},  // Project.responsible is strict
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kAny, Null::kAllowed},  // line 107: no cast, `dynamic` field
           {"projectOwner", Cast::kObject, Null::kAllowed, "ProjectOwner"},
           {"commentsCount", Cast::kInt, Null::kAllowed},
           {"text", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kNever},  // line 113: `json['status'] as int`, no `?`
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"created", Cast::kDate, Null::kAllowed},  // line 117: `!= null ? DateTime.parse(...)`
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kDate, Null::kAllowed},  // line 121: `!= null ? DateTime.parse(...)`
       }},
      // portal_comment.dart @15039968 (same casts as @39a4077).
      {"PortalComment",
       "portal_comment.dart",
       {
           {"commentID", Cast::kString, Null::kAllowed},  // line 66: key spelled "commentID"
           {"userID", Cast::kString, Null::kAllowed},     // line 67: key spelled "userID"
           {"userPost", Cast::kString, Null::kAllowed},
           {"userFullName", Cast::kString, Null::kAllowed},
           {"userProfileLink", Cast::kString, Null::kAllowed},
           {"userAvatarPath", Cast::kString, Null::kAllowed},
           {"commentBody", Cast::kString, Null::kAllowed},
           {"inactive", Cast::kBool, Null::kAllowed},
           {"isRead", Cast::kBool, Null::kAllowed},
           {"isEditPermissions", Cast::kBool, Null::kAllowed},
           {"isResponsePermissions", Cast::kBool, Null::kAllowed},
           {"timeStampStr", Cast::kString, Null::kAllowed},
           {"commentList", Cast::kArray, Null::kAllowed, "PortalComment"},  // line 79
           {"attachments", Cast::kAny, Null::kAllowed},                     // line 83: `as dynamic`
       }},
      // portal_file.dart @16799ac.
      {"PortalFile",
       "portal_file.dart",
       {
           {"access", Cast::kInt, Null::kAllowed},
           {"comment", Cast::kAny, Null::kAllowed},  // line 82: `as dynamic`
           {"contentLength", Cast::kString, Null::kAllowed},
           {"created", Cast::kDate, Null::kNever},  // line 84: `DateTime.parse(as String)`
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"fileExst", Cast::kString, Null::kAllowed},
           {"fileStatus", Cast::kInt, Null::kAllowed},
           {"fileType", Cast::kInt, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"pureContentLength", Cast::kInt, Null::kAllowed},
           {"rootFolderType", Cast::kInt, Null::kAllowed},
           {"shared", Cast::kBool, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"thumbnailUrl", Cast::kString, Null::kAllowed},
           {"updated", Cast::kDate, Null::kNever},  // line 97: `DateTime.parse(as String)`
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"version", Cast::kInt, Null::kAllowed},
           {"versionGroup", Cast::kInt, Null::kAllowed},
           {"viewUrl", Cast::kString, Null::kAllowed},
           {"folderId", Cast::kInt, Null::kAllowed},
       }},
      // portal_user.dart: the null-safe version with casts (read by id; its commit is not named by
      // the index); @0d7fb87 is the same without casts, @7d9c0c2 an early 5-key stub.
      {"PortalUser",
       "portal_user.dart",
       {
           {"id", Cast::kAny, Null::kAllowed},  // line 96: `.toString()`: anything, even null
           {"userName", Cast::kString, Null::kAllowed},
           {"isVisitor", Cast::kBool, Null::kAllowed},
           {"firstName", Cast::kString, Null::kAllowed},
           {"lastName", Cast::kString, Null::kAllowed},
           {"email", Cast::kString, Null::kAllowed},
           {"birthday", Cast::kString, Null::kAllowed},
           {"sex", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"activationStatus", Cast::kInt, Null::kAllowed},
           {"terminated", Cast::kString, Null::kAllowed},  // line 106 (bool? in SelfUserProfile)
           {"department", Cast::kString, Null::kAllowed},
           {"workFrom", Cast::kString, Null::kAllowed},
           {"displayName", Cast::kString, Null::kAllowed},
           {"mobilePhone", Cast::kString, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"contacts", Cast::kArray, Null::kAllowed, "Contact"},    // line 114
           {"groups", Cast::kArray, Null::kAllowed, "PortalGroup"},  // line 121: each `as Map`
           {"avatarMedium", Cast::kString, Null::kAllowed},
           {"avatar", Cast::kString, Null::kAllowed},
           {"isAdmin", Cast::kBool, Null::kAllowed},
           {"isLDAP", Cast::kBool, Null::kAllowed},
           {"isOwner", Cast::kBool, Null::kAllowed},
           {"isSSO", Cast::kBool, Null::kAllowed},
           {"avatarSmall", Cast::kString, Null::kAllowed},
           {"profileUrl", Cast::kString, Null::kAllowed},
           {"listAdminModules", Cast::kArray, Null::kAllowed},  // line 134: `.cast<String>()`
       }},
      // self_user_profile.dart @b70dd63.
      {"SelfUserProfile",
       "self_user_profile.dart",
       {
           {"id", Cast::kString, Null::kAllowed},  // line 99: `as String?` (PortalUser stringifies)
           {"userName", Cast::kString, Null::kAllowed},
           {"isVisitor", Cast::kBool, Null::kAllowed},
           {"firstName", Cast::kString, Null::kAllowed},
           {"lastName", Cast::kString, Null::kAllowed},
           {"email", Cast::kString, Null::kAllowed},
           {"birthday", Cast::kString, Null::kAllowed},
           {"sex", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"activationStatus", Cast::kInt, Null::kAllowed},
           // line 109: `as bool?`: a date string here throws; only null (or a bool) parses.
           {"terminated", Cast::kBool, Null::kAllowed},
           {"department", Cast::kString, Null::kAllowed},
           {"workFrom", Cast::kString, Null::kAllowed},
           {"location", Cast::kString, Null::kAllowed},
           {"notes", Cast::kString, Null::kAllowed},
           {"displayName", Cast::kString, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"contacts", Cast::kArray, Null::kAllowed, "Contact"},
           {"groups", Cast::kArray, Null::kAllowed, "PortalGroup"},
           {"avatarMedium", Cast::kString, Null::kAllowed},
           {"avatar", Cast::kString, Null::kAllowed},
           {"isAdmin", Cast::kBool, Null::kAllowed},
           {"isLDAP", Cast::kBool, Null::kAllowed},
           {"isOwner", Cast::kBool, Null::kAllowed},
           {"cultureName", Cast::kString, Null::kAllowed},
           {"isSSO", Cast::kBool, Null::kAllowed},
           {"avatarSmall", Cast::kString, Null::kAllowed},
           {"profileUrl", Cast::kString, Null::kAllowed},
           // listAdminModules is not read by fromJson.
       }},
      // contact.dart @c046e3c: implicit casts into String?.
      {"Contact",
       "contact.dart",
       {
           {"type", Cast::kString, Null::kAllowed},
           {"value", Cast::kString, Null::kAllowed},
       }},
      // portal_group.dart @c046e3c: implicit casts into String?.
      {"PortalGroup",
       "portal_group.dart",
       {
           {"id", Cast::kString, Null::kAllowed},
           {"name", Cast::kString, Null::kAllowed},
           {"manager", Cast::kString, Null::kAllowed},
       }},
      // project_owner.dart @c046e3c: implicit casts into int?/String?/bool?.
      {"ProjectOwner",
       "project_owner.dart",
       {
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"isPrivate", Cast::kBool, Null::kAllowed},
       }},
      // project_tag.dart @3bdd5bd.
      {"ProjectTag",
       "project_tag.dart",
       {
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
       }},
      // folow_project.dart @3bdd5bd.
      {"FollowProject",
       "folow_project.dart",
       {
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"responsible", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"isPrivate", Cast::kBool, Null::kAllowed},
       }},
      // milestone.dart @3bdd5bd.
      {"Milestone",
       "milestone.dart",
       {
           {"canEdit", Cast::kBool, Null::kAllowed},
           {"canDelete", Cast::kBool, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"deadline", Cast::kDate, Null::kAllowed},  // `!= null ? DateTime.parse(as String)`
           {"isKey", Cast::kBool, Null::kAllowed},
           {"isNotify", Cast::kBool, Null::kAllowed},
           {"activeTaskCount", Cast::kInt, Null::kAllowed},
           {"closedTaskCount", Cast::kInt, Null::kAllowed},
           {"status", Cast::kInt, Null::kAllowed},
           {"created", Cast::kDate, Null::kAllowed},  // `!= null ? DateTime.parse(as String)`
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"projectOwner", Cast::kObject, Null::kAllowed, "ProjectOwner"},
           {"responsible", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kDate, Null::kAllowed},  // `!= null ? DateTime.parse(as String)`
       }},
      // status.dart @3bdd5bd.
      {"Status",
       "status.dart",
       {
           {"statusType", Cast::kInt, Null::kAllowed},
           {"canChangeAvailable", Cast::kBool, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"image", Cast::kString, Null::kAllowed},
           {"imageType", Cast::kString, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"description", Cast::kString, Null::kAllowed},
           {"color", Cast::kString, Null::kAllowed},
           {"order", Cast::kInt, Null::kAllowed},
           {"isDefault", Cast::kBool, Null::kAllowed},
           {"available", Cast::kBool, Null::kAllowed},
       }},
      // security_info.dart @3bdd5bd: class SecurityInfo.
      {"SecurityInfo",
       "security_info.dart",
       {
           {"canCreateProject", Cast::kBool, Null::kAllowed},
           {"canCreateTask", Cast::kBool, Null::kAllowed},
           {"canCreateMilestone", Cast::kBool, Null::kAllowed},
           {"canCreateMessage", Cast::kBool, Null::kAllowed},
           {"canCreateTimeSpend", Cast::kBool, Null::kAllowed},
       }},
      // capabilities.dart @10dff4f (@c046e3c read ssoUrl from 'ldapEnabled', untyped).
      {"Capabilities",
       "capabilities.dart",
       {
           {"ldapEnabled", Cast::kBool, Null::kNever},  // line 48: `as bool`, no `?`
           // line 49: `List<String>.from(json['providers'] as List)`: strings, never null.
           {"providers", Cast::kArray, Null::kNever},
           {"ssoLabel", Cast::kString, Null::kAllowed},
           {"ssoUrl", Cast::kString, Null::kAllowed},
       }},
      // error.dart @745635c: class CustomError, parsed from an answer's "error" object
      // (@02068b6, pre-null-safety, tolerated null).
      {"CustomError",
       "error.dart",
       {
           {"message", Cast::kString, Null::kNever},  // line 39: `json['message'] as String`
       }},
      // folder.dart @745635c (@193da1d has the same casts), class FoldersResponse.
      {"FoldersResponse",
       "folder.dart",
       {
           // line 57: guarded; `json['files'].forEach(...)`, each element `as Map<String,
           // dynamic>`.
           {"files", Cast::kArray, Null::kAllowed, "PortalFile"},
           {"folders", Cast::kArray, Null::kAllowed, "Folder"},  // likewise
           {"current", Cast::kObject, Null::kAllowed, "Folder"},
           // line 70: `(json['pathParts'] as List).cast<int>()`, no guard: an array of ints.
           {"pathParts", Cast::kArray, Null::kNever},
           {"startIndex", Cast::kInt, Null::kAllowed},
           {"count", Cast::kInt, Null::kAllowed},
           {"total", Cast::kInt, Null::kAllowed},
       }},
      // folder.dart @745635c, class Folder.
      {"Folder",
       "folder.dart",
       {
           {"parentId", Cast::kInt, Null::kAllowed},
           {"filesCount", Cast::kInt, Null::kAllowed},
           {"foldersCount", Cast::kInt, Null::kAllowed},
           {"id", Cast::kInt, Null::kAllowed},
           {"title", Cast::kString, Null::kAllowed},
           {"access", Cast::kInt, Null::kAllowed},
           {"shared", Cast::kBool, Null::kAllowed},
           {"rootFolderType", Cast::kInt, Null::kAllowed},
           {"updatedBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"created", Cast::kDate, Null::kNever},  // line 135: `DateTime.parse(... as String)`
           {"createdBy", Cast::kObject, Null::kAllowed, "PortalUser"},
           {"updated", Cast::kDate, Null::kNever},  // line 139: `DateTime.parse(... as String)`
       }},
      // operation.dart @79f95e8 (one version): a file operation (files/fileops and the like).
      {"Operation",
       "operation.dart",
       {
           {"id", Cast::kString, Null::kAllowed},
           {"operation", Cast::kInt, Null::kAllowed},
           {"progress", Cast::kInt, Null::kAllowed},
           {"error", Cast::kString, Null::kAllowed},
           {"processed", Cast::kString, Null::kAllowed},
           {"finished", Cast::kBool, Null::kAllowed},
           {"url", Cast::kString, Null::kAllowed},
           {"files", Cast::kArray, Null::kAllowed, "PortalFile"},  // guarded, `.forEach`, `as Map`
           {"folders", Cast::kArray, Null::kAllowed, "Folder"},    // guarded, `.forEach`, `as Map`
       }},
      // user_photo.dart @3cebe2a (one version).
      {"UserPhoto",
       "user_photo.dart",
       {
           {"original", Cast::kString, Null::kAllowed},
           {"retina", Cast::kString, Null::kAllowed},
           {"max", Cast::kString, Null::kAllowed},
           {"big", Cast::kString, Null::kAllowed},
           {"medium", Cast::kString, Null::kAllowed},
           {"small", Cast::kString, Null::kAllowed},
       }},
      // Outside from_api/: lib/data/models/auth_token.dart @c046e3c, the answer to POST
      // authentication (used by the flow test). Implicit casts into nullable fields.
      {"AuthToken",
       "../auth_token.dart",
       {
           {"expires", Cast::kString, Null::kAllowed},
           {"phoneNoise", Cast::kString, Null::kAllowed},
           {"sms", Cast::kBool, Null::kAllowed},
           {"token", Cast::kString, Null::kAllowed},
           {"tfa", Cast::kBool, Null::kAllowed},
           {"tfaKey", Cast::kString, Null::kAllowed},
       }},
  };
  return models;
}
}  // namespace projectd::test
