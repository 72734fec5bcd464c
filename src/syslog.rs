//! The syslog header in front of the CSV body.
//!
//! PAN-OS sends logs with an RFC 3164 ("BSD") header, an RFC 5424 ("IETF")
//! header, or none (CSV exports, collectors that strip it). [`SyslogHeader::parse`]
//! recognises which, keeps every part typed and borrowed, and says where the
//! body starts, so that no header byte is ever taken for a CSV field, even
//! when the header holds commas.
//!
//! | shape | example |
//! | --- | --- |
//! | RFC 3164 | `<14>Sep 16 10:00:02 PA-1 1,2019/09/16 ...` (hostname optional, PRI optional, `Oct  4` space-padded, or an ISO 8601 timestamp) |
//! | RFC 5424 | `<14>1 2020-12-04T16:00:02+01:00 host app - - - 1,2020/12/04 ...` (`-` or structured data `[id k="v"]`) |
//! | none | `1,2020/12/04 16:00:02,...` |
//!
//! # Example
//!
//! ```
//! use panlog::syslog::{HeaderFormat, SyslogHeader};
//!
//! let line = b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,001801,TRAFFIC,end";
//! let (header, body) = SyslogHeader::parse(line);
//! assert_eq!(header.format(), HeaderFormat::Rfc3164);
//! assert_eq!(header.hostname(), Some("PA-1"));
//! let pri = header.priority().unwrap();
//! assert_eq!((pri.facility(), pri.severity()), (1, 6));
//! assert!(body.starts_with(b"1,2019/09/16"));
//! ```

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

use crate::zone::Zone;

/// Which kind of header a line had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum HeaderFormat {
    /// No header: the line is the CSV body.
    #[default]
    None,
    /// RFC 3164 (BSD): `[<PRI>]TIMESTAMP [HOSTNAME] `, or just a `<PRI>`.
    Rfc3164,
    /// RFC 5424 (IETF): `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD `.
    Rfc5424,
    /// Words this crate does not read as a header (a collector's own date
    /// form, a doubled hostname) before a CSV body: only
    /// [`raw`](SyslogHeader::raw), and a hostname-like last word as the
    /// [`hostname`](SyslogHeader::hostname), are known.
    ///
    /// ```
    /// use panlog::syslog::{HeaderFormat, SyslogHeader};
    /// let (h, body) = SyslogHeader::parse(b"15 Mar 2021 10:20:30 PA-1 1,2021/03/15 10:20:30,0011,SYSTEM");
    /// assert_eq!((h.format(), h.hostname()), (HeaderFormat::Other, Some("PA-1")));
    /// assert!(body.starts_with(b"1,2021/03/15"));
    /// ```
    Other,
}

/// A syslog PRI value: `facility * 8 + severity`, at most 191.
///
/// # Example
///
/// ```
/// use panlog::syslog::Priority;
///
/// let pri = Priority::new(142).unwrap();
/// assert_eq!(pri.facility(), 17); // local1
/// assert_eq!(pri.severity(), 6);  // informational
/// assert!(Priority::new(192).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Priority(u8);

impl Priority {
    /// The priority `value`, if it is at most 191.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::syslog::Priority::new(14).unwrap().value(), 14);
    /// ```
    #[must_use]
    pub const fn new(value: u8) -> Option<Priority> {
        if value <= 191 {
            Some(Priority(value))
        } else {
            None
        }
    }

    /// The PRI number.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::syslog::Priority::new(0).unwrap().value(), 0);
    /// ```
    #[must_use]
    pub const fn value(self) -> u8 {
        self.0
    }

    /// The facility, 0 (kern) to 23 (local7).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::syslog::Priority::new(14).unwrap().facility(), 1);
    /// ```
    #[must_use]
    pub const fn facility(self) -> u8 {
        self.0 >> 3
    }

    /// The severity, 0 (emergency) to 7 (debug).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::syslog::Priority::new(14).unwrap().severity(), 6);
    /// ```
    #[must_use]
    pub const fn severity(self) -> u8 {
        self.0 & 7
    }
}

/// The header of one syslog line, borrowed from it.
///
/// Absent parts are `None`; RFC 5424's `-` (NILVALUE) is absent too.
///
/// # Example
///
/// ```
/// use panlog::syslog::{HeaderFormat, SyslogHeader};
///
/// let line = br#"<14>1 2020-12-04T16:00:02+01:00 fw-1 pan - - [meta a="1,2"] 1,2020/12/04 16:00:02"#;
/// let (h, body) = SyslogHeader::parse(line);
/// assert_eq!(h.format(), HeaderFormat::Rfc5424);
/// assert_eq!(h.hostname(), Some("fw-1"));
/// assert_eq!(h.app_name(), Some("pan"));
/// assert_eq!(h.proc_id(), None);
/// assert_eq!(h.structured_data(), Some(r#"[meta a="1,2"]"#));
/// assert_eq!(body, b"1,2020/12/04 16:00:02");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct SyslogHeader<'a> {
    format: HeaderFormat,
    raw: &'a [u8],
    priority: Option<Priority>,
    timestamp: Option<&'a str>,
    hostname: Option<&'a str>,
    app_name: Option<&'a str>,
    proc_id: Option<&'a str>,
    msg_id: Option<&'a str>,
    structured_data: Option<&'a str>,
}

impl<'a> SyslogHeader<'a> {
    /// Recognises the header at the start of `line` and returns it with the
    /// body (everything after it). A line with no recognisable header is
    /// all body, with [`HeaderFormat::None`].
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::{HeaderFormat, SyslogHeader};
    ///
    /// let (h, body) = SyslogHeader::parse(b"1,2020/12/04 16:00:02,0164,USERID");
    /// assert_eq!(h.format(), HeaderFormat::None);
    /// assert_eq!(body.len(), 33);
    ///
    /// // BSD without PRI and without hostname:
    /// let (h, body) = SyslogHeader::parse(b"Jul 13 20:39:44 1,2017/07/13 20:39:44,0009C1,TRAFFIC");
    /// assert_eq!((h.format(), h.hostname()), (HeaderFormat::Rfc3164, None));
    /// assert!(body.starts_with(b"1,2017"));
    /// ```
    #[must_use]
    pub fn parse(line: &'a [u8]) -> (SyslogHeader<'a>, &'a [u8]) {
        // Spaces or TABs before the header (a pasted or re-indented line)
        // are the header's.
        let lead = line
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let (mut header, mut body) = if lead > 0 && starts_header(&line[lead..]) {
            let (inner, rest) = Self::parse_one(&line[lead..]);
            let raw = &line[..line.len() - rest.len()];
            (SyslogHeader { raw, ..inner }, rest)
        } else {
            Self::parse_one(line)
        };
        // A relay that prepends its own header to the device's
        // (`<13>Mar  5 14:22:08 relay <14>Mar  5 14:22:07 PA-1 1,2024/...`):
        // the header is the innermost one, the device's; `raw` covers all.
        for _ in 0..MAX_NESTED_HEADERS {
            if header.raw.is_empty() || !starts_header(body) || is_body_start(body) {
                break;
            }
            let (inner, rest) = Self::parse_one(body);
            if inner.raw.is_empty() {
                break;
            }
            header = SyslogHeader {
                raw: &line[..line.len() - rest.len()],
                priority: inner.priority.or(header.priority),
                ..inner
            };
            body = rest;
        }
        // Words left before a CSV body that no rule above reads
        // (`15 Mar 2021 10:20:30 PA-1 1,2021/...`, `PA-1 PA-1 1,2021/...`):
        // the header's too, so that the body's first column is `1`.
        if !is_body_start(body)
            && let Some(at) = body_after_words(body)
        {
            let words = &body[..at];
            // Only blanks (a pasted or re-indented line) are no header.
            if header.raw.is_empty() && !words.trim_ascii().is_empty() {
                header.format = HeaderFormat::Other;
            }
            if header.hostname.is_none() {
                header.hostname = last_word_as_hostname(words);
            }
            header.raw = &line[..line.len() - body.len() + at];
            body = &body[at..];
        }
        (header, body)
    }

    /// One header at the start of `line` (see [`parse`](Self::parse)).
    fn parse_one(line: &'a [u8]) -> (SyslogHeader<'a>, &'a [u8]) {
        let (priority, mut after_pri) = match parse_pri(line) {
            Some((pri, n)) => (Some(pri), n),
            None => (None, 0),
        };
        // `<14> Mar  5 ...`: a space after the PRI, before the timestamp.
        if priority.is_some()
            && line.get(after_pri) == Some(&b' ')
            && starts_header(&line[after_pri + 1..])
        {
            after_pri += 1;
        }
        let rest = &line[after_pri..];
        // RFC 5424's `1 ` version; a collector may have stripped the PRI
        // before it (then an ISO timestamp or `-` must follow).
        let is_5424 = rest.starts_with(b"1 ")
            && (priority.is_some()
                || rest[2..].starts_with(b"- ")
                || iso_timestamp_len(&rest[2..]).is_some());
        if is_5424 && let Some(found) = parse_5424(line, after_pri + 2, priority) {
            return found;
        }
        let mut header = SyslogHeader {
            format: HeaderFormat::Rfc3164,
            priority,
            ..SyslogHeader::default()
        };
        let mut at = after_pri;
        if let Some(n) = bsd_timestamp_len(rest).or_else(|| iso_timestamp_len(rest))
            && rest.get(n) == Some(&b' ')
        {
            header.timestamp = as_str(&rest[..n]);
            // One space, or a relay's padding of more.
            at += n + 1 + spaces(&line[at + n + 1..]);
            let tail = &line[at..];
            // Some relays put a TAB, not a space, after the hostname.
            let token = &tail[..memchr::memchr2(b' ', b'\t', tail).unwrap_or(tail.len())];
            // A hostname holds no comma-then-date; a header with nothing
            // after the hostname has an empty body.
            if !token.is_empty() && !is_body_start(tail) {
                // `PA-1: 1,2024/...`: a tag-style colon is not the name's.
                // `-` is a relay's nil hostname (RFC 5424's NILVALUE).
                header.hostname =
                    as_str(token.strip_suffix(b":").unwrap_or(token)).filter(|h| *h != "-");
                at += token.len() + usize::from(token.len() < tail.len());
                at += spaces(&line[at..]);
            }
        }
        // A relay's syslog tag before the body (`paloalto: `, `panos[42]: `,
        // or a bare `: `): the header's app name and process id.
        if at > 0
            && let Some(tag) = tag_before_body(&line[at..])
        {
            header.app_name = as_str(tag.app).filter(|a| !a.is_empty());
            header.proc_id = tag.pid.and_then(as_str);
            at += tag.len;
        }
        // A UTF-8 byte order mark before the body (RFC 5424 allows one
        // before MSG; some writers put one at the start of every line).
        if line[at..].starts_with(b"\xEF\xBB\xBF") {
            at += 3;
        }
        if at == 0 {
            return (SyslogHeader::default(), line);
        }
        if header.priority.is_none() && header.timestamp.is_none() {
            header.format = HeaderFormat::None;
        }
        header.raw = &line[..at];
        (header, &line[at..])
    }

    /// Which kind of header it was.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::{HeaderFormat, SyslogHeader};
    /// assert_eq!(SyslogHeader::parse(b"<14>1,2020/12/04").0.format(), HeaderFormat::Rfc3164);
    /// ```
    #[must_use]
    pub const fn format(&self) -> HeaderFormat {
        self.format
    }

    /// The header's bytes, up to and including the space before the body
    /// (empty when there is no header).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02");
    /// assert_eq!(h.raw(), b"<14>Sep 16 10:00:02 PA-1 ");
    /// ```
    #[must_use]
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The PRI part, if there was one.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// assert_eq!(SyslogHeader::parse(b"<142>1,2020/12/04").0.priority().unwrap().value(), 142);
    /// ```
    #[must_use]
    pub const fn priority(&self) -> Option<Priority> {
        self.priority
    }

    /// The header's timestamp text, as sent (see [`datetime`](Self::datetime)).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>Oct  4 08:00:02 fw 1,2020/10/04 08:00:02");
    /// assert_eq!(h.timestamp(), Some("Oct  4 08:00:02"));
    /// ```
    #[must_use]
    pub const fn timestamp(&self) -> Option<&'a str> {
        self.timestamp
    }

    /// The hostname, if the device sent one.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>Sep 16 10:00:02 10.1.1.1 1,2019/09/16 10:00:02");
    /// assert_eq!(h.hostname(), Some("10.1.1.1"));
    /// ```
    #[must_use]
    pub const fn hostname(&self) -> Option<&'a str> {
        self.hostname
    }

    /// RFC 5424 APP-NAME.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>1 2020-12-04T16:00:02Z fw pan 12 TRAFFIC - 1,x");
    /// assert_eq!(h.app_name(), Some("pan"));
    /// ```
    #[must_use]
    pub const fn app_name(&self) -> Option<&'a str> {
        self.app_name
    }

    /// RFC 5424 PROCID.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>1 2020-12-04T16:00:02Z fw pan 12 TRAFFIC - 1,x");
    /// assert_eq!(h.proc_id(), Some("12"));
    /// ```
    #[must_use]
    pub const fn proc_id(&self) -> Option<&'a str> {
        self.proc_id
    }

    /// RFC 5424 MSGID.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(b"<14>1 2020-12-04T16:00:02Z fw pan 12 TRAFFIC - 1,x");
    /// assert_eq!(h.msg_id(), Some("TRAFFIC"));
    /// ```
    #[must_use]
    pub const fn msg_id(&self) -> Option<&'a str> {
        self.msg_id
    }

    /// RFC 5424 STRUCTURED-DATA, all elements as sent (`[id k="v"]...`).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::syslog::SyslogHeader;
    /// let (h, _) = SyslogHeader::parse(br#"<14>1 - fw - - - [a x="]\""][b] 1,x"#);
    /// assert_eq!(h.structured_data(), Some(r#"[a x="]\""][b]"#));
    /// ```
    #[must_use]
    pub const fn structured_data(&self) -> Option<&'a str> {
        self.structured_data
    }

    /// The header's timestamp as a date-time.
    ///
    /// RFC 5424 and ISO 8601 timestamps carry their own offset. An RFC 3164
    /// timestamp (`Sep 16 10:00:02`) carries neither year nor zone: it is
    /// read in `year` and `zone`, which the caller must know.
    /// `None` if there is no timestamp or it is not a valid date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::FixedOffset;
    /// use panlog::syslog::SyslogHeader;
    ///
    /// let utc = FixedOffset::east_opt(0).unwrap();
    /// let (h, _) = SyslogHeader::parse(b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02");
    /// assert_eq!(h.datetime(2019, utc).unwrap().to_rfc3339(), "2019-09-16T10:00:02+00:00");
    ///
    /// let (h, _) = SyslogHeader::parse(b"<14>1 2020-12-04T16:00:02+01:00 fw - - - - 1,x");
    /// assert_eq!(h.datetime(1999, utc).unwrap().to_rfc3339(), "2020-12-04T16:00:02+01:00");
    /// ```
    #[must_use]
    pub fn datetime(&self, year: i32, zone: impl Into<Zone>) -> Option<DateTime<FixedOffset>> {
        let ts = self.timestamp?;
        if let Ok(dt) = DateTime::parse_from_rfc3339(ts) {
            return Some(dt);
        }
        // An ISO time without an offset is the sender's local time.
        for form in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
            if let Ok(naive) = chrono::NaiveDateTime::parse_from_str(ts, form) {
                return Some(zone.into().resolve(naive).time);
            }
        }
        let b = bsd_parts(ts.as_bytes()).filter(|b| b.len == ts.len())?;
        let date = NaiveDate::from_ymd_opt(b.year.unwrap_or(year), b.month, b.day)?;
        let (h, m, s) = b.hms;
        let time = NaiveTime::from_hms_nano_opt(h, m, s, b.nanos)?;
        Some(zone.into().resolve(date.and_time(time)).time)
    }
}

/// `<PRI>` at the start of `line`: the priority and the bytes it took.
fn parse_pri(line: &[u8]) -> Option<(Priority, usize)> {
    if line.first() != Some(&b'<') {
        return None;
    }
    let digits = line[1..]
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) || line.get(1 + digits) != Some(&b'>') {
        return None;
    }
    let value = line[1..1 + digits]
        .iter()
        .fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'));
    let pri = Priority::new(u8::try_from(value).ok()?)?;
    Some((pri, digits + 2))
}

/// The RFC 5424 header after `<PRI>1 ` (at `at`), or `None` if it is not one.
fn parse_5424(
    line: &[u8],
    mut at: usize,
    priority: Option<Priority>,
) -> Option<(SyslogHeader<'_>, &[u8])> {
    let mut tokens = [None; 5];
    for slot in &mut tokens {
        let rest = &line[at..];
        let n = memchr::memchr(b' ', rest)?;
        if n == 0 {
            return None;
        }
        let token = as_str(&rest[..n])?;
        *slot = (token != "-").then_some(token);
        at += n + 1;
    }
    let [timestamp, hostname, app_name, proc_id, msg_id] = tokens;
    let sd_len = structured_data_len(&line[at..])?;
    let structured_data = as_str(&line[at..at + sd_len])?;
    at += sd_len;
    match line.get(at) {
        Some(b' ') => at += 1,
        None => {}
        Some(_) => return None,
    }
    // An optional UTF-8 byte order mark before the message.
    if line[at..].starts_with(b"\xEF\xBB\xBF") {
        at += 3;
    }
    let header = SyslogHeader {
        format: HeaderFormat::Rfc5424,
        raw: &line[..at],
        priority,
        timestamp,
        hostname,
        app_name,
        proc_id,
        msg_id,
        structured_data: (structured_data != "-").then_some(structured_data),
    };
    Some((header, &line[at..]))
}

/// The length of RFC 5424 STRUCTURED-DATA at the start of `s`: `-` or one or
/// more `[...]` elements, whose quoted values may hold `\"`, `\\`, `\]`.
fn structured_data_len(s: &[u8]) -> Option<usize> {
    if s.first() == Some(&b'-') {
        return Some(1);
    }
    let mut at = 0;
    while s.get(at) == Some(&b'[') {
        let mut in_value = false;
        let mut i = at + 1;
        loop {
            match *s.get(i)? {
                b'\\' if in_value => i += 1,
                b'"' => in_value = !in_value,
                b']' if !in_value => break,
                _ => {}
            }
            i += 1;
        }
        at = i + 1;
    }
    (at > 0).then_some(at)
}

/// A month's number by its English abbreviation, in any case (`Mar`,
/// `MAR`, `mar`: some devices and relays write it upper or lower case).
pub(crate) fn month_number(name: &[u8]) -> Option<u32> {
    // Every record's body is asked (`1,2` is no month): one match on the
    // lower-cased bytes (`| 0x20` lower-cases ASCII letters and turns no
    // other byte into one).
    let [a, b, c] = *name else { return None };
    Some(match &[a | 0x20, b | 0x20, c | 0x20] {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

/// The length of the RFC 3164 timestamp at the start of `s` (see
/// [`bsd_parts`]).
fn bsd_timestamp_len(s: &[u8]) -> Option<usize> {
    bsd_parts(s).map(|b| b.len)
}

/// An RFC 3164 timestamp's parts.
struct Bsd {
    /// Its length in bytes.
    len: usize,
    month: u32,
    day: u32,
    /// The year, when the timestamp has one (`Mar  5 2024 14:22:07`).
    year: Option<i32>,
    hms: (u32, u32, u32),
    nanos: u32,
}

/// The RFC 3164 timestamp at the start of `s`: `Mmm dd HH:MM:SS` with the
/// day space-padded (`Mar  5`), zero-padded (`Mar 05`) or bare (`Mar 5`),
/// one space more before a two-digit day (`Feb  22`, a relay's padding),
/// optionally a year after the day (`Mar  5 2024 14:22:07`) and a fraction
/// after the seconds (`14:22:07.123456`, high-precision relays).
fn bsd_parts(s: &[u8]) -> Option<Bsd> {
    // `2024 Mar  5 14:22:07`: the year before the month.
    if let Some(year) = year_at(s, 0) {
        let b = bsd_parts(s.get(5..)?).filter(|b| b.year.is_none())?;
        return Some(Bsd {
            len: b.len + 5,
            year: Some(year),
            ..b
        });
    }
    let month = month_number(s.get(..3)?)?;
    if s.get(3) != Some(&b' ') {
        return None;
    }
    // The common form, `Mar  5 14:22:07` or `Mar 05 14:22:07`, by position
    // (every BSD header is read with this; the general path below costs the
    // CSV parse bench 2 %).
    if let Some(t) = s.get(..15) {
        let d = |i: usize| t[i].is_ascii_digit();
        let v = |i: usize| u32::from(t[i] - b'0');
        if (t[4] == b' ' || d(4))
            && d(5)
            && t[6] == b' '
            && d(7)
            && d(8)
            && t[9] == b':'
            && d(10)
            && d(11)
            && t[12] == b':'
            && d(13)
            && d(14)
            && s.get(15) != Some(&b'.')
            && year_at(s, 16).is_none()
        {
            let day = if t[4] == b' ' { v(5) } else { v(4) * 10 + v(5) };
            return (1..=31).contains(&day).then(|| Bsd {
                len: 15,
                month,
                day,
                year: None,
                hms: (v(7) * 10 + v(8), v(10) * 10 + v(11), v(13) * 10 + v(14)),
                nanos: 0,
            });
        }
    }
    let mut at = 4;
    let spaces = s[at..].iter().take(2).take_while(|&&b| b == b' ').count();
    at += spaces;
    let digits = |from: usize, max: usize| {
        s.get(from..).map_or(0, |t| {
            t.iter()
                .take(max)
                .take_while(|b| b.is_ascii_digit())
                .count()
        })
    };
    // Digits already checked: their value, without a general parser.
    let number = |from: usize, len: usize| -> Option<u32> {
        s.get(from..from + len)?.iter().try_fold(0u32, |n, &b| {
            n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
    };
    let day_len = digits(at, 2);
    if day_len == 0 {
        return None;
    }
    let day = number(at, day_len)?;
    at += day_len;
    if s.get(at) != Some(&b' ') {
        return None;
    }
    at += 1;
    let mut year = None;
    if digits(at, 5) == 4 && s.get(at + 4) == Some(&b' ') {
        year = Some(i32::try_from(number(at, 4)?).ok()?);
        at += 5;
    }
    let t = s.get(at..at + 8)?;
    if !(t[2] == b':' && t[5] == b':' && [0, 1, 3, 4, 6, 7].iter().all(|&i| t[i].is_ascii_digit()))
    {
        return None;
    }
    let hms = (number(at, 2)?, number(at + 3, 2)?, number(at + 6, 2)?);
    at += 8;
    let mut nanos = 0;
    if s.get(at) == Some(&b'.') {
        let n = digits(at + 1, 9);
        if n == 0 {
            return None;
        }
        nanos = number(at + 1, n)? * 10u32.pow(9 - n as u32);
        at += 1 + n;
    }
    // `Mar  5 14:22:07 2024`: the year after the time.
    if year.is_none()
        && s.get(at) == Some(&b' ')
        && let Some(y) = year_at(s, at + 1)
    {
        year = Some(y);
        at += 5;
    }
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(Bsd {
        len: at,
        month,
        day,
        year,
        hms,
        nanos,
    })
}

/// A year of a syslog timestamp (`19xx` or `20xx`) at `s[at..]`, followed by
/// a space or the end.
fn year_at(s: &[u8], at: usize) -> Option<i32> {
    let t = s.get(at..at + 4)?;
    let ok = (t.starts_with(b"19") || t.starts_with(b"20"))
        && t[2].is_ascii_digit()
        && t[3].is_ascii_digit()
        && matches!(s.get(at + 4), None | Some(b' '));
    ok.then(|| t[..4].iter().fold(0, |n, &d| n * 10 + i32::from(d - b'0')))
}

/// An ISO 8601 / RFC 3339 timestamp (`2020-12-04T16:00:02.123+01:00`) at
/// the start of `s`: its length, up to the next space. Some collectors
/// write a space for the `T` (`2020-12-04 16:00:02`).
fn iso_timestamp_len(s: &[u8]) -> Option<usize> {
    if s.get(10) == Some(&b' ') && s.get(13) == Some(&b':') && is_iso_date(s) {
        let time = &s[11..];
        let len = memchr::memchr(b' ', time).unwrap_or(time.len());
        let ok = len >= 8
            && time[..len]
                .iter()
                .all(|b| b.is_ascii_digit() || b":.+-Z".contains(b));
        return ok.then_some(11 + len);
    }
    iso_token_len(s, b' ')
}

/// The length of an ISO 8601 time at the start of `s` that runs to the
/// first `stop` (or the end): `None` unless it starts with a date and `T`
/// and holds only timestamp characters (a comma before a space means a CSV
/// body that starts with a time, the cloud forwarder's, not a header).
fn iso_token_len(s: &[u8], stop: u8) -> Option<usize> {
    if !(is_iso_date(s) && s.get(10) == Some(&b'T')) {
        return None;
    }
    let len = memchr::memchr(stop, s).unwrap_or(s.len());
    s[..len]
        .iter()
        .all(|b| b.is_ascii_digit() || b"-:.+TZ".contains(b))
        .then_some(len)
}

/// Whether `s` starts with an ISO 8601 date, `2020-12-04`.
fn is_iso_date(s: &[u8]) -> bool {
    s.get(..10)
        .is_some_and(|d| d[..4].iter().all(u8::is_ascii_digit) && d[4] == b'-' && d[7] == b'-')
}

/// Whether `s` starts like a PAN-OS CSV body: a first column of letters and
/// digits (`1` on native output, the serial in AUDIT logs), a comma, then a
/// date (`2020/12/04`, `9/16/19`, `2020-10-12T...`).
///
/// A hostname never holds a comma followed by a date, so this tells a BSD
/// header's hostname from a body that follows the timestamp directly.
///
/// # Example
///
/// ```
/// use panlog::syslog::is_body_start;
/// assert!(is_body_start(b"1,2020/12/04 16:00:02,0164"));
/// assert!(is_body_start(b"1,9/16/19 10:00,1801"));
/// assert!(is_body_start(b"012801000000,2023/01/01 00:00:00,audit"));
/// assert!(is_body_start(b",2020/12/04 16:00:02,0164"));
/// assert!(!is_body_start(b"PA-1 1,2020/12/04"));
/// assert!(!is_body_start(b"fw,01 1,2020/12/04"));
/// ```
#[must_use]
pub fn is_body_start(s: &[u8]) -> bool {
    // Reads at most BODY_START_LEN bytes: 41 + ',' + 5 digits + separator.
    // The first column may be empty (`,2020/12/04 ...`: some senders leave
    // FUTURE_USE out).
    let first = s
        .iter()
        .take(41)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if s.get(first) != Some(&b',') {
        return false;
    }
    let rest = &s[first + 1..];
    let digits = rest
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_digit())
        .count();
    matches!(
        (digits, rest.get(digits)),
        (4, Some(b'/' | b'-')) | (1 | 2, Some(b'/'))
    )
}

/// How many bytes [`is_body_start`] reads at most: fewer (without a newline)
/// may not be enough to tell.
pub(crate) const BODY_START_LEN: usize = 48;

/// Whether `s` (the start of a line) looks like the start of a PAN-OS log
/// record: a syslog header's start (a PRI `<14>`, an RFC 3164 or ISO
/// timestamp, RFC 5424's `1 ` and time), an RFC 6587 octet count (`123 <`),
/// or a CSV body ([`is_body_start`], or the cloud
/// forwarder's, which starts with an ISO time and a comma).
///
/// The framer asks this of the line after a newline that falls inside a
/// quoted field: if that line starts a record, the quote was never closed and
/// the record ends at the newline, so one bad quote cannot swallow the
/// records after it.
///
/// # Example
///
/// ```
/// use panlog::syslog::looks_like_record_start;
/// assert!(looks_like_record_start(b"<14>Sep 16 10:00:02 PA-1 1,2019"));
/// assert!(looks_like_record_start(b"312 <14>1 2020-12-04T16:00:02Z"));
/// assert!(looks_like_record_start(b"Sep 16 10:00:02 1,2019/09/16"));
/// assert!(looks_like_record_start(b"1,2020/12/04 16:00:02,0164"));
/// assert!(looks_like_record_start(b"2024-03-05T14:22:07.000000Z,0011,THREAT"));
/// assert!(!looks_like_record_start(b"second line of a description\","));
/// ```
#[must_use]
pub fn looks_like_record_start(s: &[u8]) -> bool {
    starts_header(s)
        || octet_count_len(s).is_some()
        || is_body_start(s)
        || iso_token_len(s, b',').is_some_and(|n| s.get(n) == Some(&b','))
}

/// A syslog tag that stands before a record's body: `paloalto: `,
/// `panos[42]: `, a bare `: ` or a nil `- `.
struct Tag<'a> {
    app: &'a [u8],
    pid: Option<&'a [u8]>,
    /// The tag's length with the spaces after it.
    len: usize,
}

/// The syslog tag at the start of `s` (a name of at most 48 letters, digits
/// and `_.-/`, an optional `[pid]`, a colon and spaces) if a record's body
/// follows it: a CSV body ([`is_body_start`]), CEF, LEEF or a JSON object.
fn tag_before_body(s: &[u8]) -> Option<Tag<'_>> {
    let (app, pid, mut at) = if s.starts_with(b"- ") {
        // A relay's nil tag (RFC 5424's `-` carried into a BSD line).
        (&s[..0], None, 1)
    } else {
        let app_len = s
            .iter()
            .take(49)
            .take_while(|&&b| b.is_ascii_alphanumeric() || b"_.-/".contains(&b))
            .count();
        // `CEF: 0|...` (a space after CEF's colon) is a body, not a tag.
        if app_len > 48 || matches!(&s[..app_len], b"CEF" | b"LEEF") {
            return None;
        }
        let mut at = app_len;
        let mut pid = None;
        if s.get(at) == Some(&b'[') {
            let digits = s[at + 1..]
                .iter()
                .take(11)
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !(1..=10).contains(&digits) || s.get(at + 1 + digits) != Some(&b']') {
                return None;
            }
            pid = Some(&s[at + 1..at + 1 + digits]);
            at += digits + 2;
        }
        if s.get(at) != Some(&b':') {
            return None;
        }
        (&s[..app_len], pid, at + 1)
    };
    at += spaces(&s[at..]);
    let body = &s[at..];
    let keyed = body.starts_with(b"CEF:")
        || body.starts_with(b"LEEF:")
        || body.starts_with(b"{\"")
        || (body.len() > 1 && body[0].is_ascii_digit() && body[1] == b'|');
    (keyed || is_body_start(body)).then_some(Tag { app, pid, len: at })
}

/// Where a CSV body ([`is_body_start`]) starts in `s` after words
/// separated by spaces: the word before the first comma, if nothing before it
/// is a key's `=`, a CEF or LEEF `|`, a quote, a brace or a line end. Reads at
/// most [`MAX_WORDS_LEN`] bytes.
fn body_after_words(s: &[u8]) -> Option<usize> {
    let window = &s[..s.len().min(MAX_WORDS_LEN)];
    let comma = memchr::memchr(b',', window)?;
    let at = memchr::memrchr2(b' ', b'\t', &window[..comma])? + 1;
    let words = &window[..at];
    let plain = !words
        .iter()
        .any(|b| matches!(b, b'=' | b'|' | b'"' | b'{' | b'<' | b'\n' | b'\r'));
    (plain && is_body_start(&s[at..])).then_some(at)
}

/// How far [`body_after_words`] looks for the body.
const MAX_WORDS_LEN: usize = 256;

/// The last of `words` if it could be a hostname (letters, digits, `-._`,
/// not only digits).
fn last_word_as_hostname(words: &[u8]) -> Option<&str> {
    let words = words.trim_ascii_end();
    let word = &words[words
        .iter()
        .rposition(|b| matches!(b, b' ' | b'\t'))
        .map_or(0, |i| i + 1)..];
    let name = word
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(b))
        && !word.iter().all(u8::is_ascii_digit);
    if name { as_str(word) } else { None }
}

/// The number of spaces at the start of `s`.
fn spaces(s: &[u8]) -> usize {
    s.iter().take_while(|&&b| b == b' ').count()
}

/// How many headers in a row [`SyslogHeader::parse`] reads (relays each
/// prepend one; a bound keeps a line of nothing but headers linear).
const MAX_NESTED_HEADERS: usize = 4;

/// Whether `s` starts with what a syslog header starts with: a PRI, an RFC
/// 5424 version and timestamp, or an RFC 3164 or ISO timestamp.
fn starts_header(s: &[u8]) -> bool {
    // By the first byte: every record's body is asked, and most are CSV.
    match s.first() {
        Some(b'<') => parse_pri(s).is_some(),
        Some(b) if b.is_ascii_alphabetic() => bsd_timestamp_len(s).is_some(),
        Some(b'1') if s.get(1) == Some(&b' ') => iso_timestamp_len(&s[2..]).is_some(),
        Some(b) if b.is_ascii_digit() => {
            iso_timestamp_len(s).is_some() || bsd_timestamp_len(s).is_some()
        }
        _ => false,
    }
}

/// Whether `s` starts with a syslog PRI (`<14>`).
pub(crate) fn has_pri(s: &[u8]) -> bool {
    parse_pri(s).is_some()
}

/// An RFC 6587 octet-counting prefix (`MSG-LEN SP`) at the start of `s`:
/// the announced length and the prefix's length. The message after it
/// starts with a PRI (`<14>`), or, where a relay dropped the PRI, with a
/// PAN-OS CSV body ([`is_body_start`]) of a plausible length.
pub(crate) fn octet_count_len(s: &[u8]) -> Option<(usize, usize)> {
    /// The shortest message a PRI-less frame may announce: below it, `12 1,`
    /// is more likely text than a frame.
    const MIN_BARE: usize = 16;
    let digits = s.iter().take(10).take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 9 || s[0] == b'0' || s.get(digits) != Some(&b' ') {
        return None;
    }
    let n = s[..digits]
        .iter()
        .fold(0usize, |n, &d| n * 10 + usize::from(d - b'0'));
    let message = &s[digits + 1..];
    let ok = message.first() == Some(&b'<') || (n >= MIN_BARE && is_body_start(message));
    ok.then_some((n, digits + 1))
}

fn as_str(b: &[u8]) -> Option<&str> {
    std::str::from_utf8(b).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsd_timestamps_with_padding() {
        assert_eq!(bsd_timestamp_len(b"Feb 22 21:32:20 x"), Some(15));
        assert_eq!(bsd_timestamp_len(b"Feb  2 21:32:20 x"), Some(15));
        assert_eq!(bsd_timestamp_len(b"Feb  22 21:32:20 x"), Some(16));
        assert_eq!(bsd_timestamp_len(b"Feb  2x 21:32:20 x"), None);
        let (h, body) = SyslogHeader::parse(b"<14>Feb  22 21:32:20 pa-fw-2 1,2012/04/08");
        assert_eq!(
            (h.hostname(), body),
            (Some("pa-fw-2"), &b"1,2012/04/08"[..])
        );
        let t = h.datetime(2018, Zone::UTC).unwrap();
        assert_eq!(t.to_rfc3339(), "2018-02-22T21:32:20+00:00");
    }

    #[test]
    fn pri_bounds() {
        assert!(parse_pri(b"<191>x").is_some());
        assert!(parse_pri(b"<192>x").is_none());
        assert!(parse_pri(b"<>x").is_none());
        assert!(parse_pri(b"<1234>x").is_none());
        assert!(parse_pri(b"<14").is_none());
    }

    #[test]
    fn octet_prefix() {
        assert_eq!(octet_count_len(b"12 <14>"), Some((12, 3)));
        assert_eq!(octet_count_len(b"012 <14>"), None);
        assert_eq!(octet_count_len(b"1,2020"), None);
        assert_eq!(octet_count_len(b"1234567890 <"), None);
        assert_eq!(
            octet_count_len(b"40 1,2024/03/05 14:22:07,0128,TRAFFIC"),
            Some((40, 3))
        );
        assert_eq!(octet_count_len(b"12 1,2024/03/05 14:22:07"), None);
        assert_eq!(octet_count_len(b"1 2022-10-11T17:19:35Z h"), None);
    }

    #[test]
    fn structured_data_forms() {
        assert_eq!(structured_data_len(b"- x"), Some(1));
        assert_eq!(structured_data_len(b"[a][b c=\"]\"] x"), Some(12));
        assert_eq!(structured_data_len(b"[a x=\"\\\"]\"]"), Some(11));
        assert_eq!(structured_data_len(b"[unterminated"), None);
        assert_eq!(structured_data_len(b"x"), None);
    }
}
