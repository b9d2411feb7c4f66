#include "http/metrics.h"

#include <sstream>

namespace kring::http {

namespace {
std::string escape_label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}
}  // namespace

Metrics::Metrics(std::vector<std::string> route_names) : names_(std::move(route_names)) {
  names_.push_back("unmatched");
  series_ = std::make_unique<Series[]>(names_.size());
}

void Metrics::record(size_t route_index, int status, double seconds) {
  if (route_index >= names_.size()) route_index = unmatched_index();
  Series& s = series_[route_index];
  int cls = status / 100;
  s.by_status_class[(cls >= 1 && cls <= 5) ? cls - 1 : 5].fetch_add(1, std::memory_order_relaxed);
  for (size_t b = 0; b < kBuckets.size(); ++b) {
    if (seconds <= kBuckets[b]) s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  }
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::render() const {
  static constexpr const char* kClasses[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
  std::ostringstream out;
  out << "# HELP kring_http_requests_total HTTP requests by route and status class.\n"
      << "# TYPE kring_http_requests_total counter\n";
  for (size_t i = 0; i < names_.size(); ++i) {
    for (size_t c = 0; c < 6; ++c) {
      auto n = series_[i].by_status_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out << "kring_http_requests_total{route=\"" << escape_label(names_[i]) << "\",status=\""
          << kClasses[c] << "\"} " << n << '\n';
    }
  }
  out << "# HELP kring_http_request_duration_seconds Time from parsed request to response.\n"
      << "# TYPE kring_http_request_duration_seconds histogram\n";
  for (size_t i = 0; i < names_.size(); ++i) {
    const Series& s = series_[i];
    auto count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    std::string label = "route=\"" + escape_label(names_[i]) + "\"";
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      out << "kring_http_request_duration_seconds_bucket{" << label << ",le=\"" << kBuckets[b]
          << "\"} " << s.buckets[b].load(std::memory_order_relaxed) << '\n';
    }
    out << "kring_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} " << count
        << '\n';
    out << "kring_http_request_duration_seconds_sum{" << label << "} "
        << static_cast<double>(s.sum_micros.load(std::memory_order_relaxed)) / 1e6 << '\n';
    out << "kring_http_request_duration_seconds_count{" << label << "} " << count << '\n';
  }
  return out.str();
}

}  // namespace kring::http
