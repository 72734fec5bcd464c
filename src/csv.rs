//! The field splitter: one record's bytes in, field spans out.
//!
//! PAN-OS writes RFC 4180-style CSV: fields separated by commas, a field that
//! holds commas, quotes or newlines wrapped in double quotes, and a quote inside
//! such a field doubled (`""`). On top of that, PAN-OS writes SD-WAN link
//! switches unquoted in braces (`{a, b, c,100,100,,N/A}`), so by default a
//! field that *starts* with `{` runs to its matching `}`, commas and all.
//!
//! # Zero copy
//!
//! [`Splitter::split`] writes one [`Span`] per field (start, end, [`Flags`])
//! into a caller-owned [`Fields`] buffer that is reused from record to record:
//! once the buffer has grown to the widest record, splitting allocates nothing.
//! A quoted field's span covers the text between its quotes; the `""` escapes
//! in it are undone only when the field is read, and only if it had one
//! ([`Field::unescaped`] returns a borrowed `Cow` otherwise).
//!
//! # Never fails, always a parse
//!
//! Like `csv-core`, the splitter prefers *a* parse over *no* parse. Real
//! devices are sloppy, and each sloppiness gives a defined result, flagged:
//!
//! | input | result | flag |
//! | --- | --- | --- |
//! | `a"b` (a quote inside an unquoted field) | the quote is an ordinary byte | [`Flags::STRAY_QUOTE`] |
//! | `"ab"cd` (bytes after a closing quote) | the field is taken raw, quotes and all, to the next comma | [`Flags::TRAILING_BYTES`] |
//! | `"ab,cd` (no closing quote) | the field runs to the end of the record | [`Flags::UNTERMINATED`] |
//! | `{ab,cd` (no matching `}`) | split on commas; braces are off for the rest of the record | [`Flags::UNBALANCED_BRACE`] |
//! | `a,b,` (a trailing comma) | a last, empty field | [`Flags::TRAILING_SEPARATOR`] |
//!
//! A backslash is an ordinary byte (PAN-OS never backslash-escapes). CR and LF
//! are ordinary bytes too: record boundaries are the [`framing`](crate::framing)
//! module's job.
//!
//! # Example
//!
//! ```
//! use panlog::csv::{Fields, Flags, Splitter};
//!
//! let line = br#"1,THREAT,"example.com/a,b","say ""hi""",{wan1, tag,100,,N/A},"#;
//! let mut fields = Fields::new();
//! Splitter::new().split(line, &mut fields);
//!
//! assert_eq!(fields.len(), 6);
//! assert_eq!(fields.get(2).unwrap().bytes(line), b"example.com/a,b");
//! let hi = fields.field(3, line).unwrap();
//! assert_eq!(hi.raw(), br#"say ""hi"""#);   // as it stands in the line
//! assert_eq!(&*hi.unescaped(), br#"say "hi""#); // unescaped on read
//! assert!(fields.field(4, line).unwrap().flags().contains(Flags::BRACED));
//! assert!(fields.flags().contains(Flags::TRAILING_SEPARATOR));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign, Range};
use std::str::Utf8Error;

/// What the splitter noticed about a field (or, through [`Fields::flags`],
/// about a whole record).
///
/// A small bit set: combine with `|`, test with [`Flags::contains`].
///
/// # Example
///
/// ```
/// use panlog::csv::Flags;
///
/// let f = Flags::QUOTED | Flags::ESCAPED;
/// assert!(f.contains(Flags::QUOTED));
/// assert!(!f.contains(Flags::BRACED));
/// assert!(f.is_clean()); // quoting is normal, not an anomaly
/// assert!(!(f | Flags::STRAY_QUOTE).is_clean());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u8);

impl Flags {
    /// The field was enclosed in double quotes; its span is the text inside them.
    pub const QUOTED: Flags = Flags(1);
    /// The quoted field holds `""` escapes, undone by [`Field::unescaped`].
    pub const ESCAPED: Flags = Flags(1 << 1);
    /// The field is a `{...}` group that holds commas (PAN-OS SD-WAN link switches).
    pub const BRACED: Flags = Flags(1 << 2);
    /// A quote stood inside an unquoted field; it is kept as an ordinary byte.
    pub const STRAY_QUOTE: Flags = Flags(1 << 3);
    /// Bytes followed a closing quote or brace before the next comma: the
    /// field is the raw text from its first byte to that comma.
    pub const TRAILING_BYTES: Flags = Flags(1 << 4);
    /// A quoted field had no closing quote: it runs to the end of the record.
    pub const UNTERMINATED: Flags = Flags(1 << 5);
    /// A field began with `{` that no `}` closes: it was split on commas,
    /// and braces are ordinary bytes for the rest of the record.
    pub const UNBALANCED_BRACE: Flags = Flags(1 << 6);
    /// Record-level: the record ends with a comma (so its last field is empty).
    pub const TRAILING_SEPARATOR: Flags = Flags(1 << 7);

    /// The flags that mark input a strict RFC 4180 reader would reject or
    /// read differently: everything but [`QUOTED`](Self::QUOTED),
    /// [`ESCAPED`](Self::ESCAPED) and [`BRACED`](Self::BRACED).
    pub const ANOMALIES: Flags = Flags(
        Self::STRAY_QUOTE.0
            | Self::TRAILING_BYTES.0
            | Self::UNTERMINATED.0
            | Self::UNBALANCED_BRACE.0
            | Self::TRAILING_SEPARATOR.0,
    );

    /// The flags with these bits (unknown bits are kept, and mean nothing).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::Flags;
    /// assert_eq!(Flags::from_bits(Flags::QUOTED.bits()), Flags::QUOTED);
    /// ```
    #[must_use]
    pub const fn from_bits(bits: u8) -> Flags {
        Flags(bits)
    }

    /// No flag set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::csv::Flags::empty().is_empty());
    /// ```
    #[must_use]
    pub const fn empty() -> Flags {
        Flags(0)
    }

    /// Whether every flag in `other` is set in `self`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::Flags;
    /// assert!((Flags::QUOTED | Flags::ESCAPED).contains(Flags::ESCAPED));
    /// ```
    #[must_use]
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag in `other` is set in `self`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::Flags;
    /// assert!(Flags::STRAY_QUOTE.intersects(Flags::ANOMALIES));
    /// ```
    #[must_use]
    pub const fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no flag is set.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!panlog::csv::Flags::QUOTED.is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether none of the [`ANOMALIES`](Self::ANOMALIES) is set.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::Flags;
    /// assert!(Flags::BRACED.is_clean());
    /// assert!(!Flags::UNTERMINATED.is_clean());
    /// ```
    #[must_use]
    pub const fn is_clean(self) -> bool {
        !self.intersects(Self::ANOMALIES)
    }

    /// The raw bits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::csv::Flags::QUOTED.bits(), 1);
    /// ```
    #[must_use]
    pub const fn bits(self) -> u8 {
        self.0
    }
}

impl BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl BitAnd for Flags {
    type Output = Flags;
    fn bitand(self, rhs: Flags) -> Flags {
        Flags(self.0 & rhs.0)
    }
}

impl BitOrAssign for Flags {
    fn bitor_assign(&mut self, rhs: Flags) {
        self.0 |= rhs.0;
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [&str; 8] = [
            "QUOTED",
            "ESCAPED",
            "BRACED",
            "STRAY_QUOTE",
            "TRAILING_BYTES",
            "UNTERMINATED",
            "UNBALANCED_BRACE",
            "TRAILING_SEPARATOR",
        ];
        let mut set = f.debug_set();
        for (bit, name) in NAMES.iter().enumerate() {
            if self.0 & (1 << bit) != 0 {
                set.entry(&format_args!("{name}"));
            }
        }
        set.finish()
    }
}

/// Where one field lies in its record, and its [`Flags`].
///
/// Offsets are byte offsets into the record slice that was split. For a
/// quoted field the span is the text between the quotes.
///
/// # Example
///
/// ```
/// use panlog::csv::{Fields, Splitter};
///
/// let line = b"a,\"b,c\"";
/// let mut fields = Fields::new();
/// Splitter::new().split(line, &mut fields);
/// let span = fields.get(1).unwrap();
/// assert_eq!(span.range(), 3..6);
/// assert_eq!(span.bytes(line), b"b,c");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    start: u32,
    end: u32,
    flags: Flags,
}

impl Span {
    /// A field at `range` that needs no unescaping (a value laid out apart
    /// from any CSV text; offsets below 4 GiB, as every record's are).
    pub(crate) const fn plain(range: std::ops::Range<usize>) -> Span {
        Span {
            start: range.start as u32,
            end: range.end as u32,
            flags: Flags::empty(),
        }
    }

    /// The offset of the field's first byte.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"ab,cd", &mut fields);
    /// assert_eq!(fields.get(1).unwrap().start(), 3);
    /// ```
    #[must_use]
    pub const fn start(&self) -> usize {
        self.start as usize
    }

    /// The offset just past the field's last byte.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"ab,cd", &mut fields);
    /// assert_eq!(fields.get(0).unwrap().end(), 2);
    /// ```
    #[must_use]
    pub const fn end(&self) -> usize {
        self.end as usize
    }

    /// `start()..end()`.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"ab,cd", &mut fields);
    /// assert_eq!(fields.get(1).unwrap().range(), 3..5);
    /// ```
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Whether the field is empty (`,,` or `,"",`).
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,,\"\"", &mut fields);
    /// assert!(fields.get(1).unwrap().is_empty());
    /// assert!(fields.get(2).unwrap().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// What the splitter noticed about the field.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Flags, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,\"b\"", &mut fields);
    /// assert_eq!(fields.get(1).unwrap().flags(), Flags::QUOTED);
    /// ```
    #[must_use]
    pub const fn flags(&self) -> Flags {
        self.flags
    }

    /// The field's raw bytes in `record` (the slice that was split), with any
    /// `""` escapes still in place.
    ///
    /// Returns an empty slice if `record` is not the record the span came
    /// from and is too short.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"x,y";
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.get(1).unwrap().bytes(line), b"y");
    /// ```
    #[must_use]
    pub fn bytes<'a>(&self, record: &'a [u8]) -> &'a [u8] {
        record.get(self.range()).unwrap_or_default()
    }

    /// The field in `record`, ready to read.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = br#"x,"a""b""#;
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.get(1).unwrap().field(line).to_str().unwrap(), "a\"b");
    /// ```
    #[must_use]
    pub fn field<'a>(&self, record: &'a [u8]) -> Field<'a> {
        Field {
            raw: self.bytes(record),
            flags: self.flags,
        }
    }
}

/// One field's bytes, borrowed from the record, with its [`Flags`].
///
/// # Example
///
/// ```
/// use panlog::csv::{Fields, Splitter};
/// use std::borrow::Cow;
///
/// let line = br#"plain,"say ""hi""""#;
/// let mut fields = Fields::new();
/// Splitter::new().split(line, &mut fields);
///
/// let plain = fields.field(0, line).unwrap();
/// assert!(matches!(plain.to_str().unwrap(), Cow::Borrowed("plain")));
/// let hi = fields.field(1, line).unwrap();
/// assert_eq!(hi.to_str().unwrap(), r#"say "hi""#); // an owned Cow: it had `""`
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field<'a> {
    raw: &'a [u8],
    flags: Flags,
}

impl<'a> Field<'a> {
    /// The bytes as they stand in the record (inside the quotes, if quoted),
    /// `""` escapes not undone.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = br#""a""b""#;
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.field(0, line).unwrap().raw(), br#"a""b"#);
    /// ```
    #[must_use]
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The field's flags.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Flags, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"a\"b";
    /// Splitter::new().split(line, &mut fields);
    /// assert!(fields.field(0, line).unwrap().flags().contains(Flags::STRAY_QUOTE));
    /// ```
    #[must_use]
    pub const fn flags(&self) -> Flags {
        self.flags
    }

    /// Whether the field holds no bytes.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b",x", &mut fields);
    /// assert!(fields.field(0, b",x").unwrap().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The value: the raw bytes with `""` turned into `"`. Borrowed unless
    /// the field had an escape; only then does it allocate.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # use std::borrow::Cow;
    /// # let mut fields = Fields::new();
    /// let line = br#"a,"b""c""#;
    /// Splitter::new().split(line, &mut fields);
    /// assert!(matches!(fields.field(0, line).unwrap().unescaped(), Cow::Borrowed(b"a")));
    /// assert_eq!(&*fields.field(1, line).unwrap().unescaped(), b"b\"c");
    /// ```
    #[must_use]
    pub fn unescaped(&self) -> Cow<'a, [u8]> {
        if self.flags.contains(Flags::ESCAPED) {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    /// The value as UTF-8 text (see [`unescaped`](Self::unescaped)).
    ///
    /// # Errors
    ///
    /// The field's bytes are not valid UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"ok,\xff";
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.field(0, line).unwrap().to_str().unwrap(), "ok");
    /// assert!(fields.field(1, line).unwrap().to_str().is_err());
    /// ```
    pub fn to_str(&self) -> Result<Cow<'a, str>, Utf8Error> {
        Ok(match self.unescaped() {
            Cow::Borrowed(b) => Cow::Borrowed(std::str::from_utf8(b)?),
            Cow::Owned(v) => match String::from_utf8(v) {
                Ok(s) => Cow::Owned(s),
                Err(e) => return Err(e.utf8_error()),
            },
        })
    }

    /// The value as text, with invalid UTF-8 replaced by U+FFFD.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"a\xffb";
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.field(0, line).unwrap().to_str_lossy(), "a\u{fffd}b");
    /// ```
    #[must_use]
    pub fn to_str_lossy(&self) -> Cow<'a, str> {
        match self.unescaped() {
            Cow::Borrowed(b) => text_lossy(b),
            Cow::Owned(v) => match String::from_utf8(v) {
                Ok(s) => Cow::Owned(s),
                Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            },
        }
    }
}

/// Undoes `""` escapes: every pair of quotes becomes one quote.
fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(q) = memchr::memchr(b'"', rest) {
        // Keep the first quote of the pair, drop the second.
        out.extend_from_slice(&rest[..=q]);
        rest = rest.get(q + 2..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
    out
}

/// The spans of one record's fields: a reusable buffer that
/// [`Splitter::split`] fills.
///
/// Keep one per reader (or per thread) and split every record into it: after
/// the first records it has the capacity it needs and splitting allocates
/// nothing.
///
/// # Example
///
/// ```
/// use panlog::csv::{Fields, Splitter};
///
/// let mut fields = Fields::with_capacity(128);
/// let splitter = Splitter::new();
/// for line in [&b"a,b"[..], b"c,d,e"] {
///     splitter.split(line, &mut fields);
///     let texts: Vec<_> = fields.iter(line).map(|f| f.to_str_lossy()).collect();
///     println!("{texts:?}");
/// }
/// assert_eq!(fields.len(), 3);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Fields {
    spans: Vec<Span>,
    flags: Flags,
}

impl Fields {
    /// An empty buffer.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::csv::Fields::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Fields {
        Fields {
            spans: Vec::new(),
            flags: Flags::empty(),
        }
    }

    /// An empty buffer with room for `n` fields.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::csv::Fields::with_capacity(120).is_empty());
    /// ```
    #[must_use]
    pub fn with_capacity(n: usize) -> Fields {
        Fields {
            spans: Vec::with_capacity(n),
            flags: Flags::empty(),
        }
    }

    /// The number of fields in the last record split.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,b,c", &mut fields);
    /// assert_eq!(fields.len(), 3);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no record has been split into this buffer yet (a split
    /// record always has at least one field).
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// let mut fields = Fields::new();
    /// assert!(fields.is_empty());
    /// Splitter::new().split(b"", &mut fields);
    /// assert_eq!(fields.len(), 1); // one empty field
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The span of field `index`.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,b", &mut fields);
    /// assert_eq!(fields.get(1).unwrap().range(), 2..3);
    /// assert!(fields.get(2).is_none());
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<Span> {
        self.spans.get(index).copied()
    }

    /// Field `index` of `record` (the slice that was split), ready to read.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"a,b";
    /// Splitter::new().split(line, &mut fields);
    /// assert_eq!(fields.field(1, line).unwrap().raw(), b"b");
    /// ```
    #[must_use]
    pub fn field<'a>(&self, index: usize, record: &'a [u8]) -> Option<Field<'a>> {
        self.spans.get(index).map(|s| s.field(record))
    }

    /// All spans, in order.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,b", &mut fields);
    /// assert_eq!(fields.spans().len(), 2);
    /// ```
    #[must_use]
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The fields of `record` (the slice that was split), in order.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// let line = b"a,\"b,c\"";
    /// Splitter::new().split(line, &mut fields);
    /// let raw: Vec<&[u8]> = fields.iter(line).map(|f| f.raw()).collect();
    /// assert_eq!(raw, [&b"a"[..], b"b,c"]);
    /// ```
    pub fn iter<'s, 'a>(
        &'s self,
        record: &'a [u8],
    ) -> impl ExactSizeIterator<Item = Field<'a>> + DoubleEndedIterator + 's
    where
        'a: 's,
    {
        self.spans.iter().map(move |s| s.field(record))
    }

    /// The union of the flags of every field of the last record, plus the
    /// record-level [`Flags::TRAILING_SEPARATOR`].
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Flags, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,\"b\",c\"d", &mut fields);
    /// assert!(fields.flags().contains(Flags::QUOTED | Flags::STRAY_QUOTE));
    /// assert!(!fields.flags().is_clean());
    /// ```
    #[must_use]
    pub fn flags(&self) -> Flags {
        self.flags
    }

    /// Empties the buffer, keeping its capacity.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::csv::{Fields, Splitter};
    /// # let mut fields = Fields::new();
    /// Splitter::new().split(b"a,b", &mut fields);
    /// fields.clear();
    /// assert!(fields.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.spans.clear();
        self.flags = Flags::empty();
    }

    /// Puts an empty field in front of the others: for a body that lacks
    /// PAN-OS's leading `FUTURE_USE` column (`1,`), so that every column sits
    /// at its documented position.
    pub(crate) fn prepend_empty(&mut self) {
        self.spans.insert(
            0,
            Span {
                start: 0,
                end: 0,
                flags: Flags::empty(),
            },
        );
    }

    /// The spans, taking them out of the buffer.
    pub(crate) fn into_spans(self) -> Vec<Span> {
        self.spans
    }

    /// A field at `range` that needs no unescaping (a value laid out apart
    /// from any CSV text).
    pub(crate) fn push_plain(&mut self, range: std::ops::Range<usize>) {
        self.push(range.start, range.end, Flags::empty());
    }

    /// `spans` appended as they are: plain ones ([`Span::plain`], laid out
    /// apart from any CSV text), so the record's flags do not change.
    pub(crate) fn extend_plain(&mut self, spans: &[Span]) {
        debug_assert!(spans.iter().all(|s| s.flags.is_empty()));
        self.spans.extend_from_slice(spans);
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, flags: Flags) {
        // `split` only sees records of at most `MAX_RECORD` bytes, so the
        // offsets fit in `u32`.
        self.spans.push(Span {
            start: start as u32,
            end: end as u32,
            flags,
        });
        // Most fields have no flag: not writing the record's flags for them
        // keeps the splitting loop from waiting on its own last store.
        if !flags.is_empty() {
            self.flags |= flags;
        }
    }
}

/// The longest record [`Splitter::split`] looks at: spans hold `u32`
/// offsets. Bytes past it are not split (no framed record comes near it:
/// the framer's limit is far lower).
pub const MAX_RECORD: usize = u32::MAX as usize - 1;

/// Splits a record into fields. Cheap to copy; holds only its options.
///
/// # Example
///
/// ```
/// use panlog::csv::{Fields, Flags, Splitter};
///
/// let line = b"a,{b,c},d";
/// let mut fields = Fields::new();
///
/// Splitter::new().split(line, &mut fields);            // braces on (default)
/// assert_eq!(fields.len(), 3);
/// Splitter::new().braces(false).split(line, &mut fields);
/// assert_eq!(fields.len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Splitter {
    braces: bool,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter::new()
    }
}

impl Splitter {
    /// A splitter with the default options: brace fields on.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::csv::Splitter::new().handles_braces());
    /// ```
    #[must_use]
    pub const fn new() -> Splitter {
        Splitter { braces: true }
    }

    /// Whether an unquoted field that starts with `{` runs to its matching
    /// `}` across commas, as PAN-OS writes SD-WAN link switches.
    ///
    /// The default is `true`. Turn it off for strict RFC 4180 splitting.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::{Fields, Splitter};
    /// let mut fields = Fields::new();
    /// Splitter::new().braces(false).split(b"{a,b}", &mut fields);
    /// assert_eq!(fields.len(), 2);
    /// ```
    #[must_use]
    pub const fn braces(mut self, yes: bool) -> Splitter {
        self.braces = yes;
        self
    }

    /// Whether brace fields are on (see [`braces`](Self::braces)).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!panlog::csv::Splitter::new().braces(false).handles_braces());
    /// ```
    #[must_use]
    pub const fn handles_braces(&self) -> bool {
        self.braces
    }

    /// Splits `record` (one record, without its line terminator) into
    /// `fields`, replacing what `fields` held, and returns the record's
    /// flags (as [`Fields::flags`]).
    ///
    /// Every input gives at least one field: the empty record is one empty
    /// field. Never fails, never panics; see the [module docs](self) for how
    /// malformed quoting is read. Records longer than [`MAX_RECORD`] are
    /// split up to that length.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::csv::{Fields, Flags, Splitter};
    ///
    /// let mut fields = Fields::new();
    /// let flags = Splitter::new().split(br#"a,"b"c,d"#, &mut fields);
    /// assert!(flags.contains(Flags::TRAILING_BYTES));
    /// assert_eq!(fields.field(1, br#"a,"b"c,d"#).unwrap().raw(), br#""b"c"#);
    /// ```
    pub fn split(&self, record: &[u8], fields: &mut Fields) -> Flags {
        fields.clear();
        let input = &record[..record.len().min(MAX_RECORD)];
        let len = input.len();
        let mut braces = self.braces;
        // The current field's first byte, the next byte to look at, and
        // what has been noticed about the current field so far.
        let mut start = 0;
        let mut i = 0;
        let mut flags = Flags::empty();
        'field: loop {
            if i == start {
                match input.get(i) {
                    Some(b'"') => match quoted_end(input, i + 1) {
                        QuoteEnd::Closed { close, escaped } => {
                            let f = Flags::QUOTED | escaped;
                            match input.get(close + 1) {
                                None => {
                                    fields.push(start + 1, close, f);
                                    break 'field;
                                }
                                Some(b',') => {
                                    fields.push(start + 1, close, f);
                                    start = close + 2;
                                    i = start;
                                    continue 'field;
                                }
                                // Bytes after the closing quote: read the
                                // field raw, from its opening quote.
                                Some(_) => {
                                    flags = Flags::TRAILING_BYTES;
                                    i = close + 1;
                                }
                            }
                        }
                        QuoteEnd::Unterminated { escaped } => {
                            fields.push(
                                start + 1,
                                len,
                                Flags::QUOTED | Flags::UNTERMINATED | escaped,
                            );
                            break 'field;
                        }
                    },
                    Some(b'{') if braces => match brace_end(input, i) {
                        Some(close) => match input.get(close + 1) {
                            None => {
                                fields.push(start, len, Flags::BRACED);
                                break 'field;
                            }
                            Some(b',') => {
                                fields.push(start, close + 1, Flags::BRACED);
                                start = close + 2;
                                i = start;
                                continue 'field;
                            }
                            Some(_) => {
                                flags = Flags::BRACED | Flags::TRAILING_BYTES;
                                i = close + 1;
                            }
                        },
                        None => {
                            // Scanning on from a later `{` could only find
                            // what this scan already passed over: turning
                            // braces off keeps the split linear.
                            braces = false;
                            flags = Flags::UNBALANCED_BRACE;
                            i += 1;
                        }
                    },
                    _ => {}
                }
            }
            // An unquoted field (or the rest of one): up to the next comma.
            // 64 bytes at a time (a SIMD compare gives a bit per comma or
            // quote), taking every comma of the block before loading the
            // next: PAN-OS fields are a few bytes long, so one block ends
            // about ten of them.
            while let Some(block) = input.get(i..i + 64) {
                let block: &[u8; 64] = block.try_into().unwrap_or(&[0; 64]);
                let hits = crate::simd::comma_quote_mask(block);
                if take_hits(input, hits, i, 0, braces, fields, &mut start, &mut flags) {
                    i = start;
                    continue 'field;
                }
                i += 64;
            }
            // Then eight bytes at a time, the same way (a hit is the high bit
            // of its byte).
            while let Some(chunk) = input.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let hits = eq_bytes(word, COMMAS) | eq_bytes(word, QUOTES);
                if take_hits(input, hits, i, 3, braces, fields, &mut start, &mut flags) {
                    i = start;
                    continue 'field;
                }
                i += 8;
            }
            // The last bytes, fewer than eight.
            loop {
                let p = find_comma_or_quote(input, i);
                match input.get(p) {
                    None => {
                        fields.push(start, len, flags);
                        break 'field;
                    }
                    Some(b',') => {
                        fields.push(start, p, flags);
                        start = p + 1;
                        i = start;
                        flags = Flags::empty();
                        continue 'field;
                    }
                    // A quote opening a field that a comma ending the last
                    // word started.
                    Some(_) if p == start => {
                        i = start;
                        continue 'field;
                    }
                    Some(_) => {
                        flags |= Flags::STRAY_QUOTE;
                        i = p + 1;
                    }
                }
            }
        }
        if start == len && len > 0 && input[len - 1] == b',' {
            fields.flags |= Flags::TRAILING_SEPARATOR;
        }
        fields.flags
    }
}

/// Takes the commas and quotes marked in `hits`, a scan of the bytes from
/// `base` (hit `k` is the byte at `base + (k >> shift)`): every comma ends the
/// field that `start` began. Returns `true` when the field at `start` must be
/// read from its first byte again: it opens with a quote, or with a `{` while
/// brace fields are on. A quote inside a field is flagged and passed over.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn take_hits(
    input: &[u8],
    mut hits: u64,
    base: usize,
    shift: u32,
    braces: bool,
    fields: &mut Fields,
    start: &mut usize,
    flags: &mut Flags,
) -> bool {
    while hits != 0 {
        let p = base + (hits.trailing_zeros() >> shift) as usize;
        hits &= hits - 1;
        if input[p] == b',' {
            fields.push(*start, p, *flags);
            *flags = Flags::empty();
            *start = p + 1;
            if braces && input.get(*start) == Some(&b'{') {
                return true;
            }
        } else if p == *start {
            // A quote opening the field that a comma of this scan started.
            return true;
        } else {
            *flags |= Flags::STRAY_QUOTE;
        }
    }
    false
}

enum QuoteEnd {
    /// The closing quote is at `close`.
    Closed { close: usize, escaped: Flags },
    /// No closing quote before the end of the input.
    Unterminated { escaped: Flags },
}

/// Finds the quote that closes a quoted field whose text starts at `from`,
/// stepping over `""` escapes.
#[inline]
fn quoted_end(input: &[u8], mut from: usize) -> QuoteEnd {
    let mut escaped = Flags::empty();
    loop {
        let rest = input.get(from..).unwrap_or_default();
        let Some(off) = memchr::memchr(b'"', rest) else {
            return QuoteEnd::Unterminated { escaped };
        };
        let q = from + off;
        if input.get(q + 1) == Some(&b'"') {
            escaped = Flags::ESCAPED;
            from = q + 2;
        } else {
            return QuoteEnd::Closed { close: q, escaped };
        }
    }
}

/// Finds the `}` that matches the `{` at `open`, counting nested braces.
fn brace_end(input: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = open;
    while let Some(off) = memchr::memchr2(b'{', b'}', &input[at..]) {
        let p = at + off;
        if input[p] == b'{' {
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                return Some(p);
            }
        }
        at = p + 1;
    }
    None
}

const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const COMMAS: u64 = u64::from_ne_bytes([b','; 8]);
const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);

/// The high bit of each byte of `word` that equals the byte repeated in
/// `pattern`, and no other bit. (Exact: no false positives from borrows.)
#[inline(always)]
const fn eq_bytes(word: u64, pattern: u64) -> u64 {
    let t = word ^ pattern;
    !(((t & LO7) + LO7) | t | LO7)
}

/// The position of the first `,` or `"` at or after `from`, or `input.len()`.
///
/// Byte by byte: the splitter's word loop handles every full eight-byte
/// word, so this only ever sees the last few bytes of a record.
#[inline]
fn find_comma_or_quote(input: &[u8], from: usize) -> usize {
    let tail = input.get(from..).unwrap_or_default();
    match tail.iter().position(|&b| b == b',' || b == b'"') {
        Some(off) => from + off,
        None => input.len(),
    }
}

/// `bytes` as text if they are UTF-8: the SIMD ASCII check (a record's
/// usual case), else `str::from_utf8`.
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    crate::simd::ascii_str(bytes).or_else(|| std::str::from_utf8(bytes).ok())
}

/// `bytes` as text, borrowed when they are UTF-8 ([`utf8`], much faster
/// than `String::from_utf8_lossy`'s chunk iterator on valid input), the
/// lossy conversion only when needed.
pub(crate) fn text_lossy(bytes: &[u8]) -> Cow<'_, str> {
    match utf8(bytes) {
        Some(text) => Cow::Borrowed(text),
        None => String::from_utf8_lossy(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &[u8]) -> Vec<(Vec<u8>, Flags)> {
        let mut fields = Fields::new();
        Splitter::new().split(line, &mut fields);
        fields
            .iter(line)
            .map(|f| (f.unescaped().into_owned(), f.flags()))
            .collect()
    }

    #[test]
    fn eq_bytes_is_exact() {
        // A borrow from a matching byte must not mark the byte above it.
        let word = u64::from_le_bytes(*b",-,\x2d\x2c\x00\xff,");
        let hits = eq_bytes(word, COMMAS);
        let marked: Vec<usize> = (0..8).filter(|i| hits & (0x80 << (8 * i)) != 0).collect();
        assert_eq!(marked, [0, 2, 4, 7]);
        assert_eq!(hits & !0x8080_8080_8080_8080, 0);
    }

    #[test]
    fn find_crosses_word_boundaries() {
        for n in 0..40 {
            let mut line = vec![b'x'; n];
            assert_eq!(find_comma_or_quote(&line, 0), n);
            line.push(b'"');
            assert_eq!(find_comma_or_quote(&line, 0), n);
            assert_eq!(find_comma_or_quote(&line, n), n);
        }
    }

    #[test]
    fn unescape_pairs() {
        assert_eq!(unescape(br#"a""b"#), b"a\"b");
        assert_eq!(unescape(br#""""""#), b"\"\"");
        assert_eq!(unescape(b"none"), b"none");
    }

    #[test]
    fn nested_braces() {
        let got = split(b"{a,{b,c}},d");
        assert_eq!(got[0].0, b"{a,{b,c}}");
        assert_eq!(got[1].0, b"d");
    }
}
