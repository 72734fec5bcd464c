//! JSON records of the cloud log forwarder and Cortex Data Lake, read into
//! the same record a CSV line makes: one object per record, in one of three
//! vocabularies (the shared folder's `reference/formats/JSON.md`):
//!
//! - the forwarder's HTTPS names (`LogType`, `SourceAddress`, ISO times);
//! - the query names (`log_type`, `source_ip`, `{"value": ...}` objects,
//!   epoch-microsecond times);
//! - PAN-OS's own field names (`type`, `src`, the legacy logging service).
//!
//! A Splunk HEC wrapper (`{"time": ..., "event": {...}}`) is unwrapped, and
//! so is a log shipper's object around a raw PAN-OS line (see
//! [`Input::Auto`](crate::Input::Auto)).
//! Numbers are kept as their text (a 64-bit sequence number never goes
//! through `f64`); strings are unescaped. Keys no table knows are kept as
//! named extra columns. [`values`] finds the objects of a stream (NDJSON,
//! stacked objects, an array) for callers that read whole inputs.
//!
//! # Example
//!
//! ```
//! let line = br#"{"TimeReceived":"2024-06-25T21:32:54.000000Z","DeviceSN":"0111","LogType":"THREAT","Subtype":"url","SourceAddress":"192.0.2.4","DestinationAddress":"198.51.100.8","Rule":"Rule124","URL":"www.example.org","SequenceNo":7353954110769176067}"#;
//! let mut parser = panlog::Parser::new(); // it holds the buffers the record is laid out in
//! let log = parser.parse(line).unwrap();
//! assert_eq!(log.log_type(), panlog::schema::LogType::Threat);
//! assert_eq!(log.get("misc").unwrap(), "www.example.org");
//! assert_eq!(log.u64("seqno").unwrap(), Some(7353954110769176067));
//! ```

use std::ops::Range;

use crate::cef::{column_for, type_of, vocab_tag};
use crate::keys::{JSON_HTTPS, JSON_QUERY, Vocabulary};
use crate::named::{Named, write_time};
use crate::schema::LogType;

/// Why a JSON record could not be read.
pub(crate) const NOT_AN_OBJECT: &str = "not a JSON object (or nested too deep, or cut short)";

/// Whether `body` is a JSON object.
pub(crate) fn start(body: &[u8]) -> Option<usize> {
    let at = body.iter().position(|b| !b.is_ascii_whitespace())?;
    (body[at] == b'{').then_some(at)
}

/// A JSON value's shape, as the scanner saw it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    String,
    Scalar,
    Object,
    Array,
}

/// Lays the JSON object `json` out in `named`.
///
/// # Errors
///
/// Text that is not one well-formed JSON object.
pub(crate) fn fill(json: &[u8], named: &mut Named) -> Result<(), &'static str> {
    let mut pairs = std::mem::take(&mut named.pairs);
    let result = fill_pairs(json, named, &mut pairs);
    named.pairs = pairs;
    result
}

fn fill_pairs(
    json: &[u8],
    named: &mut Named,
    pairs: &mut Vec<(Range<usize>, Range<usize>)>,
) -> Result<(), &'static str> {
    let object = unwrapped(json, pairs)?;
    let key = |k: &Range<usize>| key_bytes(object, k);
    let find = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| key(k) == name.as_bytes())
            .map(|(_, v)| v.clone())
    };
    let (vocab, type_range): (Option<&Vocabulary>, _) = if let Some(v) = find("LogType") {
        (Some(&JSON_HTTPS), Some(v))
    } else if let Some(v) = find("log_type") {
        (Some(&JSON_QUERY), Some(v))
    } else if find("source_ip").is_some() || find("rule_matched").is_some() {
        (Some(&JSON_QUERY), None)
    } else {
        (None, find("type"))
    };
    let mut scratch = [0u8; 32];
    let type_text = type_range.clone().map_or(&b""[..], |r| {
        scalar_text(unwrap_value(&object[r]), &mut scratch)
    });
    let mut log_type = type_of(type_text);
    // A query-name record with no type whose keys are a session's: TRAFFIC.
    if log_type == LogType::Unknown
        && type_range.is_none()
        && find("source_ip").is_some()
        && find("dest_ip").is_some()
    {
        log_type = LogType::Traffic;
    }
    named.begin_over(log_type, object);
    let range = named.value(|b| {
        b.extend_from_slice(if log_type == LogType::Unknown {
            type_text
        } else {
            log_type.as_str().as_bytes()
        })
    });
    named.set("type", range);
    let keys_vocab = vocab.unwrap_or(&JSON_HTTPS);
    let tag = vocab_tag(&[keys_vocab]);
    for (k, v) in pairs.iter() {
        let name = key(k);
        let raw = unwrap_value(&object[v.clone()]);
        let kind = kind(raw);
        if kind == Kind::Scalar && raw == b"null" {
            continue;
        }
        // PAN-OS names with `-` for `_` in the legacy service's keys.
        let mut dashless = [0u8; 64];
        let lookup = match vocab {
            None if name.len() <= 64 && name.contains(&b'-') => {
                let d = &mut dashless[..name.len()];
                d.copy_from_slice(name);
                d.iter_mut().filter(|b| **b == b'-').for_each(|b| *b = b'_');
                &*d
            }
            _ => name,
        };
        let (column, is_time) =
            named.column(tag, lookup, || column_for(keys_vocab, log_type, lookup));
        let value = match kind {
            Kind::String => match named.plain_value_of(string_inner(raw)) {
                Some(range) => range,
                None => named.value(|b| unescape_string(b, raw)),
            },
            Kind::Scalar if is_time => named.value(|b| write_time(b, raw)),
            _ => named.value_of(raw),
        };
        // `name` differs from `lookup` only by `-` for `_`: no column's name.
        named.place_looked_up((column, is_time), name, value);
    }
    Ok(())
}

/// The members of the object at the start of `json` (see [`members`]), or
/// of its `event` object when it is a Splunk HEC wrapper. Returns the
/// object's text.
fn unwrapped<'j>(
    json: &'j [u8],
    pairs: &mut Vec<(Range<usize>, Range<usize>)>,
) -> Result<&'j [u8], &'static str> {
    let object = members(json, pairs)?;
    let event = pairs
        .iter()
        .find(|(k, _)| &object[k.clone()] == b"\"event\"")
        .map(|(_, v)| &object[v.clone()])
        .filter(|inner| inner.first() == Some(&b'{'));
    match event {
        Some(inner) => members(inner, pairs),
        None => Ok(object),
    }
}

/// The bytes of the key at `k` in `object` (a member range of
/// [`members`]), without its quotes.
fn key_bytes<'o>(object: &'o [u8], k: &Range<usize>) -> &'o [u8] {
    string_inner(&object[k.clone()])
}

/// The keys log shippers carry a raw line in, in the order they are
/// tried: Elastic's and Logstash's `message`, Splunk's `_raw` and HEC
/// `event`, Fluent Bit's and Docker's `log`, `msg`, `raw`, GELF's (Graylog)
/// `short_message` and `full_message`, journald's `MESSAGE`, Azure
/// Monitor's Syslog table `SyslogMessage`, ECS's `event.original`
/// (`{"event": {"original": ...}}` too, through the HEC unwrapping).
const LINE_KEYS: &[&str] = &[
    "message",
    "_raw",
    "event",
    "log",
    "msg",
    "raw",
    "short_message",
    "full_message",
    "MESSAGE",
    "SyslogMessage",
    "original",
    "event.original",
];

/// The keys of the objects an export or a store puts a shipped document
/// in, looked into (two levels at most) when an object has no
/// [`LINE_KEYS`] string of its own: Elasticsearch's and OpenSearch's
/// `_source`, Splunk's export `result`, ECS's `log` (`log.original`), and
/// the generic `data` and `fields`.
const CONTAINER_KEYS: &[&str] = &["_source", "result", "log", "data", "fields"];

/// The keys the forwarder's records name their type under, as searchers
/// built once (building one costs more than a search of a record).
static TYPE_KEYS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    std::sync::LazyLock::new(|| {
        [
            memchr::memmem::Finder::new(b"\"LogType\""),
            memchr::memmem::Finder::new(b"\"log_type\""),
        ]
    });

/// A shipper's JSON object around a raw log line: the first
/// [`LINE_KEYS`] string of the object (or of its HEC `event` object, or
/// of an object under a [`CONTAINER_KEYS`] key), unescaped into `out`,
/// unless the object is a record of its own (it names a PAN-OS log type).
/// Whether the line is a PAN-OS record is the caller's to judge.
pub(crate) fn wrapped_line(
    json: &[u8],
    pairs: &mut Vec<(Range<usize>, Range<usize>)>,
    out: &mut Vec<u8>,
) -> bool {
    // The forwarder's records name their type under these keys, and a
    // record is no wrapper: two substring scans spare them a second pass
    // over their members (a sixth of the JSON path's time).
    if TYPE_KEYS.iter().any(|k| k.find(json).is_some()) {
        return false;
    }
    line_in(json, pairs, out, 0)
}

/// [`wrapped_line`] in the object `json`, `depth` containers down.
fn line_in(
    json: &[u8],
    pairs: &mut Vec<(Range<usize>, Range<usize>)>,
    out: &mut Vec<u8>,
    depth: usize,
) -> bool {
    let Ok(object) = unwrapped(json, pairs) else {
        return false;
    };
    let key = |k: &Range<usize>| key_bytes(object, k);
    // (`LogType` and `log_type` keys, at any depth, [`wrapped_line`] has
    // ruled out.)
    let names_a_type = pairs.iter().any(|(k, v)| {
        let mut scratch = [0u8; 32];
        key(k) == b"type"
            && type_of(scalar_text(unwrap_value(&object[v.clone()]), &mut scratch))
                != LogType::Unknown
    });
    if names_a_type {
        return false;
    }
    let line = LINE_KEYS.iter().find_map(|name| {
        pairs
            .iter()
            .find(|(k, v)| key(k) == name.as_bytes() && kind(&object[v.clone()]) == Kind::String)
    });
    if let Some((_, v)) = line {
        unescape_string(out, &object[v.clone()]);
        return true;
    }
    if depth >= 2 {
        return false;
    }
    let inner = CONTAINER_KEYS.iter().find_map(|name| {
        pairs
            .iter()
            .find(|(k, v)| key(k) == name.as_bytes() && object[v.clone()].first() == Some(&b'{'))
            .map(|(_, v)| v.clone())
    });
    inner.is_some_and(|v| line_in(&object[v], pairs, out, depth + 1))
}

/// `{"value": x}` (the query names' wrapper) → `x`; other text as it is.
fn unwrap_value(raw: &[u8]) -> &[u8] {
    if raw.first() != Some(&b'{') {
        return raw;
    }
    // Walk the members without keeping them.
    let mut at = skip_ws(raw, 1);
    while let Some(key_end) = string_end(raw, at) {
        let key = &raw[at..key_end];
        at = skip_ws(raw, key_end);
        if raw.get(at) != Some(&b':') {
            break;
        }
        at = skip_ws(raw, at + 1);
        let Some(end) = value_end(raw, at) else { break };
        if key == b"\"value\"" {
            return &raw[at..end];
        }
        at = skip_ws(raw, end);
        if raw.get(at) != Some(&b',') {
            break;
        }
        at = skip_ws(raw, at + 1);
    }
    raw
}

/// A scalar's text: a string unescaped into `buf` when short, else raw.
fn scalar_text<'a>(raw: &'a [u8], buf: &'a mut [u8; 32]) -> &'a [u8] {
    if raw.len() >= 2 && raw[0] == b'"' && raw.len() - 2 <= buf.len() && !raw.contains(&b'\\') {
        let n = raw.len() - 2;
        buf[..n].copy_from_slice(&raw[1..raw.len() - 1]);
        return &buf[..n];
    }
    raw
}

fn kind(raw: &[u8]) -> Kind {
    match raw.first() {
        Some(b'"') => Kind::String,
        Some(b'{') => Kind::Object,
        Some(b'[') => Kind::Array,
        _ => Kind::Scalar,
    }
}

/// The members of the object at the start of `json`: each key's range
/// (quotes included) and its value's raw range. Returns the object's text.
fn members<'j>(
    json: &'j [u8],
    out: &mut Vec<(Range<usize>, Range<usize>)>,
) -> Result<&'j [u8], &'static str> {
    out.clear();
    let mut at = skip_ws(json, 0);
    if json.get(at) != Some(&b'{') {
        return Err(NOT_AN_OBJECT);
    }
    let open = at;
    at = skip_ws(json, at + 1);
    if json.get(at) == Some(&b'}') {
        return Ok(&json[open..=at]);
    }
    loop {
        let key_end = string_end(json, at).ok_or(NOT_AN_OBJECT)?;
        let key = at - open..key_end - open;
        at = skip_ws(json, key_end);
        if json.get(at) != Some(&b':') {
            return Err(NOT_AN_OBJECT);
        }
        at = skip_ws(json, at + 1);
        let value_end = value_end(json, at).ok_or(NOT_AN_OBJECT)?;
        out.push((key, at - open..value_end - open));
        at = skip_ws(json, value_end);
        match json.get(at) {
            Some(b',') => at = skip_ws(json, at + 1),
            Some(b'}') => return Ok(&json[open..=at]),
            _ => return Err(NOT_AN_OBJECT),
        }
    }
}

fn skip_ws(json: &[u8], mut at: usize) -> usize {
    while json.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Just past the string that starts at `at`.
fn string_end(json: &[u8], at: usize) -> Option<usize> {
    if json.get(at) != Some(&b'"') {
        return None;
    }
    let mut i = at + 1;
    // Sixteen bytes at a time to the next quote or backslash (the mask also
    // flags control bytes, which are skipped), then byte by byte.
    'lanes: while let Some(lane) = json.get(i..i + 16) {
        let lane: &[u8; 16] = lane.try_into().ok()?;
        let mut mask = crate::simd::json_escape_mask(lane);
        while mask != 0 {
            let j = i + mask.trailing_zeros() as usize;
            match json[j] {
                b'"' => return Some(j + 1),
                b'\\' => {
                    i = j + 2;
                    continue 'lanes;
                }
                _ => mask &= mask - 1,
            }
        }
        i += 16;
    }
    string_end_bytes(json, i)
}

/// Just past the string whose text goes on at `i`, byte by byte.
fn string_end_bytes(json: &[u8], mut i: usize) -> Option<usize> {
    while i < json.len() {
        match json[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Just past the value that starts at `at`: nested objects and arrays are
/// skipped with a depth count (no recursion), strings honoured.
fn value_end(json: &[u8], at: usize) -> Option<usize> {
    match json.get(at)? {
        b'"' => string_end(json, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while i < json.len() {
                match json[i] {
                    b'"' => {
                        i = string_end(json, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let len = json[at..]
                .iter()
                .take_while(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                .count();
            (len > 0).then_some(at + len)
        }
    }
}

/// A JSON string's text between its quotes, escapes and all.
fn string_inner(raw: &[u8]) -> &[u8] {
    &raw[1..raw.len().saturating_sub(1).max(1)]
}

/// A JSON string's contents, unescaped (`\uXXXX` with surrogate pairs).
fn unescape_string(out: &mut Vec<u8>, raw: &[u8]) {
    let inner = string_inner(raw);
    let mut i = 0;
    while i < inner.len() {
        let b = inner[i];
        if b != b'\\' || i + 1 >= inner.len() {
            out.push(b);
            i += 1;
            continue;
        }
        let e = inner[i + 1];
        i += 2;
        let c = match e {
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let hex = |at: usize| {
                    inner
                        .get(at..at + 4)
                        .and_then(|h| std::str::from_utf8(h).ok())
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                };
                let Some(first) = hex(i) else {
                    out.extend_from_slice(b"\\u");
                    continue;
                };
                i += 4;
                let code = if (0xD800..0xDC00).contains(&first)
                    && inner.get(i..i + 2) == Some(b"\\u")
                    && let Some(low) = hex(i + 2)
                    && (0xDC00..0xE000).contains(&low)
                {
                    i += 6;
                    0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).unwrap_or('\u{fffd}')
            }
            other => char::from(other),
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Whether `head`, the start of an input, is a JSON document rather than
/// lines of records (NDJSON among them): it opens an array, or its first
/// object does not close on its first line (pretty-printed objects). A
/// document is read whole with [`values`]; lines go through a
/// [`LogReader`](crate::reader::LogReader), which streams.
///
/// # Example
///
/// ```
/// use panlog::json::is_document;
/// assert!(is_document(b"[{\"LogType\":\"TRAFFIC\"}]"));
/// assert!(is_document(b"{\n  \"LogType\": \"TRAFFIC\"\n}\n"));
/// assert!(!is_document(b"{\"LogType\":\"TRAFFIC\"}\n{\"LogType\":\"THREAT\"}\n"));
/// assert!(!is_document(b"<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM"));
/// ```
#[must_use]
pub fn is_document(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let head = &head[skip_ws(head, 0)..];
    match head.first() {
        Some(b'[') => true,
        Some(b'{') => {
            let line = &head[..memchr::memchr(b'\n', head).unwrap_or(head.len())];
            let line = line.trim_ascii_end();
            let whole =
                line.ends_with(b"}") && values(line).next().is_some_and(|r| r == (0..line.len()));
            !whole
        }
        _ => false,
    }
}

/// The byte ranges of the top-level JSON values of `input`: NDJSON,
/// objects stacked with or without newlines, or the elements of an array.
/// Text between values that is not JSON ends the scan (its range is the
/// last item, so that a reader reports it).
///
/// # Example
///
/// ```
/// let input = br#"[{"a":1},{"b":"}"}] {"c":2}"#;
/// let found: Vec<&[u8]> = panlog::json::values(input).map(|r| &input[r]).collect();
/// assert_eq!(found, [&br#"{"a":1}"#[..], br#"{"b":"}"}"#, br#"{"c":2}"#]);
/// ```
pub fn values(input: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    let mut in_array = false;
    std::iter::from_fn(move || {
        loop {
            at = skip_ws(input, at);
            match input.get(at)? {
                b'[' if !in_array => {
                    in_array = true;
                    at += 1;
                }
                b',' if in_array => at += 1,
                b']' if in_array => {
                    in_array = false;
                    at += 1;
                }
                _ => break,
            }
        }
        let start = at;
        let end = value_end(input, at).unwrap_or(input.len());
        at = end.max(start + 1);
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_unescape() {
        let mut out = Vec::new();
        unescape_string(&mut out, br#""a\"b\\c\u00e9\ud83d\ude00\n""#);
        assert_eq!(String::from_utf8(out).unwrap(), "a\"b\\cé😀\n");
    }

    /// The lane scan ends a string where a byte-by-byte scan does, with
    /// quotes, backslashes and control bytes at every place around the
    /// 16-byte lanes.
    #[test]
    fn string_ends_agree_with_a_byte_scan() {
        let mut rand = crate::test_rand::Rand::new();
        for _ in 0..20_000 {
            let mut json = vec![b'"'];
            json.extend(rand.bytes(70, b"\"\\\\\nabcdefghijklmnopqrstuvwxyz"));
            assert_eq!(
                string_end(&json, 0),
                string_end_bytes(&json, 1),
                "{:?}",
                String::from_utf8_lossy(&json)
            );
        }
    }

    #[test]
    fn members_and_nesting() {
        let json = br#"{"a": {"value": "x"}, "b": [1, {"c": "]"}], "n": 7359635570821640000 }"#;
        let mut out = Vec::new();
        let obj = members(json, &mut out).unwrap();
        assert_eq!(out.len(), 3);
        assert_eq!(unwrap_value(&obj[out[0].1.clone()]), br#""x""#);
        assert_eq!(&obj[out[2].1.clone()], b"7359635570821640000");
        assert!(members(br#"{"a": }"#, &mut out).is_err());
        assert!(members(br#"{"a": 1"#, &mut out).is_err());
        // Deep nesting costs no stack.
        let deep = format!("{{\"a\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(members(deep.as_bytes(), &mut out).is_ok());
    }
}
