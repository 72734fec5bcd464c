//! Records that arrive as named fields (CEF, LEEF, JSON, custom
//! `key=value` formats) laid out as a CSV line in their type's standard
//! column order, so that they become the same [`Log`](crate::Log) a syslog
//! CSV line does: the same schema, getters and mappings on top. Keys no
//! column of the type has follow as named extra columns, never dropped.
//!
//! [`Named`] is a reused set of buffers: after the first records, laying
//! one out allocates nothing.

use std::io::Write as _;
use std::ops::Range;

use crate::csv::{Fields, Span};
use crate::schema::{LogType, Schema, ValueKind};

/// The buffers a named record is laid out in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Named {
    /// Every value, back to back (transformed: unescaped, times rewritten).
    values: Vec<u8>,
    /// Per standard column, its value's range in `values`.
    slots: Vec<Span>,
    /// Which of `slots` have a value, a bit each.
    filled: Vec<u64>,
    /// Keys no column has: the key's range in `keys`, the value's in `values`.
    extras: Vec<(Range<usize>, Range<usize>)>,
    keys: Vec<u8>,
    /// The keys the time columns' values came by (column, range in `keys`).
    time_keys: Vec<(usize, Range<usize>)>,
    /// The record as a CSV line (see [`finish_csv`](Self::finish_csv)).
    #[cfg(feature = "xml")]
    pub(crate) line: Vec<u8>,
    /// The fields of that line (reused).
    #[cfg(feature = "xml")]
    fields: Fields,
    /// The extra columns' names (reused strings; the first `names_len` count).
    names: Vec<String>,
    names_len: usize,
    log_type: Option<LogType>,
    /// A tokenizer's `key=value` ranges into its input (reused).
    pub(crate) pairs: Vec<(Range<usize>, Range<usize>)>,
    /// The columns the keys of the last records were found to name, by the
    /// key's place in its record (see [`column`](Self::column)).
    looked: Vec<Looked>,
    /// How many keys of this record were looked up.
    looked_at: usize,
    /// The addresses of the slice [`begin_over`](Self::begin_over) copied
    /// to the start of `values` (empty after [`begin`](Self::begin)).
    source: Range<usize>,
    /// The first `\` of that copy at or after `backslash_from` (see
    /// [`plain_value_of`](Self::plain_value_of)).
    backslash: usize,
    backslash_from: usize,
    /// A tokenizer's scratch ranges (reused).
    pub(crate) scratch: Vec<Range<usize>>,
}

impl Named {
    /// Starts a record of `log_type`.
    pub(crate) fn begin(&mut self, log_type: LogType) {
        self.values.clear();
        self.slots.clear();
        let len = log_type.schema().len();
        self.slots.resize(len, Span::plain(0..0));
        self.filled.clear();
        self.filled.resize(len.div_ceil(64), 0);
        self.extras.clear();
        self.keys.clear();
        self.time_keys.clear();
        self.log_type = Some(log_type);
        self.looked_at = 0;
        self.source = 0..0;
    }

    /// Starts a record of `log_type` whose values are mostly slices of
    /// `source` as they stand: it is copied once, and such a value is a
    /// range of that copy ([`value_of`](Self::value_of)), not a copy each.
    pub(crate) fn begin_over(&mut self, log_type: LogType, source: &[u8]) {
        self.begin(log_type);
        self.values.extend_from_slice(source);
        let at = source.as_ptr() as usize;
        self.source = at..at + source.len();
        self.backslash = memchr::memchr(b'\\', source).unwrap_or(source.len());
        self.backslash_from = 0;
    }

    /// [`value_of`](Self::value_of) for a value that lies in the source
    /// and holds no `\` (so needs no unescaping); else `None`.
    #[inline]
    pub(crate) fn plain_value_of(&mut self, value: &[u8]) -> Option<Range<usize>> {
        let start = self.in_source(value)?;
        let end = start + value.len();
        if !(self.backslash_from <= start && start <= self.backslash) {
            self.find_backslash(start);
        }
        (self.backslash >= end).then_some(start..end)
    }

    /// Where `value` starts in the copy of the source of
    /// [`begin_over`](Self::begin_over), if it is a slice of that source.
    #[inline]
    fn in_source(&self, value: &[u8]) -> Option<usize> {
        let at = value.as_ptr() as usize;
        if self.source.start <= at && at + value.len() <= self.source.end {
            Some(at - self.source.start)
        } else {
            None
        }
    }

    /// The first `\` of the source at or after `from`, into `backslash`.
    fn find_backslash(&mut self, from: usize) {
        let len = self.source.len();
        self.backslash = memchr::memchr(b'\\', &self.values[from..len]).map_or(len, |i| from + i);
        self.backslash_from = from;
    }

    /// The range of `value` in the values: where it lies in the source of
    /// [`begin_over`](Self::begin_over), else a copy of it.
    pub(crate) fn value_of(&mut self, value: &[u8]) -> Range<usize> {
        match self.in_source(value) {
            Some(start) => start..start + value.len(),
            None => self.value(|b| b.extend_from_slice(value)),
        }
    }

    /// The record's type.
    pub(crate) fn log_type(&self) -> LogType {
        self.log_type.unwrap_or(LogType::Unknown)
    }

    /// Writes a value with `write` and returns its range.
    pub(crate) fn value(&mut self, write: impl FnOnce(&mut Vec<u8>)) -> Range<usize> {
        let start = self.values.len();
        write(&mut self.values);
        start..self.values.len()
    }

    /// The standard column the record's next key names and whether it holds
    /// a time, as `find` says, remembered by the key's place in the record.
    ///
    /// A device writes its records with the same keys in the same order, so
    /// the key at a place is almost always the one at that place in the
    /// previous record: one comparison of its bytes (with the vocabularies,
    /// `tag`, and the log type) replaces a hash and a table probe.
    #[inline]
    pub(crate) fn column(
        &mut self,
        tag: [usize; 3],
        key: &[u8],
        find: impl FnOnce() -> (Option<usize>, bool),
    ) -> (Option<usize>, bool) {
        let at = self.looked_at;
        self.looked_at += 1;
        let log_type = self.log_type();
        let words = KeyWords::of(key);
        if let Some(l) = self.looked.get(at)
            && l.words == words
            && l.tag == tag
            && l.log_type == log_type
            && (key.len() <= 16 || l.key[..key.len()] == *key)
        {
            return (l.column, l.is_time);
        }
        let (column, is_time) = find();
        self.remember(at, tag, key, words, (column, is_time));
        (column, is_time)
    }

    /// Keeps a key's lookup for [`column`](Self::column).
    #[inline(never)]
    fn remember(
        &mut self,
        at: usize,
        tag: [usize; 3],
        key: &[u8],
        words: KeyWords,
        (column, is_time): (Option<usize>, bool),
    ) {
        if key.len() > LOOKED_KEY || at >= MAX_LOOKED {
            return;
        }
        let mut entry = Looked {
            tag,
            log_type: self.log_type(),
            words,
            key: [0; LOOKED_KEY],
            column,
            is_time,
        };
        entry.key[..key.len()].copy_from_slice(key);
        match self.looked.get_mut(at) {
            Some(slot) => *slot = entry,
            None => self.looked.push(entry), // `at` is the length
        }
    }

    /// Gives the PAN-OS field `field` the value at `range`. `false` (the
    /// value not placed: the caller keeps it as an extra) if the type has no
    /// such column or the column has a value already (the first one wins).
    #[inline(always)] // a literal name's hash is then worked out at compile time
    pub(crate) fn set(&mut self, field: &str, range: Range<usize>) -> bool {
        match self.log_type().schema().position(field) {
            Some(i) => self.set_at(i, range),
            None => false,
        }
    }

    /// Whether the standard column `c` (below the type's width) has a value.
    #[inline]
    fn is_filled(&self, c: usize) -> bool {
        self.filled[c / 64] >> (c % 64) & 1 == 1
    }

    /// The value at `range` into the standard column `c` (below the
    /// type's width).
    #[inline]
    fn fill(&mut self, c: usize, range: Range<usize>) {
        self.slots[c] = Span::plain(range);
        self.filled[c / 64] |= 1 << (c % 64);
    }

    /// [`set`](Self::set) by the column's standard position.
    pub(crate) fn set_at(&mut self, column: usize, range: Range<usize>) -> bool {
        if column >= self.slots.len() || self.is_filled(column) {
            return false;
        }
        self.fill(column, range);
        true
    }

    /// The value at `range` into the standard column `column`, or (no such
    /// column, or it has a value) kept as the extra column `key`.
    ///
    /// A time given twice keeps the one that says its zone in the column:
    /// LEEF's `devTime` (GMT) over `ReceiveTime` (naive, in the firewall's
    /// zone, which the record does not say); the other is kept by its key.
    pub(crate) fn place(&mut self, column: Option<usize>, key: &[u8], range: Range<usize>) {
        let Some(c) = column else {
            self.extra(key, range);
            return;
        };
        let is_time = self
            .log_type()
            .schema()
            .column(c)
            .is_some_and(|s| s.kind == ValueKind::Timestamp);
        self.place_at(c, is_time, key, range);
    }

    /// [`place`](Self::place) for a key the caller has looked up in the
    /// type's schema ([`column`](Self::column)): `None` means it names no
    /// column, so an extra column of that name needs no check against the
    /// column names; `is_time`, whether the column holds a time.
    pub(crate) fn place_looked_up(
        &mut self,
        (column, is_time): (Option<usize>, bool),
        key: &[u8],
        range: Range<usize>,
    ) {
        match column {
            Some(c) => self.place_at(c, is_time, key, range),
            None => {
                let key = self.push_key(key);
                self.extras.push((key, range));
            }
        }
    }

    fn place_at(&mut self, c: usize, is_time: bool, key: &[u8], range: Range<usize>) {
        if is_time || !self.set_at(c, range.clone()) {
            self.place_at_slow(c, is_time, key, range);
        }
    }

    /// [`place_at`](Self::place_at) for a time column, or one that has a
    /// value already.
    fn place_at_slow(&mut self, c: usize, is_time: bool, key: &[u8], range: Range<usize>) {
        if self.set_at(c, range.clone()) {
            if is_time {
                let key = self.push_key(key);
                self.time_keys.push((c, key));
            }
            return;
        }
        let occupant = self.slots.get(c).map_or(0..0, Span::range);
        if is_time
            && is_zoned(&self.values[range.clone()])
            && !is_zoned(&self.values[occupant.clone()])
            && let Some(k) = self.time_keys.iter().position(|(col, _)| *col == c)
        {
            // The zoned time takes the column; the naive one goes by its key.
            let (_, old_key) = self.time_keys.swap_remove(k);
            self.fill(c, range); // a time column: within the type's columns
            let start = self.keys.len();
            self.keys.extend_from_within(old_key);
            self.extra_at(start, occupant);
            let key = self.push_key(key);
            self.time_keys.push((c, key));
            return;
        }
        self.extra(key, range);
    }

    /// `key` at the end of `keys`; its range there.
    fn push_key(&mut self, key: &[u8]) -> Range<usize> {
        let start = self.keys.len();
        self.keys.extend_from_slice(key);
        start..self.keys.len()
    }

    /// [`place`](Self::place) by the PAN-OS field's name (none: `""`).
    pub(crate) fn place_field(&mut self, field: &str, key: &[u8], range: Range<usize>) {
        let column = self.log_type().schema().position(field);
        self.place(column, key, range);
    }

    /// Whether the field has a value.
    #[inline(always)] // a literal name's hash is then worked out at compile time
    pub(crate) fn has(&self, field: &str) -> bool {
        self.log_type()
            .schema()
            .position(field)
            .is_some_and(|i| i < self.slots.len() && self.is_filled(i))
    }

    /// Keeps `key` (no column of the type, or a column that has a value)
    /// with the value at `range`. A key that is a column's name (a repeated
    /// field) is kept as `key_2`, `key_3`, ...: no two columns of a record
    /// share a name, so the flat and ECS forms keep both values apart.
    pub(crate) fn extra(&mut self, key: &[u8], range: Range<usize>) {
        let key = self.push_key(key);
        self.extra_at(key.start, range);
    }

    /// [`extra`](Self::extra) with the key already at the end of `keys`,
    /// from `start`.
    fn extra_at(&mut self, start: usize, range: Range<usize>) {
        let key_len = self.keys.len() - start;
        let key = &self.keys[start..];
        let is_column = self
            .log_type()
            .schema()
            .position_hashed(key, crate::schema::hash(key))
            .is_some();
        if is_column {
            for n in 2u32.. {
                self.keys.truncate(start + key_len);
                let _ = write!(self.keys, "_{n}");
                let name = &self.keys[start..];
                if !self
                    .extras
                    .iter()
                    .any(|(k, _)| &self.keys[k.clone()] == name)
                {
                    break;
                }
            }
        }
        self.extras.push((start..self.keys.len(), range));
    }

    /// The extra columns' names of the record laid out last.
    pub(crate) fn names(&self) -> &[String] {
        &self.names[..self.names_len]
    }

    /// Lays the record out as fields over [`values`](Self::values): its
    /// type's columns up to the last one with a value (at least the first
    /// four), then the extra columns, named by [`names`](Self::names).
    /// Returns its schema.
    pub(crate) fn finish(&mut self, fields: &mut Fields) -> Schema {
        let schema = self.log_type().schema();
        fields.clear();
        let last = self
            .filled
            .iter()
            .rposition(|&w| w != 0)
            .map_or(0, |i| i * 64 + 64 - self.filled[i].leading_zeros() as usize);
        let width = if self.extras.is_empty() {
            last
        } else {
            self.slots.len()
        };
        fields.extend_plain(&self.slots[..width]);
        for _ in width..4 {
            fields.push_plain(0..0);
        }
        self.names_len = 0;
        for (key, value) in &self.extras {
            fields.push_plain(value.clone());
            if self.names.len() <= self.names_len {
                self.names.push(String::new());
            }
            // Records of one profile name their extra keys alike: a name
            // already in place is kept.
            let name = &mut self.names[self.names_len];
            let key = &self.keys[key.clone()];
            if name.as_bytes() != key {
                name.clear();
                name.push_str(&crate::csv::text_lossy(key));
            }
            self.names_len += 1;
        }
        schema
    }

    /// The values the fields of [`finish`](Self::finish) lie over.
    pub(crate) fn values(&self) -> &[u8] {
        &self.values
    }

    /// [`finish`](Self::finish), and the record written as a CSV line in
    /// [`line`](Self::line) (for a reader that hands the parser lines).
    #[cfg(feature = "xml")]
    pub(crate) fn finish_csv(&mut self) -> Schema {
        let mut fields = std::mem::take(&mut self.fields);
        let schema = self.finish(&mut fields);
        self.line.clear();
        for (i, span) in fields.spans().iter().enumerate() {
            if i > 0 {
                self.line.push(b',');
            }
            write_csv(&mut self.line, span.bytes(&self.values));
        }
        self.fields = fields;
        schema
    }
}

/// A tokenizer's `key=value` ranges into `bytes`: line ends after the
/// last value are not part of it.
pub(crate) fn trim_line_ends(bytes: &[u8], pairs: &mut [(Range<usize>, Range<usize>)]) {
    if let Some((_, value)) = pairs.last_mut() {
        while value.end > value.start && matches!(bytes[value.end - 1], b'\r' | b'\n') {
            value.end -= 1;
        }
    }
}

/// A key's lookup, remembered (see [`Named::column`]).
#[derive(Debug, Clone, Copy)]
struct Looked {
    tag: [usize; 3],
    log_type: LogType,
    words: KeyWords,
    /// The key, for one longer than 16 bytes (`words` holds a shorter one
    /// whole).
    key: [u8; LOOKED_KEY],
    column: Option<usize>,
    is_time: bool,
}

/// A key's length and its first and last eight bytes: equal for two keys
/// of at most 16 bytes only if the keys are, and compared without a call
/// to `memcmp` (which costs more than the comparison for a short key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyWords {
    len: usize,
    first: u64,
    last: u64,
}

impl KeyWords {
    #[inline]
    fn of(key: &[u8]) -> KeyWords {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let (first, last) = match key.len() {
            n if n >= 8 => (word(&key[..8]), word(&key[n - 8..])),
            _ => (key.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)), 0),
        };
        KeyWords {
            len: key.len(),
            first,
            last,
        }
    }
}

/// The longest key remembered (PAN-OS's keys are shorter; a longer one is
/// looked up every time).
const LOOKED_KEY: usize = 32;

/// How many places of a record are remembered: memory stays bounded
/// whatever a record holds.
const MAX_LOOKED: usize = 256;

/// Whether a time value says its zone: ISO 8601 with `Z` or an offset
/// (what [`write_time`] makes of GMT and epoch times, and the forwarder's
/// JSON times), not PAN-OS's naive `2024/03/05 14:22:07`.
fn is_zoned(value: &[u8]) -> bool {
    let n = value.len();
    n >= 20
        && value[10] == b'T'
        && (value[n - 1] == b'Z' || (matches!(value[n - 6], b'+' | b'-') && value[n - 3] == b':'))
}

/// `value` as one CSV field: quoted (with `""`) when it holds a comma, a
/// quote or a line end, or starts with `{` or a space.
#[cfg(feature = "xml")]
pub(crate) fn write_csv(out: &mut Vec<u8>, value: &[u8]) {
    let quote = memchr::memchr3(b',', b'"', b'\n', value).is_some()
        || memchr::memchr(b'\r', value).is_some()
        || value.first() == Some(&b'{');
    if !quote {
        out.extend_from_slice(value);
        return;
    }
    out.push(b'"');
    for &b in value {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// A time a keyed format writes, as one PAN-OS reads: `Jun 20 2025
/// 05:22:38 GMT` (CEF, LEEF; UTC, with or without the zone word), epoch
/// seconds, milliseconds or microseconds (JSON, CEF) → ISO 8601 in UTC.
/// Other text is written as it is (PAN-OS's own formats need no rewrite).
pub(crate) fn write_time(out: &mut Vec<u8>, text: &[u8]) {
    let text = trim(text);
    match fixed_form(text) {
        Some(Some(iso)) => return out.extend_from_slice(&iso),
        Some(None) => return out.extend_from_slice(text),
        None => {}
    }
    if let Some(t) = month_day_year(text).or_else(|| epoch(text)) {
        let mut buf = [0u8; 40];
        out.extend_from_slice(crate::value::Rfc3339(&t.fixed_offset()).write_bytes(&mut buf));
    } else {
        out.extend_from_slice(text);
    }
}

fn trim(text: &[u8]) -> &[u8] {
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &text[start..end]
}

/// The form every CEF time of PAN-OS has, `Mar 05 2024 13:22:07 GMT`
/// (or `UTC`, or no zone), read by position and written as RFC 3339 without
/// a trip through a date type (a keyed record has a few times): `None` if
/// `text` is not of the form, `Some(None)` if it is but names no time
/// (`Feb 30`, `24:00:00`).
fn fixed_form(text: &[u8]) -> Option<Option<[u8; 25]>> {
    let [
        m0,
        m1,
        m2,
        b' ',
        d0,
        d1,
        b' ',
        y0,
        y1,
        y2,
        y3,
        b' ',
        h0,
        h1,
        b':',
        i0,
        i1,
        b':',
        s0,
        s1,
        zone @ ..,
    ] = text
    else {
        return None;
    };
    let [m0, m1, m2, d0, d1, y0, y1, y2, y3, h0, h1, i0, i1, s0, s1] =
        [m0, m1, m2, d0, d1, y0, y1, y2, y3, h0, h1, i0, i1, s0, s1].map(|b| *b);
    let zoned =
        zone.is_empty() || zone.eq_ignore_ascii_case(b" GMT") || zone.eq_ignore_ascii_case(b" UTC");
    let digits = [d0, d1, y0, y1, y2, y3, h0, h1, i0, i1, s0, s1];
    if !zoned || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
    let Some(month) = crate::syslog::month_number(&[m0, m1, m2]) else {
        return Some(None);
    };
    let year = n(y0, y1) * 100 + n(y2, y3);
    let (day, hour, minute, second) = (n(d0, d1), n(h0, h1), n(i0, i1), n(s0, s1));
    if !crate::value::is_real_time(year, month, day, hour, minute, second) {
        return Some(None);
    }
    // `Mar 05 2024 13:22:07`: the year, the day and the time are copied.
    let mut iso = *b"yyyy-mm-ddThh:mm:ss+00:00";
    iso[..4].copy_from_slice(&text[7..11]);
    let m = month as usize * 2;
    iso[5..7].copy_from_slice(&crate::value::DIGIT_PAIRS[m..m + 2]);
    iso[8..10].copy_from_slice(&text[4..6]);
    iso[11..19].copy_from_slice(&text[12..20]);
    Some(Some(iso))
}

/// `Mmm dd yyyy HH:MM:SS[.fff][ GMT|UTC|Z]` (any spacing), read as UTC.
fn month_day_year(text: &[u8]) -> Option<chrono::DateTime<chrono::Utc>> {
    let s = std::str::from_utf8(text).ok()?;
    let mut parts = s.split_ascii_whitespace();
    let month = parts.next()?;
    let month = crate::syslog::month_number(month.as_bytes())?;
    let day: u32 = parts.next()?.parse().ok()?;
    let year: i32 = parts.next()?.parse().ok()?;
    let time = hms(parts.next()?)?;
    match parts.next() {
        None => {}
        Some(z)
            if ["GMT", "UTC", "Z"]
                .iter()
                .any(|u| u.eq_ignore_ascii_case(z)) => {}
        Some(_) => return None,
    }
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.and_time(time).and_utc())
}

/// `HH:MM:SS` with an optional fraction, by hand (chrono's format parser
/// is a tenth of a CEF record's cost).
fn hms(text: &str) -> Option<chrono::NaiveTime> {
    let b = text.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let (h, l) = (*b.get(i)?, *b.get(i + 1)?);
        (h.is_ascii_digit() && l.is_ascii_digit())
            .then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
    };
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let nanos = match b.get(8) {
        None => 0,
        Some(b'.') => {
            let frac = &b[9..];
            if frac.is_empty() || frac.len() > 9 || !frac.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let n = frac.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
            n * 10u32.pow(9 - frac.len() as u32)
        }
        Some(_) => return None,
    };
    chrono::NaiveTime::from_hms_nano_opt(two(0)?, two(3)?, two(6)?, nanos)
}

/// Epoch seconds (10 digits), milliseconds (13) or microseconds (16).
fn epoch(text: &[u8]) -> Option<chrono::DateTime<chrono::Utc>> {
    if text.is_empty() || text.len() > 19 || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: i64 = std::str::from_utf8(text).ok()?.parse().ok()?;
    match text.len() {
        9..=10 => chrono::DateTime::from_timestamp(n, 0),
        12..=13 => chrono::DateTime::from_timestamp_millis(n),
        15..=16 => chrono::DateTime::from_timestamp_micros(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> String {
        let mut out = Vec::new();
        write_time(&mut out, text.as_bytes());
        String::from_utf8(out).unwrap()
    }

    /// A key's lookup is reused only for the same key at the same place,
    /// with the same vocabularies and log type; a long key is looked up
    /// every time.
    #[test]
    fn remembered_lookups_are_reused_only_when_all_match() {
        let mut named = Named::default();
        let calls = std::cell::Cell::new(0);
        let look = |named: &mut Named, tag: usize, key: &[u8], column: usize| {
            named.column([tag, 0, 0], key, || {
                calls.set(calls.get() + 1);
                (Some(column), false)
            })
        };
        let long = [b'k'; LOOKED_KEY + 1];
        for (log_type, tag, keys, want_calls) in [
            (LogType::Traffic, 1, [&b"src"[..], b"dst", &long], 3),
            (LogType::Traffic, 1, [&b"src"[..], b"dst", &long], 1),
            (LogType::Threat, 1, [&b"src"[..], b"dst", &long], 3),
            (LogType::Threat, 2, [&b"src"[..], b"dst", &long], 3),
            (LogType::Threat, 2, [&b"dst"[..], b"dst", &long], 2),
        ] {
            named.begin(log_type);
            calls.set(0);
            for (i, key) in keys.iter().enumerate() {
                // The column found depends on all three: a reused answer
                // would show as a wrong one.
                let want = tag * 100 + i * 10 + key.len() + log_type as usize * 1000;
                assert_eq!(look(&mut named, tag, key, want).0, Some(want));
            }
            assert_eq!(calls.get(), want_calls, "{log_type:?} {tag}");
        }
    }

    /// Whatever order values are asked in, `plain_value_of` finds the
    /// backslashes a search of each value would; a value outside the
    /// source is never plain.
    #[test]
    fn backslashes_are_found_in_any_order() {
        let source = br"ab\cd=e\=f gh=ij kl\\m no";
        let other = br"x\y";
        let mut named = Named::default();
        named.begin_over(LogType::Traffic, source);
        let mut rand = crate::test_rand::Rand::new();
        for _ in 0..2_000 {
            let a = rand.below(source.len());
            let b = a + rand.below(source.len() - a + 1);
            let value = &source[a..b];
            let plain = named.plain_value_of(value);
            assert_eq!(plain.is_none(), value.contains(&b'\\'), "{a}..{b}");
            assert!(plain.is_none_or(|r| r == (a..b)), "{a}..{b}");
            assert_eq!(named.plain_value_of(&other[..1]), None);
        }
    }

    /// The fixed CEF form is written as chrono reads and RFC 3339 writes
    /// it, and left as it is where chrono finds no such time.
    #[test]
    fn the_fixed_form_agrees_with_chrono() {
        let months = [
            "Jan", "feb", "MAR", "Apr", "Jun", "Sep", "Nov", "Dec", "Xyz",
        ];
        for month in months {
            for day in ["00", "01", "28", "29", "30", "31", "32"] {
                for year in ["1900", "2000", "2023", "2024", "2100"] {
                    for hms in ["00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60"] {
                        for zone in ["", " GMT", " utc", " CET"] {
                            let text = format!("{month} {day} {year} {hms}{zone}");
                            let want = (|| {
                                let m = crate::syslog::month_number(month.as_bytes())?;
                                if zone == " CET" {
                                    return None;
                                }
                                let date = chrono::NaiveDate::from_ymd_opt(
                                    year.parse().ok()?,
                                    m,
                                    day.parse().ok()?,
                                )?;
                                let n = |i: usize| hms[i..i + 2].parse().ok();
                                let t = chrono::NaiveTime::from_hms_opt(n(0)?, n(3)?, n(6)?)?;
                                let t = date.and_time(t).and_utc().fixed_offset();
                                Some(crate::value::Rfc3339(&t).to_string())
                            })()
                            .unwrap_or_else(|| text.clone());
                            assert_eq!(time(&text), want, "{text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn keyed_times_become_iso() {
        assert_eq!(
            time("Jun 20 2025 05:22:38 GMT"),
            "2025-06-20T05:22:38+00:00"
        );
        assert_eq!(time("Feb 28 2021 08:30:26"), "2021-02-28T08:30:26+00:00");
        assert_eq!(time("May 26 2021 08:39:49  "), "2021-05-26T08:39:49+00:00");
        assert_eq!(time("1719351000000000"), "2024-06-25T21:30:00+00:00");
        assert_eq!(time("1602551466"), "2020-10-13T01:11:06+00:00");
        assert_eq!(time("2024/03/05 14:22:07"), "2024/03/05 14:22:07");
        assert_eq!(
            time("Jun 20 2025 05:22:38 CEST"),
            "Jun 20 2025 05:22:38 CEST"
        );
    }

    #[test]
    fn a_record_is_laid_out_in_standard_order() {
        let mut n = Named::default();
        n.begin(LogType::Traffic);
        let v = n.value(|b| b.extend_from_slice(b"10.0.0.1"));
        assert!(n.set("src", v));
        let v = n.value(|b| b.extend_from_slice(b"a,b"));
        assert!(n.set("rule", v));
        let v = n.value(|b| b.extend_from_slice(b"10.0.0.2"));
        assert!(!n.set("src", v.clone()), "the first value of a column wins");
        n.extra(b"src", v.clone());
        n.extra(b"src", v);
        let v = n.value(|b| b.extend_from_slice(b"x"));
        assert!(!n.set("no_such", v.clone()));
        n.extra(b"Custom", v);
        let mut fields = Fields::new();
        let schema = n.finish(&mut fields);
        assert_eq!(schema.log_type(), LogType::Traffic);
        assert_eq!(n.names(), ["src_2", "src_3", "Custom"]);
        let texts: Vec<&[u8]> = fields.spans().iter().map(|s| s.bytes(n.values())).collect();
        assert_eq!(texts.len(), schema.len() + 3);
        assert_eq!(
            texts[..12],
            [
                &b""[..],
                b"",
                b"",
                b"",
                b"",
                b"",
                b"",
                b"10.0.0.1",
                b"",
                b"",
                b"",
                b"a,b"
            ]
        );
        assert_eq!(texts[schema.len()..], [&b"10.0.0.2"[..], b"10.0.0.2", b"x"]);
    }
}
