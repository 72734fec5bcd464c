//! Typed values: how the text of a PAN-OS column becomes a number, an IP
//! address, a time, a flag set, a threat id or a documented word.
//!
//! These are small functions and newtypes, usable on any text; [`Log`]'s typed
//! getters call them on a record's fields and add where the field is to
//! their errors.
//!
//! [`Log`]: crate::Log
//!
//! # Example
//!
//! ```
//! use chrono::FixedOffset;
//! use panlog::value::{parse_port, parse_timestamp, SessionFlags, ThreatId};
//!
//! let tz = FixedOffset::east_opt(2 * 3600).unwrap();
//! let t = parse_timestamp("2020/12/04 16:00:02", tz).unwrap();
//! assert_eq!(t.to_rfc3339(), "2020-12-04T16:00:02+02:00");
//!
//! let port = parse_port("70000").unwrap(); // seen in real logs
//! assert_eq!((port.get(), port.is_valid()), (70000, false));
//!
//! assert!(SessionFlags::new(0x0040_0000).nat());
//! assert_eq!(ThreatId::parse("Eicar(39040)").id, Some(39040));
//! ```

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};
use serde::{Serialize, Serializer};

use crate::schema::ValueKind;
use crate::zone::{Fold, Resolved, Zone};

/// Why a column's text is not a value of its kind.
///
/// # Example
///
/// ```
/// use panlog::value::{parse_u64, ValueError};
/// assert_eq!(parse_u64("12a"), Err(ValueError::NotANumber));
/// assert_eq!(ValueError::NotANumber.to_string(), "not a number");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ValueError {
    /// Not a decimal integer.
    #[error("not a number")]
    NotANumber,
    /// A number too large for its type.
    #[error("number out of range")]
    Overflow,
    /// Not a hexadecimal number.
    #[error("not a hexadecimal number")]
    NotHex,
    /// Not an IPv4 or IPv6 address.
    #[error("not an IP address")]
    NotAnIp,
    /// Not in any of PAN-OS's timestamp formats.
    #[error("not a PAN-OS timestamp")]
    NotATimestamp,
    /// A timestamp in a known format whose date, time or offset does not exist.
    #[error("date, time or offset out of range")]
    OutOfRange,
    /// The field's bytes are not UTF-8.
    #[error("not UTF-8")]
    NotUtf8,
}

/// A decimal counter: ASCII digits only, at most `u64::MAX`.
///
/// # Errors
///
/// [`ValueError::NotANumber`] for anything but digits (signs, spaces, an empty
/// string), [`ValueError::Overflow`] past `u64::MAX`.
///
/// # Example
///
/// ```
/// use panlog::value::parse_u64;
/// assert_eq!(parse_u64("50660381839"), Ok(50660381839));
/// assert!(parse_u64("-1").is_err());
/// ```
pub fn parse_u64(text: &str) -> Result<u64, ValueError> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return Err(ValueError::NotANumber);
    }
    let mut n: u64 = 0;
    for &b in bytes {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return Err(ValueError::NotANumber);
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(d)))
            .ok_or(ValueError::Overflow)?;
    }
    Ok(n)
}

/// A decimal integer that may be negative (SCTP's `ppid` uses `-1` for none).
///
/// # Errors
///
/// As [`parse_u64`], for the digits after an optional `-`.
///
/// # Example
///
/// ```
/// use panlog::value::parse_i64;
/// assert_eq!(parse_i64("-1"), Ok(-1));
/// assert_eq!(parse_i64("42"), Ok(42));
/// ```
pub fn parse_i64(text: &str) -> Result<i64, ValueError> {
    match text.strip_prefix('-') {
        Some(digits) => {
            let n = parse_u64(digits)?;
            if n > i64::MAX as u64 + 1 {
                return Err(ValueError::Overflow);
            }
            Ok((n as i64).wrapping_neg())
        }
        None => i64::try_from(parse_u64(text)?).map_err(|_| ValueError::Overflow),
    }
}

/// A hexadecimal number, with or without `0x`, up to 64 bits.
///
/// # Errors
///
/// [`ValueError::NotHex`] for a non-hex digit or no digits,
/// [`ValueError::Overflow`] past 16 significant digits.
///
/// # Example
///
/// ```
/// use panlog::value::parse_hex;
/// assert_eq!(parse_hex("0x8000000000000000"), Ok(1 << 63));
/// assert_eq!(parse_hex("0x0"), Ok(0));
/// assert!(parse_hex("0x").is_err());
/// ```
pub fn parse_hex(text: &str) -> Result<u64, ValueError> {
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    if digits.is_empty() {
        return Err(ValueError::NotHex);
    }
    let mut n: u64 = 0;
    for &b in digits.as_bytes() {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return Err(ValueError::NotHex),
        };
        if n >> 60 != 0 {
            return Err(ValueError::Overflow);
        }
        n = n << 4 | u64::from(d);
    }
    Ok(n)
}

/// An IPv4 or IPv6 address.
///
/// # Errors
///
/// [`ValueError::NotAnIp`] for anything else.
///
/// # Example
///
/// ```
/// use panlog::value::parse_ip;
/// assert_eq!(parse_ip("10.0.0.1").unwrap().to_string(), "10.0.0.1");
/// assert!(parse_ip("2001:db8::1").unwrap().is_ipv6());
/// assert!(parse_ip("10.0.0.256").is_err());
/// ```
pub fn parse_ip(text: &str) -> Result<IpAddr, ValueError> {
    match dotted_quad(text.as_bytes()) {
        Some(octets) => Ok(IpAddr::from(octets)),
        None => text.parse().map_err(|_| ValueError::NotAnIp),
    }
}

/// A dotted IPv4 address as `Ipv4Addr`'s parser reads one (four decimal
/// octets up to 255, no leading zero), in one pass; `None` for anything
/// else, which the full parser then reads or refuses. A log's addresses
/// are mostly IPv4, and the full parser cost five times as much.
fn dotted_quad(text: &[u8]) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut at = 0;
    for (k, octet) in octets.iter_mut().enumerate() {
        if k > 0 {
            if text.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let start = at;
        let mut n = 0u32;
        while at - start < 3
            && let Some(&b) = text.get(at)
            && b.is_ascii_digit()
        {
            n = n * 10 + u32::from(b - b'0');
            at += 1;
        }
        if at == start || n > 255 || (text[start] == b'0' && at - start > 1) {
            return None;
        }
        *octet = n as u8;
    }
    (at == text.len()).then_some(octets)
}

/// A TCP/UDP port as PAN-OS logs it.
///
/// Real logs sometimes carry a port above 65535; it is kept as its number and
/// [`is_valid`](Port::is_valid) says it is out of range, so nothing is dropped.
///
/// # Example
///
/// ```
/// use panlog::value::Port;
/// let p = Port::new(443);
/// assert_eq!(p.as_u16(), Some(443));
/// assert_eq!(Port::new(70000).as_u16(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Port(u32);

impl Port {
    /// The port `number`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::Port::new(53).get(), 53);
    /// ```
    #[must_use]
    pub const fn new(number: u32) -> Port {
        Port(number)
    }

    /// The number as logged.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::Port::new(65536).get(), 65536);
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }

    /// Whether the number is a real port (at most 65535).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!panlog::value::Port::new(65536).is_valid());
    /// ```
    #[must_use]
    pub const fn is_valid(self) -> bool {
        self.0 <= u16::MAX as u32
    }

    /// The port as a `u16`, if it is one.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::Port::new(80).as_u16(), Some(80));
    /// ```
    #[must_use]
    pub const fn as_u16(self) -> Option<u16> {
        if self.is_valid() {
            Some(self.0 as u16)
        } else {
            None
        }
    }
}

impl fmt::Display for Port {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Port {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

/// A port: a decimal number up to `u32::MAX` (above 65535 is kept, see [`Port`]).
///
/// # Errors
///
/// As [`parse_u64`]; [`ValueError::Overflow`] past `u32::MAX`.
///
/// # Example
///
/// ```
/// use panlog::value::parse_port;
/// assert_eq!(parse_port("443").unwrap().as_u16(), Some(443));
/// assert!(parse_port("http").is_err());
/// ```
pub fn parse_port(text: &str) -> Result<Port, ValueError> {
    u32::try_from(parse_u64(text)?)
        .map(Port)
        .map_err(|_| ValueError::Overflow)
}

/// A PAN-OS timestamp, read in `tz` when the text has no offset of its own.
///
/// The formats PAN-OS writes:
///
/// - `2020/12/04 16:00:02`: the classic columns (`receive_time`, `start`, ...),
///   the firewall's local time;
/// - `9/16/19 10:00` (seconds optional, year in two or four digits): some
///   exports;
/// - ISO 8601, `2023-10-04T18:54:25.443+08:00`, with fractional seconds and
///   `Z` or a numeric offset (`high_res_timestamp`, Strata forwarding); without
///   an offset it is read in `tz` too.
///
/// PAN-OS's naive times have no zone: `tz` is the caller's knowledge of the
/// firewall's, never a silent assumption ([`crate::Parser`] defaults to UTC
/// and says so).
///
/// # Errors
///
/// [`ValueError::NotATimestamp`] for another shape, [`ValueError::OutOfRange`]
/// for a date or time that does not exist (`2021/02/30`, `25:00`).
///
/// # Example
///
/// ```
/// use chrono::FixedOffset;
/// use panlog::value::parse_timestamp;
///
/// let utc = FixedOffset::east_opt(0).unwrap();
/// let t = parse_timestamp("2023-10-04T18:54:25.443+08:00", utc).unwrap();
/// assert_eq!(t.to_rfc3339(), "2023-10-04T18:54:25.443+08:00");
/// let t = parse_timestamp("9/16/19 10:00", utc).unwrap();
/// assert_eq!(t.to_rfc3339(), "2019-09-16T10:00:00+00:00");
/// assert!(parse_timestamp("2021/02/30 00:00:00", utc).is_err());
/// ```
pub fn parse_timestamp(
    text: &str,
    zone: impl Into<Zone>,
) -> Result<DateTime<FixedOffset>, ValueError> {
    parse_local(text, zone.into()).map(|r| r.time)
}

/// [`parse_timestamp`], saying how a naive time fell in `zone`: unique,
/// ambiguous (the repeated hour of a daylight-saving change) or in a gap
/// (the skipped hour). A time with its own offset is always unique.
///
/// # Errors
///
/// As [`parse_timestamp`].
///
/// # Example
///
/// ```
/// use panlog::value::parse_local;
/// use panlog::zone::{Fold, Zone};
///
/// let r = parse_local("2023-10-04T18:54:25Z", Zone::UTC).unwrap();
/// assert_eq!(r.fold, Fold::Unique);
/// # #[cfg(feature = "tz")] {
/// let paris: Zone = "Europe/Paris".parse().unwrap();
/// let r = parse_local("2024/10/27 02:30:00", paris).unwrap();
/// assert_eq!((r.time.to_rfc3339().as_str(), r.fold), ("2024-10-27T02:30:00+02:00", Fold::Ambiguous));
/// # }
/// ```
pub fn parse_local(text: &str, zone: Zone) -> Result<Resolved, ValueError> {
    let b = text.as_bytes();
    // The common form by position; the general reader below reads it the
    // same way, a field at a time.
    if let Some([year, month, day, hour, minute, second]) = slash_form(b) {
        let naive = NaiveDate::from_ymd_opt(year as i32, month, day)
            .and_then(|d| d.and_hms_opt(hour, minute, second))
            .ok_or(ValueError::OutOfRange)?;
        return Ok(zone.resolve(naive));
    }
    read_local(b, zone)
}

/// [`parse_local`] a field at a time: every form it reads.
fn read_local(b: &[u8], zone: Zone) -> Result<Resolved, ValueError> {
    let mut cur = Cursor { b, i: 0 };
    let year4 = b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit);
    let (year, month, day) = if year4 && b[4] == b'/' {
        // YYYY/MM/DD HH:MM:SS
        let y = cur.digits(4, 4)?;
        cur.expect(b'/')?;
        let m = cur.digits(2, 2)?;
        cur.expect(b'/')?;
        (y, m, cur.digits(2, 2)?)
    } else if year4 && b[4] == b'-' {
        let y = cur.digits(4, 4)?;
        cur.expect(b'-')?;
        let m = cur.digits(2, 2)?;
        cur.expect(b'-')?;
        (y, m, cur.digits(2, 2)?)
    } else {
        // M/D/YY
        let m = cur.digits(1, 2)?;
        cur.expect(b'/')?;
        let d = cur.digits(1, 2)?;
        cur.expect(b'/')?;
        let start = cur.i;
        let y = cur.digits(2, 4)?;
        let y = match cur.i - start {
            2 => 2000 + y,
            4 => y,
            _ => return Err(ValueError::NotATimestamp),
        };
        (y, m, d)
    };
    let iso = b.get(cur.i) == Some(&b'T');
    if !iso {
        cur.expect(b' ')?;
        // Some relays garble the gap: `2025/09/23 - - - 07:10:08`.
        while b.get(cur.i..cur.i + 2) == Some(b"- ") {
            cur.i += 2;
        }
    } else {
        cur.i += 1;
    }
    let hour = cur.digits(1, 2)?;
    cur.expect(b':')?;
    let minute = cur.digits(2, 2)?;
    let second = if cur.peek() == Some(b':') {
        cur.i += 1;
        cur.digits(2, 2)?
    } else {
        0
    };
    let mut nanos = 0;
    if cur.peek() == Some(b'.') {
        cur.i += 1;
        let start = cur.i;
        let frac = cur.digits(1, 9)?;
        nanos = frac * 10u32.pow(9 - (cur.i - start) as u32);
    }
    let offset = match cur.peek() {
        None => None,
        Some(b'Z' | b'z') if cur.i + 1 == b.len() => FixedOffset::east_opt(0),
        Some(sign @ (b'+' | b'-')) => {
            cur.i += 1;
            let h = cur.digits(2, 2)?;
            if cur.peek() == Some(b':') {
                cur.i += 1;
            }
            let m = cur.digits(2, 2)?;
            if cur.i != b.len() {
                return Err(ValueError::NotATimestamp);
            }
            let secs = (h * 3600 + m * 60) as i32;
            Some(
                FixedOffset::east_opt(if sign == b'-' { -secs } else { secs })
                    .ok_or(ValueError::OutOfRange)?,
            )
        }
        Some(_) => return Err(ValueError::NotATimestamp),
    };
    let naive = NaiveDate::from_ymd_opt(year as i32, month, day)
        .and_then(|d| d.and_hms_nano_opt(hour, minute, second, nanos))
        .ok_or(ValueError::OutOfRange)?;
    match offset {
        Some(offset) => Ok(Resolved {
            time: offset
                .from_local_datetime(&naive)
                .single()
                .ok_or(ValueError::OutOfRange)?,
            fold: Fold::Unique,
        }),
        None => Ok(zone.resolve(naive)),
    }
}

/// PAN-OS's own time form, `2024/03/05 14:22:07`, read by position: year,
/// month, day, hour, minute and second, if `text` is exactly of the form
/// (whether they name a time is the caller's to check). Most times of a
/// log are of it.
fn slash_form(text: &[u8]) -> Option<[u32; 6]> {
    let t: &[u8; 19] = text.try_into().ok()?;
    let separators = [(4, b'/'), (7, b'/'), (10, b' '), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| t[at] != byte) {
        return None;
    }
    // The two digits at `at`, as a number.
    let two = |at: usize| {
        let (a, b) = (t[at].wrapping_sub(b'0'), t[at + 1].wrapping_sub(b'0'));
        (a < 10 && b < 10).then(|| u32::from(a) * 10 + u32::from(b))
    };
    Some([
        two(0)? * 100 + two(2)?,
        two(5)?,
        two(8)?,
        two(11)?,
        two(14)?,
        two(17)?,
    ])
}

/// Whether the numbers name a time that exists (leap years counted; no
/// leap second, as chrono reads none from text).
pub(crate) fn is_real_time(
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=days).contains(&day) && hour <= 23 && minute <= 59 && second <= 59
}

/// PAN-OS's own time form, `2024/03/05 14:22:07`, in a zone of fixed
/// offset (`offset`, seconds east), as the RFC 3339 text its value writes:
/// the text rearranged, without a trip through a date type. `None` if
/// `text` is not of the form or names no time, and for years next to the
/// placeholder ones (1969, 1970) or the end of four digits: those take the
/// full path.
pub(crate) fn slash_form_rfc3339(text: &[u8], offset: i32) -> Option<[u8; 25]> {
    let [year, month, day, hour, minute, second] = slash_form(text)?;
    if !(1972..=9998).contains(&year) || !is_real_time(year, month, day, hour, minute, second) {
        return None;
    }
    let mut iso = [0u8; 25];
    iso[..19].copy_from_slice(text);
    iso[4] = b'-';
    iso[7] = b'-';
    iso[10] = b'T';
    iso[19..].copy_from_slice(&offset_text(offset));
    Some(iso)
}

/// Whether a column starts like one of PAN-OS's times (`2024/03/05 ...`,
/// `2024-03-05T...`): how a body without its leading `1,` is recognised.
pub(crate) fn looks_like_timestamp(b: &[u8]) -> bool {
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'/' | b'-')
}

/// Whether a time is the placeholder old releases write for "no time": the
/// epoch in the firewall's zone (`1969-12-31T16:00:00.000-08:00`), or any
/// instant in 1969 or 1970.
///
/// [`Log`](crate::Log)'s getters treat such a value as absent.
///
/// # Example
///
/// ```
/// use chrono::FixedOffset;
/// use panlog::value::{is_placeholder, parse_timestamp};
///
/// let utc = FixedOffset::east_opt(0).unwrap();
/// assert!(is_placeholder(&parse_timestamp("1969-12-31T16:00:00.000-08:00", utc).unwrap()));
/// assert!(!is_placeholder(&parse_timestamp("2020/12/04 16:00:02", utc).unwrap()));
/// ```
#[must_use]
pub fn is_placeholder(time: &DateTime<FixedOffset>) -> bool {
    matches!(time.naive_utc().year(), 1969 | 1970)
}

struct Cursor<'b> {
    b: &'b [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn expect(&mut self, c: u8) -> Result<(), ValueError> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(ValueError::NotATimestamp)
        }
    }

    /// Between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Result<u32, ValueError> {
        let start = self.i;
        let mut n = 0u32;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    n = n * 10 + u32::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        if self.i - start < min {
            return Err(ValueError::NotATimestamp);
        }
        Ok(n)
    }
}

/// A THREAT log's `threatid`: `Name(12345)`, split into the name and the id.
///
/// The id is the *last* parenthesised number, because names can hold
/// parentheses themselves; URL logs write only `(9999)`. Text without a
/// trailing `(number)` is all name.
///
/// # Example
///
/// ```
/// use panlog::value::ThreatId;
///
/// let t = ThreatId::parse("Bot: Backdoor_Win32_IRCBot_emv(19974)");
/// assert_eq!((&*t.name, t.id), ("Bot: Backdoor_Win32_IRCBot_emv", Some(19974)));
/// let t = ThreatId::parse("Trojan (Agent) Detection(41000)");
/// assert_eq!((&*t.name, t.id), ("Trojan (Agent) Detection", Some(41000)));
/// assert_eq!(ThreatId::parse("(9999)").name, "");
/// assert_eq!(ThreatId::parse("no id").id, None);
/// // A bare number (the cloud forwarder's `ThreatID`) is the id.
/// assert_eq!(ThreatId::parse("109010003"), ThreatId { name: "".into(), id: Some(109010003) });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ThreatId<'a> {
    /// The threat's name, without the id (trailing spaces trimmed).
    pub name: Cow<'a, str>,
    /// The numeric id, if the text ends with one in parentheses or is one.
    pub id: Option<u64>,
}

impl<'a> ThreatId<'a> {
    /// Splits `text` into the name and the id.
    ///
    /// # Example
    ///
    /// ```
    /// let t = panlog::value::ThreatId::parse(String::from("Eicar Test File(39040)"));
    /// assert_eq!(t.id, Some(39040));
    /// ```
    pub fn parse(text: impl Into<Cow<'a, str>>) -> ThreatId<'a> {
        let text = text.into();
        if !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit())
            && let Ok(id) = parse_u64(&text)
        {
            return ThreatId {
                name: Cow::Borrowed(""),
                id: Some(id),
            };
        }
        let split = text
            .strip_suffix(')')
            .and_then(|rest| rest.rfind('(').map(|open| (open, &rest[open + 1..])))
            .and_then(|(open, digits)| parse_u64(digits).ok().map(|id| (open, id)));
        match split {
            None => ThreatId {
                name: text,
                id: None,
            },
            Some((open, id)) => {
                let name = match text {
                    Cow::Borrowed(s) => Cow::Borrowed(s[..open].trim_end()),
                    Cow::Owned(s) => Cow::Owned(s[..open].trim_end().to_owned()),
                };
                ThreatId { name, id: Some(id) }
            }
        }
    }

    /// The same id, owning its name.
    ///
    /// # Example
    ///
    /// ```
    /// let t = panlog::value::ThreatId::parse("x(1)").into_owned();
    /// assert_eq!(t.id, Some(1));
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ThreatId<'static> {
        ThreatId {
            name: Cow::Owned(self.name.into_owned()),
            id: self.id,
        }
    }
}

macro_rules! flag_accessors {
    ($ty:ident: $int:ty { $($(#[$doc:meta])* $fn:ident / $konst:ident = $bit:expr;)* }) => {
        impl $ty {
            $(
                $(#[$doc])*
                pub const $konst: $int = $bit;
            )*

            $(
                $(#[$doc])*
                #[must_use]
                pub const fn $fn(self) -> bool {
                    self.0 & Self::$konst != 0
                }
            )*

            /// Every documented flag: its name (the accessor's) and its bit.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use panlog::value::", stringify!($ty), ";")]
            #[doc = concat!("assert!(!", stringify!($ty), "::NAMED.is_empty());")]
            /// ```
            pub const NAMED: &'static [(&'static str, $int)] = &[$((stringify!($fn), $ty::$konst)),*];

            /// The flags with documented meanings that are set, by name.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use panlog::value::", stringify!($ty), ";")]
            #[doc = concat!("assert_eq!(", stringify!($ty), "::new(0).names().count(), 0);")]
            /// ```
            pub fn names(self) -> impl Iterator<Item = &'static str> {
                Self::NAMED.iter().filter(move |(_, bit)| self.0 & bit != 0).map(|(name, _)| *name)
            }
        }
    };
}

/// The session `flags` column (TRAFFIC, THREAT, DECRYPTION, TUNNEL): 32 bits
/// with documented meanings. Unknown low bits are common in real values and
/// are kept ([`bits`](SessionFlags::bits)), not rejected.
///
/// NAT is `0x00400000`; `0x2000` is *not* NAT (it marks a temporary rule
/// match for implicit application dependencies).
///
/// # Example
///
/// ```
/// use panlog::value::SessionFlags;
///
/// let f = SessionFlags::new(0x0140_0053);
/// assert!(f.nat() && f.ssl_decrypted() && !f.ipv6());
/// assert_eq!(f.names().collect::<Vec<_>>(), ["ssl_decrypted", "nat"]);
/// assert!(!SessionFlags::new(0x2000).nat());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SessionFlags(u32);

impl SessionFlags {
    /// Flags from their bits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::SessionFlags::new(5).bits(), 5);
    /// ```
    #[must_use]
    pub const fn new(bits: u32) -> SessionFlags {
        SessionFlags(bits)
    }

    /// All the bits, documented or not.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::SessionFlags::new(0x400053).bits(), 0x400053);
    /// ```
    #[must_use]
    pub const fn bits(self) -> u32 {
        self.0
    }
}

flag_accessors!(SessionFlags: u32 {
    /// The session has a packet capture (PCAP).
    pcap_included / PCAP = 0x8000_0000;
    /// The client may use multiple paths to the destination.
    multipath / MULTIPATH = 0x4000_0000;
    /// A sample was submitted to WildFire.
    wildfire_submitted / WILDFIRE_SUBMITTED = 0x2000_0000;
    /// An enterprise credential submission by the end user was detected.
    credential_detected / CREDENTIAL_DETECTED = 0x1000_0000;
    /// The source is on an allow list, exempt from recon protection.
    recon_exempt / RECON_EXEMPT = 0x0800_0000;
    /// An IPv6 session.
    ipv6 / IPV6 = 0x0200_0000;
    /// The SSL session is decrypted (SSL proxy).
    ssl_decrypted / SSL_DECRYPTED = 0x0100_0000;
    /// The session was denied by URL filtering.
    url_denied / URL_DENIED = 0x0080_0000;
    /// NAT translation was performed.
    nat / NAT = 0x0040_0000;
    /// The user information came from the Authentication (Captive) Portal.
    captive_portal / CAPTIVE_PORTAL = 0x0020_0000;
    /// The application runs on a non-standard destination port.
    non_standard_port / NON_STANDARD_PORT = 0x0010_0000;
    /// The source user holds an X-Forwarded-For value from a proxy.
    x_forwarded_for / X_FORWARDED_FOR = 0x0008_0000;
    /// A transaction within an HTTP proxy session.
    http_proxy / HTTP_PROXY = 0x0004_0000;
    /// The client-to-server flow is subject to policy-based forwarding.
    pbf_c2s / PBF_C2S = 0x0002_0000;
    /// The server-to-client flow is subject to policy-based forwarding.
    pbf_s2c / PBF_S2C = 0x0001_0000;
    /// A container page access.
    container_page / CONTAINER_PAGE = 0x0000_8000;
    /// A temporary rule match for implicit application dependencies (not NAT).
    implicit_dependency / IMPLICIT_DEPENDENCY = 0x0000_2000;
    /// Symmetric return was used.
    symmetric_return / SYMMETRIC_RETURN = 0x0000_0800;
    /// Decrypted traffic was sent in clear text out of a mirror port.
    decrypt_mirror / DECRYPT_MIRROR = 0x0000_0400;
    /// The outer tunnel's payload is being inspected.
    tunnel_inspected / TUNNEL_INSPECTED = 0x0000_0100;
});

/// The `actionflags` column: 64 bits, of which only the high one has a known
/// meaning (the log was forwarded to Panorama or a log collector).
///
/// # Example
///
/// ```
/// use panlog::value::ActionFlags;
/// assert!(ActionFlags::new(0x8000_0000_0000_0000).forwarded());
/// assert!(!ActionFlags::new(0).forwarded());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ActionFlags(u64);

impl ActionFlags {
    /// Flags from their bits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::ActionFlags::new(1).bits(), 1);
    /// ```
    #[must_use]
    pub const fn new(bits: u64) -> ActionFlags {
        ActionFlags(bits)
    }

    /// All the bits.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::ActionFlags::new(0).bits(), 0);
    /// ```
    #[must_use]
    pub const fn bits(self) -> u64 {
        self.0
    }
}

flag_accessors!(ActionFlags: u64 {
    /// The log was forwarded to Panorama or a log collector.
    forwarded / FORWARDED = 1 << 63;
});

macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal $(| $alias:literal)*,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name<'a> {
            $($(#[$vmeta])* $variant,)*
            /// A value outside the documented set, kept as written.
            Other(Cow<'a, str>),
        }

        impl<'a> $name<'a> {
            /// The value `text` names (ASCII case-insensitive; documented
            /// spellings such as `0`/`1` or `reset both` included), or
            /// `Other(text)`.
            pub fn parse(text: impl Into<Cow<'a, str>>) -> $name<'a> {
                let text = text.into();
                $(
                    if text.eq_ignore_ascii_case($text) $(|| text.eq_ignore_ascii_case($alias))* {
                        return $name::$variant;
                    }
                )*
                $name::Other(text)
            }

            /// The value's canonical spelling (an `Other` value as written).
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $name::Other(text) => text,
                    known => known.known_str().unwrap_or_default(),
                }
            }

            /// The canonical spelling of a documented value, as a `'static`
            /// string; `None` for `Other`.
            #[must_use]
            pub const fn known_str(&self) -> Option<&'static str> {
                match self {
                    $($name::$variant => Some($text),)*
                    $name::Other(_) => None,
                }
            }

            /// The same value, owning its text.
            #[must_use]
            pub fn into_owned(self) -> $name<'static> {
                match self {
                    $($name::$variant => $name::$variant,)*
                    $name::Other(text) => $name::Other(Cow::Owned(text.into_owned())),
                }
            }
        }

        impl fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// The `action` column of session and threat logs.
    ///
    /// The docs' spaced spellings (`reset both`, `drop ICMP`) read as the
    /// hyphenated ones the wire carries.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Action;
    /// assert_eq!(Action::parse("reset both"), Action::ResetBoth);
    /// assert_eq!(Action::parse("reset-both").as_str(), "reset-both");
    /// assert!(matches!(Action::parse("quarantine"), Action::Other(_)));
    /// ```
    Action {
        /// `allow`
        Allow = "allow",
        /// `deny`
        Deny = "deny",
        /// `drop`
        Drop = "drop",
        /// `drop-icmp` (`drop ICMP`)
        DropIcmp = "drop-icmp" | "drop icmp",
        /// `reset-client`
        ResetClient = "reset-client" | "reset client",
        /// `reset-server`
        ResetServer = "reset-server" | "reset server",
        /// `reset-both`
        ResetBoth = "reset-both" | "reset both",
        /// `alert` (THREAT)
        Alert = "alert",
        /// `drop-all-packets` (THREAT)
        DropAllPackets = "drop-all-packets" | "drop-all",
        /// `block-url` (THREAT)
        BlockUrl = "block-url",
        /// `block-ip` (THREAT)
        BlockIp = "block-ip",
        /// `random-drop` (THREAT)
        RandomDrop = "random-drop",
        /// `sinkhole` (THREAT)
        Sinkhole = "sinkhole",
        /// `syncookie-sent` (THREAT)
        SyncookieSent = "syncookie-sent",
        /// `block-continue` (URL)
        BlockContinue = "block-continue",
        /// `continue` (URL)
        Continue = "continue",
        /// `block-override` (URL)
        BlockOverride = "block-override",
        /// `override-lockout` (URL)
        OverrideLockout = "override-lockout",
        /// `override` (URL)
        Override = "override",
        /// `block` (WildFire)
        Block = "block",
    }
}

impl Action<'_> {
    /// Whether the action let the traffic through (`allow`, `alert`,
    /// `continue`, `override`).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Action;
    /// assert!(Action::Alert.is_allowed());
    /// assert!(!Action::ResetBoth.is_allowed());
    /// ```
    #[must_use]
    pub fn is_allowed(&self) -> bool {
        matches!(
            self,
            Action::Allow | Action::Alert | Action::Continue | Action::Override
        )
    }
}

word_enum! {
    /// The `severity` column.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Severity;
    /// assert_eq!(Severity::parse("High"), Severity::High);
    /// assert_eq!(Severity::High.ecs_severity(), Some(2));
    /// ```
    Severity {
        /// `informational`
        Informational = "informational",
        /// `low`
        Low = "low",
        /// `medium`
        Medium = "medium",
        /// `high`
        High = "high",
        /// `critical`
        Critical = "critical",
    }
}

impl Severity<'_> {
    /// ECS's `event.severity` number: critical 1, high 2, medium 3, low 4,
    /// informational 5.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::value::Severity::Informational.ecs_severity(), Some(5));
    /// ```
    #[must_use]
    pub fn ecs_severity(&self) -> Option<u8> {
        match self {
            Severity::Critical => Some(1),
            Severity::High => Some(2),
            Severity::Medium => Some(3),
            Severity::Low => Some(4),
            Severity::Informational => Some(5),
            Severity::Other(_) => None,
        }
    }
}

word_enum! {
    /// The THREAT `direction` column. The docs say `0`/`1`; logs carry the
    /// words. Both read the same.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Direction;
    /// assert_eq!(Direction::parse("1"), Direction::ServerToClient);
    /// assert_eq!(Direction::parse("client-to-server"), Direction::ClientToServer);
    /// ```
    Direction {
        /// `client-to-server` (`0`)
        ClientToServer = "client-to-server" | "0",
        /// `server-to-client` (`1`)
        ServerToClient = "server-to-client" | "1",
    }
}

word_enum! {
    /// TRAFFIC's `session_end_reason`, in the docs' priority order.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::SessionEndReason;
    /// assert_eq!(SessionEndReason::parse("aged-out"), SessionEndReason::AgedOut);
    /// assert_eq!(SessionEndReason::parse("n/a"), SessionEndReason::NotApplicable);
    /// ```
    SessionEndReason {
        /// `threat`
        Threat = "threat",
        /// `policy-deny`
        PolicyDeny = "policy-deny",
        /// `decrypt-cert-validation`
        DecryptCertValidation = "decrypt-cert-validation",
        /// `decrypt-unsupport-param`
        DecryptUnsupportParam = "decrypt-unsupport-param",
        /// `decrypt-error`
        DecryptError = "decrypt-error",
        /// `tcp-rst-from-client`
        TcpRstFromClient = "tcp-rst-from-client",
        /// `tcp-rst-from-server`
        TcpRstFromServer = "tcp-rst-from-server",
        /// `resources-unavailable`
        ResourcesUnavailable = "resources-unavailable",
        /// `tcp-fin`
        TcpFin = "tcp-fin",
        /// `tcp-reuse`
        TcpReuse = "tcp-reuse",
        /// `decoder`
        Decoder = "decoder",
        /// `aged-out`
        AgedOut = "aged-out",
        /// `unknown`
        Unknown = "unknown",
        /// `n/a`: the log's subtype is not `end`.
        NotApplicable = "n/a",
    }
}

/// A column's value, typed by its [`ValueKind`].
///
/// Text that does not read as its kind is kept as [`Value::Text`], never
/// dropped; the typed getters of [`Log`](crate::Log) report it as an error.
/// Serialized, numbers are numbers, times RFC 3339 strings and hex flags
/// their `0x` text (64-bit flags do not fit a JSON number exactly).
///
/// # Example
///
/// ```
/// use panlog::value::Value;
///
/// let log = panlog::parse(b"1,2020/12/04 16:00:02,0011,SYSTEM,general,0,2020/12/04 16:00:02,,ev,,,,general,high,text,42,0x0").unwrap();
/// assert_eq!(log.value("seqno"), Some(Value::Int(42)));
/// assert_eq!(serde_json::to_string(&log.value("actionflags")).unwrap(), r#""0x0""#);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// Text: strings, enumerations, and anything that did not read as its kind.
    Text(Cow<'a, str>),
    /// An integer.
    Int(i64),
    /// An unsigned integer above `i64::MAX`.
    UInt(u64),
    /// A port.
    Port(Port),
    /// An IP address.
    Ip(IpAddr),
    /// A hexadecimal number.
    Hex(u64),
    /// A time.
    Timestamp(DateTime<FixedOffset>),
    /// A THREAT id.
    ThreatId(ThreatId<'a>),
}

impl<'a> Value<'a> {
    /// Reads `text` as a value of `kind`, or keeps it as [`Value::Text`].
    ///
    /// Placeholder times (see [`is_placeholder`]) give `None`, as empty text does.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::FixedOffset;
    /// use panlog::schema::ValueKind;
    /// use panlog::value::{Port, Value};
    ///
    /// let utc = FixedOffset::east_opt(0).unwrap();
    /// assert_eq!(Value::read("8080", ValueKind::Port, utc), Some(Value::Port(Port::new(8080))));
    /// assert!(matches!(Value::read("n/a", ValueKind::Int, utc), Some(Value::Text(_))));
    /// assert_eq!(Value::read("", ValueKind::Int, utc), None);
    /// ```
    pub fn read(
        text: impl Into<Cow<'a, str>>,
        kind: ValueKind,
        zone: impl Into<Zone>,
    ) -> Option<Value<'a>> {
        let tz = zone.into();
        let text = text.into();
        if text.is_empty() {
            return None;
        }
        let read = match kind {
            ValueKind::Int => parse_i64(&text)
                .map(Value::Int)
                .or_else(|_| parse_u64(&text).map(Value::UInt)),
            ValueKind::Port => parse_port(&text).map(Value::Port),
            ValueKind::Ip => parse_ip(&text).map(Value::Ip),
            ValueKind::Hex => parse_hex(&text).map(Value::Hex),
            ValueKind::Timestamp => match parse_timestamp(&text, tz) {
                Ok(t) if is_placeholder(&t) => return None,
                other => other.map(Value::Timestamp),
            },
            ValueKind::ThreatId => return Some(Value::ThreatId(ThreatId::parse(text))),
            ValueKind::Str | ValueKind::Enum => return Some(Value::Text(text)),
        };
        Some(read.unwrap_or(Value::Text(text)))
    }

    /// The same value, owning its text.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::value::Value;
    /// let v: Value<'static> = Value::Text("x".into()).into_owned();
    /// assert_eq!(v, Value::Text("x".into()));
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Text(t) => Value::Text(Cow::Owned(t.into_owned())),
            Value::ThreatId(t) => Value::ThreatId(t.into_owned()),
            Value::Int(n) => Value::Int(n),
            Value::UInt(n) => Value::UInt(n),
            Value::Port(p) => Value::Port(p),
            Value::Ip(ip) => Value::Ip(ip),
            Value::Hex(n) => Value::Hex(n),
            Value::Timestamp(t) => Value::Timestamp(t),
        }
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Text(t) => serializer.serialize_str(t),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::UInt(n) => serializer.serialize_u64(*n),
            Value::Port(p) => p.serialize(serializer),
            Value::Ip(ip) => ip.serialize(serializer),
            Value::Hex(n) => serializer.serialize_str(hex_str(*n, &mut [0; 18])),
            Value::Timestamp(t) => Rfc3339(t).serialize(serializer),
            Value::ThreatId(t) => t.serialize(serializer),
        }
    }
}

/// The two-digit decimal texts of 0 to 99, back to back.
pub(crate) const DIGIT_PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// RFC 3339 with as many fractional digits as the time has.
pub(crate) struct Rfc3339<'t>(pub(crate) &'t DateTime<FixedOffset>);

impl Rfc3339<'_> {
    /// The text, written into `buf`: `2024-03-05T14:22:07.118+01:00`.
    pub(crate) fn write<'b>(&self, buf: &'b mut [u8; 40]) -> &'b str {
        // Every byte written is ASCII.
        std::str::from_utf8(self.write_bytes(buf)).unwrap_or_default()
    }

    /// [`write`](Self::write) as bytes. By hand, not with `write!`: this
    /// is on every document's path, and chrono's `format` builds a
    /// `String`.
    pub(crate) fn write_bytes<'b>(&self, buf: &'b mut [u8; 40]) -> &'b [u8] {
        /// `value` (below 100) as two digits at `at`.
        fn two(buf: &mut [u8; 40], at: usize, value: u32) {
            let pair = value as usize % 100 * 2;
            buf[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        }
        let t = self.0.naive_local();
        let (date, time) = (t.date(), t.time());
        let year = date.year().clamp(0, 9999) as u32;
        two(buf, 0, year / 100);
        two(buf, 2, year % 100);
        buf[4] = b'-';
        two(buf, 5, date.month());
        buf[7] = b'-';
        two(buf, 8, date.day());
        buf[10] = b'T';
        two(buf, 11, time.hour());
        buf[13] = b':';
        two(buf, 14, time.minute());
        buf[16] = b':';
        two(buf, 17, time.second());
        let mut n = 19;
        let nanos = time.nanosecond() % 1_000_000_000;
        if nanos != 0 {
            buf[n] = b'.';
            n += 1;
            let (digits, mut value) = if nanos.is_multiple_of(1_000_000) {
                (3, nanos / 1_000_000)
            } else if nanos.is_multiple_of(1_000) {
                (6, nanos / 1_000)
            } else {
                (9, nanos)
            };
            for k in (0..digits).rev() {
                buf[n + k] = b'0' + (value % 10) as u8;
                value /= 10;
            }
            n += digits;
        }
        buf[n..n + 6].copy_from_slice(&offset_text(self.0.offset().local_minus_utc()));
        &buf[..n + 6]
    }
}

/// A UTC offset of `secs` seconds as `±HH:MM` (whole minutes; seconds are
/// dropped).
pub(crate) fn offset_text(secs: i32) -> [u8; 6] {
    let minutes = secs.unsigned_abs() / 60;
    let pair = |n: u32| {
        let at = n as usize % 100 * 2;
        [DIGIT_PAIRS[at], DIGIT_PAIRS[at + 1]]
    };
    let ([h0, h1], [m0, m1]) = (pair(minutes / 60), pair(minutes % 60));
    let sign = if secs < 0 { b'-' } else { b'+' };
    [sign, h0, h1, b':', m0, m1]
}

impl fmt::Display for Rfc3339<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.write(&mut [0; 40]))
    }
}

impl Serialize for Rfc3339<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.write(&mut [0; 40]))
    }
}

/// Whether `text`, read as `kind`, is written back as exactly `text` (bare
/// for a number, quoted for an address or a hex number), so a writer can copy
/// it instead of typing it and formatting it again: an integer or port in
/// canonical decimal, a dotted IPv4 address, `0x` and lower-case hex digits.
/// `false` only costs the slow path.
///
/// An IPv4-looking text needs no check of its octets: read or not, it is
/// written as the same string (`Ipv4Addr` refuses leading zeros, so one it
/// reads prints as it was written).
#[inline]
pub(crate) fn written_as_is(text: &[u8], kind: ValueKind) -> bool {
    /// 1 to `max` digits, no leading zero.
    fn canonical(digits: &[u8], max: usize, digit: impl Fn(&u8) -> bool) -> bool {
        !digits.is_empty()
            && digits.len() <= max
            && (digits[0] != b'0' || digits.len() == 1)
            && digits.iter().all(digit)
    }
    let decimal = u8::is_ascii_digit;
    match kind {
        // 18 digits always fit an `i64`; `-0` is written `0`.
        ValueKind::Int => match text.strip_prefix(b"-") {
            Some(digits) => digits != b"0" && canonical(digits, 18, decimal),
            None => canonical(text, 18, decimal),
        },
        ValueKind::Port => canonical(text, 9, decimal),
        ValueKind::Ip => !text.is_empty() && text.iter().all(|&b| b.is_ascii_digit() || b == b'.'),
        ValueKind::Hex => text.strip_prefix(b"0x").is_some_and(|digits| {
            canonical(digits, 16, |b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        }),
        _ => false,
    }
}

/// `0x` and lower-case hex digits, written into `buf`.
pub(crate) fn hex_str(n: u64, buf: &mut [u8; 18]) -> &str {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let len = ((64 - n.leading_zeros()).div_ceil(4)).max(1) as usize;
    buf[0] = b'0';
    buf[1] = b'x';
    for k in 0..len {
        buf[1 + len - k] = DIGITS[((n >> (4 * k)) & 0xf) as usize];
    }
    std::str::from_utf8(&buf[..2 + len]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rearranged time is what reading the time and writing it gives,
    /// in zones east and west of UTC.
    #[test]
    fn slash_form_times_write_as_their_values_do() {
        let mut rand = crate::test_rand::Rand::new();
        let mut rearranged = 0;
        for k in 0..200_000 {
            let r = rand.next();
            let pick = |shift: u32, n: u64| (r >> shift) % n;
            let text = if k % 10 == 0 {
                // Anything near the form.
                String::from_utf8(rand.bytes(21, b"0123456789/: ")).unwrap()
            } else {
                format!(
                    "{:04}/{:02}/{:02} {:02}:{:02}:{:02}",
                    [1968, 1969, 1970, 1971, 1972, 2000, 2024, 2100, 9998, 9999]
                        [pick(0, 10) as usize]
                        + pick(4, 3) as i32
                        - 1,
                    pick(8, 14),
                    pick(12, 33),
                    pick(20, 26),
                    pick(28, 61),
                    pick(36, 62),
                )
            };
            let offset = [0, 3600, -5 * 3600, 5 * 3600 + 1800, 14 * 3600, -12 * 3600][k % 6];
            let zone = Zone::fixed(FixedOffset::east_opt(offset).unwrap());
            let Some(iso) = slash_form_rfc3339(text.as_bytes(), offset) else {
                continue;
            };
            rearranged += 1;
            let value = Value::read(text.as_str(), ValueKind::Timestamp, zone).expect("a time");
            assert!(matches!(value, Value::Timestamp(_)), "{text}");
            let written = serde_json::to_string(&value).unwrap();
            assert_eq!(
                written,
                format!("\"{}\"", std::str::from_utf8(&iso).unwrap()),
                "{text} {offset}"
            );
        }
        assert!(rearranged > 20_000, "{rearranged}");
        for text in [
            "2024/02/30 00:00:00",
            "2023/02/29 00:00:00",
            "2024/03/05 24:00:00",
            "1970/01/01 00:00:00",
        ] {
            assert_eq!(slash_form_rfc3339(text.as_bytes(), 0), None, "{text}");
        }
        assert!(slash_form_rfc3339(b"2024/02/29 23:59:59", 0).is_some());
    }

    /// The slash form read by position reads as the general reader does,
    /// times that exist or not, in every kind of zone.
    #[test]
    fn slash_form_reads_as_the_general_reader_does() {
        let mut rand = crate::test_rand::Rand::new();
        let mut zones = vec![
            Zone::UTC,
            Zone::fixed(FixedOffset::west_opt(8 * 3600).unwrap()),
        ];
        if cfg!(feature = "tz") {
            zones.push("Europe/Berlin".parse().unwrap());
        }
        let mut read = 0;
        for k in 0..100_000 {
            let r = rand.next();
            let pick = |shift: u32, n: u64| (r >> shift) % n;
            let text = format!(
                "{:04}/{:02}/{:02} {:02}:{:02}:{:02}",
                [1969, 1970, 2000, 2024, 2100, 9999][pick(0, 6) as usize],
                pick(8, 14),
                pick(12, 33),
                // Berlin's changes fall at 02:00-03:00 in March and October.
                [0, 1, 2, 3, 23, 24][pick(20, 6) as usize],
                pick(28, 61),
                pick(36, 62),
            );
            let zone = zones[k % zones.len()];
            let fast = parse_local(&text, zone);
            assert_eq!(fast, read_local(text.as_bytes(), zone), "{text}");
            read += usize::from(fast.is_ok());
        }
        assert!(read > 10_000, "{read}");
    }

    /// The dotted-quad shortcut reads what the standard parser reads.
    #[test]
    fn dotted_quads_read_as_the_standard_parser_does() {
        let mut rand = crate::test_rand::Rand::new();
        let mut read = 0;
        for _ in 0..300_000 {
            let text = match rand.below(3) {
                0 => rand.bytes(18, b"0123456789."),
                1 => {
                    let n = rand.next();
                    format!(
                        "{}.{}.{}.{}",
                        n % 300,
                        (n >> 9) % 300,
                        (n >> 18) % 1000,
                        (n >> 28) % 260
                    )
                    .into_bytes()
                }
                _ => std::net::Ipv4Addr::from((rand.next() as u32).to_be_bytes())
                    .to_string()
                    .into_bytes(),
            };
            let text = std::str::from_utf8(&text).unwrap();
            let std = text
                .parse::<std::net::Ipv4Addr>()
                .ok()
                .map(|ip| ip.octets());
            assert_eq!(dotted_quad(text.as_bytes()), std, "{text:?}");
            read += usize::from(std.is_some());
        }
        assert!(read > 100_000, "{read}");
        for text in [
            "01.2.3.4",
            "1.2.3.04",
            "256.1.1.1",
            "1.2.3",
            "1.2.3.4.",
            " 1.2.3.4",
            "1..2.3",
        ] {
            assert_eq!(dotted_quad(text.as_bytes()), None, "{text}");
        }
    }

    /// What `written_as_is` accepts is what the typed value writes, on
    /// random texts near each kind's forms and on the edge cases.
    #[test]
    fn written_as_is_is_what_the_value_writes() {
        let mut rand = crate::test_rand::Rand::new();
        let mut texts: Vec<Vec<u8>> = [
            "0",
            "-0",
            "00",
            "-",
            "01",
            "-01",
            "1",
            "-1",
            "65535",
            "4294967295",
            "4294967296",
            "999999999",
            "1000000000",
            "999999999999999999",
            "1000000000000000000",
            "-999999999999999999",
            "9223372036854775807",
            "18446744073709551615",
            "0x0",
            "0x00",
            "0x",
            "0X1",
            "0xA",
            "0x40041c",
            "0xffffffffffffffff",
            "0x10000000000000000",
            "1.2.3.4",
            "01.2.3.4",
            "1.2.3.256",
            "1.2.3",
            "1.2.3.4.",
            "255.255.255.255",
            "0.0.0.0",
            ".",
            "1..2.3",
        ]
        .iter()
        .map(|t| t.as_bytes().to_vec())
        .collect();
        for _ in 0..200_000 {
            texts.push(rand.bytes(22, b"0123456789.-xaf"));
            texts.push([&b"0x"[..], &rand.bytes(19, b"0123456789abcdefA")].concat());
        }
        let kinds = [
            ValueKind::Int,
            ValueKind::Port,
            ValueKind::Ip,
            ValueKind::Hex,
        ];
        let mut copied = [0usize; 4];
        for text in &texts {
            let Ok(s) = std::str::from_utf8(text) else {
                continue;
            };
            for (k, kind) in kinds.into_iter().enumerate() {
                if !written_as_is(text, kind) {
                    continue;
                }
                copied[k] += 1;
                let value = Value::read(s, kind, Zone::UTC).expect("not empty");
                let want = match kind {
                    ValueKind::Int | ValueKind::Port => s.to_owned(),
                    _ => format!("\"{s}\""),
                };
                assert_eq!(
                    serde_json::to_string(&value).unwrap(),
                    want,
                    "{kind:?} {s:?}"
                );
            }
        }
        // Each kind's copy path was taken, not only refused.
        assert!(copied.iter().all(|&n| n > 100), "{copied:?}");
        for (text, kind) in [
            ("-0", ValueKind::Int),
            ("01", ValueKind::Int),
            ("0x00", ValueKind::Hex),
        ] {
            assert!(!written_as_is(text.as_bytes(), kind), "{text}");
        }
    }

    #[test]
    fn hex_and_time_text() {
        for (n, text) in [
            (0, "0x0"),
            (0x40041c, "0x40041c"),
            (u64::MAX, "0xffffffffffffffff"),
            (1 << 63, "0x8000000000000000"),
        ] {
            assert_eq!(hex_str(n, &mut [0; 18]), text);
            assert_eq!(format!("{n:#x}"), text);
        }
        let tz = FixedOffset::west_opt(9 * 3600 + 30 * 60).unwrap();
        for text in [
            "2024-03-05T14:22:07-09:30",
            "0001-01-01T00:00:00.000000001-09:30",
            "2024-03-05T14:22:07.118-09:30",
            "2024-03-05T14:22:07.000118-09:30",
            "9999-12-31T23:59:59.999999999+05:45",
            "2024-10-27T02:30:00+00:00",
        ] {
            let t = parse_timestamp(text, tz).unwrap();
            assert_eq!(Rfc3339(&t).to_string(), text);
            assert_eq!(chrono::DateTime::parse_from_rfc3339(text).unwrap(), t);
        }
    }
}
