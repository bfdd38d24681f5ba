#include "api/projects/project_binding.h"

#include "api/paging.h"
#include "base/ascii.h"
#include "base/errors.h"

namespace projectd {

namespace {

// A participant object's flag: sent false denies the module.
int denied_if_false(const Params& participant, std::string_view flag, int bit) {
  return participant.get_bool(flag).value_or(true) ? 0 : bit;
}

}  // namespace

const EnumNames kProjectStatusNames = {{"open", 0}, {"closed", 1}, {"paused", 2}};

ProjectQuery project_filter_query(const Params& params, const std::string& caller_id) {
  ProjectQuery query;
  if (auto tag = params.get_int("tag"); tag && *tag > 0) query.tag_id = *tag;
  if (auto status = params.get_enum("status", kProjectStatusNames))
    query.status = static_cast<ProjectStatus>(*status);
  query.participant = optional_person(params, "participant");
  query.manager = optional_person(params, "manager");
  query.department = optional_person(params, "departament");  // sic: the original's spelling
  if (params.get_bool("follow").value_or(false)) query.follower = caller_id;
  query.text = params.get_string("filterValue").value_or("");
  const std::string sort_by = ascii::to_lower(params.get_string("sortBy").value_or(""));
  query.sort = sort_by == "title" ? ProjectSort::kTitle : ProjectSort::kCreated;
  query.descending = ascii::iequals(params.get_string("sortOrder").value_or(""), "descending");
  const PageRequest page = page_request(params);
  query.offset = page.start_index;
  query.limit = page.count;
  return query;
}

std::optional<SecuredTeam> secured_team(const Params& params) {
  SecuredTeam team;
  for (const Params& participant : params.objects_of("participants", Params::kMaxListItems)) {
    const std::string id = required_guid(participant, "ID");
    team.participants.push_back(id);
    team.security.push_back(TeamMember{
        id, denied_if_false(participant, "CanReadMessages", team_security::kMessages) |
                denied_if_false(participant, "CanReadTasks", team_security::kTasks) |
                denied_if_false(participant, "CanReadFiles", team_security::kFiles) |
                denied_if_false(participant, "CanReadMilestones", team_security::kMilestones) |
                denied_if_false(participant, "CanReadContacts", team_security::kContacts)});
  }
  if (!team.security.empty()) return team;
  auto ids = people_list(params, "participants");
  if (!ids) return std::nullopt;
  team.participants = std::move(*ids);
  return team;
}

}  // namespace projectd
