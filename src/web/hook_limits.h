// The inbound monitoring webhooks' own body limit, far below an upload's: the event loop refuses
// a larger declared or chunked body with 413 before reading it, the handler checks it again.
#pragma once
#include <cstddef>
#include <string_view>

namespace anzen::web {
inline constexpr std::string_view kHookPathPrefix = "/api/v1/hooks/";
inline constexpr size_t kMaxHookBody = 1 << 20;  // 1 MiB: Alertmanager batches stay far below
}  // namespace anzen::web
