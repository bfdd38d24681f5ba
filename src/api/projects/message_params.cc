#include "api/projects/message_params.h"

#include "api/binding.h"
#include "api/paging.h"
#include "base/ascii.h"

#include <chrono>

namespace projectd {

const EnumNames kMessageStatusNames = {{"open", 0}, {"archived", 1}};

MessageQuery message_filter_query(const Params& params, const PortalTimeZone& zone) {
  MessageQuery query;
  if (auto project = params.get_int("projectid"); project && *project != 0)
    query.project_id = *project;
  if (auto tag = params.get_int("tag"); tag && (*tag > 0 || *tag == -1)) query.tag_id = *tag;
  if (auto status = params.get_enum("status", kMessageStatusNames))
    query.status = static_cast<MessageStatus>(*status);
  // The original filters the author by `participant`; the web client's newer filter names it
  // `createdBy`.
  query.author = optional_person(params, "createdBy");
  if (!query.author) query.author = optional_person(params, "participant");
  query.department = optional_person(params, "departament");  // sic: the original's spelling
  query.created_start = params.get_date("createdStart", zone);
  // The stop day is included whole, as the original's Between(start, stop + 1 day).
  if (auto stop = params.get_date("createdStop", zone))
    query.created_stop = *stop + std::chrono::days(1);
  if (auto last = params.get_int("lastId"); last && *last > 0) query.last_id = *last;
  query.my_projects = params.get_bool("myProjects").value_or(false);
  query.followed = params.get_bool("follow").value_or(false);
  query.text = params.get_string("filterValue").value_or("");
  const std::string sort_by = ascii::to_lower(params.get_string("sortBy").value_or(""));
  if (sort_by == "create_on") query.sort = MessageSort::kCreated;
  if (sort_by == "title") query.sort = MessageSort::kTitle;
  if (sort_by == "comments") query.sort = MessageSort::kLastActivity;
  query.descending = ascii::iequals(params.get_string("sortOrder").value_or(""), "descending");
  const PageRequest page = page_request(params);
  query.offset = page.start_index;
  query.limit = page.count;
  return query;
}

}  // namespace projectd
