//! Record boundaries in a byte stream.
//!
//! [`Framer`] is sans-IO: push bytes in whatever pieces they arrive (TCP reads,
//! UDP datagrams, an async stream) and pull complete records.
//! [`LogReader`](crate::reader::LogReader) drives a `Framer` from any
//! [`Read`].
//!
//! # What a record is
//!
//! * A line, ended by LF or CRLF (the terminator is not part of the record),
//!   or by a bare CR when a record starts after it (a CR inside a record is
//!   content). The last record needs no terminator: [`Framer::finish`] (or
//!   the end of a `LogReader`'s input) ends it.
//! * An RFC 6587 octet-counted frame, `MSG-LEN SP MSG`, recognised at a
//!   record's start by digits, a space and the `<` of a syslog PRI
//!   (`312 <14>1 2020-...`). A trailing newline inside the frame is dropped.
//!   Turn this off with [`FramerConfig::octet_counting`].
//!   The count is checked against the bytes: a frame that would swallow the
//!   start of another record (count too large), or after which no record
//!   starts (count too small), is reported as [`ErrorKind::BadOctetCount`] and
//!   the framer resumes at the next record start (a line start or another
//!   frame), so one bad count costs one record. To tell, the framer waits for
//!   the first bytes after a frame (up to a line end or a few dozen bytes)
//!   before releasing it, or for [`Framer::finish`].
//! * A newline inside a quoted CSV field does not end a record... unless the
//!   line after it [looks like the start of a record](crate::syslog::looks_like_record_start).
//!   Then the quote was never closed (a truncated or mangled record): the
//!   record ends at the newline, and the records after it come out intact.
//!   A quote opens a quoted field only at a field's start (at the record's
//!   start or after a comma), as the [splitter](crate::csv) reads it.
//! * Empty lines are skipped: they are not records.
//!
//! # Limits and bad input
//!
//! A record longer than [`FramerConfig::max_record_len`] (64 KiB by default)
//! is reported as [`ErrorKind::RecordTooLong`] and skipped: the framer drops
//! bytes as they come and resumes after the first newline at or past the
//! limit, whatever the quotes say. An octet-counted frame longer than the
//! limit is skipped by its count. So a framer never holds more than
//! `max_record_len` bytes of a record, plus at most 64 bytes of lookahead
//! (after a quoted newline or an octet-counted frame, and an octet count's
//! prefix), plus the last chunk pushed: memory is bounded whatever the input. Records and errors are numbered together,
//! 1-based, and every one carries its [`Position`] (record, line, byte).
//!
//! Feeding the same bytes in any chunking gives the same records and errors.
//!
//! # Example
//!
//! ```
//! use panlog::framing::Framer;
//!
//! let mut framer = Framer::new();
//! let mut lines = Vec::new();
//! for chunk in [&b"1,a,\"multi"[..], b"\nline\",b\r\n\n", b"22 <14>1 - - - - - - 1,x\n", b"2,tail"] {
//!     framer.push(chunk);
//!     while let Some(record) = framer.next_record() {
//!         lines.push(record.unwrap().bytes().to_vec());
//!     }
//! }
//! framer.finish();
//! while let Some(record) = framer.next_record() {
//!     lines.push(record.unwrap().bytes().to_vec());
//! }
//! assert_eq!(lines, [&b"1,a,\"multi\nline\",b"[..], b"<14>1 - - - - - - 1,x", b"2,tail"]);
//! ```

use std::io::{self, Read};
use std::ops::Deref;

use memchr::{memchr, memchr_iter, memchr2, memchr3};

use crate::error::{Error, ErrorKind, Position};
use crate::syslog::{BODY_START_LEN, looks_like_record_start, octet_count_len};

/// The default [`FramerConfig::max_record_len`]: 64 KiB.
pub const DEFAULT_MAX_RECORD_LEN: usize = 64 * 1024;

/// How many bytes of the line after a quoted newline decide whether it
/// starts a new record.
const SNIFF_LEN: usize = 48;

/// Options for a [`Framer`] or a [`LogReader`](crate::reader::LogReader).
///
/// # Example
///
/// ```
/// use panlog::framing::{Framer, FramerConfig};
///
/// let config = FramerConfig::new().max_record_len(1 << 20).octet_counting(false);
/// assert_eq!(config.record_limit(), 1 << 20);
/// let framer = Framer::with_config(config);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FramerConfig {
    max_record_len: usize,
    octet_counting: bool,
    quoted_newlines: bool,
}

impl Default for FramerConfig {
    fn default() -> Self {
        FramerConfig::new()
    }
}

impl FramerConfig {
    /// The defaults: 64 KiB records, octet counting and quoted newlines on.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::{FramerConfig, DEFAULT_MAX_RECORD_LEN};
    /// assert_eq!(FramerConfig::new().record_limit(), DEFAULT_MAX_RECORD_LEN);
    /// ```
    #[must_use]
    pub const fn new() -> FramerConfig {
        FramerConfig {
            max_record_len: DEFAULT_MAX_RECORD_LEN,
            octet_counting: true,
            quoted_newlines: true,
        }
    }

    /// The longest record, in bytes before its newline (a CR counts). Longer
    /// ones are skipped with [`ErrorKind::RecordTooLong`]. At least 1.
    ///
    /// The default is [`DEFAULT_MAX_RECORD_LEN`] (64 KiB).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::FramerConfig;
    /// assert_eq!(FramerConfig::new().max_record_len(0).record_limit(), 1);
    /// ```
    #[must_use]
    pub const fn max_record_len(mut self, bytes: usize) -> FramerConfig {
        self.max_record_len = if bytes == 0 {
            1
        } else if bytes > crate::csv::MAX_RECORD {
            crate::csv::MAX_RECORD
        } else {
            bytes
        };
        self
    }

    /// Whether a record that starts with `digits SP <` is an RFC 6587
    /// octet-counted frame.
    ///
    /// The default is `true`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::{Framer, FramerConfig};
    /// let mut framer = Framer::with_config(FramerConfig::new().octet_counting(false));
    /// framer.push(b"5 <14>x\n");
    /// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"5 <14>x");
    /// ```
    #[must_use]
    pub const fn octet_counting(mut self, yes: bool) -> FramerConfig {
        self.octet_counting = yes;
        self
    }

    /// Whether a newline inside a quoted field continues the record (when the
    /// next line does not look like a record's start). Off, every newline
    /// ends a record.
    ///
    /// The default is `true`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::{Framer, FramerConfig};
    /// let mut framer = Framer::with_config(FramerConfig::new().quoted_newlines(false));
    /// framer.push(b"a,\"b\nc\"\n");
    /// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"a,\"b");
    /// ```
    #[must_use]
    pub const fn quoted_newlines(mut self, yes: bool) -> FramerConfig {
        self.quoted_newlines = yes;
        self
    }

    /// The maximum record length (see [`max_record_len`](Self::max_record_len)).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::framing::FramerConfig::new().record_limit(), 65536);
    /// ```
    #[must_use]
    pub const fn record_limit(&self) -> usize {
        self.max_record_len
    }
}

/// One record's bytes, borrowed from the framer, and where it was.
///
/// # Example
///
/// ```
/// use panlog::framing::Framer;
///
/// let mut framer = Framer::new();
/// framer.push(b"\nfirst\r\nsecond\n");
/// let second = { framer.next_record(); framer.next_record().unwrap().unwrap() };
/// assert_eq!(second.bytes(), b"second");
/// assert_eq!((second.position().record, second.position().line, second.position().byte), (2, 3, 8));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record<'a> {
    bytes: &'a [u8],
    position: Position,
    octet_counted: bool,
}

impl<'a> Record<'a> {
    /// The record, without its terminator or octet-count prefix.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// # let mut framer = Framer::new();
    /// framer.push(b"8 <14>body\n");
    /// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"<14>body");
    /// ```
    #[must_use]
    pub const fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Where the record starts in the stream.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// # let mut framer = Framer::new();
    /// framer.push(b"a\nb\n");
    /// framer.next_record();
    /// assert_eq!(framer.next_record().unwrap().unwrap().position().byte, 2);
    /// ```
    #[must_use]
    pub const fn position(&self) -> Position {
        self.position
    }

    /// Whether the record came in an RFC 6587 octet-counted frame.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// # let mut framer = Framer::new();
    /// framer.push(b"4 <14>\n");
    /// assert!(framer.next_record().unwrap().unwrap().is_octet_counted());
    /// ```
    #[must_use]
    pub const fn is_octet_counted(&self) -> bool {
        self.octet_counted
    }
}

/// What the framer is doing with the bytes at `start`.
#[derive(Clone, Copy, Debug)]
enum Mode {
    /// Looking for the end of a newline-delimited record.
    Line,
    /// Dropping a record that grew too long, up to the next newline.
    SkipLine {
        position: Position,
        seen: usize,
        newlines: u64,
    },
    /// Dropping `remaining` bytes of an octet-counted frame that is too long.
    SkipBytes { remaining: usize },
    /// Dropping the rest of a message whose octet count was too small, up to
    /// the next record start; `scanned` bytes are gone already, the last of
    /// them `prev`.
    Resync { scanned: usize, prev: Option<u8> },
}

/// A complete record, as offsets into the framer's buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    start: usize,
    end: usize,
    position: Position,
    octet_counted: bool,
}

/// The sans-IO framer: push bytes, pull records.
///
/// See the [module docs](self) for what a record is and how bad input is
/// handled.
///
/// # Example
///
/// A UDP receiver: each datagram is one record, whether or not it ends with
/// a newline.
///
/// ```
/// use panlog::framing::Framer;
///
/// let mut framer = Framer::new();
/// let mut got = Vec::new();
/// for datagram in [&b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02"[..], b"<14>Sep 16 10:00:03 PA-1 1,2019/09/16 10:00:03\n"] {
///     framer.push(datagram);
///     framer.finish(); // the datagram ends its record
///     while let Some(record) = framer.next_record() {
///         got.push(record.unwrap().bytes().len());
///     }
/// }
/// assert_eq!(got, [46, 46]);
/// ```
#[derive(Clone, Debug)]
pub struct Framer {
    config: FramerConfig,
    buf: Held,
    /// The first byte of the record being framed.
    start: usize,
    /// How far the current record has been scanned.
    scan: usize,
    /// Whether `scan` is inside a quoted field.
    quoted: bool,
    /// Newlines passed inside quotes in the current record.
    inner_newlines: u64,
    mode: Mode,
    finished: bool,
    /// The stream offset of `buf[0]`.
    base: u64,
    /// The line number at `start`.
    line: u64,
    /// Records and errors handed out so far.
    records: u64,
}

impl Default for Framer {
    fn default() -> Self {
        Framer::new()
    }
}

impl Framer {
    /// A framer with the default [`FramerConfig`].
    ///
    /// # Example
    ///
    /// ```
    /// let framer = panlog::framing::Framer::new();
    /// assert_eq!(framer.records_seen(), 0);
    /// ```
    #[must_use]
    pub fn new() -> Framer {
        Framer::with_config(FramerConfig::new())
    }

    /// A framer with `config`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::{Framer, FramerConfig};
    /// let framer = Framer::with_config(FramerConfig::new().max_record_len(4096));
    /// assert_eq!(framer.config().record_limit(), 4096);
    /// ```
    #[must_use]
    pub fn with_config(config: FramerConfig) -> Framer {
        Framer {
            config,
            buf: Held::default(),
            start: 0,
            scan: 0,
            quoted: false,
            inner_newlines: 0,
            mode: Mode::Line,
            finished: false,
            base: 0,
            line: 1,
            records: 0,
        }
    }

    /// The framer's options.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::framing::Framer::new().config().record_limit(), 65536);
    /// ```
    #[must_use]
    pub const fn config(&self) -> &FramerConfig {
        &self.config
    }

    /// Adds bytes to frame. Records are pulled with
    /// [`next_record`](Self::next_record).
    ///
    /// Bytes pushed after [`finish`](Self::finish) start a new stretch of
    /// input (the next datagram, say): the record numbering and positions go
    /// on.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// let mut framer = Framer::new();
    /// framer.push(b"par");
    /// assert!(framer.next_record().is_none()); // no newline yet
    /// framer.push(b"tial\n");
    /// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"partial");
    /// ```
    pub fn push(&mut self, bytes: &[u8]) {
        self.make_room();
        self.buf.extend_from_slice(bytes);
    }

    /// [`push`](Self::push) of what one `read` of `input` gives, at most
    /// `max` bytes, read straight into the framer's buffer (no copy in
    /// between). Returns what `read` returned.
    pub(crate) fn read_from<R: Read>(&mut self, input: &mut R, max: usize) -> io::Result<usize> {
        self.make_room();
        self.buf.read_from(input, max)
    }

    /// Drops what has been handed out, keeping the partial record, before
    /// more input.
    fn make_room(&mut self) {
        self.finished = false;
        if self.start > 0 {
            self.buf.drop_front(self.start);
            self.base += self.start as u64;
            self.scan -= self.start;
            self.start = 0;
        }
    }

    /// Marks the end of the input: the bytes after the last newline become
    /// the last record, and an octet-counted frame still missing bytes is
    /// reported as [`ErrorKind::TruncatedFrame`].
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// let mut framer = Framer::new();
    /// framer.push(b"no newline");
    /// assert!(framer.next_record().is_none());
    /// framer.finish();
    /// assert_eq!(framer.next_record().unwrap().unwrap().bytes(), b"no newline");
    /// assert!(framer.next_record().is_none());
    /// ```
    pub fn finish(&mut self) {
        self.finished = true;
    }

    /// Whether [`finish`](Self::finish) was called and every record has been
    /// pulled.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// let mut framer = Framer::new();
    /// framer.push(b"x");
    /// framer.finish();
    /// assert!(!framer.is_done());
    /// framer.next_record();
    /// assert!(framer.is_done());
    /// ```
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.finished && self.start == self.buf.len() && matches!(self.mode, Mode::Line)
    }

    /// How many records (and errors) have been handed out.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// let mut framer = Framer::new();
    /// framer.push(b"a\n\nb\n");
    /// while framer.next_record().is_some() {}
    /// assert_eq!(framer.records_seen(), 2);
    /// ```
    #[must_use]
    pub const fn records_seen(&self) -> u64 {
        self.records
    }

    /// How many bytes are held for the record not yet complete.
    ///
    /// # Example
    ///
    /// ```
    /// # use panlog::framing::Framer;
    /// let mut framer = Framer::new();
    /// framer.push(b"done\npartial");
    /// framer.next_record();
    /// assert_eq!(framer.buffered(), 7);
    /// ```
    #[must_use]
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.start
    }

    /// The next complete record, an error for a bad one, or `None` when more
    /// input is needed (or, after [`finish`](Self::finish), when all is read).
    ///
    /// After an `Err` the framer goes on with the next record.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::Framer;
    ///
    /// let mut framer = Framer::new();
    /// framer.push(b"a\nb\n");
    /// let mut n = 0;
    /// while let Some(record) = framer.next_record() {
    ///     n += record.unwrap().bytes().len();
    /// }
    /// assert_eq!(n, 2);
    /// ```
    pub fn next_record(&mut self) -> Option<Result<Record<'_>, Error>> {
        match self.poll()? {
            Ok(frame) => Some(Ok(self.record(frame))),
            Err(e) => Some(Err(e)),
        }
    }

    pub(crate) fn record(&self, frame: Frame) -> Record<'_> {
        Record {
            bytes: &self.buf[frame.start..frame.end],
            position: frame.position,
            octet_counted: frame.octet_counted,
        }
    }

    /// The position of the record that starts at `start`, numbering it.
    fn next_position(&mut self) -> Position {
        self.records += 1;
        Position {
            record: self.records,
            line: self.line,
            byte: self.base + self.start as u64,
            field: None,
        }
    }

    /// Moves `start` to `to`, past a record or bytes that were dropped.
    fn advance(&mut self, to: usize) {
        self.start = to;
        self.scan = to;
        self.quoted = false;
        self.inner_newlines = 0;
    }

    /// Whether [`finish`](Self::finish) was called.
    pub(crate) const fn is_finished(&self) -> bool {
        self.finished
    }

    /// Where the next record would start: for errors that are not a
    /// record's (an I/O error of the reader feeding the framer).
    pub(crate) fn next_start(&self) -> Position {
        Position {
            record: self.records + 1,
            line: self.line,
            byte: self.base + self.buf.len() as u64,
            field: None,
        }
    }

    pub(crate) fn poll(&mut self) -> Option<Result<Frame, Error>> {
        loop {
            match self.mode {
                Mode::Line => {}
                Mode::SkipBytes { remaining } => {
                    let n = remaining.min(self.buf.len() - self.start);
                    let end = self.start + n;
                    self.line += memchr_iter(b'\n', &self.buf[self.start..end]).count() as u64;
                    self.advance(end);
                    if n < remaining && !self.finished {
                        self.mode = Mode::SkipBytes {
                            remaining: remaining - n,
                        };
                        return None;
                    }
                    self.mode = Mode::Line;
                }
                Mode::Resync { scanned, prev } => {
                    if let Some(wait) = self.resync(scanned, prev) {
                        self.mode = wait;
                        return None;
                    }
                    self.mode = Mode::Line;
                }
                Mode::SkipLine {
                    position,
                    seen,
                    newlines,
                } => {
                    let rest = &self.buf[self.start..];
                    let (skipped, found) = match memchr(b'\n', rest) {
                        Some(n) => (n, true),
                        None => (rest.len(), false),
                    };
                    if !found && !self.finished {
                        self.mode = Mode::SkipLine {
                            position,
                            seen: seen + skipped,
                            newlines,
                        };
                        let end = self.buf.len();
                        self.advance(end);
                        return None;
                    }
                    self.mode = Mode::Line;
                    self.line += newlines + u64::from(found);
                    let end = self.start + skipped + usize::from(found);
                    self.advance(end);
                    return Some(Err(self.too_long(position, seen + skipped)));
                }
            }
            if self.start == self.buf.len() {
                return None;
            }
            if self.scan == self.start && self.config.octet_counting {
                match self.octet_frame() {
                    OctetFrame::NotOne => {}
                    OctetFrame::NeedMore => return None,
                    OctetFrame::Done(result) => return Some(result),
                }
            }
            match self.scan_line() {
                LineEnd::Terminator(p) => {
                    if let Some(result) = self.line_record(p, 1) {
                        return Some(result);
                    }
                }
                LineEnd::NeedMore => {
                    // Judge by how far the record is known to reach, not by
                    // what is buffered: lookahead past a quoted newline is
                    // not part of the record.
                    let max = self.config.max_record_len;
                    if self.scan - self.start > max {
                        self.give_up_line(max);
                        continue;
                    }
                    if !self.finished {
                        return None;
                    }
                    let end = self.buf.len();
                    if let Some(result) = self.line_record(end, 0) {
                        return Some(result);
                    }
                }
            }
        }
    }

    /// The record `start..end` ended by a terminator of `term` bytes, or
    /// `None` if it is empty (skipped).
    fn line_record(&mut self, end: usize, term: usize) -> Option<Result<Frame, Error>> {
        let max = self.config.max_record_len;
        if end - self.start > max {
            self.give_up_line(max);
            return None;
        }
        let mut content_end = end;
        if content_end > self.start && self.buf[content_end - 1] == b'\r' {
            content_end -= 1;
        }
        let start = self.start;
        let lines = self.inner_newlines + term as u64;
        if content_end == start {
            self.line += lines;
            self.advance(end + term);
            return None;
        }
        let position = self.next_position();
        self.line += lines;
        self.advance(end + term);
        Some(Ok(Frame {
            start,
            end: content_end,
            position,
            octet_counted: false,
        }))
    }

    /// The record at `start` is longer than `max`: drop it up to the first
    /// newline at or past `start + max`, whatever the quotes say (see the
    /// module docs). Switches to [`Mode::SkipLine`]; `poll` emits the error
    /// once the end is found.
    fn give_up_line(&mut self, max: usize) {
        let position = self.next_position();
        let cut = self.start + max;
        let newlines = memchr_iter(b'\n', &self.buf[self.start..cut]).count() as u64;
        self.mode = Mode::SkipLine {
            position,
            seen: max,
            newlines,
        };
        self.advance(cut);
    }

    #[cold]
    fn too_long(&self, position: Position, length: usize) -> Error {
        Error::new(
            ErrorKind::RecordTooLong {
                limit: self.config.max_record_len,
                length,
            },
            position,
        )
    }

    /// Scans the current record from `scan` for its terminating newline.
    fn scan_line(&mut self) -> LineEnd {
        loop {
            let rest = &self.buf[self.scan..];
            if !self.quoted {
                let Some(off) = memchr3(b'\n', b'"', b'\r', rest) else {
                    self.scan = self.buf.len();
                    return LineEnd::NeedMore;
                };
                let p = self.scan + off;
                if self.buf[p] == b'\n' {
                    return LineEnd::Terminator(p);
                }
                if self.buf[p] == b'\r' {
                    // A bare CR (old Mac line ends, some relays) ends the
                    // record when a record starts after it; CRLF is left to
                    // the LF, and a CR inside a record is content.
                    let bare = match self.buf.get(p + 1) {
                        Some(b'\n') => Some(false),
                        None if !self.finished => None,
                        None => Some(true),
                        Some(_) => self.sniff(p + 1),
                    };
                    match bare {
                        None => {
                            self.scan = p;
                            return LineEnd::NeedMore;
                        }
                        Some(true) => return LineEnd::Terminator(p),
                        Some(false) => {
                            self.scan = p + 1;
                            continue;
                        }
                    }
                }
                // A quote opens a quoted field only at a field's start.
                self.quoted = p == self.start || self.buf[p - 1] == b',';
                self.scan = p + 1;
            } else {
                let Some(off) = memchr2(b'"', b'\n', rest) else {
                    self.scan = self.buf.len();
                    return LineEnd::NeedMore;
                };
                let p = self.scan + off;
                if self.buf[p] == b'"' {
                    match self.buf.get(p + 1) {
                        Some(b'"') => self.scan = p + 2,
                        None if !self.finished => {
                            self.scan = p;
                            return LineEnd::NeedMore;
                        }
                        _ => {
                            self.quoted = false;
                            self.scan = p + 1;
                        }
                    }
                    continue;
                }
                if !self.config.quoted_newlines {
                    return LineEnd::Terminator(p);
                }
                match self.sniff(p + 1) {
                    None => {
                        self.scan = p;
                        return LineEnd::NeedMore;
                    }
                    Some(true) => return LineEnd::Terminator(p),
                    Some(false) => {
                        self.inner_newlines += 1;
                        self.scan = p + 1;
                    }
                }
            }
        }
    }

    /// Whether the line at `at` starts a new record; `None` if that cannot be
    /// told until more bytes arrive.
    fn sniff(&self, at: usize) -> Option<bool> {
        let rest = &self.buf[at..];
        let window = &rest[..rest.len().min(SNIFF_LEN)];
        let line_end = memchr(b'\n', window);
        if window.len() < SNIFF_LEN && line_end.is_none() && !self.finished {
            return None;
        }
        Some(looks_like_record_start(
            &window[..line_end.unwrap_or(window.len())],
        ))
    }

    /// An RFC 6587 frame at `start`, if the record starts with one.
    fn octet_frame(&mut self) -> OctetFrame {
        let rest = &self.buf[self.start..];
        let Some((len, prefix)) = octet_count_len(rest) else {
            // Only digits so far (or digits and a space): wait and see.
            let digits = rest
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_digit())
                .count();
            // After `digits SP`, a PRI-less frame is told by its body's
            // start, which needs up to BODY_START_LEN bytes (or a newline) to
            // judge; deciding earlier would make the answer depend on how
            // the input was chunked.
            let message = rest.get(digits + 1..).unwrap_or_default();
            let maybe = digits > 0
                && digits <= 9
                && rest[0] != b'0'
                && (digits == rest.len()
                    || (rest[digits] == b' '
                        && message.len() < BODY_START_LEN
                        && memchr(b'\n', message).is_none()));
            return if maybe && !self.finished {
                OctetFrame::NeedMore
            } else {
                OctetFrame::NotOne
            };
        };
        let max = self.config.max_record_len;
        if len > max {
            let position = self.next_position();
            self.advance(self.start + prefix);
            self.mode = Mode::SkipBytes { remaining: len };
            return OctetFrame::Done(Err(Error::new(
                ErrorKind::RecordTooLong {
                    limit: max,
                    length: len,
                },
                position,
            )));
        }
        let body = self.start + prefix;
        let available = self.buf.len() - body;
        if available < len {
            if !self.finished {
                return OctetFrame::NeedMore;
            }
            if let Some(at) = embedded_start(&self.buf[body..]) {
                return self.bad_count(len, body + at);
            }
            let position = self.next_position();
            self.line += memchr_iter(b'\n', &self.buf[body..]).count() as u64;
            let end = self.buf.len();
            self.advance(end);
            return OctetFrame::Done(Err(Error::new(
                ErrorKind::TruncatedFrame {
                    expected: len,
                    got: available,
                },
                position,
            )));
        }
        let end = body + len;
        // A count that is too large swallows the start of the next record; one
        // that is too small leaves the rest of its message behind, where no
        // record starts. Either way the frame is reported and the framer
        // resumes at the next record start, so one bad count costs one record.
        if let Some(at) = embedded_start(&self.buf[body..end]) {
            return self.bad_count(len, body + at);
        }
        // A frame that ends with its own newline ends a line: whatever follows
        // starts a new one.
        let boundary = if self.buf[end - 1] == b'\n' {
            Some(true)
        } else {
            self.is_boundary(end)
        };
        match boundary {
            None => return OctetFrame::NeedMore,
            Some(true) => {}
            Some(false) => {
                // Report the frame now and drop the rest of its message.
                let error = self.bad_count(len, end);
                self.mode = Mode::Resync {
                    scanned: 0,
                    prev: Some(self.buf[end - 1]),
                };
                return error;
            }
        }
        let mut content_end = end;
        if self.buf[body..content_end].ends_with(b"\n") {
            content_end -= 1;
            if self.buf[body..content_end].ends_with(b"\r") {
                content_end -= 1;
            }
        }
        let position = self.next_position();
        self.line += memchr_iter(b'\n', &self.buf[body..end]).count() as u64;
        self.advance(end);
        OctetFrame::Done(Ok(Frame {
            start: body,
            end: content_end,
            position,
            octet_counted: true,
        }))
    }
}

impl Framer {
    /// Whether a record can end at `at`: the end of the input, a line
    /// terminator, or the start of another record. `None` until enough bytes
    /// have arrived to tell.
    fn is_boundary(&self, at: usize) -> Option<bool> {
        match self.buf.get(at) {
            None if self.finished => Some(true),
            None => None,
            Some(b'\n' | b'\r') => Some(true),
            Some(_) => self.sniff(at),
        }
    }

    /// One step of [`Mode::Resync`]: drops bytes up to the next record start
    /// (after a newline, or at another frame), at most `max_record_len` of
    /// them. Returns the mode to wait in if more bytes are needed. Only bytes
    /// whose fate cannot change when more arrive are decided, so any
    /// chunking gives the same result.
    fn resync(&mut self, scanned: usize, prev: Option<u8>) -> Option<Mode> {
        // The longest frame start, `123456789 <191>`, and the byte before it.
        const TAIL: usize = 20;
        let avail = &self.buf[self.start..];
        let budget = self.config.max_record_len.saturating_sub(scanned);
        let window = if self.finished {
            avail.len()
        } else {
            avail.len().saturating_sub(TAIL)
        };
        let decided = window.min(budget);
        let newline = memchr(b'\n', &avail[..decided]).map(|i| i + 1);
        let frame = frame_start_in(avail, newline.unwrap_or(decided), prev);
        let to = match frame.or(newline) {
            Some(at) => at,
            None if self.finished || scanned + decided >= self.config.max_record_len => decided,
            None => {
                let prev = decided.checked_sub(1).map(|i| avail[i]).or(prev);
                let end = self.start + decided;
                self.advance(end);
                return Some(Mode::Resync {
                    scanned: scanned + decided,
                    prev,
                });
            }
        };
        self.line += memchr_iter(b'\n', &avail[..to]).count() as u64;
        let end = self.start + to;
        self.advance(end);
        None
    }

    /// Reports an octet-counted frame whose count is wrong and resumes at `to`.
    #[cold]
    fn bad_count(&mut self, announced: usize, to: usize) -> OctetFrame {
        let position = self.next_position();
        self.line += memchr_iter(b'\n', &self.buf[self.start..to]).count() as u64;
        self.advance(to);
        OctetFrame::Done(Err(Error::new(
            ErrorKind::BadOctetCount { announced },
            position,
        )))
    }
}

/// The offset of a record start inside an octet-counted frame's bytes: a
/// line that starts a record, or another RFC 6587 frame (`123 <14>`).
fn embedded_start(frame: &[u8]) -> Option<usize> {
    let line = memchr_iter(b'\n', frame)
        .map(|i| i + 1)
        .filter(|&i| i < frame.len())
        .find(|&i| {
            let rest = &frame[i..];
            let window = &rest[..rest.len().min(SNIFF_LEN)];
            let window = &window[..memchr(b'\n', window).unwrap_or(window.len())];
            looks_like_record_start(window)
        });
    let limit = line.unwrap_or(frame.len());
    frame_start(&frame[..limit]).or(line)
}

/// The first RFC 6587 frame start (`123 <14>`) in `s` after its first byte,
/// not preceded by a digit.
fn frame_start(s: &[u8]) -> Option<usize> {
    frame_start_in(s, s.len(), None).filter(|&at| at > 0)
}

/// The first RFC 6587 frame start in `s` that begins before `limit` and is
/// not preceded by a digit (`prev` is the byte before `s`, if known).
fn frame_start_in(s: &[u8], limit: usize, prev: Option<u8>) -> Option<usize> {
    let search = &s[..s.len().min(limit + 12)];
    memchr_iter(b'<', search).find_map(|lt| {
        if lt < 2 || s[lt - 1] != b' ' || !crate::syslog::has_pri(&s[lt..]) {
            return None;
        }
        let digits = s[..lt - 1]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let at = lt - 1 - digits;
        let before = at.checked_sub(1).map(|i| s[i]).or(prev);
        let ok = digits > 0
            && at < limit
            && !before.is_some_and(|b| b.is_ascii_digit())
            && octet_count_len(&s[at..]).is_some();
        ok.then_some(at)
    })
}

enum LineEnd {
    /// The record's newline is at this index.
    Terminator(usize),
    /// The buffer ends before the record does.
    NeedMore,
}

enum OctetFrame {
    /// The record does not start with an octet count.
    NotOne,
    /// Too few bytes to tell, or to hold the frame.
    NeedMore,
    /// A frame, or an error for a bad one.
    Done(Result<Frame, Error>),
}

/// The framer's bytes: the input held (`bytes[..len]`, what the framer
/// sees through `Deref`), then zeroed room for the next read. The room stays
/// initialised from read to read, so reading straight into it costs no
/// zero-fill each time.
#[derive(Clone, Debug, Default)]
struct Held {
    bytes: Vec<u8>,
    len: usize,
}

impl Deref for Held {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Held {
    /// Room for `more` bytes after the held ones.
    fn room(&mut self, more: usize) -> &mut [u8] {
        let end = self.len + more;
        if self.bytes.len() < end {
            self.bytes.resize(end, 0);
        }
        &mut self.bytes[self.len..end]
    }

    fn extend_from_slice(&mut self, more: &[u8]) {
        self.room(more.len()).copy_from_slice(more);
        self.len += more.len();
    }

    /// One `read` of `input` into the room, at most `max` bytes.
    fn read_from<R: Read>(&mut self, input: &mut R, max: usize) -> io::Result<usize> {
        let n = input.read(self.room(max))?;
        // A `read` that claims more than it was given is not trusted.
        self.len += n.min(max);
        Ok(n)
    }

    /// Forgets the first `n` held bytes.
    fn drop_front(&mut self, n: usize) {
        self.bytes.copy_within(n..self.len, 0);
        self.len -= n;
    }
}
