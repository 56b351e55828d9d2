#include "ops/send.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>

namespace anzen::ops {
using nlohmann::json;

namespace {
std::string b64(const std::string& s) {
  std::string out(sodium_base64_ENCODED_LEN(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()),
                    s.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  const std::string& data;
  size_t pos = 0;
};
size_t read_cb(char* buf, size_t size, size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t k = std::min(size * n, u->data.size() - u->pos);
  std::memcpy(buf, u->data.data() + u->pos, k);
  u->pos += k;
  return k;
}
size_t discard_cb(char*, size_t size, size_t n, void*) { return size * n; }

std::string rfc2822_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

struct Easy {
  CURL* h;
  Easy() : h(curl_easy_init()) {}
  ~Easy() { curl_easy_cleanup(h); }
};

std::string send_mail(const Channel& ch, const Notification& n) {
  if (ch.smtp.empty()) return "no SMTP server configured";
  std::string subject = n.subject, body = n.body;
  std::string from = ch.sender.empty() ? "anzen@localhost" : ch.sender;
  std::string msg = mail_message(from, ch.target, subject, body, rfc2822_now());
  Easy e;
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + ch.target + ">").c_str());
  Upload up{msg};
  std::string url = (ch.smtp.rfind("smtp://", 0) == 0 || ch.smtp.rfind("smtps://", 0) == 0)
                        ? ch.smtp
                        : "smtp://" + ch.smtp;
  curl_easy_setopt(e.h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e.h, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(e.h, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(e.h, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(e.h, CURLOPT_READDATA, &up);
  curl_easy_setopt(e.h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(e.h, CURLOPT_USE_SSL,
                   static_cast<long>(CURLUSESSL_TRY));  // STARTTLS when the server offers it
  curl_easy_setopt(e.h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(e.h, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(e.h, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(e.h);
  curl_slist_free_all(rcpt);
  return rc == CURLE_OK ? "" : std::string("SMTP ") + ch.smtp + ": " + curl_easy_strerror(rc);
}

std::string post_json(const Channel& ch, const std::string& body) {
  Easy e;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
  curl_easy_setopt(e.h, CURLOPT_URL, ch.target.c_str());
  curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(e.h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(e.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(e.h, CURLOPT_WRITEFUNCTION, discard_cb);
  curl_easy_setopt(e.h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e.h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e.h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(e.h, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(e.h, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(e.h);
  long status = 0;
  curl_easy_getinfo(e.h, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) return "POST " + ch.target + ": " + curl_easy_strerror(rc);
  if (status < 200 || status >= 300)
    return "POST " + ch.target + ": HTTP " + std::to_string(status);
  return "";
}
}  // namespace

std::string mail_message(const std::string& from, const std::string& to, const std::string& subject,
                         const std::string& body, const std::string& date) {
  std::string b = b64(body), wrapped;
  for (size_t i = 0; i < b.size(); i += 76) wrapped += b.substr(i, 76) + "\r\n";
  return "From: Anzen <" + from + ">\r\nTo: <" + to + ">\r\nSubject: =?UTF-8?B?" + b64(subject) +
         "?=\r\nDate: " + date +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
         "charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         wrapped;
}

std::string webhook_body(const Channel& ch, const Notification& n) {
  if (ch.kind == "chat") return json{{"text", n.subject + "\n" + n.body}}.dump();
  json j = n.payload;
  j["subject"] = n.subject;
  j["message"] = n.body;
  j["lang"] = ch.lang;
  return j.dump();
}

std::string NetworkSender::send(const Channel& ch, const Notification& n) {
  init_curl_once();
  if (ch.kind == "email") return send_mail(ch, n);
  return post_json(ch, webhook_body(ch, n));
}

}  // namespace anzen::ops
