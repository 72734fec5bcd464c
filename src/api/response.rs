//! The XML API's answers (feature `xml`): the response status, an enqueued
//! job's id, a job's status, and the log entries, read streaming.
//!
//! Each `<entry>` becomes the same [`Log`] the syslog path produces: its
//! fields are placed in the columns of their log type's schema (the XML tags
//! are the schema's field names; `domain` is column 0, `config_ver` column 5,
//! `time_received` TRAFFIC/THREAT's column 21, and a separate `<tid>` is
//! joined to `threatid` as `Name(12345)`), so typed getters, both ECS
//! mappings and serde work unchanged. Fields the schema does not know (the
//! `flag-*` booleans, `pktlog`, the `logid` attribute, ...) are kept as
//! named extra columns ([`Log::extra_named`]). The record's bytes
//! ([`Log::record`], `event.original`) are that CSV line.
//!
//! The answer is read entry by entry with reused buffers: memory stays
//! bounded by the largest entry, whatever the number of entries. A text node
//! or tag longer than the record limit (64 KiB) is an error, so no input
//! makes the reader buffer without bound. Entity and character references
//! are resolved.
//!
//! # Example
//!
//! ```
//! use panlog::api::response::{JobStatus, XmlReader};
//! use panlog::schema::LogType;
//!
//! let answer = br#"<response status="success"><result>
//!   <job><status>FIN</status><id>384</id><cached-logs>1</cached-logs></job>
//!   <log><logs count="1" progress="100">
//!     <entry logid="99124">
//!       <receive_time>2016/12/14 09:50:24</receive_time><serial>001801012243</serial>
//!       <type>THREAT</type><subtype>vulnerability</subtype>
//!       <src>10.0.0.5</src><dst>10.0.0.9</dst><sport>52252</sport><dport>25</dport>
//!       <threatid>MAIL: User Login Brute Force Attempt</threatid><tid>40007</tid>
//!       <misc>a &amp; b</misc><flag-pcap>yes</flag-pcap>
//!     </entry>
//!   </logs></log>
//! </result></response>"#;
//! let mut reader = XmlReader::new(&answer[..]);
//! let head = reader.head().unwrap();
//! assert!(head.is_success());
//! assert_eq!(head.job.as_ref().unwrap().status, Some(JobStatus::Finished));
//! let log = reader.next_log().unwrap().unwrap();
//! assert_eq!(log.log_type(), LogType::Threat);
//! assert_eq!(log.port("dport").unwrap().unwrap().get(), 25);
//! assert_eq!(log.threat_id().unwrap().unwrap().id, Some(40007));
//! assert_eq!(log.get("misc").unwrap(), "a & b");
//! let named: Vec<_> = log.extra_named().map(|(n, f)| (n.unwrap(), f.to_str_lossy().into_owned())).collect();
//! assert_eq!(named, [("logid", "99124".to_string()), ("flag-pcap", "yes".to_string())]);
//! assert!(reader.next_log().is_none());
//! ```

use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;

use quick_xml::XmlVersion;
use quick_xml::events::Event;

use crate::error::{Error, ErrorKind, Position};
use crate::framing::DEFAULT_MAX_RECORD_LEN;
use crate::log::{Log, OwnedLog, Parser};
use crate::named::Named;
use crate::schema::{LogType, Schema};
use crate::value::ThreatId;

/// The answer's `status` attribute.
///
/// # Example
///
/// ```
/// use panlog::api::response::{Status, XmlReader};
/// let mut r = XmlReader::new(&br#"<response status="error" code="400"><msg><line>bad query</line></msg></response>"#[..]);
/// let head = r.head().unwrap();
/// assert_eq!((head.status.clone(), head.code), (Some(Status::Error), Some(400)));
/// assert_eq!(head.messages, ["bad query"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// `success`
    Success,
    /// `error`
    Error,
    /// Another word.
    Other(String),
}

/// A log query job's state (`<job><status>`).
///
/// # Example
///
/// ```
/// assert_eq!(panlog::api::response::JobStatus::from_text("ACT"), panlog::api::response::JobStatus::Active);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobStatus {
    /// `ACT`: still running; poll again.
    Active,
    /// `FIN`: done; the entries are in the answer.
    Finished,
    /// `PEND`: queued.
    Pending,
    /// Another word.
    Other(String),
}

impl JobStatus {
    /// The state a `<status>` text names.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::response::JobStatus;
    /// assert_eq!(JobStatus::from_text("FIN"), JobStatus::Finished);
    /// ```
    #[must_use]
    pub fn from_text(text: &str) -> JobStatus {
        match text.trim() {
            "ACT" => JobStatus::Active,
            "FIN" => JobStatus::Finished,
            "PEND" => JobStatus::Pending,
            other => JobStatus::Other(other.to_owned()),
        }
    }
}

/// A job's status block (`<result><job>...</job>`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Job {
    /// `<id>`.
    pub id: Option<u64>,
    /// `<status>`.
    pub status: Option<JobStatus>,
    /// `<cached-logs>`: how many entries the job found.
    pub cached_logs: Option<u64>,
    /// `<tenq>`: when the job was enqueued.
    pub tenq: Option<String>,
    /// `<tdeq>`: when it was dequeued.
    pub tdeq: Option<String>,
    /// `<tlast>`.
    pub tlast: Option<String>,
}

/// Everything in an answer before its log entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The `status` attribute.
    pub status: Option<Status>,
    /// The `code` attribute (19: job enqueued).
    pub code: Option<u32>,
    /// The `<msg>` text: `<line>`s, or the message itself.
    pub messages: Vec<String>,
    /// The job id of an enqueued query (`<result><job>384</job>`).
    pub enqueued_job: Option<u64>,
    /// A polled job's status.
    pub job: Option<Job>,
    /// `<logs count=..>`: entries in this answer.
    pub count: Option<u64>,
    /// `<logs progress=..>`: the job's progress, in percent.
    pub progress: Option<u8>,
}

impl Head {
    /// Whether the status is `success`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut r = panlog::api::response::XmlReader::new(&br#"<response status="success" code="19"><result><msg><line>query job enqueued with jobid 384</line></msg><job>384</job></result></response>"#[..]);
    /// let head = r.head().unwrap();
    /// assert!(head.is_success());
    /// assert_eq!(head.enqueued_job, Some(384));
    /// ```
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.status == Some(Status::Success)
    }
}

/// A streaming reader of one XML API answer.
///
/// [`head`](XmlReader::head) reads up to the first entry;
/// [`next_log`](XmlReader::next_log) reads the entries one by one. An entry
/// that cannot become a record (no `<type>`, too few fields for its type) is
/// an `Err` and the reader goes on; malformed XML ends the answer with an
/// `Err` (there is no next record to resume at). Positions count entries as
/// records and give the entry's byte offset in the answer (`line` is 1: the
/// reader does not count lines).
#[derive(Debug)]
pub struct XmlReader<R> {
    xml: quick_xml::Reader<Bounded<BufReader<R>>>,
    buf: Vec<u8>,
    head: Head,
    head_done: bool,
    done: bool,
    /// The element path, `/`-joined.
    path: Vec<u8>,
    /// The current entry: names and values as ranges into `text`.
    text: String,
    fields: Vec<(Range<usize>, Range<usize>)>,
    /// Where the current field's value starts in `text`, while inside one.
    value_start: Option<usize>,
    in_entry: bool,
    /// The entry laid out in its type's columns, as the keyed shapes are.
    named: Named,
    parser: Parser,
    entries: u64,
    entry_byte: u64,
    max: usize,
}

/// A `BufRead` that refuses a text node or tag longer than `max` bytes, so
/// the XML reader's buffer stays bounded.
#[derive(Debug)]
struct Bounded<R> {
    inner: R,
    run: usize,
    max: usize,
}

impl<R: BufRead> io::Read for Bounded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Bounded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.run > self.max {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("an XML node longer than {} bytes", self.max),
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let taken = &buf[..amt.min(buf.len())];
            match memchr::memrchr2(b'<', b'>', taken) {
                Some(i) => self.run = taken.len() - i - 1,
                None => self.run += taken.len(),
            }
        }
        self.inner.consume(amt);
    }
}

impl<R: Read> XmlReader<R> {
    /// A reader of the answer in `input` (any `Read`: the reader buffers).
    ///
    /// # Example
    ///
    /// ```
    /// let reader = panlog::api::response::XmlReader::new(&b"<response/>"[..]);
    /// ```
    pub fn new(input: R) -> XmlReader<R> {
        let max = DEFAULT_MAX_RECORD_LEN;
        XmlReader {
            xml: quick_xml::Reader::from_reader(Bounded {
                inner: BufReader::with_capacity(64 * 1024, input),
                run: 0,
                max,
            }),
            buf: Vec::new(),
            head: Head::default(),
            head_done: false,
            done: false,
            path: Vec::new(),
            text: String::new(),
            fields: Vec::new(),
            value_start: None,
            in_entry: false,
            named: Named::default(),
            parser: Parser::new(),
            entries: 0,
            entry_byte: 0,
            max,
        }
    }

    /// The reader with `parser` (its time zone and options) for the records.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::FixedOffset;
    /// let tz = FixedOffset::east_opt(3 * 3600).unwrap();
    /// let reader = panlog::api::response::XmlReader::new(&b""[..]).with_parser(panlog::Parser::new().time_zone(tz));
    /// ```
    #[must_use]
    pub fn with_parser(mut self, parser: Parser) -> XmlReader<R> {
        self.parser = parser;
        self
    }

    /// Reads the answer up to its first log entry (or its end) and returns
    /// what came before: status, code, messages, job. The `Head` is a copy:
    /// the entries can be read while it is kept.
    ///
    /// # Errors
    ///
    /// Malformed XML or an I/O error ([`ErrorKind::Xml`], [`ErrorKind::Io`]).
    ///
    /// # Example
    ///
    /// See the [module docs](self).
    pub fn head(&mut self) -> Result<Head, Error> {
        while !self.head_done && !self.done {
            if self.step()?.is_some() {
                break;
            }
        }
        self.head_done = true;
        Ok(self.head.clone())
    }

    /// The entries as owned [`OwnedLog`]s, each a copy to keep or send on.
    ///
    /// # Example
    ///
    /// ```
    /// let xml = br#"<response status="success"><result><log><logs count="1">
    /// <entry><serial>0011</serial><type>SYSTEM</type><subtype>general</subtype><eventid>x</eventid></entry>
    /// </logs></log></result></response>"#;
    /// let mut reader = panlog::api::response::XmlReader::new(&xml[..]);
    /// let head = reader.head().unwrap();
    /// let logs: Vec<panlog::OwnedLog> = reader.logs().map(Result::unwrap).collect();
    /// assert!(head.is_success());
    /// assert_eq!(logs[0].get("eventid").unwrap(), "x");
    /// ```
    pub fn logs(&mut self) -> impl Iterator<Item = Result<OwnedLog, Error>> + '_ {
        std::iter::from_fn(move || Some(self.next_log()?.map(Log::into_owned)))
    }

    /// The next log entry as a [`Log`], an `Err` for an entry that cannot be
    /// one (the reader goes on), or `None` at the end of the answer.
    ///
    /// # Example
    ///
    /// See the [module docs](self).
    pub fn next_log(&mut self) -> Option<Result<Log<'_>, Error>> {
        self.head_done = true;
        loop {
            if self.done {
                return None;
            }
            match self.step() {
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Ok(None) => {}
                Ok(Some(())) => break,
            }
        }
        let position = Position {
            record: self.entries,
            line: 1,
            byte: self.entry_byte,
            field: None,
        };
        let schema = match self.build_line(position) {
            Ok(schema) => schema,
            Err(e) => return Some(Err(e)),
        };
        Some(
            self.parser
                .parse_as(&self.named.line, schema, position)
                .map(|log| log.with_extra_names(self.named.names())),
        )
    }

    /// Reads one XML event; `Some(())` when an entry is complete.
    fn step(&mut self) -> Result<Option<()>, Error> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let result = self.handle(&mut buf);
        self.buf = buf;
        result
    }

    fn handle(&mut self, buf: &mut Vec<u8>) -> Result<Option<()>, Error> {
        let at = self.xml.buffer_position();
        let event = match self.xml.read_event_into(buf) {
            Ok(event) => event,
            Err(e) => {
                self.done = true;
                let position = Position {
                    record: self.entries + 1,
                    line: 1,
                    byte: at,
                    field: None,
                };
                let kind = match e {
                    quick_xml::Error::Io(io) => {
                        ErrorKind::Io(io::Error::new(io.kind(), io.to_string()))
                    }
                    other => ErrorKind::Xml(other.to_string()),
                };
                return Err(Error::new(kind, position));
            }
        };
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref().as_bytes();
                if !self.path.is_empty() {
                    self.path.push(b'/');
                }
                self.path.extend_from_slice(name);
                let path = self.path.as_slice();
                if path == b"response" {
                    for attr in e.attributes().flatten() {
                        let value = attr
                            .normalized_value(XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        match attr.key.local_name().as_ref() {
                            "status" => {
                                self.head.status = Some(match value.as_str() {
                                    "success" => Status::Success,
                                    "error" => Status::Error,
                                    _ => Status::Other(value),
                                })
                            }
                            "code" => self.head.code = value.trim().parse().ok(),
                            _ => {}
                        }
                    }
                } else if path.ends_with(b"/logs") {
                    for attr in e.attributes().flatten() {
                        let value = attr
                            .normalized_value(XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_default();
                        match attr.key.local_name().as_ref() {
                            "count" => self.head.count = value.trim().parse().ok(),
                            "progress" => self.head.progress = value.trim().parse().ok(),
                            _ => {}
                        }
                    }
                } else if path.ends_with(b"/entry") && !self.in_entry {
                    self.in_entry = true;
                    self.entries += 1;
                    self.entry_byte = at;
                    self.text.clear();
                    self.fields.clear();
                    self.value_start = None;
                    self.head_done = true;
                    for attr in e.attributes().flatten() {
                        if attr.key.local_name().as_ref() == "logid"
                            && let Ok(value) = attr.normalized_value(XmlVersion::Implicit1_0)
                        {
                            self.push_field("logid", &value);
                        }
                    }
                } else if self.in_entry && self.value_start.is_none() {
                    let start = self.text.len();
                    self.text.push_str(&String::from_utf8_lossy(name));
                    let name_end = self.text.len();
                    self.fields.push((start..name_end, name_end..name_end));
                    self.value_start = Some(name_end);
                } else if path.ends_with(b"/job") {
                    self.head.job.get_or_insert_with(Job::default);
                }
            }
            Event::End(_) => {
                if self.in_entry {
                    if self.path.ends_with(b"/entry") {
                        self.in_entry = false;
                        self.pop();
                        return Ok(Some(()));
                    }
                    if let Some(start) = self.value_start.take()
                        && let Some(last) = self.fields.last_mut()
                    {
                        last.1 = start..self.text.len();
                    }
                }
                self.pop();
            }
            Event::Empty(e) if self.in_entry && self.value_start.is_none() => {
                let name = e.local_name().as_ref().to_owned();
                self.push_field(&name, "");
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                self.text_event(&text);
            }
            Event::CData(t) => {
                let text = t.xml10_content().into_owned();
                self.text_event(&text);
            }
            Event::GeneralRef(r) => {
                let mut utf8 = [0u8; 4];
                let resolved: Option<&str> = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.encode_utf8(&mut utf8)),
                    _ => {
                        let name = r.xml10_content();
                        quick_xml::escape::resolve_predefined_entity(&name)
                    }
                };
                let text = match resolved {
                    Some(t) => t.to_owned(),
                    None => format!("&{};", r.xml10_content()),
                };
                self.text_event(&text);
            }
            Event::Eof => self.done = true,
            _ => {}
        }
        Ok(None)
    }

    fn pop(&mut self) {
        let cut = self.path.iter().rposition(|&b| b == b'/').unwrap_or(0);
        self.path.truncate(cut);
    }

    fn push_field(&mut self, name: &str, value: &str) {
        let start = self.text.len();
        self.text.push_str(name);
        let mid = self.text.len();
        self.text.push_str(value);
        self.fields.push((start..mid, mid..self.text.len()));
    }

    /// Text inside an element: an entry field's value, or a head field.
    fn text_event(&mut self, text: &str) {
        if self.in_entry {
            if self.value_start.is_some() && self.text.len() <= self.max * 4 {
                self.text.push_str(text);
            }
            return;
        }
        let path = self.path.as_slice();
        let number = || text.trim().parse::<u64>().ok();
        if path.ends_with(b"/msg/line") || (path.ends_with(b"/msg") && !text.trim().is_empty()) {
            let t = text.trim();
            if !t.is_empty() {
                self.head.messages.push(t.to_owned());
            }
        } else if path == b"response/result/job" {
            if let Some(n) = number() {
                self.head.enqueued_job = Some(n);
            }
        } else if let Some(job) = self.head.job.as_mut() {
            if path.ends_with(b"/job/id") {
                job.id = number();
            } else if path.ends_with(b"/job/status") {
                job.status = Some(JobStatus::from_text(text));
            } else if path.ends_with(b"/job/cached-logs") {
                job.cached_logs = number();
            } else if path.ends_with(b"/job/tenq") {
                job.tenq = Some(text.trim().to_owned());
            } else if path.ends_with(b"/job/tdeq") {
                job.tdeq = Some(text.trim().to_owned());
            } else if path.ends_with(b"/job/tlast") {
                job.tlast = Some(text.trim().to_owned());
            }
        }
    }

    /// Lays the entry's fields out in its type's columns. Fields no column
    /// has (and repeats) are named extra columns. The `tid` of the 9.x API
    /// completes a `threatid` that lacks its number.
    fn build_line(&mut self, position: Position) -> Result<Schema, Error> {
        let text = self.text.as_str();
        let fields = &self.fields;
        let field = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| &text[n.clone()] == name)
                .map(|(_, v)| &text[v.clone()])
        };
        let Some(type_text) = field("type") else {
            return Err(Error::new(
                ErrorKind::NoLogType {
                    count: fields.len(),
                },
                position,
            ));
        };
        let named = &mut self.named;
        named.begin(LogType::from_bytes(type_text.trim().as_bytes()));
        let schema = named.log_type().schema();
        let threat_pos = schema.position("threatid");
        let tid = field("tid")
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
        let has_threatid = field("threatid").is_some();
        for (n, v) in fields {
            let name = &text[n.clone()];
            let value = &text[v.clone()];
            if name == "tid" && tid.is_some() && has_threatid {
                continue;
            }
            let column = schema.position(name).or_else(|| {
                let alias = match name {
                    "domain" => "future_use_0",
                    "config_ver" => "future_use_5",
                    "time_received" => "future_use_21",
                    _ => return None,
                };
                schema.position(alias)
            });
            let range = named.value(|b| {
                b.extend_from_slice(value.as_bytes());
                if let Some(tid) = tid
                    && column.is_some()
                    && column == threat_pos
                    && ThreatId::parse(value).id.is_none()
                {
                    b.push(b'(');
                    b.extend_from_slice(tid.as_bytes());
                    b.push(b')');
                }
            });
            named.place(column, name.as_bytes(), range);
        }
        if let (Some(tid), Some(p)) = (tid, threat_pos) {
            let range = named.value(|b| {
                b.push(b'(');
                b.extend_from_slice(tid.as_bytes());
                b.push(b')');
            });
            named.set_at(p, range);
        }
        let schema = named.finish_csv();
        if named.line.len() > self.max {
            return Err(Error::new(
                ErrorKind::RecordTooLong {
                    limit: self.max,
                    length: named.line.len(),
                },
                position,
            ));
        }
        Ok(schema)
    }
}
