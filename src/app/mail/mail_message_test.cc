// Composing notification mail (mail_message.h): headers, encoded words, both parts, escaping.
#include "app/mail/mail_message.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <sstream>

namespace projectd {
namespace {

MailPayload sample_mail_payload() {
  MailPayload p;
  p.to_address = "ann@example.com";
  p.to_name = "Ann Lee";
  p.subject = "Task \"Fix login\" was assigned to you";
  p.heading = "Bob assigned you a task";
  p.lines = {"Fix login", "Second paragraph"};
  p.link_text = "Open the task";
  p.link_url = "https://projects.example.com/tasks/7";
  p.reason = "You get this because you are a member of the project";
  p.unsubscribe_url = "https://projects.example.com/unsubscribe?token=abc";
  return p;
}

MailEnvelope sample_mail_envelope() {
  return MailEnvelope{"projectd@example.com", "0b6f7c6e-1d2a-4c55-9f8e-2a1b3c4d5e6f",
                      "projects.example.com", from_ticks(17'651'234'560'000'000)};
}

std::string decode_mail_base64(const std::string& text) {
  std::string compact;
  for (const char c : text)
    if (c != '\r' && c != '\n') compact += c;
  std::string out(compact.size(), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(compact.data()),
                                static_cast<int>(compact.size()));
  EXPECT_GE(n, 0);
  out.resize(static_cast<std::size_t>(n));
  while (compact.ends_with('=')) {
    compact.pop_back();
    out.pop_back();
  }
  return out;
}

// The decoded body of the part whose Content-Type starts with `type`.
std::string mail_part(const std::string& message, const std::string& type) {
  const auto at = message.find("Content-Type: " + type);
  EXPECT_NE(at, std::string::npos) << type;
  const auto start = message.find("\r\n\r\n", at) + 4;
  const auto end = message.find("--=_projectd_", start);
  return decode_mail_base64(message.substr(start, end - start));
}

std::string mail_headers(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

TEST(MailMessageTest, HeadersNameSenderRecipientAndAStableMessageId) {
  const std::string m = compose_mail(sample_mail_payload(), sample_mail_envelope());
  const std::string h = mail_headers(m);
  EXPECT_NE(h.find("From: \"projectd\" <projectd@example.com>\r\n"), std::string::npos) << h;
  EXPECT_NE(h.find("To: \"Ann Lee\" <ann@example.com>\r\n"), std::string::npos) << h;
  EXPECT_NE(h.find("Subject: Task \"Fix login\" was assigned to you\r\n"), std::string::npos);
  EXPECT_NE(h.find("Message-ID: <0b6f7c6e-1d2a-4c55-9f8e-2a1b3c4d5e6f@projects.example.com>\r\n"),
            std::string::npos);
  EXPECT_NE(h.find("Date: " + mail_date(sample_mail_envelope().date) + "\r\n"), std::string::npos);
  EXPECT_NE(h.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(h.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_NE(h.find("List-Unsubscribe: <https://projects.example.com/unsubscribe?token=abc>\r\n"),
            std::string::npos);
  EXPECT_NE(h.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  // The same delivery composed again (a resend) has the same Message-ID.
  EXPECT_EQ(compose_mail(sample_mail_payload(), sample_mail_envelope()), m);
}

TEST(MailMessageTest, NoUnsubscribeHeadersWithoutAnUnsubscribeUrl) {
  MailPayload p = sample_mail_payload();
  p.unsubscribe_url.clear();
  const std::string h = mail_headers(compose_mail(p, sample_mail_envelope()));
  EXPECT_EQ(h.find("List-Unsubscribe"), std::string::npos) << h;
}

TEST(MailMessageTest, DateIsRfc5322InUtc) {
  EXPECT_EQ(mail_date(from_ticks(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(mail_date(from_ticks(17'651'234'560'000'000)), "Sun, 07 Dec 2025 16:04:16 +0000");
}

TEST(MailMessageTest, NonAsciiHeadersAreEncodedWordsOfAtMost75Characters) {
  EXPECT_EQ(mail_header_text("plain"), "plain");
  EXPECT_EQ(mail_header_text("Zadача"), "=?UTF-8?B?WmFk0LDRh9Cw?=");
  const std::string long_subject(60, 'x');
  const std::string encoded = mail_header_text(long_subject + "\xc3\xa9\xc3\xa9\xc3\xa9");
  std::istringstream lines(encoded);
  std::string line;
  std::string decoded;
  while (std::getline(lines, line)) {
    if (line.ends_with('\r')) line.pop_back();
    if (line.starts_with(' ')) line.erase(0, 1);
    ASSERT_LE(line.size(), 75u) << line;
    ASSERT_TRUE(line.starts_with("=?UTF-8?B?") && line.ends_with("?=")) << line;
    decoded += decode_mail_base64(line.substr(10, line.size() - 12));
  }
  EXPECT_EQ(decoded, long_subject + "\xc3\xa9\xc3\xa9\xc3\xa9");

  MailPayload p = sample_mail_payload();
  p.to_name = "Анна";
  const std::string h = mail_headers(compose_mail(p, sample_mail_envelope()));
  EXPECT_NE(h.find("To: =?UTF-8?B?0JDQvdC90LA=?= <ann@example.com>\r\n"), std::string::npos) << h;
}

TEST(MailMessageTest, LineBreaksInPayloadTextCannotAddHeaders) {
  MailPayload p = sample_mail_payload();
  p.subject = "Hello\r\nBcc: victim@example.com";
  p.to_name = "Ann\r\nX-Evil: 1";
  const std::string h = mail_headers(compose_mail(p, sample_mail_envelope()));
  EXPECT_EQ(h.find("\r\nBcc:"), std::string::npos) << h;
  EXPECT_EQ(h.find("\r\nX-Evil:"), std::string::npos) << h;
  EXPECT_NE(h.find("Subject: Hello  Bcc: victim@example.com\r\n"), std::string::npos) << h;
}

TEST(MailMessageTest, TextAndHtmlPartsCarryThePayloadAndHtmlEscapesEveryString) {
  MailPayload p = sample_mail_payload();
  p.heading = "<img src=x onerror=alert(1)>";
  p.lines = {"a & b", "\"quoted\" 'single'"};
  p.link_text = "<b>Open</b>";
  const std::string m = compose_mail(p, sample_mail_envelope());
  const std::string text = mail_part(m, "text/plain; charset=utf-8");
  EXPECT_NE(text.find("<img src=x onerror=alert(1)>\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("<b>Open</b>: https://projects.example.com/tasks/7\r\n"), std::string::npos);
  EXPECT_NE(text.find("Unsubscribe: https://projects.example.com/unsubscribe?token=abc"),
            std::string::npos);
  const std::string html = mail_part(m, "text/html; charset=utf-8");
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("a &amp; b"), std::string::npos);
  EXPECT_NE(html.find("&quot;quoted&quot; 'single'"), std::string::npos);
  EXPECT_NE(
      html.find("<a href=\"https://projects.example.com/tasks/7\">&lt;b&gt;Open&lt;/b&gt;</a>"),
      std::string::npos)
      << html;
}

TEST(MailMessageTest, OnlyWebLinksBecomeAnchors) {
  MailPayload p = sample_mail_payload();
  p.link_url = "javascript:alert(1)";
  const std::string html =
      mail_part(compose_mail(p, sample_mail_envelope()), "text/html; charset=utf-8");
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
}

TEST(MailMessageTest, NoLineIsLongerThan998Bytes) {
  MailPayload p = sample_mail_payload();
  p.lines = {std::string(5000, 'y')};
  p.subject.clear();
  for (int i = 0; i < 200; ++i)
    p.subject += "\xd0\xb6";
  const std::string m = compose_mail(p, sample_mail_envelope());
  std::size_t start = 0;
  while (start < m.size()) {
    const auto end = m.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - start, 998u);
    start = end + 2;
  }
  EXPECT_NE(mail_part(m, "text/plain; charset=utf-8").find(std::string(5000, 'y')),
            std::string::npos);
}

}  // namespace
}  // namespace projectd
