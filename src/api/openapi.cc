#include "api/openapi.h"

#include "base/ascii.h"

#include <boost/beast/http/verb.hpp>

namespace projectd {

namespace {

// `{taskid:int}` → `{taskid}`, with a leading slash.
std::string openapi_path(const std::string& pattern) {
  std::string out = "/";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == ':') {
      while (i < pattern.size() && pattern[i] != '}')
        ++i;
      out.push_back('}');
      continue;
    }
    out.push_back(pattern[i]);
  }
  return out;
}

boost::json::object schema_of(const std::string& type) {
  boost::json::object schema;
  if (type == "integer") {
    schema["type"] = "integer";
    schema["format"] = "int64";
  } else if (type == "boolean") {
    schema["type"] = "boolean";
  } else if (type == "date") {
    schema["type"] = "string";
    schema["format"] = "date-time";
  } else if (type == "array") {
    schema["type"] = "array";
    schema["items"] = {{"type", "string"}};
  } else if (type == "file") {
    schema["type"] = "string";
    schema["format"] = "binary";
  } else if (type == "object") {
    schema["type"] = "object";
  } else {
    schema["type"] = "string";
  }
  return schema;
}

boost::json::object envelope_response(const char* description) {
  boost::json::object response;
  response["description"] = description;
  boost::json::object schema = {{"$ref", "#/components/schemas/Envelope"}};
  response["content"] = {{"application/json", {{"schema", schema}}},
                         {"text/xml", {{"schema", schema}}}};
  return response;
}

boost::json::object operation_of(const Route& route) {
  boost::json::object op;
  op["summary"] = route.summary;
  op["tags"] = boost::json::array{boost::json::string(route.tag)};
  boost::json::array parameters;
  boost::json::object body_properties;
  boost::json::array body_required;
  for (const ParamDoc& p : route.params) {
    if (p.in == ParamIn::kBody) {
      boost::json::object property = schema_of(p.type);
      if (!p.description.empty()) property["description"] = p.description;
      body_properties[p.name] = std::move(property);
      if (p.required) body_required.push_back(boost::json::string(p.name));
      continue;
    }
    boost::json::object param;
    param["name"] = p.name;
    param["in"] = p.in == ParamIn::kPath ? "path" : "query";
    param["required"] = p.in == ParamIn::kPath || p.required;
    if (!p.description.empty()) param["description"] = p.description;
    param["schema"] = schema_of(p.type);
    parameters.push_back(std::move(param));
  }
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (!body_properties.empty()) {
    boost::json::object schema = {{"type", "object"}, {"properties", std::move(body_properties)}};
    if (!body_required.empty()) schema["required"] = std::move(body_required);
    boost::json::object media = {{"schema", schema}};
    op["requestBody"] = {{"content",
                          {{"application/json", media},
                           {"application/x-www-form-urlencoded", media},
                           {"multipart/form-data", media},
                           {"text/xml", media}}}};
  }
  const bool post = route.method == boost::beast::http::verb::post;
  boost::json::object responses;
  responses[post ? "201" : "200"] = envelope_response("Success, in the envelope");
  responses["default"] = envelope_response("An error, in the envelope (status 1, error.message)");
  op["responses"] = std::move(responses);
  if (!route.requires_auth) op["security"] = boost::json::array();
  return op;
}

std::string lowercase_method(boost::beast::http::verb method) {
  const auto name = boost::beast::http::to_string(method);
  return ascii::to_lower(std::string_view(name.data(), name.size()));
}

}  // namespace

boost::json::object openapi_document(const RouteTable& table) {
  boost::json::object paths;
  for (const Route& route : table.routes()) {
    const std::string path = openapi_path(route.pattern);
    if (!paths.contains(path)) paths[path] = boost::json::object();
    boost::json::object& operations = paths[path].as_object();
    operations[lowercase_method(route.method)] = operation_of(route);
    if (serves(route, boost::beast::http::verb::head)) {
      boost::json::object head = operation_of(route);
      head["summary"] = "The headers GET answers, without the body: " + route.summary;
      operations["head"] = std::move(head);
    }
  }
  boost::json::object doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = boost::json::object{
      {"title", "projectd: ONLYOFFICE Community Server API 2.0"},
      {"version", PROJECTD_VERSION},
      {"description",
       "Every path also answers with a .json, .xml or .tml suffix. Parameters may be "
       "sent in the query, a form, a JSON or an XML body, keys in any case."}};
  doc["paths"] = std::move(paths);
  boost::json::object schemes;
  schemes["token"] =
      boost::json::object{{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"}};
  schemes["bearer"] = boost::json::object{{"type", "http"}, {"scheme", "bearer"}};
  schemes["basic"] = {{"type", "http"}, {"scheme", "basic"}};
  schemes["cookie"] = {{"type", "apiKey"}, {"in", "cookie"}, {"name", "asc_auth_key"}};
  boost::json::object envelope = {
      {"type", "object"},
      {"properties",
       {{"count", {{"type", "integer"}}},
        {"startIndex", {{"type", "integer"}}},
        {"nextIndex", {{"type", "integer"}}},
        {"total", {{"type", "integer"}}},
        {"status", {{"type", "integer"}, {"description", "0 ok, 1 error"}}},
        {"statusCode", {{"type", "integer"}}},
        {"response", boost::json::object()},
        {"error", {{"type", "object"}, {"properties", {{"message", {{"type", "string"}}}}}}}}},
      {"required", {"status", "statusCode"}}};
  doc["components"] = {{"securitySchemes", std::move(schemes)},
                       {"schemas", {{"Envelope", std::move(envelope)}}}};
  doc["security"] = {{{"token", boost::json::array()}},
                     {{"bearer", boost::json::array()}},
                     {{"basic", boost::json::array()}},
                     {{"cookie", boost::json::array()}}};
  return doc;
}

}  // namespace projectd
