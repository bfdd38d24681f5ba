#include "http/params.h"

#include "base/errors.h"
#include "http/bad_request_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace projectd {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

// (key, text) pairs in order, nulls written as "<null>", for compact expectations.
std::vector<std::pair<std::string, std::string>> flat(const Params& params) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : params.entries()) {
    out.emplace_back(key, value.is_null ? "<null>" : value.text);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> urlencoded(std::string_view text) {
  Params params;
  add_urlencoded_params(params, text, ParamSource::kQuery);
  for (const auto& entry : params.entries())
    EXPECT_FALSE(entry.second.is_null);
  return flat(params);
}

std::vector<std::pair<std::string, std::string>> json(std::string_view body) {
  Params params;
  add_json_params(params, body);
  return flat(params);
}

std::vector<std::pair<std::string, std::string>> xml(std::string_view body) {
  Params params;
  add_xml_params(params, body);
  return flat(params);
}

// --- urlencoded ---

TEST(UrlencodedParamsTest, EmptyPairsAndBareQuestionMarkAreIgnored) {
  EXPECT_THAT(urlencoded("?&Count=25"), ElementsAre(Pair("Count", "25")));
  EXPECT_THAT(urlencoded("?"), IsEmpty());
  EXPECT_THAT(urlencoded(""), IsEmpty());
  EXPECT_THAT(urlencoded("a=1&&b=2&"), ElementsAre(Pair("a", "1"), Pair("b", "2")));
  EXPECT_THAT(urlencoded("&&&"), IsEmpty());
}

TEST(UrlencodedParamsTest, UnknownKeysAreKept) {
  EXPECT_THAT(urlencoded("__=123456&count=2"),
              ElementsAre(Pair("__", "123456"), Pair("count", "2")));
}

TEST(UrlencodedParamsTest, KeyWithoutEqualsHasEmptyValue) {
  EXPECT_THAT(urlencoded("flag&x="), ElementsAre(Pair("flag", ""), Pair("x", "")));
}

TEST(UrlencodedParamsTest, EmptyKeyIsDropped) {
  EXPECT_THAT(urlencoded("=5&a=1"), ElementsAre(Pair("a", "1")));
}

TEST(UrlencodedParamsTest, PlusAndPercentDecodeInKeysAndValues) {
  EXPECT_THAT(urlencoded("title=Sample+Title%20two&a%2Bb=c%2Bd&files%5B%5D=1&q=%E2%82%AC"),
              ElementsAre(Pair("title", "Sample Title two"), Pair("a+b", "c+d"),
                          Pair("files[]", "1"), Pair("q", "\xE2\x82\xAC")));
}

TEST(UrlencodedParamsTest, EqualsInValueIsKept) {
  EXPECT_THAT(urlencoded("token=a=b=="), ElementsAre(Pair("token", "a=b==")));
}

TEST(UrlencodedParamsTest, InvalidPercentEscapeIsA400NamingTheParameter) {
  EXPECT_EQ(bad_request_message([] { urlencoded("title=%zz"); }),
            "Parameter 'title' has an invalid percent-encoding");
  EXPECT_EQ(bad_request_message([] { urlencoded("title=abc%2"); }),
            "Parameter 'title' has an invalid percent-encoding");
  EXPECT_EQ(bad_request_message([] { urlencoded("title=%"); }),
            "Parameter 'title' has an invalid percent-encoding");
  EXPECT_EQ(bad_request_message([] { urlencoded("ti%tle=1"); }),
            "The query string has a parameter name with an invalid percent-encoding");
  Params params;
  EXPECT_EQ(bad_request_message(
                [&] { add_urlencoded_params(params, "ok=1&a%G1=1", ParamSource::kBody); }),
            "The form body has a parameter name with an invalid percent-encoding");
  EXPECT_THAT(params.entries(), IsEmpty());
}

TEST(UrlencodedParamsTest, SourceIsRecorded) {
  Params params;
  add_urlencoded_params(params, "id=1", ParamSource::kBody);
  params.add("id", "2", ParamSource::kRoute);
  EXPECT_EQ(params.get_int("id"), 2);
}

// --- JSON ---

TEST(JsonParamsTest, ScalarsKeepTheirJsonText) {
  EXPECT_THAT(
      json(R"({"title":"T","id":123,"neg":-5,"rate":1.50,"big":18446744073709551616,)"
           R"("exp":1e3,"yes":true,"no":false,"none":null})"),
      ElementsAre(Pair("title", "T"), Pair("id", "123"), Pair("neg", "-5"), Pair("rate", "1.50"),
                  Pair("big", "18446744073709551616"), Pair("exp", "1e3"), Pair("yes", "true"),
                  Pair("no", "false"), Pair("none", "<null>")));
}

TEST(JsonParamsTest, StringEscapesAreDecoded) {
  EXPECT_THAT(json(R"({"t":"a\"b\\c\u20ac\n"})"), ElementsAre(Pair("t", "a\"b\\c\xE2\x82\xAC\n")));
}

TEST(JsonParamsTest, ArraysBecomeRepeatedKeys) {
  EXPECT_THAT(json(R"({"files":[1,2,"3"]})"),
              ElementsAre(Pair("files", "1"), Pair("files", "2"), Pair("files", "3")));
}

TEST(JsonParamsTest, EmptyArrayIsSentAndEmpty) {
  EXPECT_THAT(json(R"({"files":[]})"), ElementsAre(Pair("files", "<null>")));
}

TEST(JsonParamsTest, NestedObjectsAndArraysOfObjects) {
  EXPECT_THAT(json(R"({"a":{"b":1,"c":{"d":"x"}},"list":[{"id":1,"n":"p"},{"id":2}]})"),
              ElementsAre(Pair("a[b]", "1"), Pair("a[c][d]", "x"), Pair("list[0][id]", "1"),
                          Pair("list[0][n]", "p"), Pair("list[1][id]", "2")));
}

TEST(JsonParamsTest, NestedArraysAreIndexed) {
  EXPECT_THAT(json(R"({"m":[[1,2],[3]]})"),
              ElementsAre(Pair("m[0]", "1"), Pair("m[0]", "2"), Pair("m[1]", "3")));
}

TEST(JsonParamsTest, DuplicateMembersKeepOrderSoTheFirstWins) {
  Params params;
  add_json_params(params, R"({"title":"first","Title":"second"})");
  EXPECT_EQ(params.get_string("title"), "first");
}

TEST(JsonParamsTest, EmptyOrWhitespaceBodyAddsNothing) {
  EXPECT_THAT(json(""), IsEmpty());
  EXPECT_THAT(json(" \r\n\t"), IsEmpty());
  EXPECT_THAT(json("{}"), IsEmpty());
}

TEST(JsonParamsTest, ByteOrderMarkIsSkipped) {
  EXPECT_THAT(json("\xEF\xBB\xBF{\"a\":1}"), ElementsAre(Pair("a", "1")));
}

TEST(JsonParamsTest, NonObjectBodyIsRejected) {
  for (std::string_view body : {"[1,2]", "\"text\"", "123", "null", "true", "[]"}) {
    EXPECT_EQ(bad_request_message([&] { json(body); }), "The request body must be a JSON object")
        << body;
  }
}

TEST(JsonParamsTest, MalformedBodyIsRejected) {
  for (std::string_view body : {"{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{'a':1}",
                                "{\"a\":1}{\"b\":2}", "title=x", "{\"a\":\"\xFF\"}"}) {
    EXPECT_EQ(bad_request_message([&] { json(body); }), "The request body is not valid JSON")
        << body;
  }
}

TEST(JsonParamsTest, FailedBodyAddsNothing) {
  Params params;
  params.add("keep", "1", ParamSource::kQuery);
  EXPECT_THROW(add_json_params(params, R"({"a":1,"b":)"), ApiError);
  EXPECT_EQ(params.entries().size(), 1u);
}

std::string nested(int depth) {
  std::string body;
  for (int i = 0; i < depth - 1; ++i)
    body += "{\"a\":";
  body += "{\"leaf\":1}";
  for (int i = 0; i < depth - 1; ++i)
    body += "}";
  return body;
}

TEST(JsonParamsTest, DepthIsCappedAt32) {
  std::vector<std::pair<std::string, std::string>> deep = json(nested(32));
  ASSERT_EQ(deep.size(), 1u);
  EXPECT_EQ(deep[0].second, "1");
  EXPECT_EQ(bad_request_message([] { json(nested(33)); }),
            "The JSON body is nested deeper than 32 levels");
  EXPECT_EQ(bad_request_message([] { json(std::string(5000, '[')); }),
            "The request body must be a JSON object");
  EXPECT_EQ(bad_request_message([] { json("{\"a\":" + std::string(5000, '[')); }),
            "The JSON body is nested deeper than 32 levels");
}

// --- XML ---

TEST(XmlParamsTest, RootChildrenAreKeys) {
  EXPECT_THAT(xml("<request><title>Sample Title</title><priority>1</priority></request>"),
              ElementsAre(Pair("title", "Sample Title"), Pair("priority", "1")));
}

TEST(XmlParamsTest, RepeatedChildrenMakeAList) {
  Params params;
  add_xml_params(params, "<r><files>1</files><files>2</files><Files>3</Files></r>");
  EXPECT_THAT(*params.get_int_list("files"), ElementsAre(1, 2, 3));
}

TEST(XmlParamsTest, NestedElementsRecurse) {
  EXPECT_THAT(xml("<r><a><b>1</b><c><d>x</d></c></a><list><id>1</id><id>2</id></list></r>"),
              ElementsAre(Pair("a[b]", "1"), Pair("a[c][d]", "x"), Pair("list[id]", "1"),
                          Pair("list[id]", "2")));
}

TEST(XmlParamsTest, EmptyElementsNilAndEntities) {
  EXPECT_THAT(
      xml(R"(<?xml version="1.0" encoding="utf-8"?>)"
          R"(<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
          R"(<description/><notes></notes><deadline xsi:nil="true"/><t>a &amp; b &lt;&#8364;</t>)"
          R"(<c><![CDATA[<raw>]]></c><!-- comment --></r>)"),
      ElementsAre(Pair("description", ""), Pair("notes", ""), Pair("deadline", "<null>"),
                  Pair("t", "a & b <\xE2\x82\xAC"), Pair("c", "<raw>")));
}

TEST(XmlParamsTest, EmptyBodyAddsNothing) {
  EXPECT_THAT(xml(""), IsEmpty());
  EXPECT_THAT(xml("  \n"), IsEmpty());
  EXPECT_THAT(xml("<r/>"), IsEmpty());
}

TEST(XmlParamsTest, MalformedBodyIsRejected) {
  for (std::string_view body :
       {"<r><a>1</r>", "<r>", "not xml", "<!-- only a comment -->", "<r><a>1</a></r><second/>"}) {
    EXPECT_EQ(bad_request_message([&] { xml(body); }), "The request body is not valid XML") << body;
  }
}

TEST(XmlParamsTest, DepthIsCapped) {
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "<a>";
  for (int i = 0; i < 40; ++i)
    body += "</a>";
  Params params;
  params.add("keep", "1", ParamSource::kQuery);
  EXPECT_EQ(bad_request_message([&] { add_xml_params(params, body); }),
            "The XML body is nested deeper than 32 levels");
  EXPECT_EQ(params.entries().size(), 1u);
}

TEST(XmlParamsTest, DoctypeEntitiesAreNotExpanded) {
  // A "billion laughs" body stays as written: declared entities are never expanded.
  std::string body = R"(<!DOCTYPE r [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)"
                     R"(<r><t>&lol2;</t></r>)";
  EXPECT_THAT(xml(body), ElementsAre(Pair("t", "&lol2;")));
}

}  // namespace
}  // namespace projectd
