// Synthetic submissions for tests and benchmarks only (pure: a seed in, submissions out). Every
// one is marked "synthetic": true, and so is any benchmark computed from them.
#pragma once
#include <cstdint>
#include <string>

#include "industry/crypto.h"
#include "industry/submission.h"

namespace anzen::industry {

// The profile and scores of synthetic submitter `index` (0-based) for a seed: a latent level
// that grows with the size band, and chapter, threat and area figures scattered around it.
Submission synthetic_submission(const catalog::Catalog& cat, const catalog::Framework& fw,
                                uint64_t seed, uint64_t index);
// The key pair of synthetic submitter `index`, derived from the seed (reproducible files).
KeyPair synthetic_keypair(uint64_t seed, uint64_t index);

}  // namespace anzen::industry
