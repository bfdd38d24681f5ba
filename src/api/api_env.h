// What the API handlers share: the domain services and the portal settings they render with.
#pragma once

#include "domain/auth_service.h"
#include "domain/comment_service.h"
#include "domain/message_service.h"
#include "domain/milestone_service.h"
#include "domain/people_service.h"
#include "domain/project_service.h"
#include "domain/team_service.h"
#include "wire/date.h"

namespace projectd {

struct ApiEnv {
  AuthService& auth;
  PeopleService& people;
  ProjectService& projects;
  TeamService& teams;
  MilestoneService& milestones;
  MessageService& messages;
  CommentService& comments;
  PortalTimeZone zone;
};

}  // namespace projectd
