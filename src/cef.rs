//! CEF (ArcSight Common Event Format) bodies: `CEF:0|vendor|product|version|
//! signature|name|severity|key=value ...`, read into the same record a CSV
//! line makes.
//!
//! Three dialects, told apart by the header's product (the shared folder's
//! `reference/formats/CEF.md`): PAN-OS's own CEF profiles (`PAN-OS`, the CEF
//! Configuration Guides' keys, type in the *name* column), the cloud log
//! forwarder's (`LF`, type in the *signature* column, `PanOS<Name>` keys) and
//! Cortex XSIAM's (`NGFW_CEF`, snake_case keys). The extension's values may
//! hold spaces (a value runs to the space before the next `key=`), and the
//! escapes `\=`, `\\`, `\|`, `\n`, `\r` are undone. Published format strings
//! have defects deployments copied (a header of five or six fields, a
//! missing `CEF:` prefix, a space after it): they are read too.
//!
//! # Example
//!
//! ```
//! let line = br#"<14>Jun 20 15:22:38 PA-1 CEF:0|Palo Alto Networks|PAN-OS|10.1.6|end|TRAFFIC|1|rt=Jun 20 2025 05:22:38 GMT deviceExternalId=0072 src=10.0.0.5 dst=198.51.100.7 cs1Label=Rule cs1=allow web spt=53144 dpt=443 proto=tcp act=allow in=2210 out=16132"#;
//! let mut parser = panlog::Parser::new(); // it holds the buffers the record is laid out in
//! let log = parser.parse(line).unwrap();
//! assert_eq!(log.log_type(), panlog::schema::LogType::Traffic);
//! assert_eq!(log.get("rule").unwrap(), "allow web");
//! assert_eq!(log.u64("bytes_sent").unwrap(), Some(2210));
//! assert_eq!(log.receive_time().unwrap().unwrap().to_rfc3339(), "2025-06-20T05:22:38+00:00");
//! ```

use std::ops::Range;

use crate::keys::{CEF_FORWARDER, CEF_NATIVE, CEF_XSIAM, Vocabulary};
use crate::named::{Named, write_time};
use crate::schema::{LogType, ValueKind};

/// Where a CEF body starts in `body` (after `CEF:` and spaces), if it is one:
/// `CEF:0|...`, `CEF: 0|...`, or (a relay took `CEF:` as the syslog tag)
/// `0|Palo Alto Networks|...`.
pub(crate) fn start(body: &[u8]) -> Option<usize> {
    if let Some(rest) = body.strip_prefix(b"CEF:") {
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        return Some(4 + spaces);
    }
    let bare = body.len() > 2
        && body[0].is_ascii_digit()
        && body[1] == b'|'
        && body[2..].iter().take(40).position(|&b| b == b'|').is_some()
        && contains_ignore_case(&body[2..body.len().min(64)], b"palo alto");
    bare.then_some(0)
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Why a CEF body could not be read.
pub(crate) const NO_HEADER: &str = "CEF header without vendor, product and version fields";

/// Lays the CEF body `cef` (from its version on) out in `named`.
///
/// # Errors
///
/// A body too short to be CEF (fewer than four header fields).
pub(crate) fn fill(cef: &[u8], named: &mut Named) -> Result<(), &'static str> {
    // The header: up to seven fields before the extension, on unescaped `|`.
    let mut fields: [Range<usize>; 7] = Default::default();
    let mut count = 0;
    let mut at = 0;
    let mut ext_start = cef.len();
    let mut pipes = crate::simd::positions(b'|', cef).filter(|&p| !is_escaped(cef, p));
    while count < 7 {
        let end = pipes.next().unwrap_or(cef.len());
        let field = at..end;
        // A published defect: fewer header fields, the extension starts here.
        if count >= 4 && cef[field.clone()].contains(&b'=') {
            ext_start = at;
            break;
        }
        fields[count] = field;
        count += 1;
        if end == cef.len() {
            ext_start = cef.len();
            break;
        }
        at = end + 1;
        ext_start = at;
    }
    if count < 4 {
        return Err(NO_HEADER);
    }
    let header = |i: usize| -> &[u8] {
        if i < count {
            &cef[fields[i].clone()]
        } else {
            b""
        }
    };
    let product = header(2);
    let (vocab, dialect) = if product.eq_ignore_ascii_case(b"LF") {
        (&CEF_FORWARDER, Dialect::Forwarder)
    } else if product.eq_ignore_ascii_case(b"NGFW_CEF") {
        (&CEF_XSIAM, Dialect::Xsiam)
    } else {
        (&CEF_NATIVE, Dialect::Native)
    };
    let ext = &cef[ext_start..];
    let mut pairs = std::mem::take(&mut named.pairs);
    find_pairs(ext, &mut pairs);
    let key_value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| &ext[k.clone()] == key.as_bytes())
            .map(|(_, v)| &ext[v.clone()])
    };
    // The log type: the header's name (native), signature (forwarder), or
    // the `log_type` key (XSIAM); the 10.0 GlobalProtect and Decryption
    // strings swap the two columns.
    let (type_text, log_type) = match dialect {
        Dialect::Native => match type_of(header(5)) {
            LogType::Unknown => (header(4), type_of(header(4))),
            named => (header(5), named),
        },
        Dialect::Forwarder => (header(4), type_of(header(4))),
        Dialect::Xsiam => {
            let text = key_value("log_type").unwrap_or(header(5));
            (text, type_of(text))
        }
    };
    named.begin_over(log_type, ext);
    let type_range = named.value_of(type_text);
    named.set("type", type_range);
    let vocabs = [vocab];
    let tag = vocab_tag(&vocabs);
    for (k, v) in &pairs {
        put_any(
            named,
            (&vocabs, tag),
            log_type,
            &ext[k.clone()],
            &ext[v.clone()],
        );
    }
    named.pairs = pairs;
    // What the header says that the keys did not.
    let signature = header(4);
    match dialect {
        Dialect::Native => {
            let field = match log_type {
                LogType::Config => "result",
                LogType::HipMatch => "matchtype",
                LogType::Correlation => "category",
                LogType::Threat if signature.ends_with(b")") && signature.contains(&b'(') => {
                    "threatid"
                }
                _ if signature == type_text => "",
                _ => "subtype",
            };
            header_field(named, field, signature, b"cef_signature");
            if !named.has("severity") {
                let word = match header(6) {
                    b"1" => &b"informational"[..],
                    b"2" => b"low",
                    b"3" => b"medium",
                    b"4" => b"high",
                    b"5" => b"critical",
                    other => other,
                };
                if matches!(
                    log_type,
                    LogType::Threat | LogType::System | LogType::Correlation
                ) {
                    header_field(named, "severity", word, b"cef_severity");
                }
            }
            header_field(named, "", header(3), b"cef_device_version");
        }
        Dialect::Forwarder => header_field(named, "subtype", header(5), b"cef_name"),
        Dialect::Xsiam => {}
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Native,
    Forwarder,
    Xsiam,
}

/// A header value into `field`, or (no such field, or it has a value)
/// kept as the extra column `extra` when not empty.
fn header_field(named: &mut Named, field: &str, value: &[u8], extra: &[u8]) {
    if value.is_empty() {
        return;
    }
    let range = named.value(|out| {
        // Header escapes: `\|` and `\\`.
        let mut i = 0;
        while i < value.len() {
            if value[i] == b'\\' && matches!(value.get(i + 1), Some(b'|' | b'\\')) {
                i += 1;
            }
            out.push(value[i]);
            i += 1;
        }
    });
    named.place_field(field, extra, range);
}

/// The log type a CEF header or key names (`AUTH` is AUTHENTICATION).
pub(crate) fn type_of(text: &[u8]) -> LogType {
    match LogType::from_bytes(text) {
        LogType::Unknown if text.eq_ignore_ascii_case(b"AUTH") => LogType::Authentication,
        LogType::Unknown if text.eq_ignore_ascii_case(b"TUNNEL") => LogType::Tunnel,
        LogType::Unknown if text.eq_ignore_ascii_case(b"AUDIT") => LogType::Audit,
        found => found,
    }
}

/// The vocabularies a record's keys are looked up in, as the tag
/// [`Named::column`] remembers a lookup by (their addresses, in order).
pub(crate) fn vocab_tag(vocabs: &[&Vocabulary]) -> [usize; 3] {
    debug_assert!(vocabs.len() <= 3);
    let mut tag = [0; 3];
    for (t, v) in tag.iter_mut().zip(vocabs) {
        *t = std::ptr::from_ref::<Vocabulary>(v) as usize;
    }
    tag
}

/// One key's value into its field (unescaped; a time rewritten as ISO
/// 8601), or kept as a named extra column: the field of the first of
/// `vocabs` (whose [`vocab_tag`] is `tag`) that knows the key.
pub(crate) fn put_any(
    named: &mut Named,
    (vocabs, tag): (&[&Vocabulary], [usize; 3]),
    log_type: LogType,
    key: &[u8],
    raw: &[u8],
) {
    let (column, is_time) = named.column(tag, key, || {
        vocabs
            .iter()
            .map(|v| column_for(v, log_type, key))
            .find(|(c, _)| c.is_some())
            .unwrap_or((None, false))
    });
    let value = strip_quotes(raw);
    let range = if is_time {
        named.value(|b| write_time(b, value))
    } else if let Some(range) = named.plain_value_of(value) {
        range
    } else {
        named.value(|b| unescape(b, value))
    };
    named.place_looked_up((column, is_time), key, range);
}

/// The standard column `key` names in a record of `log_type`: the
/// vocabulary's field, else a PAN-OS field name used as the key
/// (hand-written strings); and whether it holds a time. `None` means no
/// column of the type is named `key`.
pub(crate) fn column_for(
    vocab: &Vocabulary,
    log_type: LogType,
    key: &[u8],
) -> (Option<usize>, bool) {
    let schema = log_type.schema();
    let hash = crate::schema::hash(key);
    let column = vocab
        .table(log_type)
        .and_then(|t| t.column(log_type, key, hash))
        .or_else(|| schema.position_hashed(key, hash));
    let is_time = column
        .and_then(|c| schema.column(c))
        .is_some_and(|s| s.kind == ValueKind::Timestamp);
    (column, is_time)
}

/// One pair of surrounding double quotes off (PAN-OS quotes `$misc`).
pub(crate) fn strip_quotes(value: &[u8]) -> &[u8] {
    let value = value
        .strip_suffix(b"\\\"")
        .and_then(|v| v.strip_prefix(b"\\\""))
        .unwrap_or(value);
    match value {
        [b'"', inner @ .., b'"'] => inner,
        _ => value,
    }
}

/// CEF's extension escapes undone: `\=`, `\\`, `\|`, `\n`, `\r` (and `\"`).
fn unescape(out: &mut Vec<u8>, value: &[u8]) {
    let Some(first) = memchr::memchr(b'\\', value) else {
        out.extend_from_slice(value);
        return;
    };
    out.extend_from_slice(&value[..first]);
    let mut i = first;
    while i < value.len() {
        let b = value[i];
        if b == b'\\' && i + 1 < value.len() {
            let next = value[i + 1];
            let replaced = match next {
                b'=' | b'\\' | b'|' | b'"' => Some(next),
                b'n' => Some(b'\n'),
                b'r' => Some(b'\r'),
                _ => None,
            };
            if let Some(r) = replaced {
                out.push(r);
                i += 2;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
}

/// Whether the byte at `at` is escaped: an odd number of backslashes
/// before it.
fn is_escaped(s: &[u8], at: usize) -> bool {
    s[..at].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 1
}

/// The extension's `key=value` pairs, as ranges: a key is
/// `[A-Za-z0-9_][A-Za-z0-9_.,\[\]-]*` after the start or a space, before an
/// unescaped `=`; its value runs to the space before the next key.
fn find_pairs(ext: &[u8], out: &mut Vec<(Range<usize>, Range<usize>)>) {
    out.clear();
    // The last key found, whose value ends where the next key starts.
    let mut pending: Option<Range<usize>> = None;
    // A key is the run of key bytes before an `=`, after a space or at the
    // start: it starts after the last byte before the `=` that is not a key
    // byte, which a mask per 64 bytes gives without walking back over the
    // key. (An escaped `\=` has a backslash, not a key byte, before it: no
    // key.)
    let mut last_other: Option<usize> = None;
    for (k, chunk) in ext.chunks(64).enumerate() {
        let (eqs, others) = match <&[u8; 64]>::try_from(chunk) {
            Ok(block) => crate::simd::cef_masks(block),
            Err(_) => {
                let mut block = [b' '; 64];
                block[..chunk.len()].copy_from_slice(chunk);
                crate::simd::cef_masks(&block)
            }
        };
        let base = k * 64;
        let mut eqs = eqs;
        while eqs != 0 {
            let bit = eqs.trailing_zeros() as usize;
            eqs &= eqs - 1;
            let eq = base + bit;
            let below = others & ((1u64 << bit) - 1);
            let before = if below == 0 {
                last_other
            } else {
                Some(base + 63 - below.leading_zeros() as usize)
            };
            let start = before.map_or(0, |b| b + 1);
            let after_space = before.is_none_or(|b| ext[b] == b' ');
            let first_ok = start < eq && (ext[start].is_ascii_alphanumeric() || ext[start] == b'_');
            if !(first_ok && after_space) {
                continue;
            }
            if let Some(key) = &pending {
                if key.end >= start {
                    continue; // inside the previous key's run
                }
                // The previous key's value runs to the space before this key.
                let value_start = key.end + 1;
                out.push((
                    key.clone(),
                    value_start..start.saturating_sub(1).max(value_start),
                ));
            }
            pending = Some(start..eq);
        }
        if others != 0 {
            last_other = Some(base + 63 - others.leading_zeros() as usize);
        }
    }
    if let Some(key) = pending {
        let value_start = key.end + 1;
        out.push((key, value_start..ext.len()));
        crate::named::trim_line_ends(ext, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs of [`find_pairs`] found by walking back from each `=`, a
    /// byte at a time, each value running to the space before the next key:
    /// the oracle for the masks.
    fn pairs_by_bytes(ext: &[u8]) -> Vec<(Range<usize>, Range<usize>)> {
        let mut keys: Vec<Range<usize>> = Vec::new();
        for eq in (0..ext.len()).filter(|&i| ext[i] == b'=') {
            if is_escaped(ext, eq) {
                continue;
            }
            let len = ext[..eq]
                .iter()
                .rev()
                .take_while(|&&b| crate::simd::is_cef_key_byte(b))
                .count();
            let start = eq - len;
            let first_ok = ext
                .get(start)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
            if len == 0 || !first_ok || !(start == 0 || ext[start - 1] == b' ') {
                continue;
            }
            if keys.last().is_some_and(|k| k.end >= start) {
                continue;
            }
            keys.push(start..eq);
        }
        let mut pairs = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let value_start = key.end + 1;
            let value_end = match keys.get(i + 1) {
                Some(next) => next.start.saturating_sub(1).max(value_start),
                None => {
                    let mut end = ext.len();
                    while end > value_start && matches!(ext[end - 1], b'\r' | b'\n') {
                        end -= 1;
                    }
                    end
                }
            };
            pairs.push((key.clone(), value_start..value_end));
        }
        pairs
    }

    /// The masks find the pairs the byte walk does, on extensions of words,
    /// spaces, `=`, backslashes and key marks around the 64-byte blocks.
    #[test]
    fn keys_by_masks_agree_with_a_byte_walk() {
        let mut rand = crate::test_rand::Rand::new();
        for _ in 0..20_000 {
            let ext = rand.bytes(200, b"ab_Z9.,[]-= \\=/|=\r\n");
            let mut pairs = Vec::new();
            find_pairs(&ext, &mut pairs);
            assert_eq!(
                pairs,
                pairs_by_bytes(&ext),
                "{:?}",
                String::from_utf8_lossy(&ext)
            );
        }
    }

    fn text<'a>(ext: &'a [u8], r: &Range<usize>) -> &'a str {
        std::str::from_utf8(&ext[r.clone()]).unwrap()
    }

    #[test]
    fn values_run_to_the_next_key() {
        let ext = br"msg= Failed password for root cs1Label=Rule cs1=a\=b c PanOSX-Forwarded-ForIP=1.2.3.4 k=";
        let mut p = Vec::new();
        find_pairs(ext, &mut p);
        let kv: Vec<(&str, &str)> = p
            .iter()
            .map(|(k, v)| (text(ext, k), text(ext, v)))
            .collect();
        assert_eq!(
            kv,
            [
                ("msg", " Failed password for root"),
                ("cs1Label", "Rule"),
                ("cs1", r"a\=b c"),
                ("PanOSX-Forwarded-ForIP", "1.2.3.4"),
                ("k", ""),
            ]
        );
    }

    #[test]
    fn escapes_are_undone() {
        let mut out = Vec::new();
        unescape(&mut out, br"a\=b\\c\|d\ne");
        assert_eq!(out, b"a=b\\c|d\ne");
    }

    #[test]
    fn starts() {
        assert_eq!(start(b"CEF:0|x"), Some(4));
        assert_eq!(start(b"CEF: 0|x"), Some(5));
        assert_eq!(
            start(b"0|Palo Alto Networks|PAN-OS|9.1|x|THREAT|2|a=b"),
            Some(0)
        );
        assert_eq!(start(b"1,2024/03/05 14:22:07,0011,TRAFFIC"), None);
    }
}
