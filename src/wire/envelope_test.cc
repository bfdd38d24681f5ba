#include "wire/envelope.h"

#include "wire/format.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace projectd {
namespace {

std::string json(const boost::json::object& o) {
  return boost::json::serialize(o);
}

TEST(Envelope, SingleObjectCountsOneAndPostSays201) {
  boost::json::object task = {{"id", 10}};
  EXPECT_EQ(json(success_envelope(201, task)),
            R"({"count":1,"status":0,"statusCode":201,"response":{"id":10}})");
}

TEST(Envelope, VoidAnswersAnEmptyObjectWithoutCount) {
  EXPECT_EQ(json(success_envelope(200, nullptr)), R"({"status":0,"statusCode":200,"response":{}})");
}

TEST(Envelope, ListsCountTheirItemsAndEmptyListsLeaveCountOut) {
  EXPECT_EQ(json(success_envelope(200, boost::json::array{1, 2, 3})),
            R"({"count":3,"status":0,"statusCode":200,"response":[1,2,3]})");
  EXPECT_EQ(json(success_envelope(200, boost::json::array{})),
            R"({"status":0,"statusCode":200,"response":[]})");
}

TEST(Envelope, HonestPagingInTheOriginalOrder) {
  Paging paging{25, 60, true};
  boost::json::array page(25, 7);
  const std::string text = json(success_envelope(200, page, paging));
  EXPECT_EQ(
      text.substr(0, text.find("\"response\"")),
      R"({"count":25,"startIndex":25,"nextIndex":50,"total":60,"status":0,"statusCode":200,)");
}

TEST(Envelope, BatchFailuresFollowTheResponse) {
  boost::json::array failed = {
      boost::json::object{{"id", 7}, {"statusCode", 404}, {"message", "Item not found"}}};
  EXPECT_EQ(
      json(success_envelope(200, boost::json::array{boost::json::object{{"id", 6}}}, {}, failed)),
      R"({"count":1,"status":0,"statusCode":200,"response":[{"id":6}],)"
      R"("failed":[{"id":7,"statusCode":404,"message":"Item not found"}]})");
  EXPECT_EQ(json(success_envelope(200, boost::json::array{}, {}, boost::json::array{})),
            R"({"status":0,"statusCode":200,"response":[],"failed":[]})");
  EXPECT_EQ(render(success_envelope(200, boost::json::array{}, {}, failed), Format::kXml),
            "<result><status>0</status><statusCode>200</statusCode><failed><id>7</id>"
            "<statusCode>404</statusCode><message>Item not found</message></failed></result>");
}

TEST(Envelope, ErrorsCarryMessageHresultAndData) {
  EXPECT_EQ(json(error_envelope(404, "Item not found", nullptr)),
            R"({"status":1,"statusCode":404,"error":{"message":"Item not found",)"
            R"("hresult":-2147467259,"data":{}}})");
  boost::json::object data = {{"ids", boost::json::array{5, 6}}};
  EXPECT_EQ(json(error_envelope(400, "bad", data, 10)),
            R"({"startIndex":10,"status":1,"statusCode":400,"error":{"message":"bad",)"
            R"("hresult":-2147024809,"data":{"ids":[5,6]}}})");
}

TEST(Envelope, RendersAsXml) {
  const auto envelope =
      success_envelope(200, boost::json::array{boost::json::object{{"id", 1}, {"ok", true}},
                                               boost::json::object{{"id", 2}, {"ok", false}}});
  EXPECT_EQ(render(envelope, Format::kXml),
            "<result><count>2</count><status>0</status><statusCode>200</statusCode>"
            "<response><id>1</id><ok>true</ok></response>"
            "<response><id>2</id><ok>false</ok></response></result>");
}

TEST(Format, SuffixWinsThenAcceptThenJson) {
  EXPECT_EQ(format_of_suffix("/api/2.0/people/@self.xml"), Format::kXml);
  EXPECT_EQ(format_of_suffix("/api/2.0/task/12.TML"), Format::kXml);
  EXPECT_EQ(format_of_suffix("/api/2.0/task/12.json"), Format::kJson);
  EXPECT_EQ(format_of_suffix("/api/2.0/task/12"), std::nullopt);
  EXPECT_EQ(format_of_accept(""), Format::kJson);
  EXPECT_EQ(format_of_accept("*/*"), Format::kJson);
  EXPECT_EQ(format_of_accept("application/xml"), Format::kXml);
  EXPECT_EQ(format_of_accept("text/xml, application/json;q=0.9"), Format::kXml);
  EXPECT_EQ(format_of_accept("text/xml;q=0.5, application/json"), Format::kJson);
  EXPECT_EQ(format_of_accept("application/json, text/xml"), Format::kJson);
  EXPECT_EQ(format_of_accept("TEXT/XML"), Format::kXml);
}

}  // namespace
}  // namespace projectd
