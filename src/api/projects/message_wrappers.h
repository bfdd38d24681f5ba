// The discussion objects: MessageWrapper (lists, create, delete) and its full variant (one
// discussion: files rights, subscribers, comments as CommentInfo, the project), members in the
// original's order (ProjectApi.Messages, MessageWrapper, MessageWrapperFull).
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/projects/message_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <string>
#include <vector>

namespace projectd {

boost::json::object message_wrapper(const MessageView& view, const PeopleIndex& people,
                                    const WrapContext& context, bool simple);

// EmployeeFull of each subscriber, sorted by display name as the original lists them; `people`
// must hold them all.
boost::json::array subscriber_wrappers(const std::vector<std::string>& user_ids,
                                       const PeopleIndex& people, const WrapContext& context);

boost::json::object message_wrapper_full(const MessageFullView& view, const WrapContext& context,
                                         bool simple);

}  // namespace projectd
