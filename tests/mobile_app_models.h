// What the official mobile app (ONLYOFFICE/projects-mobile, lib/data/models/from_api/) casts in
// each answer it parses, as data (mobile_app_models.cc), and a checker that finds every value the
// app's fromJson would throw on. The app casts strictly (`as int`, `as bool`, `DateTime.parse`): a
// wrong JSON type or a null where it casts without `?` crashes its screen
// (docs/wire-compatibility.md, "Objects").
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace projectd::test {

enum class Cast {
  kInt,     // `as int`: an integer, never a double or a string
  kNum,     // `as num`: an integer or a double
  kString,  // `as String`
  kBool,    // `as bool`
  kDate,    // `DateTime.parse(x as String)`
  kObject,  // a nested model's fromJson
  kArray,   // `as List`
  kAny,     // no cast
};

enum class Null {
  kNever,    // a null or a missing key throws
  kAllowed,  // `as T?`, or guarded by `!= null`
};

struct AppField {
  const char* key;
  Cast cast;
  Null null;
  const char* nested = "";  // the model of an object, or of each element of an array
};

struct AppModel {
  const char* name;  // the Dart class
  const char* file;  // under lib/data/models/from_api/
  std::vector<AppField> fields;
};

const std::vector<AppModel>& app_models();

// Every value of `json` that the app's `model`.fromJson would throw on, as "<path>: <problem>";
// empty when the app parses it. An unknown model name is a problem too.
std::vector<std::string> app_parse_problems(const std::string& model,
                                            const boost::json::value& json);

}  // namespace projectd::test
