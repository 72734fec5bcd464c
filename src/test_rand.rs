//! A seeded xorshift generator for the unit tests that compare a fast path
//! with a byte-by-byte oracle on random input (the integration tests use
//! proptest; unit tests stay free of it).

/// Marsaglia's xorshift64, from a fixed seed: every run tests the same
/// inputs.
pub(crate) struct Rand(u64);

impl Rand {
    pub(crate) fn new() -> Rand {
        Rand(0x2545_f491_4f6c_dd1d)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (at least 1).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Fewer than `max_len` bytes, each drawn from `alphabet`.
    pub(crate) fn bytes(&mut self, max_len: usize, alphabet: &[u8]) -> Vec<u8> {
        let len = self.below(max_len);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}
