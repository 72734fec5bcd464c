//! The parsed record: [`Log`], and the [`Parser`] that makes it.
//!
//! A `Log<'a>` borrows everything: the record's bytes, its syslog header, and
//! the field spans the parser's reused buffer holds. Reading a field by name
//! looks its position up in the record's [`Schema`] and reads the text where
//! it lies; typed getters parse that text on demand. Nothing is allocated
//! until a field needs unescaping (`""` inside quotes) or the caller asks for
//! an owned copy ([`Log::into_owned`]).
//!
//! # Example: a file of mixed log types
//!
//! ```
//! use panlog::reader::LogReader;
//! use panlog::schema::LogType;
//!
//! let input = b"\
//! <14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,0011,TRAFFIC,end,2049,2019/09/16 10:00:02,10.0.0.2,8.8.8.8,203.0.113.5,8.8.8.8,allow-dns,,,dns,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2019/09/16 10:00:02,4711,1,53001,53,40001,53,0x400000,udp,allow,180,80,100,2,2019/09/16 10:00:01,0,any,0,1234,0x0,10.0.0.0-10.255.255.255,United States,0,1,1,aged-out,0,0,0,0,,PA-1,from-policy,,,0,,0,,N/A,0,0,0,0
//! 1,2019/09/16 10:00:03,0011,SYSTEM,general,0,2019/09/16 10:00:03,,general,,0,0,general,informational,\"User admin logged in, from 10.0.0.9\",1235,0x0,0,0,0,0,,PA-1
//! 1,2019/09/16 10:00:04,0011,NEWTYPE,x,0,2019/09/16 10:00:04,a,b
//! ";
//! let mut reader = LogReader::new(&input[..]);
//! let mut out = Vec::new();
//! while let Some(result) = reader.next_log() {
//!     let log = match result {
//!         Ok(log) => log,
//!         Err(e) => { eprintln!("{e}"); continue; }
//!     };
//!     match log.log_type() {
//!         LogType::Traffic => {
//!             let nat = log.session_flags().unwrap().is_some_and(|f| f.nat());
//!             let natsrc = log.ip("natsrc").unwrap().unwrap();
//!             let dport = log.port("dport").unwrap().unwrap();
//!             out.push(format!("traffic nat={nat} natsrc={natsrc} dport={dport}"));
//!         }
//!         LogType::System => out.push(format!("system: {}", log.get("opaque").unwrap())),
//!         _ => out.push(format!("{} with {} columns", log.type_str().unwrap(), log.len())),
//!     }
//! }
//! assert_eq!(out, [
//!     "traffic nat=true natsrc=203.0.113.5 dport=53",
//!     "system: User admin logged in, from 10.0.0.9",
//!     "NEWTYPE with 9 columns",
//! ]);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::csv::{Field, Fields, Flags, Span, Splitter};
use crate::custom::CustomFormat;
use crate::error::{Error, ErrorKind, Position};
use crate::framing::Record;
use crate::named::Named;
use crate::schema::{FieldSpec, Fit, LogType, Schema, ValueKind, Version};
use crate::syslog::SyslogHeader;
use crate::value::{
    self, Action, ActionFlags, Direction, Port, SessionEndReason, SessionFlags, Severity, ThreatId,
    Value, ValueError,
};
use crate::zone::{Resolved, Zone, Zones};

/// Turns records into [`Log`]s, reusing one field buffer: after the first
/// records, parsing allocates nothing.
///
/// Options, set once: the time zone PAN-OS's naive times are read in (UTC
/// unless you say otherwise; it is the firewall's, which the logs do not
/// carry), per device if you know them, whether unlisted column counts are
/// errors, and whether brace-wrapped fields are kept whole.
///
/// # Example
///
/// ```
/// use panlog::Parser;
///
/// let mut parser = Parser::new().time_zone("+01:00".parse::<panlog::zone::Zone>().unwrap());
/// let line = b"1,2020/12/04 16:00:02,0011,SYSTEM,general,0,2020/12/04 16:00:02,,e,,,,general,low,x,1,0x0";
/// let log = parser.parse(line).unwrap();
/// assert_eq!(log.receive_time().unwrap().unwrap().to_rfc3339(), "2020-12-04T16:00:02+01:00");
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    core: Core,
    /// The line a shipper's JSON wrapper carried, unescaped (see
    /// [`Input::Auto`]).
    embedded: Vec<u8>,
}

/// The options and buffers a record is parsed with.
#[derive(Debug, Clone)]
struct Core {
    splitter: Splitter,
    fields: Fields,
    zones: Arc<Zones>,
    strict: bool,
    input: Input,
    /// The buffers a keyed record (CEF, LEEF, JSON, custom) is laid out in.
    named: Named,
    custom: Arc<Vec<CustomFormat>>,
}

/// The shape of the records a [`Parser`] reads: told per record
/// (`Auto`, the default) or fixed.
///
/// # Example
///
/// ```
/// use panlog::{Input, Parser};
/// let mut parser = Parser::new().input(Input::Csv);
/// assert!(parser.parse(b"CEF:0|Palo Alto Networks|PAN-OS|10.1|end|TRAFFIC|1|src=10.0.0.1").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Input {
    /// Each record's own shape: CEF (`CEF:`), LEEF (`LEEF:`), a JSON object,
    /// a configured [custom format](Parser::custom_format), a `key=value`
    /// record with PAN-OS field names (`type=TRAFFIC, src=...`, or the
    /// keys of Datadog's recommended format, see [`crate::custom`]), else
    /// CSV.
    ///
    /// A log shipper's JSON object around a raw line (`{"message": "<14>...
    /// 1,2024/03/05 ...,TRAFFIC,..."}`: Elastic's and Logstash's `message`,
    /// Splunk's `_raw` and HEC `event` string, Fluent Bit's `log`, GELF's
    /// `short_message`, journald's `MESSAGE`, ECS's `event.original`, ...,
    /// also inside a stored document: Elasticsearch's `_source`, Splunk's
    /// export `result`) is read as the line it carries when that line
    /// is a PAN-OS record of another shape and the object names no log type
    /// of its own; the shipper's other members are not part of the record.
    /// [`Input::Json`] unwraps such objects too. Likewise a line quoted as
    /// one CSV field, `""` for each `"` (a CSV export's `_raw` column, alone
    /// or first of its row), is read as the line inside the quotes (also
    /// with [`Input::Csv`]).
    ///
    /// ```
    /// let mut parser = panlog::Parser::new();
    /// let wrapped = br#"{"message":"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07","host":{"name":"c1"}}"#;
    /// let log = parser.parse(wrapped).unwrap();
    /// assert_eq!(log.log_type(), panlog::schema::LogType::System);
    /// assert_eq!(log.record_text(), "1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07");
    ///
    /// let quoted = br#""<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,""Disk 91%, above threshold"",12,0x0""#;
    /// let log = parser.parse(quoted).unwrap();
    /// assert_eq!(log.header().hostname(), Some("PA-1"));
    /// assert_eq!(log.get("opaque").unwrap(), "Disk 91%, above threshold");
    /// ```
    #[default]
    Auto,
    /// PAN-OS's default CSV.
    Csv,
    /// CEF.
    Cef,
    /// LEEF 1.0 or 2.0.
    Leef,
    /// One JSON object per record.
    Json,
    /// The configured custom formats.
    Custom,
}

/// The shape one record turned out to have.
#[derive(Clone, Copy)]
enum Shape {
    Csv,
    Cef(usize),
    Leef(usize),
    Json(usize),
    Custom(usize),
    Keyed,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the defaults: UTC, lenient counts, brace fields on.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::Parser::new().zone(), panlog::zone::Zone::UTC);
    /// ```
    #[must_use]
    pub fn new() -> Parser {
        Parser {
            core: Core {
                splitter: Splitter::new(),
                fields: Fields::new(),
                zones: Arc::new(Zones::new(Zone::UTC)),
                strict: false,
                input: Input::Auto,
                named: Named::default(),
                custom: Arc::new(Vec::new()),
            },
            embedded: Vec::new(),
        }
    }

    /// Reads records of the shape `input` only (the default tells each
    /// record's shape by itself).
    ///
    /// # Example
    ///
    /// See [`Input`].
    #[must_use]
    pub fn input(mut self, input: Input) -> Parser {
        self.core.input = input;
        self
    }

    /// Reads records written with a custom log format string (see
    /// [`custom`](crate::custom)); call it once per format (PAN-OS has one
    /// per log type). With [`Input::Auto`] a record is read with the first
    /// format whose keys it holds.
    ///
    /// # Example
    ///
    /// See [`custom`](crate::custom).
    #[must_use]
    pub fn custom_format(mut self, format: CustomFormat) -> Parser {
        Arc::make_mut(&mut self.core.custom).push(format);
        self
    }

    /// Reads PAN-OS's naive times (`2020/12/04 16:00:02`) in `zone`: a
    /// [`Zone`] (a fixed offset, an IANA zone with DST, the host's `local`),
    /// or a `chrono` `FixedOffset`. Per-device zones set by
    /// [`zones`](Self::zones) keep their entries; this is their default.
    ///
    /// # Example
    ///
    /// ```
    /// # #[cfg(feature = "tz")] {
    /// use panlog::zone::Zone;
    /// let berlin: Zone = "Europe/Berlin".parse().unwrap();
    /// let mut parser = panlog::Parser::new().time_zone(berlin);
    /// let log = parser.parse(b"1,2024/07/01 12:00:00,0011,SYSTEM,general").unwrap();
    /// assert_eq!(log.receive_time().unwrap().unwrap().to_rfc3339(), "2024-07-01T12:00:00+02:00");
    /// # }
    /// ```
    #[must_use]
    pub fn time_zone(mut self, zone: impl Into<Zone>) -> Parser {
        let zones = Arc::make_mut(&mut self.core.zones);
        *zones = std::mem::take(zones).with_default(zone.into());
        self
    }

    /// Reads each record's naive times in its device's zone: the zone
    /// `zones` gives for its serial number, else its `device_name`, else its
    /// syslog host name, else the default (see [`Zones`]).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::zone::Zones;
    /// let zones = Zones::parse("default +01:00\n0022 -05:00").unwrap();
    /// let mut parser = panlog::Parser::new().zones(zones);
    /// let log = parser.parse(b"1,2024/07/01 12:00:00,0022,SYSTEM,general").unwrap();
    /// assert_eq!(log.zone().to_string(), "-05:00");
    /// let log = parser.parse(b"1,2024/07/01 12:00:00,0011,SYSTEM,general").unwrap();
    /// assert_eq!(log.zone().to_string(), "+01:00");
    /// ```
    #[must_use]
    pub fn zones(mut self, zones: Zones) -> Parser {
        self.core.zones = Arc::new(zones);
        self
    }

    /// The default zone naive times are read in.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::Parser::new().zone().to_string(), "+00:00");
    /// ```
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.core.zones.default_zone()
    }

    /// With `true`, a record whose column count no known PAN-OS version
    /// writes for its type ([`Fit::Unlisted`]) is an error
    /// ([`ErrorKind::UnlistedFieldCount`]), and so is one shorter than every
    /// layout the tables list ([`Fit::Older`], [`ErrorKind::TooFewFields`]),
    /// rather than a `Log` whose
    /// [`fit`](Log::fit) says so, and so is malformed CSV
    /// ([`ErrorKind::MalformedCsv`]) rather than a `Log` whose
    /// [`csv_flags`](Log::csv_flags) say so. Records with extra trailing
    /// columns still parse. The default is `false`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::{ErrorKind, Parser};
    /// let line = b"1,2020/12/04 16:00:02,0011,SYSTEM,general,0,2020/12/04 16:00:02,,e,,,,general,low,x,1,0x0,0,0,0";
    /// assert!(Parser::new().parse(line).is_ok());
    /// let err = Parser::new().strict(true).parse(line).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::UnlistedFieldCount { count: 20, .. }));
    /// ```
    #[must_use]
    pub fn strict(mut self, yes: bool) -> Parser {
        self.core.strict = yes;
        self
    }

    /// Whether an unquoted field that starts with `{` runs to its `}` (see
    /// [`Splitter::braces`]). On by default: PAN-OS writes SD-WAN link
    /// switches that way.
    ///
    /// # Example
    ///
    /// ```
    /// let parser = panlog::Parser::new().braces(false);
    /// ```
    #[must_use]
    pub fn braces(mut self, yes: bool) -> Parser {
        self.core.splitter = self.core.splitter.braces(yes);
        self
    }

    /// Parses one record (a syslog line, with or without a header, without
    /// its line terminator). Errors carry record 1, line 1, byte 0: use
    /// [`parse_at`](Self::parse_at) or [`parse_record`](Self::parse_record)
    /// to place them in a stream.
    ///
    /// The `Log` borrows the parser (its reused field buffer, which is why
    /// parsing allocates nothing) until it is dropped: ask the `Log` what
    /// you would ask the parser (`log.zone()`), or keep an
    /// [`OwnedLog`] (`log.into_owned()`) to parse the next record while
    /// holding this one.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::EmptyRecord`], [`ErrorKind::NoLogType`],
    /// [`ErrorKind::ColumnNames`] (a CSV export's first row), and with
    /// [`strict`](Self::strict) [`ErrorKind::TooFewFields`],
    /// [`ErrorKind::UnlistedFieldCount`] and [`ErrorKind::MalformedCsv`]. A
    /// record shorter than its type's layouts (older firmware) is not an
    /// error: it parses, and [`Log::fit`] says [`Fit::Older`].
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// let mut parser = panlog::Parser::new();
    /// let log = parser.parse(b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,0011,CONFIG,0,0,2019/09/16 10:00:02,10.0.0.1,,set,admin,Web,Succeeded,\" deviceconfig system\",1,0x0").unwrap();
    /// assert_eq!(log.log_type(), LogType::Config);
    /// assert_eq!(log.get("path").unwrap(), " deviceconfig system");
    /// ```
    pub fn parse<'a>(&'a mut self, line: &'a [u8]) -> Result<Log<'a>, Error> {
        self.parse_at(line, Position::start())
    }

    /// Parses one record that starts at `position` in a stream; errors say so.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::Position;
    /// let pos = Position { record: 7, line: 9, byte: 1200, field: None };
    /// let err = panlog::Parser::new().parse_at(b"", pos).unwrap_err();
    /// assert_eq!(err.position(), pos);
    /// ```
    pub fn parse_at<'a>(
        &'a mut self,
        line: &'a [u8],
        position: Position,
    ) -> Result<Log<'a>, Error> {
        let Parser { core, embedded } = self;
        let line = without_trailer(line);
        let (header, body) = SyslogHeader::parse(line);
        if core.unwrap_line(body, embedded) {
            let embedded: &'a Vec<u8> = embedded;
            let split = SyslogHeader::parse(embedded);
            return core.parse_line(embedded, split, Input::Auto, position);
        }
        let input = core.input;
        core.parse_line(line, (header, body), input, position)
    }

    /// Parses a header-less CSV line laid out in `schema`'s standard column
    /// order (the XML API reader builds such lines), without detecting the
    /// layout from the record.
    #[cfg(feature = "xml")]
    pub(crate) fn parse_as<'a>(
        &'a mut self,
        line: &'a [u8],
        schema: Schema,
        position: Position,
    ) -> Result<Log<'a>, Error> {
        let core = &mut self.core;
        let flags = core.splitter.split(line, &mut core.fields);
        let opts = Opts {
            zones: Some(&core.zones),
            strict: core.strict,
            schema: Some(schema),
        };
        let spans = Cow::Borrowed(core.fields.spans());
        build(
            line,
            SyslogHeader::default(),
            line,
            spans,
            flags,
            position,
            opts,
        )
    }

    /// Parses a record the framer produced, at its position.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::Framer;
    /// use panlog::Parser;
    ///
    /// let mut framer = Framer::new();
    /// let mut parser = Parser::new();
    /// framer.push(b"\n1,2020/12/04 16:00:02,0011,IPTAG,0,0,2020/12/04 16:00:02,vsys1,10.1.1.1,tag1");
    /// framer.push(&[b','; 15]);
    /// framer.push(b"\n");
    /// framer.finish();
    /// while let Some(record) = framer.next_record() {
    ///     let log = parser.parse_record(record.unwrap()).unwrap();
    ///     assert_eq!(log.position().line, 2);
    ///     assert_eq!(log.get("tag_name").unwrap(), "tag1");
    /// }
    /// ```
    pub fn parse_record<'a>(&'a mut self, record: Record<'a>) -> Result<Log<'a>, Error> {
        self.parse_at(record.bytes(), record.position())
    }
}

/// `line` without what a sender or a paste may leave after the record:
/// spaces, TABs, NULs (RFC 6587's other trailer) or a line end.
fn without_trailer(line: &[u8]) -> &[u8] {
    let kept = line
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\0' | b'\r' | b'\n'))
        .map_or(0, |i| i + 1);
    &line[..kept]
}

/// A line quoted as one CSV field (`"<14>Mar  5 ... 1,2024/...,""a,b"",..."`,
/// the `_raw` column of a CSV export, alone or first of the row's
/// columns): the field's content, `""` read as `"`, into `out`. `false`
/// unless the line starts with such a field and ends with it or a comma
/// after it (the export's other columns are its own, not the record's).
fn unquote_line(line: &[u8], out: &mut Vec<u8>) -> bool {
    let Some(mut rest) = line.strip_prefix(b"\"") else {
        return false;
    };
    out.clear();
    while let Some(at) = memchr::memchr(b'"', rest) {
        match rest.get(at + 1) {
            Some(b'"') => {
                out.extend_from_slice(&rest[..=at]);
                rest = &rest[at + 2..];
            }
            None | Some(b',') => {
                out.extend_from_slice(&rest[..at]);
                return true;
            }
            Some(_) => return false,
        }
    }
    false
}

impl Core {
    /// The shape of `body`.
    fn shape(&self, body: &[u8], input: Input) -> Option<Shape> {
        let custom = || {
            self.custom
                .iter()
                .position(|f| f.matches(body))
                .map(Shape::Custom)
        };
        Some(match input {
            Input::Csv => Shape::Csv,
            Input::Cef => Shape::Cef(crate::cef::start(body).unwrap_or(0)),
            Input::Leef => Shape::Leef(crate::leef::start(body).unwrap_or(0)),
            Input::Json => Shape::Json(0),
            Input::Custom => custom()?,
            Input::Auto => {
                if let Some(at) = crate::cef::start(body) {
                    Shape::Cef(at)
                } else if let Some(at) = crate::leef::start(body) {
                    Shape::Leef(at)
                } else if let Some(at) = crate::json::start(body) {
                    Shape::Json(at)
                } else if let Some(custom) = custom() {
                    custom
                } else if crate::custom::is_keyed(body) {
                    Shape::Keyed
                } else {
                    Shape::Csv
                }
            }
        })
    }

    /// Whether `body` is a log shipper's JSON object around a PAN-OS line,
    /// or such a line quoted whole as a CSV field (see [`Input::Auto`]); if
    /// it is, the line is put in `embedded`.
    fn unwrap_line(&mut self, body: &[u8], embedded: &mut Vec<u8>) -> bool {
        if body.first() == Some(&b'"') && matches!(self.input, Input::Auto | Input::Csv) {
            return unquote_line(body, embedded) && self.is_line(embedded);
        }
        if !matches!(self.input, Input::Auto | Input::Json) {
            return false;
        }
        let Some(at) = crate::json::start(body) else {
            return false;
        };
        embedded.clear();
        crate::json::wrapped_line(&body[at..], &mut self.named.pairs, embedded)
            && self.is_line(embedded)
    }

    /// Whether `line`, found inside another record, is a PAN-OS line of a
    /// shape other than JSON.
    fn is_line(&self, line: &[u8]) -> bool {
        let (_, inner) = SyslogHeader::parse(line);
        match self.shape(inner, Input::Auto) {
            Some(Shape::Json(_)) | None => false,
            // A CSV line, when it starts like PAN-OS's (`1,2024/03/05 ...`,
            // AUDIT's serial and time) or its column 3 names a log type.
            Some(Shape::Csv) => {
                let mut columns = inner.split(|&b| b == b',');
                crate::syslog::is_body_start(inner)
                    || columns
                        .nth(3)
                        .is_some_and(|t| crate::cef::type_of(t) != LogType::Unknown)
            }
            Some(_) => true,
        }
    }

    /// Parses one record (see [`Parser::parse_at`]), without unwrapping.
    fn parse_line<'a>(
        &'a mut self,
        line: &'a [u8],
        (header, body): (SyslogHeader<'a>, &'a [u8]),
        input: Input,
        position: Position,
    ) -> Result<Log<'a>, Error> {
        let Some(shape) = self.shape(body, input) else {
            let kind = ErrorKind::Malformed {
                shape: "custom",
                reason: "no configured custom format matches the record",
            };
            return Err(Error::new(kind, position));
        };
        if !matches!(shape, Shape::Csv) {
            return self.parse_keyed(line, header, body, shape, position);
        }
        let flags = split_body(&self.splitter, body, &mut self.fields, position)?;
        let opts = Opts {
            zones: Some(&self.zones),
            strict: self.strict,
            schema: None,
        };
        build(
            line,
            header,
            body,
            Cow::Borrowed(self.fields.spans()),
            flags,
            position,
            opts,
        )
    }

    /// A CEF, LEEF, JSON or custom record, laid out as CSV in its type's
    /// standard order and read as such.
    fn parse_keyed<'a>(
        &'a mut self,
        line: &'a [u8],
        header: SyslogHeader<'a>,
        body: &'a [u8],
        shape: Shape,
        position: Position,
    ) -> Result<Log<'a>, Error> {
        let named = &mut self.named;
        let (name, result) = match shape {
            Shape::Cef(at) => ("CEF", crate::cef::fill(&body[at..], named)),
            Shape::Leef(at) => ("LEEF", crate::leef::fill(&body[at..], named)),
            Shape::Json(at) => ("JSON", crate::json::fill(&body[at..], named)),
            Shape::Custom(i) => {
                self.custom[i].fill(body, named);
                ("custom", Ok(()))
            }
            Shape::Keyed => {
                crate::custom::fill_keyed(body, named);
                ("key=value", Ok(()))
            }
            Shape::Csv => ("CSV", Ok(())),
        };
        if let Err(reason) = result {
            let kind = ErrorKind::Malformed {
                shape: name,
                reason,
            };
            return Err(Error::new(kind, position));
        }
        // The values, unescaped, are the fields: no CSV to write and split.
        let schema = self.named.finish(&mut self.fields);
        let flags = Flags::empty();
        let opts = Opts {
            zones: Some(&self.zones),
            strict: false,
            schema: Some(schema),
        };
        let log = build(
            line,
            header,
            self.named.values(),
            Cow::Borrowed(self.fields.spans()),
            flags,
            position,
            opts,
        )?;
        Ok(log.with_extra_names(self.named.names()))
    }
}

/// Parses one CSV record, allocating its field spans. Handy for one-off
/// lines; loops should keep a [`Parser`], which allocates nothing per
/// record. A CEF, LEEF or JSON record needs a [`Parser`] (it lays the
/// record out in buffers it keeps): here it is an [`ErrorKind::Malformed`].
///
/// # Errors
///
/// As [`Parser::parse`].
///
/// # Example
///
/// ```
/// let line = format!("1,2020/12/04 16:00:02,0011,USERID,login,2305,2020/12/04 16:00:02,vsys1,10.0.0.2,corp\\alice{}", ",".repeat(22));
/// let log = panlog::parse(line.as_bytes()).unwrap();
/// assert_eq!(log.get("user").unwrap(), "corp\\alice");
/// ```
pub fn parse(line: &[u8]) -> Result<Log<'_>, Error> {
    let line = without_trailer(line);
    let (header, body) = SyslogHeader::parse(line);
    if crate::cef::start(body).is_some()
        || crate::leef::start(body).is_some()
        || crate::json::start(body).is_some()
    {
        let kind = ErrorKind::Malformed {
            shape: "CSV",
            reason: "a CEF, LEEF or JSON record: read it with a panlog::Parser, which holds the buffers it is laid out in",
        };
        return Err(Error::new(kind, Position::start()));
    }
    let mut fields = Fields::new();
    let flags = split_body(&Splitter::new(), body, &mut fields, Position::start())?;
    let spans = Cow::Owned(fields.into_spans());
    build(
        line,
        header,
        body,
        spans,
        flags,
        Position::start(),
        Opts {
            zones: None,
            strict: false,
            schema: None,
        },
    )
}

/// Splits a record's body into `fields`, so that every column sits at its
/// documented position: a body without PAN-OS's leading `FUTURE_USE` column
/// (`2021/02/05 15:05:55,0123,TRAFFIC,...`, as some collectors and Strata
/// Logging Service forward it) gets an empty column 0.
///
/// # Errors
///
/// [`ErrorKind::EmptyRecord`] for a body of nothing but whitespace.
fn split_body(
    splitter: &Splitter,
    body: &[u8],
    fields: &mut Fields,
    position: Position,
) -> Result<Flags, Error> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::new(ErrorKind::EmptyRecord, position));
    }
    let flags = splitter.split(body, fields);
    let column = |i: usize| fields.get(i).map_or(&b""[..], |s| s.bytes(body));
    // Column 0 a time and a type in column 2 (column 3 is then the subtype,
    // which may read as a type: `end`, `start`).
    let lacks_future_use = value::looks_like_timestamp(column(0))
        && LogType::from_bytes(column(2)) != LogType::Unknown;
    if lacks_future_use {
        fields.prepend_empty();
    }
    Ok(flags)
}

#[derive(Clone, Copy)]
struct Opts<'z> {
    /// The zones of the devices; `None`: UTC.
    zones: Option<&'z Zones>,
    strict: bool,
    /// The schema to read the record with, instead of detecting it.
    schema: Option<Schema>,
}

fn build<'a>(
    record: &'a [u8],
    header: SyslogHeader<'a>,
    body: &'a [u8],
    spans: Cow<'a, [Span]>,
    csv_flags: Flags,
    position: Position,
    opts: Opts<'_>,
) -> Result<Log<'a>, Error> {
    let count = spans.len();
    let column = |i: usize| spans.get(i).map_or(&b""[..], |s| s.bytes(body));
    // The web interface's CSV export starts with the columns' names, and a
    // search export with its own (`"_raw","_time",...`: Splunk's).
    let unquoted = |i: usize| {
        let c = column(i);
        c.strip_prefix(b"\"")
            .and_then(|c| c.strip_suffix(b"\""))
            .unwrap_or(c)
    };
    if opts.schema.is_none()
        && ((column(3).eq_ignore_ascii_case(b"type")
            && column(1).eq_ignore_ascii_case(b"receive time"))
            || (unquoted(0) == b"_raw" && count > 1))
    {
        return Err(Error::new(ErrorKind::ColumnNames, position));
    }
    let schema = opts.schema.unwrap_or_else(|| Schema::detect(count, column));
    let log_type = schema.log_type();
    if log_type == LogType::Unknown && column(3).is_empty() {
        return Err(Error::new(
            ErrorKind::NoLogType { count },
            position.with_field(3),
        ));
    }
    // A trailing comma is an empty last field, which real PAN-OS lines have.
    const MALFORMED: Flags = Flags::from_bits(
        Flags::STRAY_QUOTE.bits()
            | Flags::TRAILING_BYTES.bits()
            | Flags::UNTERMINATED.bits()
            | Flags::UNBALANCED_BRACE.bits(),
    );
    if opts.strict && csv_flags.intersects(MALFORMED) {
        let field = spans.iter().position(|s| s.flags().intersects(MALFORMED));
        let position = match field {
            Some(f) => position.with_field(f),
            None => position,
        };
        return Err(Error::new(
            ErrorKind::MalformedCsv {
                flags: csv_flags & MALFORMED,
            },
            position,
        ));
    }
    match schema.fit(count) {
        // Older firmware writes a prefix of the layout: only a strict parser
        // refuses a record shorter than the tables list.
        Fit::Older if opts.strict => {
            let min = schema
                .known_counts()
                .iter()
                .min()
                .map_or(0, |&m| usize::from(m));
            let kind = ErrorKind::TooFewFields {
                log_type,
                count,
                min,
            };
            return Err(Error::new(kind, position));
        }
        Fit::Unlisted if opts.strict => {
            let kind = ErrorKind::UnlistedFieldCount { log_type, count };
            return Err(Error::new(kind, position));
        }
        _ => {}
    }
    let zone = match opts.zones {
        None => Zone::UTC,
        Some(zones) if zones.is_uniform() => zones.default_zone(),
        Some(zones) => {
            let named = |name| {
                let text = schema.position(name).map_or(&b""[..], column);
                std::str::from_utf8(text).unwrap_or("")
            };
            let host = header.hostname().unwrap_or("");
            zones.lookup([named("serial"), named("device_name"), host])
        }
    };
    Ok(Log {
        record,
        header,
        body,
        spans,
        text: crate::csv::utf8(body),
        schema,
        csv_flags,
        position,
        zone,
        extra_names: &[],
    })
}

/// One parsed PAN-OS log record, borrowing its input.
///
/// Fields are found by name through the record's [`Schema`] (`log.get("natsrc")`)
/// or by column index (`log.get_at(9)`). A column the record does not have
/// (older firmware writes fewer) is `None`, as is an empty one; columns past
/// the schema are kept ([`extra`](Log::extra)). Typed getters return
/// `Ok(None)` for an absent field and an [`ErrorKind::InvalidValue`] error,
/// with the field's position, for text that is not of the asked kind.
///
/// Serialized (with serde), a `Log` is a flat map of field name to typed
/// value ([`Value`]), absent and empty fields omitted, extra columns in an
/// `extra_columns` array.
///
/// # Example
///
/// ```
/// use panlog::schema::LogType;
/// use panlog::value::Severity;
///
/// let line = b"1,2021/08/31 14:00:02,0017,THREAT,vulnerability,2049,2021/08/31 14:00:02,10.0.0.2,10.2.0.1,0.0.0.0,0.0.0.0,r1,,,web-browsing,vsys1,trust,dmz,a1.1,aec.2,fwd,2021/08/31 14:00:02,279429,2,12345,80,0,0,0x2000,tcp,alert,\"EXAMPLE.PDF\",PDF Exploit Evasion Found(34805),any,informational,server-to-client";
/// let line = [&line[..], &[b','; 18]].concat(); // an 8.0 record has 54 columns
/// let log = panlog::parse(&line).unwrap();
/// assert_eq!(log.log_type(), LogType::Threat);
/// assert_eq!(log.subtype().unwrap(), "vulnerability");
/// assert_eq!(log.threat_id().unwrap().unwrap().id, Some(34805));
/// assert_eq!(log.severity().unwrap(), Some(Severity::Informational));
/// assert_eq!(log.get("misc").unwrap(), "EXAMPLE.PDF");
/// assert_eq!(log.get("url_category_list"), None); // an 8.1 record has no such column
/// ```
#[derive(Clone)]
pub struct Log<'a> {
    record: &'a [u8],
    header: SyslogHeader<'a>,
    body: &'a [u8],
    spans: Cow<'a, [Span]>,
    /// The body as text, when it is UTF-8 (checked once per record, so
    /// reading a field needs no check of its own).
    text: Option<&'a str>,
    schema: Schema,
    csv_flags: Flags,
    position: Position,
    zone: Zone,
    /// Names of the extra columns, when the source named them (XML API
    /// fields the schema does not know); empty for CSV.
    extra_names: &'a [String],
}

impl fmt::Debug for Log<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Log")
            .field("log_type", &self.log_type())
            .field("layout", &self.schema.layout_name())
            .field("columns", &self.len())
            .field("position", &self.position)
            .field("body", &String::from_utf8_lossy(self.body))
            .finish()
    }
}

macro_rules! typed_getter {
    ($(#[$doc:meta])* $fn:ident -> $ty:ty, $kind:expr, $parse:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        ///
        /// [`ErrorKind::InvalidValue`] if the field's text is not of this kind.
        pub fn $fn(&self, name: &str) -> Result<Option<$ty>, Error> {
            self.typed(name, $kind, $parse)
        }
    };
}

impl<'a> Log<'a> {
    /// The whole record: syslog header and CSV body.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"<14>Sep 16 10:00:02 fw 1,x,s,SCTP").unwrap();
    /// assert_eq!(log.record(), b"<14>Sep 16 10:00:02 fw 1,x,s,SCTP");
    /// ```
    #[must_use]
    pub const fn record(&self) -> &'a [u8] {
        self.record
    }

    /// The whole record as text: borrowed when it is UTF-8 (the common
    /// case, checked with the standard library's fast validator), invalid
    /// sequences replaced otherwise. What `event.original` and OCSF
    /// `raw_data` hold.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,x,s,SCTP").unwrap();
    /// assert!(matches!(log.record_text(), std::borrow::Cow::Borrowed("1,x,s,SCTP")));
    /// ```
    #[must_use]
    pub fn record_text(&self) -> Cow<'a, str> {
        crate::csv::text_lossy(self.record)
    }

    /// The syslog header (format [`None`](crate::syslog::HeaderFormat::None) if
    /// the record had none).
    ///
    /// # Example
    ///
    /// ```
    /// let line = b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,0011,SYSTEM,general,0,2019/09/16 10:00:02,,e,,,,general,low,x,1,0x0";
    /// assert_eq!(panlog::parse(line).unwrap().header().hostname(), Some("PA-1"));
    /// ```
    #[must_use]
    pub const fn header(&self) -> SyslogHeader<'a> {
        self.header
    }

    /// The CSV body, after the header: the text the fields lie in.
    ///
    /// A record read from named fields (CEF, LEEF, JSON, `key=value`) has
    /// no CSV body: this is the buffer its values were read into, unescaped
    /// and back to back in no particular order, which only its fields
    /// delimit ([`iter`](Self::iter)). Its own text is
    /// [`record`](Self::record).
    ///
    /// # Example
    ///
    /// ```
    /// let line = b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,0011,SYSTEM,general,0,2019/09/16 10:00:02,,e,,,,general,low,x,1,0x0";
    /// assert!(panlog::parse(line).unwrap().body().starts_with(b"1,2019"));
    /// ```
    #[must_use]
    pub const fn body(&self) -> &'a [u8] {
        self.body
    }

    /// Where the record is in its stream.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t").unwrap();
    /// assert_eq!(log.position().record, 1);
    /// ```
    #[must_use]
    pub const fn position(&self) -> Position {
        self.position
    }

    /// The zone this record's naive times are read in (its device's, where
    /// the parser has [per-device zones](Parser::zones)).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::parse(b"1,t,s,X,0,0,t").unwrap().zone(), panlog::zone::Zone::UTC);
    /// ```
    #[must_use]
    pub const fn zone(&self) -> Zone {
        self.zone
    }

    /// The schema (log type and layout) the record's columns follow.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::{Fit, LogType};
    /// let log = panlog::parse(b"1,t,s,END,0,2561,t").unwrap(); // 10.1, cut short
    /// assert_eq!((log.schema().log_type(), log.fit()), (LogType::Tunnel, Fit::Older));
    /// let log = panlog::parse(b"1,t,s,X,0,0,t").unwrap();
    /// assert_eq!(log.schema().layout_name(), "standard");
    /// ```
    #[must_use]
    pub const fn schema(&self) -> Schema {
        self.schema
    }

    /// The log type.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(panlog::parse(b"1,t,s,NEW,0,0,t").unwrap().log_type(), LogType::Unknown);
    /// ```
    #[must_use]
    pub const fn log_type(&self) -> LogType {
        self.schema.log_type()
    }

    /// How the record's column count fits its layout ([`Fit`]).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::Fit;
    /// let log = panlog::parse(b"1,t,s,IPTAG,0,0,t,v,10.0.0.1,tag,ev,1,0,ds,t,s,1,0x0,0,0,0,0,,fw,1,,,x").unwrap();
    /// assert_eq!(log.fit(), Fit::Extra(1));
    /// ```
    #[must_use]
    pub fn fit(&self) -> Fit {
        self.schema.fit(self.len())
    }

    /// What the splitter noticed about the record's quoting
    /// ([`Flags::ANOMALIES`] for the lenient reads); empty for a record read
    /// from named fields (CEF, LEEF, JSON, `key=value`), which is not CSV.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,\"a,b\"").unwrap();
    /// assert!(log.csv_flags().contains(panlog::csv::Flags::QUOTED));
    /// ```
    #[must_use]
    pub const fn csv_flags(&self) -> Flags {
        self.csv_flags
    }

    /// The number of columns in the record.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::parse(b"1,t,s,X,0,0,t").unwrap().len(), 7);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Always `false`: a `Log` has at least its type column.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!panlog::parse(b"1,t,s,X").unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The type column as written (`START`/`END` for tunnel logs); `None` for
    /// AUDIT, which has none.
    ///
    /// # Example
    ///
    /// ```
    /// let line = format!("1,t,s,END,end,0,t{}", ",".repeat(55));
    /// assert_eq!(panlog::parse(line.as_bytes()).unwrap().type_str().unwrap(), "END");
    /// ```
    #[must_use]
    pub fn type_str(&self) -> Option<Cow<'a, str>> {
        self.get("type")
    }

    /// The subtype column (`end`, `url`, `login`, ...).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::parse(b"1,t,s,X,sub,0,t").unwrap().subtype().unwrap(), "sub");
    /// ```
    #[must_use]
    pub fn subtype(&self) -> Option<Cow<'a, str>> {
        self.get("subtype")
    }

    /// The log-format version PAN-OS writes in column 5 (see
    /// [`Version::from_field`]).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::Version;
    /// let log = panlog::parse(b"1,t,s,X,sub,2561,t").unwrap();
    /// assert_eq!(log.version(), Some(Version::new(10, 1)));
    /// ```
    #[must_use]
    pub fn version(&self) -> Option<Version> {
        ["future_use_5", "config_ver", "future_use_3"]
            .iter()
            .find_map(|name| self.field(name))
            .and_then(|f| Version::from_field(f.raw()))
    }

    /// The raw field at column `index`.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,\"a\"\"b\",0,t").unwrap();
    /// assert_eq!(log.field_at(4).unwrap().raw(), b"a\"\"b");
    /// ```
    #[must_use]
    pub fn field_at(&self, index: usize) -> Option<Field<'a>> {
        self.spans.get(index).map(|s| s.field(self.body))
    }

    /// The schema's name for column `index` (`None` past the schema).
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t,extra").unwrap();
    /// assert_eq!(log.name_at(6), Some("time_generated"));
    /// assert_eq!(log.name_at(7), None);
    /// ```
    #[must_use]
    pub fn name_at(&self, index: usize) -> Option<&'static str> {
        self.schema.column(index).map(|c| c.name)
    }

    /// The text at column `index`, unescaped (invalid UTF-8 replaced);
    /// `None` if the column is absent or empty.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,,0,t,\"a,b\"").unwrap();
    /// assert_eq!(log.get_at(4), None);
    /// assert_eq!(log.get_at(7).unwrap(), "a,b");
    /// ```
    #[must_use]
    pub fn get_at(&self, index: usize) -> Option<Cow<'a, str>> {
        self.text_of(self.spans.get(index)?)
    }

    /// [`get_at`](Self::get_at) of the field at `span`.
    fn text_of(&self, span: &Span) -> Option<Cow<'a, str>> {
        match self.str_of(span)? {
            Ok(text) => Some(text),
            Err(field) => Some(field.to_str_lossy()),
        }
    }

    /// The text of column `index` (`None` if absent or empty), or the field
    /// if it is not UTF-8.
    fn str_at(&self, index: usize) -> Option<Result<Cow<'a, str>, Field<'a>>> {
        self.str_of(self.spans.get(index)?)
    }

    /// [`str_at`](Self::str_at) of the field at `span`.
    fn str_of(&self, span: &Span) -> Option<Result<Cow<'a, str>, Field<'a>>> {
        if span.is_empty() {
            return None;
        }
        if let Some(text) = self.text
            && !span.flags().contains(Flags::ESCAPED)
            && let Some(s) = text.get(span.range())
        {
            return Some(Ok(Cow::Borrowed(s)));
        }
        let field = span.field(self.body);
        Some(field.to_str().map_err(|_| field))
    }

    /// The raw field named `name`, if the schema has it and the record is
    /// long enough.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t").unwrap();
    /// assert_eq!(log.field("serial").unwrap().raw(), b"s");
    /// assert!(log.field("src").is_none());
    /// ```
    #[must_use]
    pub fn field(&self, name: &str) -> Option<Field<'a>> {
        self.field_at(self.index_of(name)?)
    }

    /// The column index of the field named `name`: its schema position, or
    /// the index of a named extra column (XML API fields the schema lacks).
    #[inline(always)] // see `Schema::position`
    pub(crate) fn index_of(&self, name: &str) -> Option<usize> {
        match self.schema.position(name) {
            Some(i) => Some(i),
            None if self.extra_names.is_empty() => None,
            None => {
                let k = self.extra_names.iter().position(|n| n == name)?;
                Some(self.schema.len().min(self.len()) + k)
            }
        }
    }

    /// The text of the field named `name`, unescaped (invalid UTF-8
    /// replaced); `None` if the field is absent or empty.
    ///
    /// `name` is a PAN-OS field name: use the constants of
    /// [`fields`](crate::fields), which cannot be misspelt. A name that no log
    /// type has is a bug in the caller: debug builds panic on it, release
    /// builds return `None`. [`try_get`](Self::try_get) and the typed getters
    /// say so with an [`ErrorKind::UnknownField`] error instead (for names
    /// that come from configuration).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::fields::userid;
    /// let line = format!(r#"1,t,s,USERID,login,0,t,vsys1,10.0.0.1,"corp\bob"{}"#, ",".repeat(20));
    /// let log = panlog::parse(line.as_bytes()).unwrap();
    /// assert_eq!(log.get(userid::USER).unwrap(), "corp\\bob");
    /// assert_eq!(log.get(userid::DATASOURCE), None); // empty
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Cow<'a, str>> {
        match self.index_of(name) {
            Some(index) => self.get_at(index),
            None => {
                debug_assert!(
                    crate::schema::is_known_name(name),
                    "no log type has a field named {name:?} (see panlog::fields; Log::try_get reports it as an error)"
                );
                None
            }
        }
    }

    /// [`get`](Self::get), with a name that no log type has reported as
    /// [`ErrorKind::UnknownField`] rather than read as an absent field.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::UnknownField`] for a name no log type has.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::ErrorKind;
    /// let log = panlog::parse(b"1,t,0011,SYSTEM,general,0,t").unwrap();
    /// assert_eq!(log.try_get("subtype").unwrap().unwrap(), "general");
    /// assert_eq!(log.try_get("natsrc").unwrap(), None); // a TRAFFIC field
    /// let err = log.try_get("source_ip").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::UnknownField { .. }));
    /// ```
    pub fn try_get(&self, name: &str) -> Result<Option<Cow<'a, str>>, Error> {
        match self.index_of(name) {
            Some(index) => Ok(self.get_at(index)),
            None => self.absent(name),
        }
    }

    /// The columns past the schema's last, in order: kept, never dropped.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t,x,y").unwrap();
    /// let extra: Vec<_> = log.extra().map(|f| f.raw()).collect();
    /// assert_eq!(extra, [b"x", b"y"]);
    /// ```
    pub fn extra(&self) -> impl Iterator<Item = Field<'a>> + '_ {
        let start = self.schema.len().min(self.len());
        self.spans[start..].iter().map(|s| s.field(self.body))
    }

    /// The columns past the schema's last with their names, where the source
    /// named them (an XML API entry's fields that the schema does not know);
    /// `None` for unnamed CSV columns.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t,x").unwrap();
    /// let extra: Vec<_> = log.extra_named().map(|(name, f)| (name, f.raw())).collect();
    /// assert_eq!(extra, [(None, &b"x"[..])]);
    /// ```
    pub fn extra_named(&self) -> impl Iterator<Item = (Option<&'a str>, Field<'a>)> + '_ {
        let names = self.extra_names;
        self.extra()
            .enumerate()
            .map(move |(i, f)| (names.get(i).map(String::as_str), f))
    }

    /// The same record, with names for its extra columns, in order.
    #[must_use]
    pub(crate) fn with_extra_names(mut self, names: &'a [String]) -> Log<'a> {
        self.extra_names = names;
        self
    }

    /// Every column, with its schema entry (`None` for extra columns).
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,t,x").unwrap();
    /// let names: Vec<_> = log.iter().map(|(spec, _)| spec.map(|s| s.name)).collect();
    /// assert_eq!(names[3], Some("type"));
    /// assert_eq!(names[7], None);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (Option<&'static FieldSpec>, Field<'a>)> + '_ {
        self.spans
            .iter()
            .enumerate()
            .map(|(i, s)| (self.schema.column(i), s.field(self.body)))
    }

    /// The field named `name` as a [`Value`] of its schema kind: text that does
    /// not read as its kind is [`Value::Text`]. `None` if absent, empty, or a
    /// placeholder time.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Value;
    /// let line = format!("1,t,s,IPTAG,0,0,t,vsys1,10.0.0.1,tag,ev,3{}", ",".repeat(13));
    /// let log = panlog::parse(line.as_bytes()).unwrap();
    /// assert_eq!(log.value("repeatcnt"), Some(Value::Int(3)));
    /// assert_eq!(log.value("src"), Some(Value::Ip("10.0.0.1".parse().unwrap())));
    /// ```
    #[must_use]
    pub fn value(&self, name: &str) -> Option<Value<'a>> {
        self.value_at(self.index_of(name)?)
    }

    /// The value at column `index`, as [`value`](Self::value); extra columns
    /// are text.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Value;
    /// let log = panlog::parse(b"1,t,s,X,0,0,t,x").unwrap();
    /// assert_eq!(log.value_at(7), Some(Value::Text("x".into())));
    /// ```
    #[must_use]
    pub fn value_at(&self, index: usize) -> Option<Value<'a>> {
        let kind = self.schema.column(index).map_or(ValueKind::Str, |c| c.kind);
        Value::read(self.get_at(index)?, kind, self.zone)
    }

    fn typed<T>(
        &self,
        name: &str,
        kind: ValueKind,
        parse: impl FnOnce(Cow<'a, str>, Zone) -> Result<Option<T>, ValueError>,
    ) -> Result<Option<T>, Error> {
        match self.index_of(name) {
            Some(index) => self.typed_at(index, kind, parse),
            None => self.absent(name),
        }
    }

    /// `Ok(None)` for a name some log type has (this record lacks it), an
    /// [`ErrorKind::UnknownField`] for one no type has.
    fn absent<T>(&self, name: &str) -> Result<Option<T>, Error> {
        if crate::schema::is_known_name(name) {
            Ok(None)
        } else {
            let kind = ErrorKind::UnknownField { name: name.into() };
            Err(Error::new(kind, self.position))
        }
    }

    /// [`typed_at`](Self::typed_at) for a reader that only wants the value:
    /// `None` for an absent, empty, non-UTF-8 or unreadable column, with no
    /// error built (a mapping's reads, a few dozen a record).
    pub(crate) fn read_at<T>(
        &self,
        index: usize,
        parse: impl FnOnce(Cow<'a, str>, Zone) -> Result<Option<T>, ValueError>,
    ) -> Option<T> {
        parse(self.str_at(index)?.ok()?, self.zone).ok().flatten()
    }

    /// A typed read of column `index` (see the typed getters).
    pub(crate) fn typed_at<T>(
        &self,
        index: usize,
        kind: ValueKind,
        parse: impl FnOnce(Cow<'a, str>, Zone) -> Result<Option<T>, ValueError>,
    ) -> Result<Option<T>, Error> {
        let (Some(field), Some(text)) = (self.field_at(index), self.str_at(index)) else {
            return Ok(None);
        };
        let invalid = |error| {
            let raw = field.raw();
            let text = String::from_utf8_lossy(&raw[..raw.len().min(64)]).into_owned();
            let field = self.schema.column(index).map_or("", |c| c.name);
            let kind = ErrorKind::InvalidValue {
                field,
                kind,
                error,
                text,
            };
            Error::new(kind, self.position.with_field(index))
        };
        let text = text.map_err(|_| invalid(ValueError::NotUtf8))?;
        parse(text, self.zone).map_err(invalid)
    }

    typed_getter!(
        /// The IP address in the field named `name`.
        ///
        /// # Example
        ///
        /// ```
        /// let line = format!("1,t,s,USERID,login,0,t,vsys1,2001:db8::7{}", ",".repeat(21));
        /// let log = panlog::parse(line.as_bytes()).unwrap();
        /// assert!(log.ip("ip").unwrap().unwrap().is_ipv6());
        /// ```
        ip -> IpAddr, ValueKind::Ip, |t, _| value::parse_ip(&t).map(Some));

    typed_getter!(
        /// The port in the field named `name` (above 65535 is kept: see [`Port`]).
        ///
        /// # Example
        ///
        /// ```
        /// let line = format!("1,t,s,USERID,login,0,t,v,10.0.0.1,u,d,e,1,0,1024,70000{}", ",".repeat(14));
        /// let log = panlog::parse(line.as_bytes()).unwrap();
        /// assert_eq!(log.port("beginport").unwrap().unwrap().as_u16(), Some(1024));
        /// assert!(!log.port("endport").unwrap().unwrap().is_valid());
        /// ```
        port -> Port, ValueKind::Port, |t, _| value::parse_port(&t).map(Some));

    typed_getter!(
        /// The unsigned integer in the field named `name` (counters, ids).
        ///
        /// # Example
        ///
        /// ```
        /// let line = format!("1,t,s,IPTAG,0,0,t,vsys1,10.0.0.1,tag,ev,3{}", ",".repeat(13));
        /// let log = panlog::parse(line.as_bytes()).unwrap();
        /// assert_eq!(log.u64("repeatcnt").unwrap(), Some(3));
        /// ```
        u64 -> u64, ValueKind::Int, |t, _| value::parse_u64(&t).map(Some));

    typed_getter!(
        /// The signed integer in the field named `name` (SCTP uses `-1` for none).
        ///
        /// # Example
        ///
        /// ```
        /// let line = format!("1,t,s,IPTAG,0,0,t,vsys1,10.0.0.1,tag,ev,-1{}", ",".repeat(13));
        /// let log = panlog::parse(line.as_bytes()).unwrap();
        /// assert_eq!(log.i64("repeatcnt").unwrap(), Some(-1));
        /// ```
        i64 -> i64, ValueKind::Int, |t, _| value::parse_i64(&t).map(Some));

    typed_getter!(
        /// The hexadecimal number in the field named `name`.
        ///
        /// # Example
        ///
        /// ```
        /// let line = format!("1,t,s,IPTAG,0,0,t,v,10.0.0.1,tag,ev,1,0,d,t,s,1,0x8000000000000000{}", ",".repeat(7));
        /// let log = panlog::parse(line.as_bytes()).unwrap();
        /// assert_eq!(log.hex("actionflags").unwrap(), Some(1 << 63));
        /// ```
        hex -> u64, ValueKind::Hex, |t, _| value::parse_hex(&t).map(Some));

    typed_getter!(
    /// The time in the field named `name`, naive times read in the
    /// parser's zone; `None` for the 1969/1970 placeholder of old releases.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,2020/12/04 16:00:02,s,X,0,0,1969/12/31 16:00:00").unwrap();
    /// assert_eq!(log.timestamp("receive_time").unwrap().unwrap().to_rfc3339(), "2020-12-04T16:00:02+00:00");
    /// assert_eq!(log.timestamp("time_generated").unwrap(), None);
    /// ```
    timestamp -> DateTime<FixedOffset>, ValueKind::Timestamp, |t, tz| {
        let t = value::parse_timestamp(&t, tz)?;
        Ok((!value::is_placeholder(&t)).then_some(t))
    });

    /// The time in the field named `name` with how it fell in the record's
    /// zone ([`Fold`](crate::zone::Fold)): a naive time in the repeated or
    /// the skipped hour of a daylight-saving change is resolved by the
    /// rules of [`zone`](crate::zone) and flagged here.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a PAN-OS time.
    ///
    /// # Example
    ///
    /// ```
    /// # #[cfg(feature = "tz")] {
    /// use panlog::zone::Fold;
    /// let mut parser = panlog::Parser::new().time_zone("America/New_York".parse::<panlog::zone::Zone>().unwrap());
    /// let log = parser.parse(b"1,2024/11/03 01:30:00,s,SYSTEM,general,0,2024/11/03 02:10:00").unwrap();
    /// assert_eq!(log.local_time("receive_time").unwrap().unwrap().fold, Fold::Ambiguous);
    /// assert_eq!(log.local_time("time_generated").unwrap().unwrap().fold, Fold::Unique);
    /// # }
    /// ```
    pub fn local_time(&self, name: &str) -> Result<Option<Resolved>, Error> {
        self.typed(name, ValueKind::Timestamp, |t, zone| {
            let r = value::parse_local(&t, zone)?;
            Ok((!value::is_placeholder(&r.time)).then_some(r))
        })
    }

    /// The `receive_time` column.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a PAN-OS time.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,2020/12/04 16:00:02,s,X,0,0,t").unwrap();
    /// assert!(log.receive_time().unwrap().is_some());
    /// ```
    pub fn receive_time(&self) -> Result<Option<DateTime<FixedOffset>>, Error> {
        self.timestamp("receive_time")
    }

    /// The `time_generated` column.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a PAN-OS time.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,X,0,0,9/16/19 10:00").unwrap();
    /// assert_eq!(log.time_generated().unwrap().unwrap().to_rfc3339(), "2019-09-16T10:00:00+00:00");
    /// ```
    pub fn time_generated(&self) -> Result<Option<DateTime<FixedOffset>>, Error> {
        self.timestamp("time_generated")
    }

    /// The `high_res_timestamp` column (ISO 8601 with its own offset), where
    /// the type and version have it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a time.
    ///
    /// # Example
    ///
    /// ```
    /// let log = panlog::parse(b"1,t,s,IPTAG,0,0,t,v,10.0.0.1,tag,ev,1,0,d,t,s,1,0x0,0,0,0,0,,fw,1,2023-10-04T18:54:25.443+08:00").unwrap();
    /// assert_eq!(log.high_res_timestamp().unwrap().unwrap().timestamp_subsec_millis(), 443);
    /// ```
    pub fn high_res_timestamp(&self) -> Result<Option<DateTime<FixedOffset>>, Error> {
        self.timestamp("high_res_timestamp")
    }

    /// THREAT's `threatid`, split into name and id.
    ///
    /// # Errors
    ///
    /// Only if the field is not UTF-8: every text is a name.
    ///
    /// # Example
    ///
    /// See [`Log`].
    pub fn threat_id(&self) -> Result<Option<ThreatId<'a>>, Error> {
        self.typed("threatid", ValueKind::ThreatId, |t, _| {
            Ok(Some(ThreatId::parse(t)))
        })
    }

    /// The `action` column.
    ///
    /// # Errors
    ///
    /// Only if the field is not UTF-8: unknown words are [`Action::Other`].
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Action;
    /// let line = format!("1,t,s,SCTP,0,0,t,1.1.1.1,2.2.2.2,,,r,,,,v,z1,z2,i1,i2,l,,1,1,1,2,,,,,sctp,allow{}", ",".repeat(31));
    /// let log = panlog::parse(line.as_bytes()).unwrap();
    /// assert_eq!(log.action().unwrap(), Some(Action::Allow));
    /// ```
    pub fn action(&self) -> Result<Option<Action<'a>>, Error> {
        self.typed("action", ValueKind::Enum, |t, _| Ok(Some(Action::parse(t))))
    }

    /// The `severity` column.
    ///
    /// # Errors
    ///
    /// Only if the field is not UTF-8.
    ///
    /// # Example
    ///
    /// See [`Log`].
    pub fn severity(&self) -> Result<Option<Severity<'a>>, Error> {
        self.typed("severity", ValueKind::Enum, |t, _| {
            Ok(Some(Severity::parse(t)))
        })
    }

    /// THREAT's `direction` column.
    ///
    /// # Errors
    ///
    /// Only if the field is not UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Direction;
    /// let line = format!("1,t,s,THREAT,url,0,t{}0{}", ",".repeat(29), ",".repeat(18));
    /// assert_eq!(panlog::parse(line.as_bytes()).unwrap().direction().unwrap(), Some(Direction::ClientToServer));
    /// ```
    pub fn direction(&self) -> Result<Option<Direction<'a>>, Error> {
        self.typed("direction", ValueKind::Enum, |t, _| {
            Ok(Some(Direction::parse(t)))
        })
    }

    /// The `session_end_reason` column.
    ///
    /// # Errors
    ///
    /// Only if the field is not UTF-8.
    ///
    /// # Example
    ///
    /// See the [module docs](self).
    pub fn session_end_reason(&self) -> Result<Option<SessionEndReason<'a>>, Error> {
        self.typed("session_end_reason", ValueKind::Enum, |t, _| {
            Ok(Some(SessionEndReason::parse(t)))
        })
    }

    /// The session `flags` column.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a 32-bit hex number.
    ///
    /// # Example
    ///
    /// See the [module docs](self).
    pub fn session_flags(&self) -> Result<Option<SessionFlags>, Error> {
        self.typed("flags", ValueKind::Hex, |t, _| {
            let bits = value::parse_hex(&t)?;
            let bits = u32::try_from(bits).map_err(|_| ValueError::Overflow)?;
            Ok(Some(SessionFlags::new(bits)))
        })
    }

    /// The `actionflags` column.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidValue`] for text that is not a hex number.
    ///
    /// # Example
    ///
    /// ```
    /// let line = format!("1,t,s,IPTAG,0,0,t,v,10.0.0.1,tag,ev,1,0,d,t,s,1,0x8000000000000000{}", ",".repeat(7));
    /// let log = panlog::parse(line.as_bytes()).unwrap();
    /// assert!(log.action_flags().unwrap().unwrap().forwarded());
    /// ```
    pub fn action_flags(&self) -> Result<Option<ActionFlags>, Error> {
        self.typed("actionflags", ValueKind::Hex, |t, _| {
            Ok(Some(ActionFlags::new(value::parse_hex(&t)?)))
        })
    }

    /// An owned copy, for callers that keep records past the next read
    /// (also `OwnedLog::from(&log)`).
    ///
    /// # Example
    ///
    /// ```
    /// let owned = {
    ///     let line = b"1,t,s,X,sub,0,t".to_vec();
    ///     panlog::parse(&line).unwrap().into_owned()
    /// };
    /// assert_eq!(owned.subtype().unwrap(), "sub");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> OwnedLog {
        OwnedLog::from(&self)
    }
}

impl From<&Log<'_>> for OwnedLog {
    fn from(log: &Log<'_>) -> OwnedLog {
        log.owned()
    }
}

impl From<Log<'_>> for OwnedLog {
    fn from(log: Log<'_>) -> OwnedLog {
        log.owned()
    }
}

impl Log<'_> {
    fn owned(&self) -> OwnedLog {
        // Whether the body is the record's tail (a CSV line) or was laid out
        // apart from it (a keyed record).
        let tail = self.record.len() >= self.body.len()
            && std::ptr::eq(
                self.record[self.record.len() - self.body.len()..].as_ptr(),
                self.body.as_ptr(),
            );
        OwnedLog {
            record: self.record.into(),
            body_start: if tail {
                self.record.len() - self.body.len()
            } else {
                self.record.len()
            },
            laid_out: (!tail).then(|| self.body.into()),
            spans: self.spans.as_ref().into(),
            schema: self.schema,
            csv_flags: self.csv_flags,
            position: self.position,
            zone: self.zone,
            extra_names: self.extra_names.into(),
        }
    }
}

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut written = Ok(());
        self.for_each_out(
            |_| false,
            |spec, _, out| {
                if written.is_ok() {
                    written = map.serialize_entry(spec.name, &out);
                }
            },
        );
        written?;
        self.serialize_extras(&mut map, |_| false)?;
        map.end()
    }
}

/// A column as serialized: its typed value, or (text with `""` in it) its
/// text unescaped while it is written, not into a new string first.
pub(crate) enum Out<'a> {
    Value(Value<'a>),
    /// Text as it is in the record (a text column without `""`).
    Text(&'a str),
    Unescape(&'a str),
    /// A number, address or hex number whose text is the form its value
    /// is written in ([`value::written_as_is`]): a JSON writer copies it.
    AsIs(&'a str, ValueKind),
    /// A time's RFC 3339 text, as [`value::Rfc3339`] writes its value.
    Time([u8; 25]),
}

impl<'a> Out<'a> {
    /// The typed value, if this is one (not text to unescape).
    pub(crate) fn into_value(self) -> Option<Value<'a>> {
        match self {
            Out::Value(v) => Some(v),
            Out::Text(text) => Some(Value::Text(Cow::Borrowed(text))),
            Out::Unescape(_) => None,
            Out::AsIs(text, kind) => Value::read(text, kind, Zone::UTC),
            Out::Time(iso) => Value::read(
                std::str::from_utf8(&iso).ok()?,
                ValueKind::Timestamp,
                Zone::UTC,
            )
            .map(Value::into_owned),
        }
    }
}

impl Serialize for Out<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Value(v) => v.serialize(serializer),
            Out::Text(text) => serializer.serialize_str(text),
            Out::Unescape(raw) => serializer.collect_str(&Unescape(raw)),
            // Typed for the serializer (the kinds it covers read no zone).
            Out::AsIs(text, kind) => Value::read(*text, *kind, Zone::UTC).serialize(serializer),
            // ASCII by construction.
            Out::Time(iso) => {
                serializer.serialize_str(std::str::from_utf8(iso).unwrap_or_default())
            }
        }
    }
}

/// CSV text with `""` escapes, displayed as the text it stands for.
struct Unescape<'t>(&'t str);

impl fmt::Display for Unescape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = self.0.split("\"\"");
        if let Some(first) = parts.next() {
            f.write_str(first)?;
        }
        for part in parts {
            f.write_str("\"")?;
            f.write_str(part)?;
        }
        Ok(())
    }
}

impl<'a> Log<'a> {
    /// Schema column `index` as serialized, with its name; `None` past the
    /// schema, or if the column is absent or empty (or a placeholder time).
    pub(crate) fn out_at(&self, index: usize) -> Option<(&'static str, Out<'a>)> {
        let spec = self.schema.column(index)?;
        Some((spec.name, self.out_of(spec, self.spans.get(index)?)?))
    }

    /// Every schema column that has a value, as serialized, in order, but
    /// those `skip` says: its index, name and value. One pass over the
    /// layout and the spans together (no lookup per column); an empty or
    /// skipped column costs a test.
    pub(crate) fn outs<'s>(
        &'s self,
        skip: impl Fn(usize) -> bool + 's,
    ) -> impl Iterator<Item = (usize, &'static str, Out<'a>)> + 's {
        self.schema
            .columns()
            .zip(self.spans.iter())
            .enumerate()
            .filter(move |(i, _)| !skip(*i))
            .filter_map(|(i, (spec, span))| Some((i, spec.name, self.out_of(spec, span)?)))
    }

    /// [`outs`](Self::outs) as a loop that calls `f` with each column's
    /// spec, its index in the type's pool ([`Schema::column_table`]) and its
    /// value (the writer's path: a plain loop, where the iterator chain cost
    /// the ECS writer a sixth of its instructions).
    pub(crate) fn for_each_out(
        &self,
        skip: impl Fn(usize) -> bool,
        mut f: impl FnMut(&'static FieldSpec, usize, Out<'a>),
    ) {
        let mut column = |at: usize, spec: &'static FieldSpec, span: &Span| {
            if let Some(out) = self.out_of(spec, span) {
                f(spec, at, out);
            }
        };
        // One loop per kind of layout, so the loop has no branch on it; a
        // column without a value costs a test.
        match self.schema.column_table() {
            (pool, None) => {
                for (i, (spec, span)) in pool.iter().zip(self.spans.iter()).enumerate() {
                    if !span.is_empty() && !skip(i) {
                        column(i, spec, span);
                    }
                }
            }
            (pool, Some(wire)) => {
                for (i, (&at, span)) in wire.iter().zip(self.spans.iter()).enumerate() {
                    let at = usize::from(at);
                    if !span.is_empty()
                        && !skip(i)
                        && let Some(spec) = pool.get(at)
                    {
                        column(at, spec, span);
                    }
                }
            }
        }
    }

    /// The column of `spec` at `span`, as serialized: text as it is (or to
    /// unescape as it is written), other kinds typed.
    #[inline(always)]
    fn out_of(&self, spec: &FieldSpec, span: &Span) -> Option<Out<'a>> {
        if span.is_empty() {
            return None;
        }
        // Text columns (most of a record) straight from the record: going
        // through `Value::read` costs the typed-fields form a fifth of its
        // time (41 against 34 ms per 10,000 records).
        match spec.kind {
            ValueKind::Str | ValueKind::Enum => {
                if !span.flags().contains(Flags::ESCAPED) {
                    if let Some(text) = self.text.and_then(|t| t.get(span.range())) {
                        return Some(Out::Text(text));
                    }
                } else if let Ok(raw) = std::str::from_utf8(span.bytes(self.body)) {
                    return Some(Out::Unescape(raw));
                }
            }
            // Counters, ports, addresses and flags as their text when that
            // is how their value is written (most are): typing them only to
            // format them again was a tenth of the ECS writer's work.
            ValueKind::Int | ValueKind::Port | ValueKind::Ip | ValueKind::Hex => {
                if let Some(text) = self.text.and_then(|t| t.get(span.range()))
                    && value::written_as_is(text.as_bytes(), spec.kind)
                {
                    return Some(Out::AsIs(text, spec.kind));
                }
            }
            // PAN-OS's own time form in a fixed zone: rearranged, not read
            // into a date and written back (a third of a column's cost).
            ValueKind::Timestamp => {
                if let Some(offset) = self.zone.fixed_offset()
                    && let Some(iso) =
                        value::slash_form_rfc3339(span.bytes(self.body), offset.local_minus_utc())
                {
                    return Some(Out::Time(iso));
                }
            }
            ValueKind::ThreatId => {}
        }
        Value::read(self.text_of(span)?, spec.kind, self.zone).map(Out::Value)
    }

    /// The named columns past the schema (XML API fields, a keyed record's
    /// unknown keys) that have a value, as serialized, but those
    /// `skip(index)` says.
    pub(crate) fn extra_outs<'s>(
        &'s self,
        skip: impl Fn(usize) -> bool + 's,
    ) -> impl Iterator<Item = (&'a str, Out<'a>)> + 's {
        let first = self.schema.len().min(self.len());
        self.extra_named()
            .enumerate()
            .filter_map(move |(k, (name, field))| {
                let name = name.filter(|_| !field.is_empty() && !skip(first + k))?;
                let out = match std::str::from_utf8(field.raw()) {
                    Ok(raw) if field.flags().contains(Flags::ESCAPED) => Out::Unescape(raw),
                    _ => Out::Value(Value::Text(field.to_str_lossy())),
                };
                Some((name, out))
            })
    }

    /// The columns past the schema that have no name, serialized as the
    /// `extra_columns` array.
    pub(crate) fn unnamed_extras(&self) -> impl Iterator<Item = Field<'a>> + '_ {
        self.extra().skip(self.extra_names.len())
    }

    /// Writes the columns past the schema into `map`: named ones (XML API
    /// fields) as entries, unless `skip(index)`; unnamed ones in an
    /// `extra_columns` array.
    pub(crate) fn serialize_extras<M: SerializeMap>(
        &self,
        map: &mut M,
        skip: impl Fn(usize) -> bool,
    ) -> Result<(), M::Error> {
        for (name, out) in self.extra_outs(skip) {
            map.serialize_entry(name, &out)?;
        }
        if self.unnamed_extras().next().is_some() {
            map.serialize_entry("extra_columns", &Extra(self))?;
        }
        Ok(())
    }
}

struct Extra<'l, 'a>(&'l Log<'a>);

impl Serialize for Extra<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for field in self.0.unnamed_extras() {
            seq.serialize_element(&field.to_str_lossy())?;
        }
        seq.end()
    }
}

/// A [`Log`] that owns its bytes: from [`Log::into_owned`] or
/// [`LogReader::logs`](crate::reader::LogReader::logs), for records kept past
/// the next read (a batch, a channel, a cache).
///
/// It has the same getters as [`Log`] (they call `Log`'s: one
/// implementation); [`log`](Self::log) lends the `Log` itself, for its
/// iterators. It serializes as the `Log` does and deserializes from that
/// form (see [`Deserialize`](#impl-Deserialize%3C'de%3E-for-OwnedLog)).
///
/// # Example
///
/// ```
/// let kept: Vec<panlog::OwnedLog> = ["1,t,s,X,a,0,t", "1,t,s,X,b,0,t"]
///     .iter()
///     .map(|line| panlog::parse(line.as_bytes()).unwrap().into_owned())
///     .collect();
/// assert_eq!(kept[1].subtype().unwrap(), "b");
/// assert_eq!(serde_json::to_string(&kept[0]).unwrap(), serde_json::to_string(&kept[0].log()).unwrap());
/// ```
#[derive(Clone)]
pub struct OwnedLog {
    record: Box<[u8]>,
    body_start: usize,
    /// The laid-out CSV of a keyed record (CEF, LEEF, JSON), which is not a
    /// part of `record`.
    laid_out: Option<Box<[u8]>>,
    spans: Box<[Span]>,
    schema: Schema,
    csv_flags: Flags,
    position: Position,
    zone: Zone,
    extra_names: Box<[String]>,
}

impl OwnedLog {
    /// A record made of `body` (a header-less CSV line) read in `schema`
    /// without detection, its first columns past the schema named `names`.
    pub(crate) fn from_body(body: Vec<u8>, schema: Schema, names: Vec<String>) -> OwnedLog {
        let mut fields = Fields::new();
        let csv_flags = if body.is_empty() {
            Flags::empty()
        } else {
            Splitter::new().split(&body, &mut fields)
        };
        OwnedLog {
            record: body.into_boxed_slice(),
            body_start: 0,
            laid_out: None,
            spans: fields.into_spans().into_boxed_slice(),
            schema,
            csv_flags,
            position: Position::start(),
            zone: Zone::UTC,
            extra_names: names.into_boxed_slice(),
        }
    }

    /// The record, borrowed from this copy.
    ///
    /// # Example
    ///
    /// See [`OwnedLog`].
    #[must_use]
    pub fn log(&self) -> Log<'_> {
        let (header, _) = SyslogHeader::parse(&self.record);
        let body = match &self.laid_out {
            Some(laid_out) => laid_out,
            None => &self.record[self.body_start..],
        };
        Log {
            record: &self.record,
            header,
            body,
            spans: Cow::Borrowed(&self.spans),
            text: crate::csv::utf8(body),
            schema: self.schema,
            csv_flags: self.csv_flags,
            position: self.position,
            zone: self.zone,
            extra_names: &self.extra_names,
        }
    }
}

/// `OwnedLog` methods that call the `Log` method of the same name.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        impl OwnedLog {
            $(
                #[doc = concat!("As [`Log::", stringify!($name), "`].")]
                ///
                /// # Errors
                ///
                #[doc = concat!("As [`Log::", stringify!($name), "`], where it has any.")]
                #[allow(clippy::missing_errors_doc)]
                pub fn $name(&self $(, $arg: $ty)*) -> $ret {
                    self.log().$name($($arg),*)
                }
            )*
        }
    };
}

forward! {
    header() -> SyslogHeader<'_>;
    body() -> &[u8];
    position() -> Position;
    zone() -> Zone;
    schema() -> Schema;
    log_type() -> LogType;
    fit() -> Fit;
    csv_flags() -> Flags;
    len() -> usize;
    is_empty() -> bool;
    type_str() -> Option<Cow<'_, str>>;
    subtype() -> Option<Cow<'_, str>>;
    version() -> Option<Version>;
    field_at(index: usize) -> Option<Field<'_>>;
    name_at(index: usize) -> Option<&'static str>;
    get_at(index: usize) -> Option<Cow<'_, str>>;
    field(name: &str) -> Option<Field<'_>>;
    get(name: &str) -> Option<Cow<'_, str>>;
    try_get(name: &str) -> Result<Option<Cow<'_, str>>, Error>;
    value(name: &str) -> Option<Value<'_>>;
    value_at(index: usize) -> Option<Value<'_>>;
    ip(name: &str) -> Result<Option<IpAddr>, Error>;
    port(name: &str) -> Result<Option<Port>, Error>;
    u64(name: &str) -> Result<Option<u64>, Error>;
    i64(name: &str) -> Result<Option<i64>, Error>;
    hex(name: &str) -> Result<Option<u64>, Error>;
    timestamp(name: &str) -> Result<Option<DateTime<FixedOffset>>, Error>;
    local_time(name: &str) -> Result<Option<Resolved>, Error>;
    receive_time() -> Result<Option<DateTime<FixedOffset>>, Error>;
    time_generated() -> Result<Option<DateTime<FixedOffset>>, Error>;
    high_res_timestamp() -> Result<Option<DateTime<FixedOffset>>, Error>;
    threat_id() -> Result<Option<ThreatId<'_>>, Error>;
    action() -> Result<Option<Action<'_>>, Error>;
    severity() -> Result<Option<Severity<'_>>, Error>;
    direction() -> Result<Option<Direction<'_>>, Error>;
    session_end_reason() -> Result<Option<SessionEndReason<'_>>, Error>;
    session_flags() -> Result<Option<SessionFlags>, Error>;
    action_flags() -> Result<Option<ActionFlags>, Error>;
}

impl OwnedLog {
    /// The whole record: syslog header and CSV body.
    ///
    /// # Example
    ///
    /// ```
    /// let owned = panlog::parse(b"1,t,s,SCTP").unwrap().into_owned();
    /// assert_eq!(owned.record(), b"1,t,s,SCTP");
    /// ```
    #[must_use]
    pub fn record(&self) -> &[u8] {
        &self.record
    }
}

impl fmt::Debug for OwnedLog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.log().fmt(f)
    }
}

impl Serialize for OwnedLog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.log().serialize(serializer)
    }
}

impl Position {
    /// The position of a lone record: record 1, line 1, byte 0.
    pub(crate) const fn start() -> Position {
        Position {
            record: 1,
            line: 1,
            byte: 0,
            field: None,
        }
    }
}
