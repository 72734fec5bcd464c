//! LEEF (IBM QRadar's Log Event Extended Format) bodies, 1.0 and 2.0:
//! `LEEF:1.0|vendor|product|version|event|k=v<TAB>k=v...` and
//! `LEEF:2.0|vendor|product|version|event|delimiter|k=v...`, read into the
//! same record a CSV line makes.
//!
//! The delimiter is the 2.0 header's (`x7C`, `0x7C`, `^`, a character; empty
//! is TAB), or for 1.0 TAB (PAN-OS's own 1.0 strings use `|`). An attribute
//! that does not start with `key=` belongs to the previous value (a
//! delimiter inside a value). Three key families (the shared folder's
//! `reference/formats/LEEF.md`): IBM's classic strings (`ReceiveTime`,
//! `SerialNumber`), its 10.x strings (`TimeReceived`, `DeviceSN`) and the
//! cloud log forwarder's (product `Next Generation Firewall`).
//!
//! # Example
//!
//! ```
//! let line = b"<14>Sep 17 13:45:35 fw LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|11.1.6|allow|cat=TRAFFIC|ReceiveTime=2025/09/17 13:45:34|SerialNumber=0101|Subtype=start|src=172.19.50.39|dst=172.19.5.50|srcPort=62126|dstPort=443|proto=tcp|RuleName=interzone-default";
//! let mut parser = panlog::Parser::new(); // it holds the buffers the record is laid out in
//! let log = parser.parse(line).unwrap();
//! assert_eq!(log.log_type(), panlog::schema::LogType::Traffic);
//! assert_eq!(log.port("dport").unwrap().unwrap().get(), 443);
//! assert_eq!(log.get("rule").unwrap(), "interzone-default");
//! ```

use std::ops::Range;

use crate::cef::{put_any, type_of, vocab_tag};
use crate::keys::{LEEF_1, LEEF_2, LEEF_FORWARDER, Vocabulary};
use crate::named::Named;
use crate::schema::LogType;

/// Where a LEEF body starts in `body`, if it is one.
pub(crate) fn start(body: &[u8]) -> Option<usize> {
    body.starts_with(b"LEEF:").then_some(5)
}

/// Why a LEEF body could not be read.
pub(crate) const NO_HEADER: &str = "LEEF header without vendor, product, version and event fields";

/// Lays the LEEF body `leef` (after `LEEF:`) out in `named`.
///
/// # Errors
///
/// A header too short to be LEEF.
pub(crate) fn fill(leef: &[u8], named: &mut Named) -> Result<(), &'static str> {
    // version | vendor | product | version | event [| delimiter] | attributes
    let mut fields: [Range<usize>; 6] = Default::default();
    let mut at = 0;
    let two = leef.starts_with(b"2");
    let header_len = if two { 6 } else { 5 };
    for (i, field) in fields.iter_mut().enumerate().take(header_len) {
        let Some(pipe) = memchr::memchr(b'|', &leef[at..]) else {
            // 2.0 without a delimiter field: it is the attributes already.
            if two && i == 5 {
                break;
            }
            return Err(NO_HEADER);
        };
        *field = at..at + pipe;
        at += pipe + 1;
    }
    let mut attrs_start = at;
    let product = &leef[fields[2].clone()];
    let delimiter = if two {
        let d = &leef[fields[5].clone()];
        if d.contains(&b'=') {
            // No delimiter field after all: attributes start there.
            attrs_start = fields[5].start;
            b'\t'
        } else {
            delimiter(d)
        }
    } else if product.eq_ignore_ascii_case(b"PAN-OS Syslog Integration")
        || (!leef[at..].contains(&b'\t') && leef[at..].contains(&b'|'))
    {
        b'|'
    } else {
        b'\t'
    };
    let attrs = &leef[attrs_start..];
    let mut pairs = std::mem::take(&mut named.pairs);
    split(attrs, delimiter, &mut pairs);
    let key = |k: &Range<usize>| attrs[k.clone()].trim_ascii();
    let value_of = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| key(k) == name.as_bytes())
            .map(|(_, v)| &attrs[v.clone()])
    };
    // The family by product, version and tell-tale keys; a key the family
    // does not list is looked up in the others.
    let vocabs: [&Vocabulary; 3] = if product.eq_ignore_ascii_case(b"Next Generation Firewall") {
        [&LEEF_FORWARDER, &LEEF_2, &LEEF_1]
    } else if !two || value_of("ReceiveTime").is_some() || value_of("SerialNumber").is_some() {
        [&LEEF_1, &LEEF_2, &LEEF_FORWARDER]
    } else {
        [&LEEF_2, &LEEF_1, &LEEF_FORWARDER]
    };
    let type_text = value_of("cat")
        .filter(|t| type_of(t) != LogType::Unknown)
        .or_else(|| value_of("Type"))
        .or_else(|| value_of("LogType"))
        .unwrap_or(b"");
    let log_type = type_of(type_text);
    named.begin_over(log_type, attrs);
    let range = named.value_of(type_text);
    named.set("type", range);
    let tag = vocab_tag(&vocabs);
    for (k, v) in &pairs {
        put_any(named, (&vocabs, tag), log_type, key(k), &attrs[v.clone()]);
    }
    named.pairs = pairs;
    // The header's event id: what it is depends on the type (the IBM
    // strings write the action, the result, the threat id or the event).
    let event = &leef[fields[4].clone()];
    if !event.is_empty() {
        let field = match log_type {
            LogType::System => "eventid",
            LogType::Config => "result",
            LogType::Traffic => "action",
            LogType::Threat => "threatid",
            _ => "",
        };
        let range = named.value(|b| b.extend_from_slice(event));
        named.place_field(field, b"leef_event_id", range);
    }
    Ok(())
}

/// A 2.0 header's delimiter field: `x7C`, `0x7C`, one character; empty is TAB.
fn delimiter(field: &[u8]) -> u8 {
    let hex = field
        .strip_prefix(b"0x")
        .or_else(|| field.strip_prefix(b"x"))
        .or_else(|| field.strip_prefix(b"X"));
    if let Some(hex) = hex
        && let Ok(text) = std::str::from_utf8(hex)
        && let Ok(byte) = u8::from_str_radix(text, 16)
    {
        return byte;
    }
    match field {
        [one] => *one,
        _ => b'\t',
    }
}

/// The attributes' `key=value` ranges; a segment with no `key=` is glued to
/// the value before it.
fn split(attrs: &[u8], delimiter: u8, out: &mut Vec<(Range<usize>, Range<usize>)>) {
    out.clear();
    let mut at = 0;
    let ends = crate::simd::positions(delimiter, attrs).chain(std::iter::once(attrs.len()));
    for end in ends {
        if at >= attrs.len() {
            break; // after a delimiter that ends the attributes
        }
        // One pass: the first byte that is not a key's is the `=` after a
        // key (`=` is not a key byte), or the segment has no key.
        push_segment(out, attrs, at..end, key_len(attrs, at, &attrs[at..end]));
        at = end + 1;
    }
    crate::named::trim_line_ends(attrs, out);
}

/// The attribute at `segment` of `attrs`, whose first non-key byte is at
/// `key_len` in it: a pair if that byte is the `=` after a key, else more of
/// the value before.
fn push_segment(
    out: &mut Vec<(Range<usize>, Range<usize>)>,
    attrs: &[u8],
    segment: Range<usize>,
    key_len: Option<usize>,
) {
    let (at, end) = (segment.start, segment.end);
    match (key_len, out.last_mut()) {
        (Some(i), _) if i > 0 && at + i < end && attrs[at + i] == b'=' => {
            out.push((at..at + i, at + i + 1..end));
        }
        (_, Some((_, value))) => value.end = end,
        (_, None) => {}
    }
}

/// Where the first byte of `segment` (at `at` in `attrs`) that is not a
/// key byte is, if it has one: 32 bytes classified at once where `attrs`
/// has them (a key is shorter), else byte by byte. Past the segment (its
/// delimiter a key byte) is no `=` of it, as [`push_segment`] checks.
fn key_len(attrs: &[u8], at: usize, segment: &[u8]) -> Option<usize> {
    if let Some(window) = attrs.get(at..at + 32) {
        let len = crate::simd::leef_key_len(window.try_into().ok()?);
        if len < 32 {
            return Some(len);
        }
    }
    segment
        .iter()
        .position(|&b| !crate::simd::is_leef_key_byte(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributes split as a byte-by-byte walk splits them, with every
    /// kind of delimiter (one that can be a key byte too) and keys around
    /// the 32-byte window.
    #[test]
    fn split_agrees_with_a_byte_walk() {
        fn by_bytes(attrs: &[u8], delimiter: u8) -> Vec<(Range<usize>, Range<usize>)> {
            let mut out = Vec::new();
            let mut at = 0;
            while at < attrs.len() {
                let end = attrs[at..]
                    .iter()
                    .position(|&b| b == delimiter)
                    .map_or(attrs.len(), |i| at + i);
                let key_len = attrs[at..end]
                    .iter()
                    .position(|&b| !crate::simd::is_leef_key_byte(b));
                push_segment(&mut out, attrs, at..end, key_len);
                at = end + 1;
            }
            crate::named::trim_line_ends(attrs, &mut out);
            out
        }
        let long = format!(
            "{}=v|{}=w-x={}",
            "k".repeat(40),
            "j".repeat(31),
            "y".repeat(33)
        );
        for delimiter in [b'|', b'-', b' '] {
            let mut out = Vec::new();
            split(long.as_bytes(), delimiter, &mut out);
            assert_eq!(
                out,
                by_bytes(long.as_bytes(), delimiter),
                "{long} on {delimiter:?}"
            );
        }
        let mut rand = crate::test_rand::Rand::new();
        for _ in 0..20_000 {
            let attrs = rand.bytes(150, b"abcdefghijklmnopqrstuvwxyzAB_-. =|\t^9/");
            for delimiter in [b'|', b'\t', b'^', b'-', b' '] {
                let mut out = Vec::new();
                split(&attrs, delimiter, &mut out);
                assert_eq!(
                    out,
                    by_bytes(&attrs, delimiter),
                    "{:?} on {delimiter:?}",
                    String::from_utf8_lossy(&attrs)
                );
            }
        }
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(b"x7C"), b'|');
        assert_eq!(delimiter(b"0x09"), b'\t');
        assert_eq!(delimiter(b"^"), b'^');
        assert_eq!(delimiter(b""), b'\t');
    }

    #[test]
    fn segments_without_a_key_join_the_value_before() {
        let attrs = b"a=1|msg=x|y|b=2|";
        let mut out = Vec::new();
        split(attrs, b'|', &mut out);
        let kv: Vec<(&[u8], &[u8])> = out
            .iter()
            .map(|(k, v)| (&attrs[k.clone()], &attrs[v.clone()]))
            .collect();
        assert_eq!(kv, [(&b"a"[..], &b"1"[..]), (b"msg", b"x|y"), (b"b", b"2")]);
    }
}
