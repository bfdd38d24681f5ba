// app_parse_problems(): walks an answer with the casts of mobile_app_models.cc.
#include "mobile_app_models.h"

#include <regex>

namespace projectd::test {
namespace {

const AppModel* find_app_model(const std::string& name) {
  for (const AppModel& model : app_models()) {
    if (name == model.name) return &model;
  }
  return nullptr;
}

// What Dart's DateTime.parse accepts, as the server writes dates: an ISO 8601 date, optionally
// with a time, fractions and a zone ("2030-01-02T10:00:00.0000000+03:00", "...Z").
bool dart_parses_date(const std::string& text) {
  static const std::regex iso(
      R"(^[+-]?\d{4,6}-\d{2}-\d{2}([T ]\d{2}(:?\d{2}(:?\d{2}([.,]\d+)?)?)?( ?(Z|z|[+-]\d{2}(:?\d{2})?))?)?$)");
  return std::regex_match(text, iso);
}

class AppChecker {
 public:
  void check_model(const std::string& name, const boost::json::value& json,
                   const std::string& path) {
    const AppModel* model = find_app_model(name);
    if (!model) return problem(path, "no model named " + name);
    if (!json.is_object()) return problem(path, name + " is not an object");
    const auto& object = json.as_object();
    for (const AppField& field : model->fields)
      check_field(field, object.if_contains(field.key), path + "/" + field.key);
  }

  std::vector<std::string> problems;

 private:
  void problem(const std::string& path, const std::string& what) {
    problems.push_back((path.empty() ? "/" : path) + ": " + what);
  }

  void check_field(const AppField& field, const boost::json::value* value,
                   const std::string& path) {
    if (!value || value->is_null()) {
      if (field.null == Null::kNever) problem(path, value ? "null" : "missing");
      return;
    }
    switch (field.cast) {
      case Cast::kInt:
        if (!value->is_int64() && !value->is_uint64()) problem(path, "not an int");
        break;
      case Cast::kNum:
        if (!value->is_number()) problem(path, "not a number");
        break;
      case Cast::kString:
        if (!value->is_string()) problem(path, "not a string");
        break;
      case Cast::kBool:
        if (!value->is_bool()) problem(path, "not a bool");
        break;
      case Cast::kDate:
        if (!value->is_string() || !dart_parses_date(std::string(value->as_string())))
          problem(path, "not a date DateTime.parse reads");
        break;
      case Cast::kObject:
        if (*field.nested) {
          check_model(field.nested, *value, path);
        } else if (!value->is_object()) {
          problem(path, "not an object");
        }
        break;
      case Cast::kArray:
        if (!value->is_array()) return problem(path, "not an array");
        if (*field.nested) {
          std::size_t i = 0;
          for (const auto& element : value->as_array())
            check_model(field.nested, element, path + "/" + std::to_string(i++));
        }
        break;
      case Cast::kAny:
        break;
    }
  }
};

}  // namespace

std::vector<std::string> app_parse_problems(const std::string& model,
                                            const boost::json::value& json) {
  AppChecker checker;
  checker.check_model(model, json, "");
  return std::move(checker.problems);
}

}  // namespace projectd::test
