//! The crate's one error type, and where in the input an error happened.
//!
//! Every error other than [`ErrorKind::Io`] concerns one record: the reader that
//! returned it goes on with the next record on the next call. An I/O error ends
//! the stream.

use std::fmt;
use std::io;

use crate::csv::Flags;
use crate::schema::{LogType, ValueKind};
use crate::value::ValueError;

/// Where in a stream something happened.
///
/// `record` and `line` are 1-based, `byte` is the 0-based offset of the
/// record's first byte in the stream (counted from the first byte pushed or
/// read). `field` is the 0-based CSV column index, when the error concerns
/// one field.
///
/// # Example
///
/// ```
/// use panlog::Position;
///
/// let pos = Position { record: 17, line: 18, byte: 9031, field: Some(7) };
/// assert_eq!(pos.to_string(), "record 17 (line 18, byte 9031, field 7)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Position {
    /// The record number, 1-based; bad records are counted too.
    pub record: u64,
    /// The line the record starts on, 1-based.
    pub line: u64,
    /// The byte offset of the record's first byte in the stream, 0-based.
    pub byte: u64,
    /// The 0-based field (column) index, when one field is at fault.
    pub field: Option<usize>,
}

impl Position {
    /// The same position, pointing at field `index`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::Position;
    ///
    /// let pos = Position { record: 1, line: 1, byte: 0, field: None }.with_field(3);
    /// assert_eq!(pos.field, Some(3));
    /// ```
    #[must_use]
    pub const fn with_field(mut self, index: usize) -> Self {
        self.field = Some(index);
        self
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "record {} (line {}, byte {}",
            self.record, self.line, self.byte
        )?;
        if let Some(field) = self.field {
            write!(f, ", field {field}")?;
        }
        f.write_str(")")
    }
}

/// What went wrong.
///
/// New kinds may be added in minor releases, so matches need a wildcard arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the underlying input failed; the stream ends here.
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
    /// A record (or an octet-counted frame) is longer than the configured maximum.
    ///
    /// The framer skipped it without buffering it whole: a newline-delimited
    /// record up to the next newline, an octet-counted frame by its count.
    #[error("record longer than the maximum of {limit} bytes: skipped ({length} bytes seen)")]
    RecordTooLong {
        /// The configured maximum, in bytes.
        limit: usize,
        /// The bytes that had been seen when the record was given up: the
        /// whole record if its end was already buffered, else a lower bound.
        length: usize,
    },
    /// The input ended inside an RFC 6587 octet-counted frame.
    #[error("octet-counted frame truncated: {expected} bytes announced, {got} received")]
    TruncatedFrame {
        /// The length the frame's prefix announced.
        expected: usize,
        /// The bytes that arrived before the end of the input.
        got: usize,
    },
    /// An RFC 6587 octet count that does not match its frame: the frame
    /// would swallow the start of the next record (count too large), or the
    /// bytes after it do not start a record (count too small). The framer
    /// skipped to the next record start.
    #[error("octet count {announced} does not match the frame: skipped to the next record")]
    BadOctetCount {
        /// The length the frame's prefix announced.
        announced: usize,
    },
    /// An XML API answer is not well-formed XML (or holds a node longer than
    /// the record limit); the answer's reader stops.
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The record has no CSV body: an empty line, or a syslog header with
    /// nothing after it.
    #[error("empty record: no log fields")]
    EmptyRecord,
    /// The column-name row of a CSV export (the web interface's "Export to
    /// CSV": `Domain,Receive Time,Serial #,Type,...`, or a search export's
    /// `"_raw","_time",...`): the names of the columns, not a record. The
    /// rows after it are records.
    #[error("column names of a CSV export (its header row), not a record")]
    ColumnNames,
    /// Column 3, the log type, is missing or empty, and the record has no
    /// other shape of a PAN-OS log.
    #[error("no log type: column 3 is missing or empty ({count} columns)")]
    NoLogType {
        /// The record's column count.
        count: usize,
    },
    /// Fewer columns than the oldest layout the tables list for the log type
    /// (only with [`Parser::strict`](crate::Parser::strict): by default such
    /// a record parses, and [`Fit::Older`](crate::schema::Fit::Older) says so).
    #[error("{log_type} record with {count} columns: every known layout has at least {min}")]
    TooFewFields {
        /// The log type column 3 names.
        log_type: LogType,
        /// The record's column count.
        count: usize,
        /// The oldest layout's column count.
        min: usize,
    },
    /// A column count that no known PAN-OS version writes for the type
    /// (only with [`Parser::strict`](crate::Parser::strict)).
    #[error("{log_type} record with {count} columns: no known layout has that count")]
    UnlistedFieldCount {
        /// The log type column 3 names.
        log_type: LogType,
        /// The record's column count.
        count: usize,
    },
    /// The record's CSV is malformed (a stray or unterminated quote, bytes
    /// after a closing quote, an unbalanced brace); only with
    /// [`Parser::strict`](crate::Parser::strict): by default such a record
    /// parses leniently and [`Log::csv_flags`](crate::Log::csv_flags) says so.
    #[error("malformed CSV: {flags:?}")]
    MalformedCsv {
        /// What the splitter noticed.
        flags: Flags,
    },
    /// A field's text is not a value of the kind asked for.
    #[error("field {field:?}: {error} (expected {kind}, found {text:?})")]
    InvalidValue {
        /// The field's name in the schema.
        field: &'static str,
        /// The kind of value asked for.
        kind: ValueKind,
        /// Why the text is not one.
        error: ValueError,
        /// The text, cut at 64 bytes.
        text: String,
    },
    /// A field name that no log type has (a typo such as `source_ip` for
    /// `src`): from the typed getters and [`Log::try_get`](crate::Log::try_get),
    /// so that it is not mistaken for an empty column. The constants of
    /// [`fields`](crate::fields) cannot be misspelt.
    #[error("no log type has a field named {name:?}")]
    UnknownField {
        /// The name asked for.
        name: String,
    },
    /// A CEF, LEEF, JSON or custom-format record that cannot be read as one
    /// (a header cut short, JSON that is not an object, ...).
    #[error("malformed {shape} record: {reason}")]
    Malformed {
        /// The shape it was read as (`CEF`, `LEEF`, `JSON`, `custom`, ...).
        shape: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A record does not fit the type [`Log::deserialize`](crate::Log::deserialize)
    /// was asked for (a missing field, a type mismatch).
    #[error("cannot deserialize the record: {message}")]
    Deserialize {
        /// Serde's message.
        message: String,
    },
}

/// The crate's error: an [`ErrorKind`] and the [`Position`] it happened at.
///
/// It is one pointer wide, so `Result<T, Error>` stays small on the hot path.
///
/// # Example
///
/// ```
/// use panlog::framing::{Framer, FramerConfig};
/// use panlog::ErrorKind;
///
/// let mut framer = Framer::with_config(FramerConfig::new().max_record_len(8));
/// framer.push(b"this line is too long\nok\n");
/// let err = framer.next_record().unwrap().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::RecordTooLong { limit: 8, .. }));
/// assert_eq!(err.position().line, 1);
/// // The framer goes on with the next record.
/// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"ok");
/// ```
///
/// Its `Debug` form is its message followed by the kind's fields, so that
/// `fn main() -> Result<(), panlog::Error>` prints something a person reads:
///
/// ```
/// use panlog::{Error, ErrorKind, Position};
/// let e = Error::new(ErrorKind::EmptyRecord, Position::default());
/// assert_eq!(format!("{e:?}"), "record 0 (line 0, byte 0): empty record: no log fields (EmptyRecord)");
/// ```
#[derive(thiserror::Error)]
#[error("{}: {}", .0.position, .0.kind)]
pub struct Error(Box<Inner>);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self} ({:?})", self.0.kind)
    }
}

/// An I/O error, at no position (the readers give theirs their place).
impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::new(ErrorKind::Io(e), Position::default())
    }
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    position: Position,
}

impl Error {
    /// An error of `kind` at `position`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{Error, ErrorKind, Position};
    ///
    /// let e = Error::new(ErrorKind::TruncatedFrame { expected: 9, got: 3 }, Position::default());
    /// assert!(e.to_string().ends_with("9 bytes announced, 3 received"));
    /// ```
    #[cold]
    #[must_use]
    pub fn new(kind: ErrorKind, position: Position) -> Self {
        Error(Box::new(Inner { kind, position }))
    }

    /// What went wrong.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{Error, ErrorKind, Position};
    ///
    /// let e = Error::new(ErrorKind::TruncatedFrame { expected: 9, got: 3 }, Position::default());
    /// assert!(matches!(e.kind(), ErrorKind::TruncatedFrame { expected: 9, got: 3 }));
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Takes the kind out of the error.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{Error, ErrorKind, Position};
    ///
    /// let e = Error::new(ErrorKind::TruncatedFrame { expected: 9, got: 3 }, Position::default());
    /// assert!(matches!(e.into_kind(), ErrorKind::TruncatedFrame { .. }));
    /// ```
    #[must_use]
    pub fn into_kind(self) -> ErrorKind {
        self.0.kind
    }

    /// Where it happened.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{Error, ErrorKind, Position};
    ///
    /// let at = Position { record: 2, line: 3, byte: 40, field: None };
    /// let e = Error::new(ErrorKind::TruncatedFrame { expected: 9, got: 3 }, at);
    /// assert_eq!(e.position(), at);
    /// ```
    #[must_use]
    pub fn position(&self) -> Position {
        self.0.position
    }

    /// Whether this is an I/O error, the only kind that ends a stream.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{Error, ErrorKind, Position};
    ///
    /// let e = Error::new(std::io::Error::other("gone").into(), Position::default());
    /// assert!(e.is_io());
    /// ```
    #[must_use]
    pub fn is_io(&self) -> bool {
        matches!(self.0.kind, ErrorKind::Io(_))
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> Self {
        match e.into_kind() {
            ErrorKind::Io(io) => io,
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}
