//! The crate's only `unsafe`: 16-byte SSE2 compares that find the commas
//! and quotes of 64 bytes at once, for the splitter's hot loop, one byte
//! value in 64 (CEF's `=`), and the bytes JSON escapes in 16, for the JSON
//! writer's.
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

/// A bit per byte of `block`: set where the byte is `byte`.
#[inline]
pub(crate) fn byte_mask(block: &[u8; 64], byte: u8) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: as for `comma_quote_mask`: SSE2 only.
        unsafe { sse2::byte_mask(block, byte) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable_byte(block, byte)
    }
}

/// The positions of `byte` in `s`, in order: 64 bytes compared at a time,
/// then a bit per hit: for a byte that comes often (CEF's `=`, LEEF's
/// delimiter, one every 20 bytes), where restarting a `memchr` search at
/// each costs more.
#[inline]
pub(crate) fn positions(byte: u8, s: &[u8]) -> Positions<'_> {
    Positions {
        s,
        byte,
        next: 0,
        base: 0,
        mask: 0,
    }
}

/// The iterator of [`positions`].
pub(crate) struct Positions<'s> {
    s: &'s [u8],
    byte: u8,
    /// Where the next block starts.
    next: usize,
    /// Where the block of `mask` starts.
    base: usize,
    /// The hits of that block not yet returned, a bit each.
    mask: u64,
}

impl Iterator for Positions<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let rest = self.s.get(self.next..).filter(|r| !r.is_empty())?;
            self.mask = match <&[u8; 64]>::try_from(rest.get(..64).unwrap_or(rest)) {
                Ok(block) => byte_mask(block, self.byte),
                Err(_) => {
                    let mut block = [!self.byte; 64];
                    block[..rest.len()].copy_from_slice(rest);
                    byte_mask(&block, self.byte)
                }
            };
            self.base = self.next;
            self.next += 64;
        }
        let bit = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + bit)
    }
}

/// Whether `b` may be in a CEF extension key: `[A-Za-z0-9_.,\[\]-]`.
pub(crate) fn is_cef_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b',' | b'[' | b']' | b'-')
}

/// Two bits per byte of `block`: where the byte is `=`, and where it is not
/// a CEF key byte ([`is_cef_key_byte`]), for finding each key before its
/// `=` without walking back over it.
#[inline]
pub(crate) fn cef_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: as for `comma_quote_mask`: SSE2 only.
        unsafe { sse2::cef_masks(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable_cef(block)
    }
}

/// [`cef_masks`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable_cef(block: &[u8; 64]) -> (u64, u64) {
    block
        .iter()
        .enumerate()
        .fold((0, 0), |(eq, other), (i, &b)| {
            (
                eq | (u64::from(b == b'=') << i),
                other | (u64::from(!is_cef_key_byte(b)) << i),
            )
        })
}

/// Whether `b` may be in a LEEF attribute's key: letters, digits, `_-.`
/// and a space.
pub(crate) fn is_leef_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' ')
}

/// How many bytes at the start of `window` are LEEF key bytes
/// ([`is_leef_key_byte`]): where an attribute's `=` is, when it has a key.
#[inline]
pub(crate) fn leef_key_len(window: &[u8; 32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    let other = {
        // SAFETY: as for `comma_quote_mask`: SSE2 only.
        unsafe { sse2::leef_others(window) }
    };
    #[cfg(not(target_arch = "x86_64"))]
    let other = portable_leef_others(window);
    other.trailing_zeros() as usize
}

/// A bit per byte of `window` that is not a LEEF key byte, one at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable_leef_others(window: &[u8; 32]) -> u32 {
    window
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | (u32::from(!is_leef_key_byte(b)) << i))
}

/// [`byte_mask`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable_byte(block: &[u8; 64], byte: u8) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | (u64::from(b == byte) << i))
}

/// A bit per byte of `block`: set where a JSON string needs an escape
/// (`"`, `\\`, or a byte below 0x20).
#[inline]
pub(crate) fn json_escape_mask(block: &[u8; 16]) -> u16 {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: as for `comma_quote_mask`: SSE2 only.
        unsafe { sse2::escape_mask(block) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        portable_escape(block)
    }
}

/// `bytes` as text if every byte is ASCII (a record's usual case), checked
/// 64 bytes at a time; `None` otherwise (the caller then runs the full
/// UTF-8 check). A third of the cost of `std::str::from_utf8` on a record.
#[inline]
pub(crate) fn ascii_str(bytes: &[u8]) -> Option<&str> {
    let mut blocks = bytes.chunks_exact(64);
    #[cfg(target_arch = "x86_64")]
    // SAFETY: as for `comma_quote_mask`: SSE2 only.
    let clean = blocks.all(|block| unsafe { sse2::is_ascii(block) });
    #[cfg(not(target_arch = "x86_64"))]
    let clean = blocks.all(<[u8]>::is_ascii);
    if !clean || !blocks.remainder().is_ascii() {
        return None;
    }
    // SAFETY: every byte is below 0x80, and ASCII is valid UTF-8.
    Some(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// [`json_escape_mask`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn portable_escape(block: &[u8; 16]) -> u16 {
    block.iter().enumerate().fold(0, |m, (i, &b)| {
        m | (u16::from(b < 0x20 || b == b'"' || b == b'\\') << i)
    })
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
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8,
        _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    /// Whether the 64 bytes of `block` (at least 64) are all below 0x80.
    #[target_feature(enable = "sse2")]
    pub(super) fn is_ascii(block: &[u8]) -> bool {
        debug_assert!(block.len() >= 64);
        let p = block.as_ptr().cast::<__m128i>();
        // SAFETY: `block` holds at least 64 bytes, and `_mm_loadu_si128`
        // reads 16 bytes from any alignment.
        let (a, b, c, d) = unsafe {
            (
                _mm_loadu_si128(p),
                _mm_loadu_si128(p.add(1)),
                _mm_loadu_si128(p.add(2)),
                _mm_loadu_si128(p.add(3)),
            )
        };
        // A byte's top bit is set exactly when it is not ASCII.
        _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))) == 0
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn escape_mask(block: &[u8; 16]) -> u16 {
        // SAFETY: `block` is 16 bytes long, and `_mm_loadu_si128` reads
        // exactly 16 bytes from any alignment.
        let v = unsafe { _mm_loadu_si128(block.as_ptr().cast::<__m128i>()) };
        // Unsigned `v <= 0x1f`: the larger of the two is 0x1f.
        let low = _mm_set1_epi8(0x1f);
        let control = _mm_cmpeq_epi8(_mm_max_epu8(v, low), low);
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let slash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, slash))) as u16
    }

    /// Where each byte of `v` lies in `lo..=hi` (unsigned).
    #[target_feature(enable = "sse2")]
    fn in_range(v: __m128i, lo: u8, hi: u8) -> __m128i {
        let lo = _mm_set1_epi8(lo as i8);
        let hi = _mm_set1_epi8(hi as i8);
        _mm_and_si128(
            _mm_cmpeq_epi8(_mm_max_epu8(v, lo), v),
            _mm_cmpeq_epi8(_mm_min_epu8(v, hi), v),
        )
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn leef_others(window: &[u8; 32]) -> u32 {
        let is = |v: __m128i, b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let mut other = 0u32;
        for (k, lane) in window.chunks_exact(16).enumerate() {
            // SAFETY: `lane` is 16 bytes long, and `_mm_loadu_si128` reads
            // exactly 16 bytes from any alignment.
            let v = unsafe { _mm_loadu_si128(lane.as_ptr().cast::<__m128i>()) };
            // Letters in either case; `-./0-9` without `/`; `_` and space.
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
            let digitish = _mm_andnot_si128(is(v, b'/'), in_range(v, b'-', b'9'));
            let marks = _mm_or_si128(is(v, b'_'), is(v, b' '));
            let key = _mm_or_si128(_mm_or_si128(letter, digitish), marks);
            let bits = !(_mm_movemask_epi8(key) as u32) & 0xffff;
            other |= bits << (16 * k);
        }
        other
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn cef_masks(block: &[u8; 64]) -> (u64, u64) {
        let is = |v: __m128i, b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let (mut eq, mut other) = (0u64, 0u64);
        for (k, lane) in block.chunks_exact(16).enumerate() {
            // SAFETY: `lane` is 16 bytes long, and `_mm_loadu_si128` reads
            // exactly 16 bytes from any alignment.
            let v = unsafe { _mm_loadu_si128(lane.as_ptr().cast::<__m128i>()) };
            // Letters in either case; `,-./0-9` without `/`; `[`, `]`, `_`.
            let letter = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
            let digitish = _mm_andnot_si128(is(v, b'/'), in_range(v, b',', b'9'));
            let marks = _mm_or_si128(_mm_or_si128(is(v, b'['), is(v, b']')), is(v, b'_'));
            let key = _mm_or_si128(_mm_or_si128(letter, digitish), marks);
            let key_bits = u64::from(_mm_movemask_epi8(key) as u16);
            let eq_bits = u64::from(_mm_movemask_epi8(is(v, b'=')) as u16);
            eq |= eq_bits << (16 * k);
            other |= (!key_bits & 0xffff) << (16 * k);
        }
        (eq, other)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn byte_mask(block: &[u8; 64], byte: u8) -> u64 {
        let needle = _mm_set1_epi8(byte as i8);
        let mut mask = 0u64;
        for (k, lane) in block.chunks_exact(16).enumerate() {
            // SAFETY: `lane` is 16 bytes long, and `_mm_loadu_si128` reads
            // exactly 16 bytes from any alignment.
            let v = unsafe { _mm_loadu_si128(lane.as_ptr().cast::<__m128i>()) };
            let bits = u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, needle)) as u16);
            mask |= bits << (16 * k);
        }
        mask
    }

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

    /// `ascii_str` says what `is_ascii` says, with one non-ASCII byte at
    /// every place around the 64-byte blocks.
    #[test]
    fn ascii_str_agrees_with_is_ascii() {
        for len in 0..200 {
            let clean: Vec<u8> = (0..len).map(|i| b' ' + (i % 90) as u8).collect();
            assert_eq!(ascii_str(&clean), std::str::from_utf8(&clean).ok(), "{len}");
            for at in 0..len {
                for byte in [0x80, 0xc3, 0xff] {
                    let mut dirty = clean.clone();
                    dirty[at] = byte;
                    assert_eq!(ascii_str(&dirty), None, "{len} {at} {byte}");
                }
            }
        }
    }

    /// Every position of the byte, in order, at every length around the
    /// 64-byte blocks.
    #[test]
    fn positions_are_every_hit_in_order() {
        for len in 0..200 {
            let s: Vec<u8> = (0..len)
                .map(|i| {
                    if i % 7 == 3 || i % 64 == 63 {
                        b'='
                    } else {
                        b'a' + (i % 26) as u8
                    }
                })
                .collect();
            let want: Vec<usize> = (0..len).filter(|&i| s[i] == b'=').collect();
            assert_eq!(positions(b'=', &s).collect::<Vec<_>>(), want, "{len}");
            assert_eq!(positions(0xff, &s).count(), 0, "{len}");
        }
    }

    #[test]
    fn simd_agrees_with_portable() {
        let mut block = [0u8; 64];
        let mut rand = crate::test_rand::Rand::new();
        for _ in 0..20_000 {
            for b in &mut block {
                let r = rand.next();
                *b = match r % 8 {
                    0 => b',',
                    1 => b'"',
                    2 => r.to_le_bytes()[3],
                    _ => b'a' + (r % 26) as u8,
                };
            }
            assert_eq!(comma_quote_mask(&block), portable(&block));
            assert_eq!(cef_masks(&block), portable_cef(&block));
            for byte in [b'=', b',', 0, 0xff, block[7]] {
                assert_eq!(byte_mask(&block, byte), portable_byte(&block, byte));
            }
            for lane in block.chunks_exact(16) {
                let lane: &[u8; 16] = lane.try_into().unwrap();
                assert_eq!(json_escape_mask(lane), portable_escape(lane));
            }
        }
        // Every byte value in every lane position.
        for b in 0..=255u8 {
            for at in [0, 15, 16, 33, 63] {
                let mut block = [b'a'; 64];
                block[at] = b;
                assert_eq!(cef_masks(&block), portable_cef(&block), "{b:#x} at {at}");
                let window: &[u8; 32] = block[at / 2..at / 2 + 32].try_into().unwrap();
                let want = portable_leef_others(window).trailing_zeros() as usize;
                assert_eq!(leef_key_len(window), want, "{b:#x} at {at}");
            }
            for at in 0..16 {
                let mut lane = [b'a'; 16];
                lane[at] = b;
                assert_eq!(
                    json_escape_mask(&lane),
                    portable_escape(&lane),
                    "{b:#x} at {at}"
                );
            }
        }
    }
}
