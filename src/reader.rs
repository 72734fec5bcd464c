//! Reading logs from a byte stream: [`LogReader`] drives the
//! [framer](crate::framing) over any [`Read`] and parses each record with a
//! [`Parser`].
//!
//! Two ways to read, as the `csv` crate offers them:
//!
//! - **lent**, zero-copy: [`next_log`](LogReader::next_log) lends each
//!   [`Log`] from the reader's one reused buffer; a `while let` loop
//!   allocates nothing per record;
//! - **owned**: [`logs`](LogReader::logs) (or `for result in reader`)
//!   yields [`OwnedLog`]s, each a copy that can be kept, sent to another
//!   thread or collected.
//!
//! A bad record is an `Err` with its position, and the stream goes on; only
//! an I/O error ends it.
//!
//! # Example
//!
//! ```
//! use panlog::reader::LogReader;
//! use panlog::schema::LogType;
//!
//! let input = "1,2024/03/05 14:22:07,0128,SYSTEM,general\nnot a log\n1,2024/03/05 14:22:08,0128,CONFIG,0\n";
//! let kept: Vec<panlog::OwnedLog> = LogReader::new(input.as_bytes())
//!     .into_iter()
//!     .filter_map(Result::ok)
//!     .collect();
//! assert_eq!(kept.len(), 2);
//! assert_eq!(kept[1].log_type(), LogType::Config);
//! ```

use std::io::{self, Read};

use crate::error::{Error, ErrorKind};
use crate::framing::{Frame, Framer, FramerConfig, Record};
use crate::log::{Log, OwnedLog, Parser};

/// How much the reader asks of its input at a time.
const CHUNK: usize = 64 * 1024;

/// A [`Framer`] driven by any [`Read`] (a file, a socket, standard input, a
/// byte slice), with a [`Parser`] for [`next_log`](Self::next_log).
///
/// The reader buffers its input itself: wrapping a `File` in a `BufReader`
/// is not needed (and costs a copy).
///
/// # Example
///
/// ```
/// use panlog::reader::LogReader;
///
/// let input = b"1,2020/12/04 16:00:02,0164,USERID,login\n\
///               this line is fine too\n";
/// let mut reader = LogReader::new(&input[..]);
/// let mut count = 0;
/// while let Some(record) = reader.next_record() {
///     match record {
///         Ok(record) => count += record.bytes().len().min(1),
///         Err(e) => eprintln!("{e}"), // e.g. "record 7 (line 9, byte 1234): ..."
///     }
/// }
/// assert_eq!(count, 2);
/// ```
#[derive(Debug)]
pub struct LogReader<R> {
    inner: R,
    framer: Framer,
    failed: bool,
    parser: Parser,
}

impl<R: Read> LogReader<R> {
    /// A reader with the default [`FramerConfig`] and [`Parser`].
    ///
    /// # Example
    ///
    /// ```no_run
    /// let file = std::fs::File::open("firewall.log")?;
    /// let reader = panlog::reader::LogReader::new(file);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(inner: R) -> LogReader<R> {
        LogReader::with_config(inner, FramerConfig::new())
    }

    /// A reader with `config`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::FramerConfig;
    /// use panlog::reader::LogReader;
    /// let reader = LogReader::with_config(&b""[..], FramerConfig::new().max_record_len(1024));
    /// ```
    pub fn with_config(inner: R, config: FramerConfig) -> LogReader<R> {
        LogReader {
            inner,
            framer: Framer::with_config(config),
            failed: false,
            parser: Parser::new(),
        }
    }

    /// The reader with `parser` for [`next_log`](LogReader::next_log): its
    /// time zone and options.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{reader::LogReader, zone::Zone, Parser};
    /// let zone: Zone = "+01:00".parse().unwrap();
    /// let reader = LogReader::new(&b""[..]).with_parser(Parser::new().time_zone(zone));
    /// assert_eq!(reader.parser().zone(), zone);
    /// ```
    #[must_use]
    pub fn with_parser(mut self, parser: Parser) -> LogReader<R> {
        self.parser = parser;
        self
    }

    /// The parser [`next_log`](LogReader::next_log) uses.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::reader::LogReader;
    /// let reader = LogReader::new(&b""[..]).with_parser(panlog::Parser::new().strict(true));
    /// assert_eq!(reader.parser().zone(), panlog::zone::Zone::UTC);
    /// ```
    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// The next record, an error for a bad one (the reader goes on after it),
    /// or `None` at the end of the input. An I/O error is returned once and
    /// ends the stream.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::reader::LogReader;
    /// let mut reader = LogReader::new(&b"a\nb"[..]);
    /// assert_eq!(reader.next_record().unwrap().unwrap().bytes(), b"a");
    /// assert_eq!(reader.next_record().unwrap().unwrap().bytes(), b"b");
    /// assert!(reader.next_record().is_none());
    /// ```
    pub fn next_record(&mut self) -> Option<Result<Record<'_>, Error>> {
        let frame = self.next_frame()?;
        Some(frame.map(|frame| self.framer.record(frame)))
    }

    /// The next record, parsed into a [`Log`] with the reader's [`Parser`]
    /// and lent from the reader's buffer (zero-copy); an error for a bad
    /// record (the reader goes on after it), or `None` at the end of the
    /// input.
    ///
    /// The `Log` borrows the reader until the next call: keep what you need
    /// of it, or use [`logs`](Self::logs) for owned records.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::reader::LogReader;
    /// let mut reader = LogReader::new(&b"1,t,0011,SYSTEM,general\nx\n"[..]);
    /// let mut seen = Vec::new();
    /// while let Some(result) = reader.next_log() {
    ///     seen.push(result.map(|log| log.log_type().as_str()).unwrap_or("error"));
    /// }
    /// assert_eq!(seen, ["SYSTEM", "error"]);
    /// ```
    pub fn next_log(&mut self) -> Option<Result<Log<'_>, Error>> {
        let frame = self.next_frame()?;
        Some(match frame {
            Ok(frame) => self.parser.parse_record(self.framer.record(frame)),
            Err(e) => Err(e),
        })
    }

    /// The records as owned [`OwnedLog`]s (each one a copy, to keep or send
    /// on), borrowing the reader: what is left of the input can still be
    /// read afterwards.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::reader::LogReader;
    /// let mut reader = LogReader::new(&b"1,t,0011,SYSTEM,a\n1,t,0011,SYSTEM,b\n"[..]);
    /// let subtypes: Vec<String> = reader
    ///     .logs()
    ///     .map(|r| r.unwrap().subtype().unwrap().into_owned())
    ///     .collect();
    /// assert_eq!(subtypes, ["a", "b"]);
    /// ```
    pub fn logs(&mut self) -> Logs<'_, R> {
        Logs { reader: self }
    }

    fn next_owned(&mut self) -> Option<Result<OwnedLog, Error>> {
        Some(self.next_log()?.map(|log| log.into_owned()))
    }

    fn next_frame(&mut self) -> Option<Result<Frame, Error>> {
        if self.failed {
            return None;
        }
        loop {
            if let Some(result) = self.framer.poll() {
                return Some(result);
            }
            if self.framer.is_finished() {
                return None;
            }
            match self.framer.read_from(&mut self.inner, CHUNK) {
                Ok(0) => self.framer.finish(),
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.failed = true;
                    let position = self.framer.next_start();
                    return Some(Err(Error::new(ErrorKind::Io(e), position)));
                }
            }
        }
    }

    /// The framer's options.
    ///
    /// # Example
    ///
    /// ```
    /// let reader = panlog::reader::LogReader::new(&b""[..]);
    /// assert_eq!(reader.config().record_limit(), 65536);
    /// ```
    pub fn config(&self) -> &FramerConfig {
        self.framer.config()
    }

    /// How many records (and errors) have been handed out.
    ///
    /// # Example
    ///
    /// ```
    /// let mut reader = panlog::reader::LogReader::new(&b"a\nb\n"[..]);
    /// while reader.next_record().is_some() {}
    /// assert_eq!(reader.records_seen(), 2);
    /// ```
    pub fn records_seen(&self) -> u64 {
        self.framer.records_seen()
    }

    /// The underlying reader.
    ///
    /// # Example
    ///
    /// ```
    /// let reader = panlog::reader::LogReader::new(&b"abc"[..]);
    /// assert_eq!(reader.get_ref().len(), 3);
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// Gives back the underlying reader (bytes the reader had taken from it
    /// but not yet handed out are lost).
    ///
    /// # Example
    ///
    /// ```
    /// let reader = panlog::reader::LogReader::new(&b"abc"[..]);
    /// assert_eq!(reader.into_inner().len(), 3);
    /// ```
    pub fn into_inner(self) -> R {
        self.inner
    }
}

/// The owned records of a [`LogReader`], borrowing it: from
/// [`LogReader::logs`].
///
/// # Example
///
/// See [`LogReader::logs`].
#[derive(Debug)]
pub struct Logs<'r, R> {
    reader: &'r mut LogReader<R>,
}

impl<R: Read> Iterator for Logs<'_, R> {
    type Item = Result<OwnedLog, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.next_owned()
    }
}

/// The owned records of a [`LogReader`], taking it: from its
/// [`IntoIterator`], so that `for result in reader` works.
///
/// # Example
///
/// ```
/// let mut n = 0;
/// for result in panlog::reader::LogReader::new(&b"1,t,0011,SYSTEM,a\n"[..]) {
///     n += usize::from(result.is_ok());
/// }
/// assert_eq!(n, 1);
/// ```
#[derive(Debug)]
pub struct IntoLogs<R> {
    reader: LogReader<R>,
}

impl<R: Read> Iterator for IntoLogs<R> {
    type Item = Result<OwnedLog, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.reader.next_owned()
    }
}

impl<R: Read> IntoIterator for LogReader<R> {
    type Item = Result<OwnedLog, Error>;
    type IntoIter = IntoLogs<R>;

    fn into_iter(self) -> IntoLogs<R> {
        IntoLogs { reader: self }
    }
}
