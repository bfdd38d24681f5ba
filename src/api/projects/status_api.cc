// api/2.0/project/status and statuses (docs/wire-compatibility.md, "Endpoints"): custom task
// statuses.
#include "api/projects/status_wrappers.h"
#include "api/projects/task_params.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"

#include <string>

namespace projectd {

namespace http = boost::beast::http;

namespace {

// A member of one status: `name` for status and status/{statusid}, `statuses[i][name]` in a list.
std::string key_of(const std::string& prefix, std::string_view name) {
  return prefix.empty() ? std::string(name) : prefix + "[" + std::string(name) + "]";
}

// Absent: keep; sent as null or "": clear; otherwise the text.
std::optional<std::optional<std::string>> clearable_text(const Params& p, const std::string& key) {
  auto text = p.get_string(key);
  if (!text) return std::nullopt;
  if (text->empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(*text));
}

StatusFields fields_of(const Params& p, const std::string& prefix = "") {
  StatusFields f;
  f.title = p.get_string(key_of(prefix, "title"));
  f.description = clearable_text(p, key_of(prefix, "description"));
  f.image = clearable_text(p, key_of(prefix, "image"));
  f.image_type = clearable_text(p, key_of(prefix, "imageType"));
  f.color = clearable_text(p, key_of(prefix, "color"));
  if (auto order = p.get_int(key_of(prefix, "order"))) {
    if (*order < INT32_MIN || *order > INT32_MAX)
      throw_bad_request("Parameter 'order' is out of range");
    f.order = static_cast<int>(*order);
  }
  if (auto type = p.get_enum(key_of(prefix, "statusType"), kTaskStatusNames))
    f.status_type = static_cast<TaskStatus>(*type);
  f.available = p.get_bool(key_of(prefix, "available"));
  f.is_default = p.get_bool(key_of(prefix, "isDefault"));
  return f;
}

std::int64_t required_id(const Params& p, const std::string& key) {
  auto id = p.get_int(key);
  if (!id) throw_bad_request("Parameter '" + key + "' is required: the status id");
  return *id;
}

// `statuses` as a JSON array of objects (statuses[0][id]...); 400 when it holds none.
std::vector<StatusChange> status_changes_of(const Params& p) {
  std::vector<StatusChange> changes;
  for (std::size_t i = 0;; ++i) {
    const std::string prefix = "statuses[" + std::to_string(i) + "]";
    if (!p.has(prefix + "[id]")) break;
    changes.push_back(StatusChange{required_id(p, prefix + "[id]"), fields_of(p, prefix)});
  }
  if (changes.empty())
    throw_bad_request("Parameter 'statuses' is required: a list of statuses, each with its id");
  return changes;
}

HandlerResult one(const StatusView& view) {
  return ok(custom_status_wrapper(view));
}

HandlerResult many(const std::vector<StatusView>& views) {
  boost::json::array out;
  for (const StatusView& view : views)
    out.push_back(custom_status_wrapper(view));
  return ok(std::move(out));
}

// The route takes any text so that -1 and -2 reach the rule that protects them.
std::int64_t path_status_id(const Params& p) {
  try {
    if (auto id = p.get_int("statusid")) return *id;
  } catch (const ApiError&) {
    // not a number: no such status
  }
  throw_not_found();
}

const std::vector<ParamDoc> kStatusFields = {
    {"title", ParamIn::kBody, "string", false, "required when creating"},
    {"statusType", ParamIn::kBody, "string", false, "open or closed; required when creating"},
    {"description", ParamIn::kBody, "string", false, ""},
    {"color", ParamIn::kBody, "string", false, "e.g. #83888d"},
    {"image", ParamIn::kBody, "string", false, "base64 image"},
    {"imageType", ParamIn::kBody, "string", false, "e.g. image/svg+xml"},
    {"order", ParamIn::kBody, "integer", false, "default: after the others of its type"},
    {"available", ParamIn::kBody, "boolean", false,
     "false: only the task's creator, its project manager or an admin may set it"},
};

}  // namespace

void add_status_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/", "statuses");
  routes.add(http::verb::get, "status",
             "Task statuses: the defaults -1 and -2, then the custom ones", {},
             [&env](RequestContext& r) { return many(env.statuses.list(*r.caller)); });
  routes.add(http::verb::post, "status", "Define a custom task status (admin)", kStatusFields,
             [&env](RequestContext& r) {
               return one(env.statuses.create(*r.caller, fields_of(r.params)));
             });
  std::vector<ParamDoc> update_docs = kStatusFields;
  update_docs.insert(update_docs.begin(), {"id", ParamIn::kBody, "integer", true, "status id"});
  routes.add(http::verb::put, "status",
             "Change a custom task status (admin); absent fields are kept", update_docs,
             [&env](RequestContext& r) {
               return one(env.statuses.update(*r.caller, required_id(r.params, "id"),
                                              fields_of(r.params)));
             });
  routes.add(
      http::verb::put, "statuses",
      "Change several custom task statuses at once (admin), all or none",
      {{"statuses", ParamIn::kBody, "array", true, "objects with id and the fields to change"}},
      [&env](RequestContext& r) {
        return many(env.statuses.update_many(*r.caller, status_changes_of(r.params)));
      });
  routes.add(http::verb::delete_, "status/{statusid}",
             "Delete a custom task status (admin); its tasks must move first", {},
             [&env](RequestContext& r) {
               return one(env.statuses.remove(*r.caller, path_status_id(r.params)));
             });
}

}  // namespace projectd
