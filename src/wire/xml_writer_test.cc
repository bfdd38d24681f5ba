#include "wire/xml_writer.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <pugixml.hpp>

#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

namespace projectd {
namespace {

namespace json = boost::json;

// tests/golden in the clone (PROJECTD_TEST_GOLDEN_DIR, set by CMakeLists.txt).
std::string read_golden(const std::string& name) {
  const std::string path = std::string(PROJECTD_TEST_GOLDEN_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string xml_of(const char* json_text) {
  return to_api_xml(json::parse(json_text));
}

std::string wrapped(const std::string& inner) {
  return "<result>" + inner + "</result>";
}

TEST(ToApiXml, GoldenSeedResponseMatchesByteForByte) {
  const std::string json_text = read_golden("seed-response.json");
  std::string expected = read_golden("seed-response.xml");
  // The file ends with the newline every text file has; the response body does not.
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(expected.back(), '\n');
  expected.pop_back();
  EXPECT_EQ(to_api_xml(json::parse(json_text)), expected);
}

TEST(ToApiXml, ListResponseRepeatsTheResponseElement) {
  EXPECT_EQ(xml_of(R"({"count":2,"status":0,"statusCode":200,"response":[{"id":1},{"id":2}]})"),
            wrapped("<count>2</count><status>0</status><statusCode>200</statusCode>"
                    "<response><id>1</id></response><response><id>2</id></response>"));
  EXPECT_EQ(xml_of(R"({"response":[7]})"), wrapped("<response>7</response>"));
}

TEST(ToApiXml, EmptyArrayProducesNoElement) {
  EXPECT_EQ(xml_of(R"({"status":0,"statusCode":200,"response":[]})"),
            wrapped("<status>0</status><statusCode>200</statusCode>"));
  EXPECT_EQ(xml_of(R"({"response":{"subtasks":[],"id":1}})"),
            wrapped("<response><id>1</id></response>"));
  // A member makes its object non-empty even when it writes no element.
  EXPECT_EQ(xml_of(R"({"a":{"b":[]}})"), wrapped("<a></a>"));
}

// Events written one by one give what the same tree gives.
TEST(XmlWriter, EventsAsTheirTree) {
  std::string out;
  XmlWriter writer(out);
  writer.begin_object();
  writer.member("n", 5);
  writer.key("list");
  writer.begin_array();
  writer.begin_object();
  writer.member("id", "a&b");
  writer.end_object();
  writer.begin_array();
  writer.end_array();
  writer.null();
  writer.end_array();
  writer.member("on", true);
  writer.key("half");
  writer.floating(0.5);
  writer.end_object();
  EXPECT_EQ(out, xml_of(R"({"n":5,"list":[{"id":"a&b"},[],null],"on":true,"half":0.5})"));
  EXPECT_EQ(out, wrapped("<n>5</n><list><id>a&amp;b</id></list><list /><list /><on>true</on>"
                         "<half>0.5</half>"));
}

TEST(ToApiXml, NullAndEmptyObjectAreEmptyElementsAndEmptyStringIsNot) {
  EXPECT_EQ(xml_of(R"({"status":0,"response":{}})"), wrapped("<status>0</status><response />"));
  EXPECT_EQ(xml_of(R"({"description":null,"title":""})"),
            wrapped("<description /><title></title>"));
  EXPECT_EQ(xml_of(R"({"a":[null,{}]})"), wrapped("<a /><a />"));
  EXPECT_EQ(xml_of("{}"), "<result />");
}

TEST(ToApiXml, NestedObjectsAndBooleans) {
  EXPECT_EQ(xml_of(R"({"error":{"message":"Item not found","hresult":-2147467259,"data":{}},)"
                   R"("ok":true,"no":false})"),
            wrapped("<error><message>Item not found</message><hresult>-2147467259</hresult>"
                    "<data /></error><ok>true</ok><no>false</no>"));
}

TEST(ToApiXml, ArrayInsideArrayGetsAWrapperLikeJsonNet) {
  EXPECT_EQ(xml_of(R"({"a":[[1,2],[],3,[[4]]]})"),
            wrapped("<a><a>1</a><a>2</a></a><a /><a>3</a><a><a><a>4</a></a></a>"));
}

TEST(ToApiXml, EscapesMarkupAndLeavesQuotesAndUnicodeRaw) {
  EXPECT_EQ(xml_of(R"({"t":"a & b <c> \"q\" 'x' ]]> \/path"})"),
            wrapped("<t>a &amp; b &lt;c&gt; \"q\" 'x' ]]&gt; /path</t>"));
  EXPECT_EQ(xml_of(R"({"t":"Привет, 日本 😀 é"})"), wrapped("<t>Привет, 日本 😀 é</t>"));
}

TEST(ToApiXml, CharactersXmlForbidsBecomeReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  json::object envelope;
  envelope["t"] = "a\x01z\tb\nc\rd\x7F";
  envelope["u"] = "\xEF\xBF\xBF\xEF\xBF\xBE";            // U+FFFF, U+FFFE
  envelope["v"] = json::string(std::string("x\0y", 3));  // NUL
  envelope["w"] = "bad \xC3 lone \xE2\x82";              // invalid and truncated UTF-8
  envelope["x"] = "\xED\xA0\x80";                        // an encoded surrogate
  envelope["y"] = "\xC0\xAF";                            // overlong '/'
  EXPECT_EQ(to_api_xml(envelope),
            wrapped("<t>a" + fffd + "z\tb\nc\rd\x7F</t><u>" + fffd + fffd + "</u><v>x" + fffd +
                    "y</v><w>bad " + fffd + " lone " + fffd + "</w><x>" + fffd + fffd + fffd +
                    "</x><y>" + fffd + fffd + "</y>"));

  pugi::xml_document document;
  const std::string xml = to_api_xml(envelope);
  // Without end-of-line normalisation, so the carriage return can be seen to survive.
  ASSERT_TRUE(document.load_buffer(xml.data(), xml.size(), pugi::parse_default & ~pugi::parse_eol));
  EXPECT_EQ(std::string(document.child("result").child("t").text().get()),
            "a" + fffd + "z\tb\nc\rd\x7F");
}

TEST(ToApiXml, IntegersInFull) {
  EXPECT_EQ(xml_of(R"({"a":0,"b":-9223372036854775808,"c":18446744073709551615})"),
            wrapped("<a>0</a><b>-9223372036854775808</b><c>18446744073709551615</c>"));
}

TEST(ToApiXml, DoublesAsDotNetRoundTripFormat) {
  const auto xml_of_double = [](double value) {
    json::object envelope;
    envelope["d"] = value;
    const std::string xml = to_api_xml(envelope);
    return xml.substr(11, xml.size() - 11 - 13);  // strip <result><d> and </d></result>
  };
  EXPECT_EQ(xml_of_double(0.0), "0");
  EXPECT_EQ(xml_of_double(-0.0), "0");
  EXPECT_EQ(xml_of_double(2.0), "2");
  EXPECT_EQ(xml_of_double(1.5), "1.5");
  EXPECT_EQ(xml_of_double(-2.25), "-2.25");
  EXPECT_EQ(xml_of_double(0.1), "0.1");
  EXPECT_EQ(xml_of_double(0.0001), "0.0001");
  EXPECT_EQ(xml_of_double(0.00001), "1E-05");
  EXPECT_EQ(xml_of_double(1.5e-7), "1.5E-07");
  EXPECT_EQ(xml_of_double(123456789012345.0), "123456789012345");
  EXPECT_EQ(xml_of_double(1e15), "1E+15");
  EXPECT_EQ(xml_of_double(1.25e20), "1.25E+20");
  EXPECT_EQ(xml_of_double(1e300), "1E+300");
  EXPECT_EQ(xml_of_double(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(xml_of_double(std::numeric_limits<double>::infinity()), "INF");
  EXPECT_EQ(xml_of_double(-std::numeric_limits<double>::infinity()), "-INF");
  // Parsed JSON text: Json.NET reads 0.0 as a double and writes it as 0.
  EXPECT_EQ(xml_of(R"({"timeSpend":0.0,"hours":1.50})"),
            wrapped("<timeSpend>0</timeSpend><hours>1.5</hours>"));
}

TEST(ToApiXml, NamesThatAreNotXmlNamesAreEncodedLikeXmlConvert) {
  EXPECT_EQ(xml_of(R"({"a b":1,"1st":2,"_x0041_":3,"ключ":4,"@id":5,"ns:x":6,"a-b.c_d":7})"),
            wrapped("<a_x0020_b>1</a_x0020_b><_x0031_st>2</_x0031_st>"
                    "<_x005F_x0041_>3</_x005F_x0041_><ключ>4</ключ><_x0040_id>5</_x0040_id>"
                    "<ns_x003A_x>6</ns_x003A_x><a-b.c_d>7</a-b.c_d>"));
  // Beyond the BMP: U+1F600 may stand in a name, the private use U+F0000 may not.
  EXPECT_EQ(xml_of(R"({"😀":[1,2]})"), wrapped("<😀>1</😀><😀>2</😀>"));
  EXPECT_EQ(xml_of("{\"\xF3\xB0\x80\x80\":1}"), wrapped("<_x000F0000_>1</_x000F0000_>"));
}

TEST(ToApiXml, RejectsWhatCannotBeOneDocument) {
  EXPECT_THROW(to_api_xml(json::parse("[1,2]")), std::invalid_argument);
  EXPECT_THROW(to_api_xml(json::parse("5")), std::invalid_argument);
  EXPECT_THROW(to_api_xml(json::parse(R"({"response":{"":1}})")), std::invalid_argument);
}

}  // namespace
}  // namespace projectd
