#include "domain/html_sanitizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace projectd {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Nothing that can run script may be left, whatever the spelling.
void expect_harmless(const std::string& input) {
  const std::string out = lower(sanitize_html(input));
  SCOPED_TRACE("input: " + input + "\noutput: " + out);
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find("<svg"), std::string::npos);
  EXPECT_EQ(out.find("<iframe"), std::string::npos);
  EXPECT_EQ(out.find("<style"), std::string::npos);
  EXPECT_EQ(out.find("<!--"), std::string::npos);
  EXPECT_EQ(out.find(" on"), std::string::npos);  // no event handler attribute
  EXPECT_EQ(out.find("style="), std::string::npos);
  EXPECT_EQ(out.find("javascript"), std::string::npos);
  EXPECT_EQ(out.find("vbscript"), std::string::npos);
  EXPECT_EQ(out.find("data:text"), std::string::npos);
}

TEST(HtmlSanitizer, XssCorpusLeavesNothingActive) {
  const char* corpus[] = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=//evil/x.js></SCRIPT>",
      "<scr<script>ipt>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<IMG SRC=\"javascript:alert(1)\">",
      "<img src=\"jav&#x09;ascript:alert(1)\">",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\" javascript:alert(1)\">x</a>",
      "<a href=\"java\tscript:alert(1)\">x</a>",
      "<a href=\"java\nscript:alert(1)\">x</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
      "<a href=\"\x01javascript:alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
      "<svg onload=alert(1)>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mtext><script>alert(1)</script></mtext></math>",
      "<body onload=alert(1)>",
      "<div style=\"background:url(javascript:alert(1))\">x</div>",
      "<p onclick=\"alert(1)\" onmouseover=alert(2)>x</p>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "<object data=\"x.swf\"></object><embed src=x.swf>",
      "<form action=javascript:alert(1)><button>go</button></form>",
      "<style>body{background:red}</style>",
      "<!-- <script>alert(1)</script> -->",
      "<![CDATA[<script>alert(1)</script>]]>",
      "<b><i><script>alert(1)",
      "<div><p>unclosed<a href=javascript:alert(1)>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<template><script>alert(1)</script></template>",
      "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
      "<a href=\"#\" onclick=alert(1)>x</a>",
      "<img src=\"data:image/svg+xml,x\" onload=alert(1)>",
      "<<script>script>alert(1)<</script>/script>",
      "<img/src=x/onerror=alert(1)>",
      "<textarea><script>alert(1)</script></textarea>",
  };
  for (const char* input : corpus)
    expect_harmless(input);
}

TEST(HtmlSanitizer, HarmlessMarkupRoundTrips) {
  const char* kept[] = {
      "<p>Hello <b>bold</b> <strong>strong</strong> <i>i</i> <em>em</em> <u>u</u></p>",
      "<p>a<br>b</p><hr>",
      "<ul><li>one</li><li>two</li></ul><ol><li>x</li></ol>",
      "<blockquote>q</blockquote><pre><code>int x;</code></pre>",
      "<h1>1</h1><h2>2</h2><h6>6</h6><s>s</s><strike>k</strike><sub>2</sub><sup>3</sup>",
      "<a href=\"https://example.com/a?b=1&amp;c=2\" title=\"t\">link</a>",
      "<a href=\"mailto:a@example.com\">mail</a><a href=\"/relative/path\">rel</a>",
      "<img src=\"http://example.com/a.png\" alt=\"a\" width=\"10\" height=\"20\">",
      "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
      "<table><thead><tr><th colspan=\"2\">h</th></tr></thead><tbody><tr><td rowspan=\"1\">c</td>"
      "</tr></tbody></table>",
      "<div class=\"note\"><span class=\"x\">s</span></div>",
      "5 &lt; 6 &amp;&amp; 7 &gt; 3 &quot;quoted&quot;",
  };
  for (const char* html : kept)
    EXPECT_EQ(sanitize_html(html), html);
}

TEST(HtmlSanitizer, DropsDangerousAttributesKeepsTheElement) {
  EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\" title=\"t\">x</a>"),
            "<a title=\"t\">x</a>");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)>"), "<img>");
  EXPECT_EQ(sanitize_html("<p style=\"color:red\" id=\"i\" class=\"c\">x</p>"),
            "<p class=\"c\">x</p>");
}

TEST(HtmlSanitizer, UnknownTagsAreUnwrappedDangerousOnesDroppedWithContent) {
  EXPECT_EQ(sanitize_html("<font color=red>red</font> <center>c</center>"), "red c");
  EXPECT_EQ(sanitize_html("a<script>b</script>c<style>d</style>e"), "ace");
  EXPECT_EQ(sanitize_html("x<!-- hidden -->y"), "xy");
}

TEST(HtmlSanitizer, TextIsEscapedAndTagsAreClosed) {
  EXPECT_EQ(sanitize_html("a < b > c & \"d\""), "a &lt; b &gt; c &amp; &quot;d&quot;");
  EXPECT_EQ(sanitize_html("&lt;script&gt;"), "&lt;script&gt;");
  EXPECT_EQ(sanitize_html("<b>unclosed"), "<b>unclosed</b>");
  EXPECT_EQ(sanitize_html("<p title=\"x\">y</p>"), "<p>y</p>");
  EXPECT_EQ(sanitize_html("<a title='\"><script>'>t</a>"),
            "<a title=\"&quot;&gt;&lt;script&gt;\">t</a>");
}

TEST(HtmlSanitizer, DeepNestingIsParsedUpToALimitThenKeptAsText) {
  std::string deep;
  for (int i = 0; i < 4000; ++i)
    deep += "<div>";
  deep += "x";
  const std::string out = sanitize_html(deep);
  EXPECT_EQ(out.rfind("<div><div>", 0), 0u);
  EXPECT_NE(out.find("x</div>"), std::string::npos);

  std::string huge, expected;
  for (int i = 0; i < 200000; ++i) {
    huge += "<b>";
    expected += "&lt;b&gt;";
  }
  EXPECT_EQ(sanitize_html(huge + "<script>"), expected + "&lt;script&gt;");
}

TEST(HtmlSanitizer, BlankDetection) {
  EXPECT_TRUE(html_is_blank(sanitize_html("<script>alert(1)</script>")));
  EXPECT_TRUE(html_is_blank(sanitize_html("<p> </p><br>")));
  EXPECT_FALSE(html_is_blank(sanitize_html("<p>x</p>")));
  EXPECT_FALSE(html_is_blank(sanitize_html("<img src=\"https://e.com/a.png\">")));
  EXPECT_FALSE(html_is_blank(sanitize_html("&amp;")));
}

}  // namespace
}  // namespace projectd
