// Delivery of notifications over the network: mail over SMTP and HTTP POST to webhooks, both
// through libcurl (timeouts bounded, no redirects followed).
#pragma once
#include <string>

#include "ops/repo.h"

namespace anzen::ops {

class Sender {
 public:
  virtual ~Sender() = default;
  // Empty on success, else what went wrong (kept with the notification, shown to admins).
  virtual std::string send(const Channel& ch, const Notification& n) = 0;
};

class NetworkSender final : public Sender {
 public:
  std::string send(const Channel& ch, const Notification& n) override;
};

// The RFC 5322 message (UTF-8, base64 body, RFC 2047 subject) mailed for a notification.
std::string mail_message(const std::string& from, const std::string& to, const std::string& subject,
                         const std::string& body, const std::string& date_rfc2822);
// The JSON body POSTed to a webhook channel: the generic shape, or {"text": …} for chat.
std::string webhook_body(const Channel& ch, const Notification& n);

}  // namespace anzen::ops
