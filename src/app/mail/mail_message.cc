// Composing a notification mail (mail_message.h).
#include "app/mail/mail_message.h"

#include "domain/html_sanitizer.h"

#include <openssl/evp.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace projectd {
namespace {

std::string mail_base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool mail_is_plain_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

// A header value on one line: control characters (CR and LF above all) become spaces.
std::string mail_one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text)
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  return out;
}

// The length of the longest prefix of `text` of at most `max` bytes that ends on a character
// boundary (a UTF-8 continuation byte never starts the next piece).
std::size_t mail_utf8_prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text.size();
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xc0) == 0x80)
    --n;
  return n == 0 ? max : n;
}

// An address for a header: no control characters and no angle brackets (it sits inside <...>).
std::string mail_address(std::string_view address) {
  std::string out;
  for (const char c : mail_one_line(address))
    if (c != '<' && c != '>' && c != ' ') out += c;
  return out;
}

// "Name" <address>: a quoted string when ASCII, an encoded word otherwise; <address> alone
// without a name.
std::string mail_mailbox(std::string_view name, std::string_view address) {
  const std::string one_line = mail_one_line(name);
  if (one_line.empty()) return "<" + mail_address(address) + ">";
  std::string shown;
  if (mail_is_plain_ascii(one_line)) {
    shown = "\"";
    for (const char c : one_line) {
      if (c == '"' || c == '\\') shown += '\\';
      shown += c;
    }
    shown += '"';
  } else {
    shown = mail_header_text(one_line);
  }
  return shown + " <" + mail_address(address) + ">";
}

std::string mail_text_part(const MailPayload& p) {
  std::string text = p.heading + "\n";
  for (const std::string& line : p.lines)
    text += "\n" + line + "\n";
  if (!p.link_text.empty() && !p.link_url.empty())
    text += "\n" + p.link_text + ": " + p.link_url + "\n";
  if (!p.reason.empty() || !p.unsubscribe_url.empty()) text += "\n-- \n";
  if (!p.reason.empty()) text += p.reason + "\n";
  if (!p.unsubscribe_url.empty()) text += "Unsubscribe: " + p.unsubscribe_url + "\n";
  std::string crlf;
  for (const char c : text) {
    if (c == '\n') crlf += '\r';
    if (c != '\r') crlf += c;
  }
  return crlf;
}

// Only web links become anchors: a payload URL is the server's own, but this keeps a
// "javascript:" one from ever being clickable.
bool mail_is_web_url(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

std::string mail_html_paragraph(std::string_view text) {
  std::string escaped = mail_html_escape(text);
  std::string out;
  for (const char c : escaped) {
    if (c == '\n')
      out += "<br>";
    else if (c != '\r')
      out += c;
  }
  return "<p>" + out + "</p>\n";
}

std::string mail_html_part(const MailPayload& p) {
  std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + mail_html_escape(p.subject) +
      "</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.4\">\n";
  html += "<p><strong>" + mail_html_escape(p.heading) + "</strong></p>\n";
  for (const std::string& line : p.lines)
    html += mail_html_paragraph(line);
  if (!p.link_text.empty() && mail_is_web_url(p.link_url))
    html += "<p><a href=\"" + mail_html_escape(p.link_url) + "\">" + mail_html_escape(p.link_text) +
            "</a></p>\n";
  if (!p.reason.empty() || !p.unsubscribe_url.empty()) {
    html += "<hr>\n<p style=\"color: #666; font-size: small\">" + mail_html_escape(p.reason);
    if (mail_is_web_url(p.unsubscribe_url))
      html += " <a href=\"" + mail_html_escape(p.unsubscribe_url) + "\">Unsubscribe</a>";
    html += "</p>\n";
  }
  html += "</body></html>\n";
  return html;
}

}  // namespace

std::string mail_header_text(std::string_view text) {
  const std::string one_line = mail_one_line(text);
  if (mail_is_plain_ascii(one_line)) return one_line;
  // Encoded words of at most 75 characters: 45 bytes give 60 base64 characters plus 12 of
  // "=?UTF-8?B?" and "?=". Words are folded onto continuation lines.
  std::string out;
  std::string_view rest = one_line;
  while (!rest.empty()) {
    const std::size_t n = mail_utf8_prefix(rest, 45);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + mail_base64(rest.substr(0, n)) + "?=";
    rest.remove_prefix(n);
  }
  return out;
}

std::string mail_date(Timestamp date) {
  const std::time_t t = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(date));
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

std::string mail_html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html_escaped(out, text);
  return out;
}

std::string mail_base64_lines(std::string_view bytes) {
  const std::string encoded = mail_base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76)
    out += encoded.substr(i, 76) + "\r\n";
  return out;
}

std::string compose_mail(const MailPayload& p, const MailEnvelope& e) {
  // The boundary only has to be absent from the parts, which are base64 (no '=' runs, no '_').
  const std::string boundary = "=_projectd_" + mail_address(e.key);
  std::string m;
  m += "From: \"projectd\" <" + mail_address(e.from_address) + ">\r\n";
  m += "To: " + mail_mailbox(p.to_name, p.to_address) + "\r\n";
  m += "Subject: " + mail_header_text(p.subject) + "\r\n";
  m += "Date: " + mail_date(e.date) + "\r\n";
  m += "Message-ID: <" + mail_address(e.key) + "@" + mail_address(e.message_host) + ">\r\n";
  if (!p.unsubscribe_url.empty()) {
    m += "List-Unsubscribe: <" + mail_address(p.unsubscribe_url) + ">\r\n";
    m += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  m += "Auto-Submitted: auto-generated\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  m += "\r\n";
  m += "--" + boundary + "\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += mail_base64_lines(mail_text_part(p));
  m += "--" + boundary + "\r\n";
  m += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += mail_base64_lines(mail_html_part(p));
  m += "--" + boundary + "--\r\n";
  return m;
}

}  // namespace projectd
