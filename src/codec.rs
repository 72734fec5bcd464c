//! Async hosts (feature `tokio`): the framer and the parser as
//! [`tokio_util::codec::Decoder`]s, so that a socket becomes a `Stream` of
//! records with `FramedRead` (TCP, files) or `UdpFramed` (UDP datagrams).
//!
//! - [`RecordCodec`] frames: items are each record's bytes;
//! - [`LogCodec`] frames and parses: items are [`OwnedLog`]s, ready to send
//!   to another task.
//!
//! A bad record is an `Err` item and the stream goes on (the codec's own
//! error is for I/O only), as with the blocking [`LogReader`](crate::LogReader).
//! Memory is bounded as the [framer](crate::framing)'s is.
//!
//! # Example
//!
//! ```
//! use tokio_stream::StreamExt;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let input: &[u8] = b"<14>Mar  5 14:22:07 fw 1,2024/03/05 14:22:07,0011,SYSTEM,general\nnot a log\n";
//! let mut logs = panlog::codec::logs(input);
//! let first = logs.next().await.unwrap().unwrap().unwrap(); // I/O, then the record
//! assert_eq!(first.header().hostname(), Some("fw"));
//! assert!(logs.next().await.unwrap().unwrap().is_err()); // a bad record, and the stream goes on
//! assert!(logs.next().await.is_none());
//! # });
//! ```

use tokio::io::AsyncRead;
use tokio_util::bytes::BytesMut;
use tokio_util::codec::{Decoder, FramedRead};

use crate::error::Error;
use crate::framing::{Framer, FramerConfig};
use crate::log::{Log, OwnedLog, Parser};

/// A [`Framer`] as a `Decoder`: each datagram or read is pushed in, each
/// complete record comes out.
#[derive(Debug)]
struct Frames {
    framer: Framer,
    config: FramerConfig,
    finished: bool,
}

impl Frames {
    fn new(config: FramerConfig) -> Frames {
        Frames {
            framer: Framer::with_config(config),
            config,
            finished: false,
        }
    }

    /// Takes the bytes of `src` into the framer.
    fn take(&mut self, src: &mut BytesMut) {
        if !src.is_empty() {
            self.framer.push(src);
            src.clear();
        }
    }

    /// After the end of the input (the stream's, or one datagram's): the
    /// last record is complete; once it is out, the framer starts afresh
    /// for the next datagram.
    fn finish(&mut self) {
        if !self.finished {
            self.framer.finish();
            self.finished = true;
        }
    }

    fn reset(&mut self) {
        self.framer = Framer::with_config(self.config);
        self.finished = false;
    }

    /// A `Decoder` step: `src` taken in, then the next item `next` makes of
    /// the framer's next record; at the end of the input (`eof`), the last
    /// record is complete, and once it is out the framer starts afresh.
    fn decode<T>(
        &mut self,
        src: &mut BytesMut,
        eof: bool,
        next: impl FnOnce(&mut Framer) -> Option<T>,
    ) -> Option<T> {
        self.take(src);
        if eof {
            self.finish();
        }
        let item = next(&mut self.framer);
        if eof && item.is_none() {
            self.reset();
        }
        item
    }
}

/// Frames a byte stream or datagrams into records: items are each record's
/// bytes (without its terminator or octet count), or an error for a bad
/// record. See the [module docs](self).
///
/// # Example
///
/// ```
/// use tokio_util::codec::Decoder;
/// use tokio_util::bytes::BytesMut;
///
/// let mut codec = panlog::codec::RecordCodec::new();
/// let mut buf = BytesMut::from(&b"1,a,b,TRAFFIC\n1,c"[..]);
/// assert_eq!(codec.decode(&mut buf).unwrap().unwrap().unwrap(), &b"1,a,b,TRAFFIC"[..]);
/// assert!(codec.decode(&mut buf).unwrap().is_none()); // `1,c` waits for its end
/// assert_eq!(codec.decode_eof(&mut buf).unwrap().unwrap().unwrap(), &b"1,c"[..]);
/// ```
#[derive(Debug)]
pub struct RecordCodec {
    frames: Frames,
}

impl RecordCodec {
    /// A codec with the default [`FramerConfig`].
    ///
    /// # Example
    ///
    /// ```
    /// let codec = panlog::codec::RecordCodec::new();
    /// ```
    #[must_use]
    pub fn new() -> RecordCodec {
        RecordCodec::with_config(FramerConfig::new())
    }

    /// A codec with `config`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::FramerConfig;
    /// let codec = panlog::codec::RecordCodec::with_config(FramerConfig::new().max_record_len(4096));
    /// ```
    #[must_use]
    pub fn with_config(config: FramerConfig) -> RecordCodec {
        RecordCodec {
            frames: Frames::new(config),
        }
    }

    fn step(&mut self, src: &mut BytesMut, eof: bool) -> Option<Result<BytesMut, Error>> {
        self.frames.decode(src, eof, |framer| {
            let record = framer.next_record()?;
            Some(record.map(|r| BytesMut::from(r.bytes())))
        })
    }
}

impl Default for RecordCodec {
    fn default() -> Self {
        RecordCodec::new()
    }
}

impl Decoder for RecordCodec {
    type Item = Result<BytesMut, Error>;
    type Error = Error;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Error> {
        Ok(self.step(src, false))
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Error> {
        Ok(self.step(src, true))
    }
}

/// Frames and parses: items are [`OwnedLog`]s, or an error for a bad
/// record. See the [module docs](self).
///
/// # Example
///
/// ```
/// use tokio_util::codec::Decoder;
/// use tokio_util::bytes::BytesMut;
///
/// let mut codec = panlog::codec::LogCodec::new();
/// let mut datagram = BytesMut::from(&b"1,2024/03/05 14:22:07,0011,SYSTEM,general"[..]);
/// let log = codec.decode_eof(&mut datagram).unwrap().unwrap().unwrap();
/// assert_eq!(log.subtype().unwrap(), "general");
/// ```
#[derive(Debug)]
pub struct LogCodec {
    frames: Frames,
    parser: Parser,
}

impl LogCodec {
    /// A codec with the default [`FramerConfig`] and [`Parser`].
    ///
    /// # Example
    ///
    /// ```
    /// let codec = panlog::codec::LogCodec::new();
    /// ```
    #[must_use]
    pub fn new() -> LogCodec {
        LogCodec::with_config(FramerConfig::new())
    }

    /// A codec with `config`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::FramerConfig;
    /// let codec = panlog::codec::LogCodec::with_config(FramerConfig::new().octet_counting(false));
    /// ```
    #[must_use]
    pub fn with_config(config: FramerConfig) -> LogCodec {
        LogCodec {
            frames: Frames::new(config),
            parser: Parser::new(),
        }
    }

    /// The codec with `parser` (its zones and options).
    ///
    /// # Example
    ///
    /// ```
    /// let codec = panlog::codec::LogCodec::new().with_parser(panlog::Parser::new().strict(true));
    /// ```
    #[must_use]
    pub fn with_parser(mut self, parser: Parser) -> LogCodec {
        self.parser = parser;
        self
    }

    fn step(&mut self, src: &mut BytesMut, eof: bool) -> Option<Result<OwnedLog, Error>> {
        let parser = &mut self.parser;
        self.frames.decode(src, eof, |framer| {
            let record = framer.next_record()?;
            Some(record.and_then(|r| parser.parse_record(r).map(Log::into_owned)))
        })
    }
}

impl Default for LogCodec {
    fn default() -> Self {
        LogCodec::new()
    }
}

impl Decoder for LogCodec {
    type Item = Result<OwnedLog, Error>;
    type Error = Error;

    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Error> {
        Ok(self.step(src, false))
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<Self::Item>, Error> {
        Ok(self.step(src, true))
    }
}

/// The records of an async reader (a `TcpStream`, a `tokio::fs::File`, a
/// `ChildStdout`) as a `Stream` of `Result<Result<OwnedLog, Error>, Error>`:
/// the outer `Err` is an I/O error, which ends the stream; the inner one a
/// bad record, after which it goes on.
///
/// # Example
///
/// See the [module docs](self).
pub fn logs<R: AsyncRead>(reader: R) -> FramedRead<R, LogCodec> {
    FramedRead::new(reader, LogCodec::new())
}
