// The comment objects (docs/wire-compatibility.md, "Objects"): CommentWrapper (the comment
// endpoints) and CommentInfo (the web client's shape, inside TaskWrapperFull and the full
// discussion: top-level comments with their replies nested in `commentList`), members in the
// original's order.
#pragma once

#include "api/people/employee_wrappers.h"
#include "domain/people/people_index.h"
#include "domain/projects/comment_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>

namespace projectd {

boost::json::object comment_wrapper(const CommentView& view, const PeopleIndex& people,
                                    const WrapContext& context);

// `people` must hold every author of the thread.
boost::json::array comment_infos(const CommentThread& thread, const PeopleIndex& people,
                                 const WrapContext& context);

// When the words saying how long ago a comment of `thread` was written (timeStampStr, "5 minutes
// ago") next change, seen at `now`: an answer showing them stays the same until then. nullopt: the
// thread shows none.
std::optional<Timestamp> ago_words_change(const CommentThread& thread, Timestamp now);

// One CommentInfo; `replies` becomes its commentList.
boost::json::object comment_info(const std::string& id, const UserRecord& author,
                                 const std::string& body, Timestamp created, bool inactive,
                                 bool can_edit, bool can_respond, boost::json::array replies,
                                 const WrapContext& context);

}  // namespace projectd
