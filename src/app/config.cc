#include "app/config.h"

#include <charconv>
#include <stdexcept>

namespace projectd {

std::string store_url_of(const std::string& store_url, const std::string& data_dir) {
  if (!store_url.empty()) return store_url;
  return "sqlite:" + data_dir + "/projectd.db";
}

ListenAddress parse_listen(const std::string& listen) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size())
    throw std::invalid_argument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080, not '" + listen +
                                "'");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port_text = listen.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
    throw std::invalid_argument("--listen port must be a number from 0 to 65535, not '" +
                                port_text + "'");
  return ListenAddress{host, static_cast<unsigned short>(port)};
}

}  // namespace projectd
