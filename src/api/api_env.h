// What the API handlers share: the domain services and the portal settings they render with.
#pragma once

#include "domain/attachment_service.h"
#include "domain/auth_service.h"
#include "domain/comment_service.h"
#include "domain/file_service.h"
#include "domain/message_service.h"
#include "domain/milestone_service.h"
#include "domain/people_service.h"
#include "domain/project_service.h"
#include "domain/status_service.h"
#include "domain/task_services.h"
#include "domain/team_service.h"
#include "wire/date.h"

namespace projectd {

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
  PortalTimeZone zone;
};

}  // namespace projectd
