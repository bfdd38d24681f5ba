// The discussion objects: MessageWrapper (lists, create, delete) and its full variant (one
// discussion: files rights, subscribers, comments as CommentInfo, the project), members in the
// original's order (ProjectApi.Messages, MessageWrapper, MessageWrapperFull).
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/projects/message_service.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::object message_wrapper(const MessageView& view, const PeopleIndex& people,
                                    const WrapContext& context, bool simple);

boost::json::object message_wrapper_full(const MessageFullView& view, const WrapContext& context,
                                         bool simple);

}  // namespace projectd
