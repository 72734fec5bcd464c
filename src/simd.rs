//! The crate's only `unsafe`: a 16-byte SSE2 compare that finds the commas
//! and quotes of 64 bytes at once, for the splitter's hot loop.
//!
//! SSE2 is part of the x86_64 baseline, so the fast path needs no runtime
//! detection; other targets use the portable fallback. Both give the same
//! mask, which `tests/split.rs` (against the byte-loop oracle, with
//! proptest) and the `split` fuzz target check through the splitter.
#![allow(unsafe_code)]

/// A bit per byte of `block`: set where the byte is `,` or `"`.
#[inline]
pub(crate) fn comma_quote_mask(block: &[u8; 64]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: `sse2::mask` only needs SSE2, which every x86_64 CPU has
        // (it is in the target's baseline feature set).
        unsafe { sse2::mask(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable(block)
    }
}

/// The same mask, one byte at a time: the fallback, and the reference the
/// unit tests compare the SIMD path with.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable(block: &[u8; 64]) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | (u64::from(b == b',' || b == b'"') << i))
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    #[target_feature(enable = "sse2")]
    pub(super) fn mask(block: &[u8; 64]) -> u64 {
        let commas = _mm_set1_epi8(b',' as i8);
        let quotes = _mm_set1_epi8(b'"' as i8);
        let mut mask = 0u64;
        for (k, lane) in block.chunks_exact(16).enumerate() {
            // SAFETY: `lane` is 16 bytes long, and `_mm_loadu_si128` reads
            // exactly 16 bytes from any alignment.
            let v = unsafe { _mm_loadu_si128(lane.as_ptr().cast::<__m128i>()) };
            let hits = _mm_or_si128(_mm_cmpeq_epi8(v, commas), _mm_cmpeq_epi8(v, quotes));
            let bits = u64::from(_mm_movemask_epi8(hits) as u16);
            mask |= bits << (16 * k);
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simd_agrees_with_portable() {
        let mut block = [0u8; 64];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            for b in &mut block {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = match state % 8 {
                    0 => b',',
                    1 => b'"',
                    2 => state.to_le_bytes()[3],
                    _ => b'a' + (state % 26) as u8,
                };
            }
            assert_eq!(comma_quote_mask(&block), portable(&block));
        }
    }
}
