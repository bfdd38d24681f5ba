#include "api/path_params.h"

#include <array>
#include <stdexcept>
#include <string>

namespace projectd {

namespace {

struct PathParamText {
  std::string_view name;
  std::string_view type;  // for `{name}` without `:int`; `{name:int}` is always an integer
  std::string_view description;
};

// Every path parameter name of the API, once. A name means the same on every route: that is why
// a project is `{projectid}` and a custom status `{statusid}`, never a bare `{id}`.
constexpr std::array kPathParams = {
    PathParamText{"asset", "string", "a web app file's name, e.g. app.<hash>.js"},
    PathParamText{"commentid", "guid", "comment id"},
    PathParamText{"employeestatus", "string", "a person's status: active or terminated"},
    PathParamText{"employeetype", "string", "a person's type: user or visitor"},
    PathParamText{"day", "integer", "day of the month, 1 to 31"},
    PathParamText{"deliveryid", "integer", "a webhook delivery's number"},
    PathParamText{"entityid", "integer", "task or discussion id (entityType says which)"},
    PathParamText{"fileid", "integer", "file id"},
    PathParamText{
        "folderid", "string",
        "folder id; where the route allows it, also @my or @common (a read also @favorites, "
        "@recent or @templates)"},
    PathParamText{"groupid", "guid", "people group id"},
    PathParamText{"messageid", "integer", "discussion id"},
    PathParamText{"milestoneid", "integer", "milestone id"},
    PathParamText{"newgroupid", "guid", "the people group that receives the members"},
    PathParamText{"month", "integer", "month, 1 to 12"},
    PathParamText{"parentid", "integer", "the parent task's id"},
    PathParamText{"photosize", "string",
                  "original, retina, max, big, medium or small (the original's sizes)"},
    PathParamText{"projectid", "integer", "project id"},
    PathParamText{"query", "string", "the text to look for"},
    PathParamText{"status", "string", "a status by name: open or closed (a project also paused)"},
    PathParamText{"statusid", "integer", "custom task status id"},
    PathParamText{"subtaskid", "integer", "subtask id"},
    PathParamText{"tagname", "string", "a tag's title"},
    PathParamText{"taskid", "integer", "task id"},
    PathParamText{"timeid", "integer", "time entry id"},
    PathParamText{"templateid", "integer", "project template id"},
    PathParamText{"userid", "string", "user id, user name or email (@self: the caller)"},
    PathParamText{"webhookid", "integer", "webhook endpoint id"},
    PathParamText{"year", "integer", "year, e.g. 2026"},
};

ParamDoc doc_of(std::string_view pattern, std::string_view placeholder) {
  const std::size_t colon = placeholder.find(':');
  const std::string_view name = placeholder.substr(0, colon);
  for (const PathParamText& text : kPathParams) {
    if (text.name != name) continue;
    const bool integer = colon != std::string_view::npos;
    return ParamDoc{std::string(name), ParamIn::kPath, integer ? "integer" : std::string(text.type),
                    true, std::string(text.description)};
  }
  throw std::logic_error("route " + std::string(pattern) + ": the path parameter '" +
                         std::string(name) + "' has no description in api/path_params.cc");
}

}  // namespace

std::vector<ParamDoc> path_param_docs(std::string_view pattern) {
  std::vector<ParamDoc> out;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos)
      throw std::logic_error("route " + std::string(pattern) + ": unclosed '{'");
    out.push_back(doc_of(pattern, pattern.substr(open + 1, close - open - 1)));
  }
  return out;
}

}  // namespace projectd
