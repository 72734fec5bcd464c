//! JSON written straight from a document's parts, without serde.
//!
//! [`WriteJson`] appends a part's JSON to a `Vec<u8>`: byte for byte what
//! `serde_json::to_writer` writes for the same part's `Serialize` impl
//! (`tests/write_json.rs` compares the two on every shipped and real-world
//! record, a proptest on arbitrary values, and the `ecs` fuzz target on
//! arbitrary input). It is faster because it knows the document: member
//! names are written as they are (they are Rust identifiers and PAN-OS
//! field names, which need no escaping), strings are scanned for bytes to
//! escape sixteen at a time, and no serializer state is kept between parts.
//! The serde impls stay, for every other format and for documents of the
//! caller's own.

use std::borrow::Cow;
use std::fmt;
use std::io::Write as _;
use std::net::IpAddr;

use super::{CommaList, Inline, IsEmpty, Rest, Time};
use crate::log::Out;
use crate::schema::{FieldSpec, LogType, ValueKind};
use crate::value::{DIGIT_PAIRS, Rfc3339, ThreatId, Value, hex_str};
use crate::zone::Zone;

/// A document part that writes itself as JSON: exactly the bytes
/// `serde_json::to_writer` writes for its `Serialize` impl.
///
/// # Example
///
/// ```
/// use panlog::ecs::{EcsMapping, Mapping};
/// use panlog::mapping::WriteJson;
///
/// let line = b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,\"disk \"\"/var\"\" full\",1,0x0";
/// let log = panlog::parse(line).unwrap();
/// let doc = EcsMapping::new().map(&log);
/// let mut fast = Vec::new();
/// doc.write_json(&mut fast);
/// assert_eq!(fast, serde_json::to_vec(&doc).unwrap());
/// ```
pub trait WriteJson {
    /// Appends this part's JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>);
}

/// The members of one JSON object being written: `{`, then each member
/// with its comma, then `}` from [`end`](Self::end) (an `Object` dropped
/// without it leaves the object open).
///
/// # Example
///
/// ```
/// use panlog::mapping::json::Object;
///
/// let mut out = Vec::new();
/// let mut object = Object::start(&mut out);
/// object.member("port", &443u32);
/// object.member_if("name", &None::<&str>); // empty: left out
/// object.member("tags", &["a\"b"]);
/// object.end();
/// assert_eq!(out, br#"{"port":443,"tags":["a\"b"]}"#);
/// ```
pub struct Object<'o> {
    out: &'o mut Vec<u8>,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Writes `{`.
    pub fn start(out: &'o mut Vec<u8>) -> Object<'o> {
        out.push(b'{');
        Object { out, empty: true }
    }

    /// A member named `key` (escaped if it has to be).
    pub fn member<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        if is_plain(key.as_bytes()) {
            self.plain_member(key, value);
        } else {
            self.escaped_member(key, value);
        }
    }

    /// A member whose name the crate knows needs no escaping (a schema's
    /// column name).
    pub(crate) fn plain_member<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        debug_assert!(is_plain(key.as_bytes()));
        self.comma();
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        value.write_json(self.out);
    }

    /// A schema column as a member: its name from the type's table of
    /// written names (one fixed-size copy), else written as
    /// [`plain_member`](Self::plain_member) writes it.
    pub(crate) fn column_member<T: WriteJson + ?Sized>(
        &mut self,
        keys: &[ColumnKey],
        spec: &FieldSpec,
        at: usize,
        value: &T,
    ) {
        match keys.get(at) {
            Some(key) => {
                self.comma();
                put_first(self.out, &key.bytes, usize::from(key.len));
                value.write_json(self.out);
            }
            None => self.plain_member(spec.name, value),
        }
    }

    /// [`member`](Self::member), unless `value` is empty (serde's
    /// `skip_serializing_if = "IsEmpty::is_empty"`).
    pub fn member_if<T: WriteJson + IsEmpty + ?Sized>(&mut self, key: &str, value: &T) {
        if !value.is_empty() {
            self.member(key, value);
        }
    }

    /// A member whose name is given as written: quoted, with its colon
    /// (`"port":`, a [`Key`]'s bytes), copied as it is.
    ///
    /// ```
    /// use panlog::mapping::json::Object;
    ///
    /// let mut out = Vec::new();
    /// let mut object = Object::start(&mut out);
    /// object.member_key(br#""port":"#, &443u32);
    /// object.end();
    /// assert_eq!(out, br#"{"port":443}"#);
    /// ```
    pub fn member_key<T: WriteJson + ?Sized>(&mut self, key: &[u8], value: &T) {
        debug_assert!(key.starts_with(b"\"") && key.ends_with(b"\":"));
        self.comma();
        self.out.extend_from_slice(key);
        value.write_json(self.out);
    }

    /// [`member_key`](Self::member_key), unless `value` is empty.
    pub fn member_key_if<T: WriteJson + IsEmpty + ?Sized>(&mut self, key: &[u8], value: &T) {
        if !value.is_empty() {
            self.member_key(key, value);
        }
    }

    /// A member whose name may need escaping (a name from the input).
    pub fn escaped_member<T: WriteJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.comma();
        write_str(self.out, key);
        self.out.push(b':');
        value.write_json(self.out);
    }

    /// Writes `}`.
    pub fn end(self) {
        self.out.push(b'}');
    }

    fn comma(&mut self) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
    }
}

/// A column's member name as written, `"name":`, padded to 32 bytes: a
/// writer copies the 32 and keeps `len` (every PAN-OS column name fits).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnKey {
    bytes: [u8; 32],
    len: u8,
}

impl ColumnKey {
    /// `"name":` for a column named `name`.
    const fn of(name: &str) -> ColumnKey {
        let (bytes, len) = quoted::<32>(name.as_bytes());
        ColumnKey {
            bytes,
            len: len as u8,
        }
    }

    /// The written names of `ty`'s column pool (indexed as
    /// [`Schema::column_table`](crate::schema::Schema::column_table)'s pool).
    pub(crate) fn table(ty: LogType) -> &'static [ColumnKey] {
        let i = ty as usize;
        match (KEY_STARTS.get(i), KEY_STARTS.get(i + 1)) {
            (Some(&start), Some(&end)) => &COLUMN_KEYS[start..end],
            _ => &[],
        }
    }
}

/// The types with a table of column names: [`LogType::ALL`] and `Unknown`,
/// in the enum's order (checked below), so that a type's place is its
/// discriminant.
const KEYED_TYPES: [LogType; LogType::ALL.len() + 1] = {
    let mut types = [LogType::Unknown; LogType::ALL.len() + 1];
    let mut i = 0;
    while i < LogType::ALL.len() {
        types[i] = LogType::ALL[i];
        i += 1;
    }
    let mut i = 0;
    while i < types.len() {
        assert!(
            types[i] as usize == i,
            "LogType::ALL is not in the enum's order"
        );
        i += 1;
    }
    types
};

/// Where each type's names start in [`COLUMN_KEYS`] (and, last, its length).
const KEY_STARTS: [usize; KEYED_TYPES.len() + 1] = {
    let mut starts = [0; KEYED_TYPES.len() + 1];
    let mut i = 0;
    while i < KEYED_TYPES.len() {
        starts[i + 1] = starts[i] + KEYED_TYPES[i].pool().len();
        i += 1;
    }
    starts
};

/// Every type's column names, written, one type after another.
static COLUMN_KEYS: [ColumnKey; KEY_STARTS[KEYED_TYPES.len()]] = {
    let mut keys = [ColumnKey {
        bytes: [0; 32],
        len: 0,
    }; KEY_STARTS[KEYED_TYPES.len()]];
    let mut t = 0;
    while t < KEYED_TYPES.len() {
        let pool = KEYED_TYPES[t].pool();
        let mut c = 0;
        while c < pool.len() {
            keys[KEY_STARTS[t] + c] = ColumnKey::of(pool[c].name);
            c += 1;
        }
        t += 1;
    }
    keys
};

/// `"name":` at the start of `N` bytes (the rest zeros), and its length.
const fn quoted<const N: usize>(name: &[u8]) -> ([u8; N], usize) {
    assert!(name.len() + 3 <= N, "a member name too long for its key");
    let mut bytes = [0u8; N];
    bytes[0] = b'"';
    let mut i = 0;
    while i < name.len() {
        bytes[1 + i] = name[i];
        i += 1;
    }
    bytes[1 + name.len()] = b'"';
    bytes[2 + name.len()] = b':';
    (bytes, name.len() + 3)
}

/// A member name as written, `"name":`, built at compile time from a
/// field's name (see [`field_name`]).
#[doc(hidden)]
pub struct Key {
    bytes: [u8; 64],
    len: usize,
}

impl Key {
    /// `"field":`, with `type_` as `type`.
    #[must_use]
    pub const fn new(field: &'static str) -> Key {
        let (bytes, len) = quoted::<64>(field_name(field).as_bytes());
        Key { bytes, len }
    }

    /// The bytes to write.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// `"name":` for a literal member name, as [`Object::member_key`] takes it.
macro_rules! json_key {
    ($name:literal) => {
        concat!("\"", $name, "\":").as_bytes()
    };
}

pub(crate) use json_key;

/// The JSON name of a field: `type_` is `type` (the only rename the
/// document models use, `#[serde(rename = "type")]`).
#[doc(hidden)]
#[must_use]
pub const fn field_name(field: &'static str) -> &'static str {
    let bytes = field.as_bytes();
    if let [head @ .., b'_'] = bytes {
        match std::str::from_utf8(head) {
            Ok(name) => name,
            Err(_) => field,
        }
    } else {
        field
    }
}

/// How serde_json escapes each byte: 0 for none, else the letter after
/// the backslash (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether `bytes` need no escape in a JSON string.
fn is_plain(bytes: &[u8]) -> bool {
    bytes.chunks(16).all(|chunk| escape_mask(chunk) == 0)
}

/// A bit per byte of `chunk` (at most sixteen) that needs an escape; the
/// lane is padded with a byte that needs none.
fn escape_mask(chunk: &[u8]) -> u16 {
    match <&[u8; 16]>::try_from(chunk) {
        Ok(block) => crate::simd::json_escape_mask(block),
        Err(_) => crate::simd::json_escape_mask(&short_lane(chunk)),
    }
}

/// `bytes` (fewer than sixteen) in a lane padded with a byte that needs no
/// escape, assembled in registers from at most three overlapping loads. (A
/// lane stored to the stack piecewise and read back whole waits for the
/// stores: the processor cannot forward several stores to one wider load.
/// In registers, `--to fields` takes 7 % less time.)
fn short_lane(bytes: &[u8]) -> [u8; 16] {
    const PAD: u64 = u64::from_le_bytes([b'a'; 8]);
    let n = bytes.len();
    let (low, high) = if n >= 8 {
        // Two eight-byte words, the second ending at the last byte: the
        // first is the low half, the top `n - 8` bytes of the second the
        // high half.
        let first = u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default());
        let last = u64::from_le_bytes(bytes[n - 8..].try_into().unwrap_or_default());
        let top = last.checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        (first, top | PAD << (8 * (n - 8)))
    } else if n >= 4 {
        let first = u32::from_le_bytes(bytes[..4].try_into().unwrap_or_default());
        let last = u32::from_le_bytes(bytes[n - 4..].try_into().unwrap_or_default());
        let word = u64::from(first) | u64::from(last) << (8 * (n - 4));
        (word | PAD << (8 * n), PAD)
    } else if n > 0 {
        // Bytes 0, n / 2 and n - 1 cover every byte of one to three.
        let word = u64::from(bytes[0])
            | u64::from(bytes[n / 2]) << (8 * (n / 2))
            | u64::from(bytes[n - 1]) << (8 * (n - 1));
        (word | PAD << (8 * n), PAD)
    } else {
        (PAD, PAD)
    };
    (u128::from(high) << 64 | u128::from(low)).to_le_bytes()
}

/// The first `len` bytes of `buf` appended to `out` by one fixed-size copy
/// (then cut), not a call to `memcpy` for a few bytes.
#[inline(always)]
fn put_first<const N: usize>(out: &mut Vec<u8>, buf: &[u8; N], len: usize) {
    let start = out.len();
    out.extend_from_slice(buf);
    out.truncate(start + len);
}

/// `text` as a JSON string that needs no escape (a time, an address, an
/// offset: the crate wrote or checked every byte).
fn write_clean_str(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'"');
    out.extend_from_slice(text);
    out.push(b'"');
}

/// `s` as a JSON string, quoted and escaped as serde_json does.
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    escape_into(out, s.as_bytes());
    out.push(b'"');
}

/// `bytes` (UTF-8) escaped into `out`, without quotes: sixteen bytes at a
/// time while none needs an escape (an SSE2 compare, `crate::simd`).
fn escape_into(out: &mut Vec<u8>, bytes: &[u8]) {
    // Most strings are short and need no escape: one lane, checked and
    // copied whole, then cut (fixed-size copies, no call to `memcpy`).
    if bytes.len() < 16 {
        let lane = short_lane(bytes);
        if crate::simd::json_escape_mask(&lane) == 0 {
            put_first(out, &lane, bytes.len());
            return;
        }
    }
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        // The next sixteen bytes, or the rest padded with a byte that needs
        // no escape (most strings are shorter than sixteen).
        let rest = &bytes[i..bytes.len().min(i + 16)];
        let mask = escape_mask(rest);
        if mask == 0 {
            i += rest.len();
            continue;
        }
        i += mask.trailing_zeros() as usize;
        let b = bytes[i];
        let escape = ESCAPE[usize::from(b)];
        if escape != 0 {
            out.extend_from_slice(&bytes[copied..i]);
            out.push(b'\\');
            out.push(escape);
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xF)],
                ]);
            }
            copied = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// A `fmt::Write` that escapes what is written into a JSON string (serde's
/// `collect_str`).
struct Escaping<'o>(&'o mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s.as_bytes());
        Ok(())
    }
}

/// `value`'s `Display` text as a JSON string.
fn write_display(out: &mut Vec<u8>, value: &dyn fmt::Display) {
    out.push(b'"');
    // Writing into a Vec cannot fail.
    let _ = fmt::write(&mut Escaping(out), format_args!("{value}"));
    out.push(b'"');
}

/// `n` in decimal, two digits at a time.
fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = n as usize * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

fn write_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    write_u64(out, n.unsigned_abs());
}

impl<T: WriteJson + ?Sized> WriteJson for &T {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
}

impl WriteJson for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for Cow<'_, str> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(out, self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        // One eight-byte copy, then cut: not a call to `memcpy` for four or
        // five bytes (a session's twenty flags are twenty of them).
        let (text, len) = if *self {
            (b"true\0\0\0\0", 4)
        } else {
            (b"false\0\0\0", 5)
        };
        put_first(out, text, len);
    }
}

macro_rules! integers {
    ($write:ident as $wide:ty: $($t:ty),*) => {$(
        impl WriteJson for $t {
            fn write_json(&self, out: &mut Vec<u8>) {
                $write(out, <$wide>::from(*self));
            }
        }
    )*};
}
integers!(write_u64 as u64: u8, u16, u32, u64);
integers!(write_i64 as i64: i8, i16, i32, i64);

impl WriteJson for IpAddr {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        match self {
            // Four numbers and dots from a table: `Display` goes through
            // the formatter's padding machinery (a tenth of the writer's
            // time), and dividing each octet cost 60 instructions.
            IpAddr::V4(v4) => write_ipv4(out, v4.octets()),
            // An address's text is hex digits, dots and colons: no escapes.
            IpAddr::V6(v6) => {
                let _ = write!(out, "{v6}");
            }
        }
        out.push(b'"');
    }
}

/// Each octet's digits and a dot, in four bytes (the rest padding), and
/// how many of them are digits.
const OCTETS: [([u8; 4], u8); 256] = {
    let mut table = [([0u8; 4], 0u8); 256];
    let mut n = 0;
    while n < 256 {
        let (d, len) = match n {
            0..=9 => ([b'0' + n as u8, b'.', 0, 0], 1),
            10..=99 => ([b'0' + (n / 10) as u8, b'0' + (n % 10) as u8, b'.', 0], 2),
            _ => (
                [
                    b'0' + (n / 100) as u8,
                    b'0' + (n / 10 % 10) as u8,
                    b'0' + (n % 10) as u8,
                    b'.',
                ],
                3,
            ),
        };
        table[n] = (d, len);
        n += 1;
    }
    table
};

/// An IPv4 address's dotted text, after the opening quote: each octet's
/// four table bytes shifted into place in a register (not stored piecewise
/// and read back, see `short_lane`), then one fixed-size copy into `out`.
fn write_ipv4(out: &mut Vec<u8>, octets: [u8; 4]) {
    let mut text = 0u128;
    let mut len = 0;
    for octet in octets {
        let (bytes, digits) = OCTETS[usize::from(octet)];
        text |= u128::from(u32::from_le_bytes(bytes)) << (8 * len);
        len += usize::from(digits) + 1;
    }
    // The last octet's dot is not part of the address.
    put_first(out, &text.to_le_bytes(), len - 1);
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: WriteJson, const N: usize> WriteJson for [T; N] {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_array(out, self.iter());
    }
}

fn write_array<T: WriteJson>(out: &mut Vec<u8>, items: impl Iterator<Item = T>) {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item.write_json(out);
    }
    out.push(b']');
}

impl<T: WriteJson, const N: usize> WriteJson for Inline<T, N> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_array(out, self.iter());
    }
}

impl WriteJson for CommaList<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_array(out, self.items());
    }
}

impl WriteJson for Time {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'"');
        out.extend_from_slice(Rfc3339(&self.0).write_bytes(&mut [0; 40]));
        out.push(b'"');
    }
}

impl WriteJson for Zone {
    fn write_json(&self, out: &mut Vec<u8>) {
        // A whole-minute offset (every record's `event.timezone`) by hand:
        // `±HH:MM`, as chrono displays it.
        if let Some(offset) = self.fixed_offset()
            && offset.local_minus_utc() % 60 == 0
        {
            write_clean_str(out, &crate::value::offset_text(offset.local_minus_utc()));
            return;
        }
        write_display(out, self);
    }
}

impl WriteJson for ThreatId<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::start(out);
        object.plain_member("name", &self.name);
        object.plain_member("id", &self.id);
        object.end();
    }
}

impl WriteJson for Value<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Value::Text(t) => write_str(out, t),
            Value::Int(n) => write_i64(out, *n),
            Value::UInt(n) => write_u64(out, *n),
            Value::Port(p) => write_u64(out, u64::from(p.get())),
            Value::Ip(ip) => ip.write_json(out),
            Value::Hex(n) => write_str(out, hex_str(*n, &mut [0; 18])),
            Value::Timestamp(t) => Time(*t).write_json(out),
            Value::ThreatId(t) => t.write_json(out),
        }
    }
}

impl WriteJson for Out<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Out::Value(v) => v.write_json(out),
            Out::Text(text) => write_str(out, text),
            // A CSV field's `""` is one `"`.
            Out::Unescape(raw) => {
                out.push(b'"');
                for (i, part) in raw.split("\"\"").enumerate() {
                    if i > 0 {
                        out.extend_from_slice(b"\\\"");
                    }
                    escape_into(out, part.as_bytes());
                }
                out.push(b'"');
            }
            Out::AsIs(text, ValueKind::Int | ValueKind::Port) => {
                out.extend_from_slice(text.as_bytes());
            }
            Out::Time(iso) => write_clean_str(out, iso),
            // An address or hex number: a string with nothing to escape.
            Out::AsIs(text, _) => write_clean_str(out, text.as_bytes()),
        }
    }
}

impl Rest<'_> {
    /// Writes the columns as members of `object` (the document's
    /// `#[serde(flatten)]`).
    pub fn write_members(&self, object: &mut Object<'_>) {
        if let Some(log) = &self.log {
            let keys = ColumnKey::table(log.log_type());
            log.for_each_out(
                |i| self.used.contains(i),
                |spec, at, out| {
                    if !super::is_na_out(&out) {
                        object.column_member(keys, spec, at, &out);
                    }
                },
            );
            for (name, out) in log.extra_outs(|i| self.used.contains(i)) {
                object.escaped_member(name, &out);
            }
            if log.unnamed_extras().next().is_some() {
                object.plain_member("extra_columns", &UnnamedExtras(log));
            }
        }
    }
}

impl WriteJson for Rest<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::start(out);
        self.write_members(&mut object);
        object.end();
    }
}

impl WriteJson for crate::Log<'_> {
    /// The record's flat typed form (`--to fields`), as its `Serialize`
    /// impl writes it.
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Object::start(out);
        let keys = ColumnKey::table(self.log_type());
        self.for_each_out(
            |_| false,
            |spec, at, value| object.column_member(keys, spec, at, &value),
        );
        for (name, value) in self.extra_outs(|_| false) {
            object.escaped_member(name, &value);
        }
        if self.unnamed_extras().next().is_some() {
            object.plain_member("extra_columns", &UnnamedExtras(self));
        }
        object.end();
    }
}

impl WriteJson for crate::OwnedLog {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.log().write_json(out);
    }
}

struct UnnamedExtras<'l, 'a>(&'l crate::Log<'a>);

impl WriteJson for UnnamedExtras<'_, '_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_array(out, self.0.unnamed_extras().map(|f| f.to_str_lossy()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every type's table of written names is its pool's names, quoted,
    /// in the pool's order.
    #[test]
    fn column_keys_are_the_pools_names() {
        let types = LogType::ALL.into_iter().chain([LogType::Unknown]);
        for ty in types {
            let (keys, pool) = (ColumnKey::table(ty), ty.pool());
            assert_eq!(keys.len(), pool.len(), "{ty:?}");
            for (key, spec) in keys.iter().zip(pool) {
                let written = &key.bytes[..usize::from(key.len)];
                assert_eq!(written, format!("\"{}\":", spec.name).as_bytes(), "{ty:?}");
            }
        }
    }

    #[test]
    fn ipv4_addresses_write_as_display_does() {
        let mut rand = crate::test_rand::Rand::new();
        let mut addresses = vec![[0; 4], [255; 4], [10, 0, 0, 1], [1, 22, 133, 9]];
        // Every octet value in every place.
        addresses.extend((0..=255u8).map(|n| [n, 255 - n, n / 3, n.wrapping_mul(7)]));
        addresses.extend((0..10_000).map(|_| (rand.next() as u32).to_le_bytes()));
        for octets in addresses {
            let ip = IpAddr::from(octets);
            let mut out = b"x".to_vec();
            ip.write_json(&mut out);
            assert_eq!(out, format!("x\"{ip}\"").into_bytes());
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut cases: Vec<String> = (0u8..0x80)
            .map(|b| format!("ab{}cdefghij", b as char))
            .collect();
        cases.extend(
            [
                "",
                "\"",
                "\\",
                "é\u{1F600}\u{7F}",
                "12345678\n",
                "1234567\"x",
            ]
            .map(String::from),
        );
        // Every length across the short-string lane and the 16-byte blocks,
        // clean and with an escape at each place.
        for len in 0..40 {
            let clean: String = (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect();
            for (at, _) in clean.char_indices() {
                for escaped in ["\"", "\n", "\u{1}"] {
                    let mut s = clean.clone();
                    s.replace_range(at..=at, escaped);
                    cases.push(s);
                }
            }
            cases.push(clean);
        }
        for s in cases {
            let mut out = b"x".to_vec();
            write_str(&mut out, &s);
            out.remove(0);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn member_names_are_escaped_when_they_must_be() {
        for key in [
            "plain",
            "a\"b",
            "back\\slash",
            "tab\there",
            "a_key_longer_than_sixteen_bytes\n",
        ] {
            let mut out = Vec::new();
            let mut object = Object::start(&mut out);
            object.member(key, &1u8);
            object.end();
            let want = serde_json::to_vec(&std::collections::BTreeMap::from([(key, 1u8)])).unwrap();
            assert_eq!(out, want, "{key:?}");
        }
    }

    #[test]
    fn numbers_and_names() {
        let powers = (0..20).map(|k| 10u64.pow(k));
        let around = powers.flat_map(|p| [p - 1, p, p + 1, p.saturating_mul(3) / 2]);
        for n in around.chain([u64::MAX, 123_456_789_012]) {
            let mut out = Vec::new();
            n.write_json(&mut out);
            assert_eq!(out, n.to_string().as_bytes());
        }
        for n in [i64::MIN, -1, 0, i64::MAX] {
            let mut out = Vec::new();
            n.write_json(&mut out);
            assert_eq!(out, n.to_string().as_bytes());
        }
        assert_eq!(field_name("type_"), "type");
        assert_eq!(field_name("name"), "name");
    }
}
