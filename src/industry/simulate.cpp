#include "industry/simulate.h"

#include <sodium.h>

#include <algorithm>
#include <random>

#include "industry/profile.h"

namespace anzen::industry {

namespace {
uint64_t mix(uint64_t seed, uint64_t index) {
  // splitmix64 of the pair: independent streams per submitter, the same for the same seed.
  uint64_t z = seed * 0x9E3779B97F4A7C15ULL + index + 0x632BE59BD9B4E019ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
double clamp01(double v) { return std::min(1.0, std::max(0.0, v)); }
}  // namespace

Submission synthetic_submission(const catalog::Catalog& cat, const catalog::Framework& fw,
                                uint64_t seed, uint64_t index) {
  std::mt19937_64 rng(mix(seed, index));
  std::uniform_real_distribution<double> u(0, 1);
  std::normal_distribution<double> noise(0, 0.1);
  Submission s;
  s.synthetic = true;
  s.framework = fw.id;
  s.framework_version = fw.version;
  // Most registered and notified operators are small (the sources count about 21,500).
  double r = u(rng);
  size_t band = r < 0.7 ? 0 : r < 0.88 ? 1 : r < 0.96 ? 2 : 3;
  s.size_band = size_bands()[band].id;
  s.role = u(rng) < 0.9 ? "operator" : "maker";
  for (const auto& sv : service_categories()) {
    if (u(rng) < (sv == "isp_data" ? 0.6 : 0.2)) s.services.push_back(sv);
  }
  double latent = clamp01(0.4 + 0.1 * static_cast<double>(band) + 1.5 * noise(rng));
  double sum = 0;
  int n = 0;
  for (const auto& m : metrics_of(cat, fw)) {
    if (m.id == "overall") continue;
    double v = round4(clamp01(latent + noise(rng)));
    s.scores.values[m.id] = v;
    if (m.id.rfind("chapter:", 0) == 0) sum += v, ++n;
  }
  s.scores.values["overall"] = n ? round4(sum / n) : round4(latent);
  int rated = 0;
  std::map<int, int> levels;
  for (int q = 0; q < 40; ++q) {
    ++levels[std::clamp(static_cast<int>(latent * 5 + noise(rng) * 10), 0, 5)];
    ++rated;
  }
  for (const auto& [level, c] : levels)
    s.maturity_distribution[std::to_string(level)] = round4(static_cast<double>(c) / rated);
  s.answered_share = round4(clamp01(0.8 + u(rng) * 0.2));
  std::string raw(16, '\0');
  for (auto& ch : raw) ch = static_cast<char>(rng() & 0xff);
  static const char* hex = "0123456789abcdef";
  for (unsigned char ch : raw) s.nonce += std::string{hex[ch >> 4], hex[ch & 15]};
  return s;
}

KeyPair synthetic_keypair(uint64_t seed, uint64_t index) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char key_seed[crypto_sign_SEEDBYTES] = {};
  for (size_t i = 0; i < 4; ++i) {
    uint64_t w = mix(seed, index * 4 + i + 1);
    for (size_t b = 0; b < 8; ++b) key_seed[i * 8 + b] = static_cast<unsigned char>(w >> (8 * b));
  }
  std::string pk(crypto_sign_PUBLICKEYBYTES, '\0'), sk(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(pk.data()),
                           reinterpret_cast<unsigned char*>(sk.data()), key_seed);
  return {pk, sk};
}

}  // namespace anzen::industry
