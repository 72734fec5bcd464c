//! Time zones: the zone a firewall writes its naive times in.
//!
//! PAN-OS writes `receive_time`, `time_generated` and the other columns as
//! naive local times (`2024/03/31 02:30:00`) in the firewall's own zone,
//! which the log does not carry. A [`Zone`] is that zone: a fixed offset,
//! an IANA zone with its daylight-saving rules (feature `tz`, on by
//! default, on `chrono-tz`), or the host's local zone. [`Zones`] gives a
//! zone per device (by serial number or host name) with a default, for a
//! collector that receives from firewalls in many zones.
//!
//! Around a daylight-saving change a local time can be ambiguous (the hour
//! that repeats in autumn) or nonexistent (the hour skipped in spring).
//! [`Zone::resolve`] decides both the same way every time and says which it
//! was ([`Fold`]):
//!
//! - **ambiguous**: the earlier instant, the first pass through the hour;
//! - **nonexistent**: the instant the reading means with the offset in force
//!   before the gap (`02:30` on the spring-forward night is `03:30` summer
//!   time), as RFC 5545 and the JavaScript Temporal API do.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "tz")] {
//! use chrono::NaiveDate;
//! use panlog::zone::{Fold, Zone};
//!
//! let berlin: Zone = "Europe/Berlin".parse().unwrap();
//! let at = |d, h, m| NaiveDate::from_ymd_opt(2024, 3, d).unwrap().and_hms_opt(h, m, 0).unwrap();
//! let winter = berlin.resolve(at(30, 12, 0));
//! assert_eq!(winter.time.to_rfc3339(), "2024-03-30T12:00:00+01:00");
//! let summer = berlin.resolve(at(31, 12, 0));
//! assert_eq!(summer.time.to_rfc3339(), "2024-03-31T12:00:00+02:00");
//! let gap = berlin.resolve(at(31, 2, 30));
//! assert_eq!((gap.time.to_rfc3339().as_str(), gap.fold), ("2024-03-31T03:30:00+02:00", Fold::Gap));
//! assert_eq!(berlin.to_string(), "Europe/Berlin");
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use serde::{Serialize, Serializer};

/// The zone PAN-OS's naive times are read in.
///
/// `Copy`, and as cheap to pass as a [`FixedOffset`] (which converts into
/// it). Parsed from text by [`FromStr`]: `UTC`, an offset (`+02:00`,
/// `-0530`, `+09`), with the `tz` feature an IANA name (`Europe/Berlin`,
/// `America/New_York`) or `local` (the host's zone, see `Zone::local`).
///
/// # Example
///
/// ```
/// use panlog::zone::Zone;
///
/// let zone: Zone = "+09:30".parse().unwrap();
/// assert_eq!(zone.to_string(), "+09:30");
/// assert_eq!("utc".parse::<Zone>().unwrap(), Zone::UTC);
/// assert!("Mars/Olympus_Mons".parse::<Zone>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(Inner);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Inner {
    Fixed(FixedOffset),
    #[cfg(feature = "tz")]
    Iana(chrono_tz::Tz),
}

/// How a local time fell on the zone's timeline (see the [module
/// docs](self) for how each is resolved).
///
/// # Example
///
/// ```
/// use panlog::zone::{Fold, Zone};
/// let t = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
/// assert_eq!(Zone::UTC.resolve(t).fold, Fold::Unique);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fold {
    /// One instant has this local time: the usual case.
    #[default]
    Unique,
    /// Two instants have it (the repeated hour when clocks go back): the
    /// earlier was taken.
    Ambiguous,
    /// No instant has it (the hour skipped when clocks go forward): it was
    /// read with the offset in force before the gap.
    Gap,
}

/// A local time placed on the timeline, and how it fell there.
///
/// # Example
///
/// ```
/// use panlog::zone::{Fold, Zone};
/// let t = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().and_hms_opt(8, 0, 0).unwrap();
/// let r = Zone::fixed(chrono::FixedOffset::east_opt(3600).unwrap()).resolve(t);
/// assert_eq!(r.time.to_rfc3339(), "2024-01-01T08:00:00+01:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved {
    /// The instant, with the zone's offset at that instant.
    pub time: DateTime<FixedOffset>,
    /// Whether the local time was unique, ambiguous or in a gap.
    pub fold: Fold,
}

/// Why a zone could not be read.
///
/// # Example
///
/// ```
/// use panlog::zone::{Zone, ZoneError};
/// assert!(matches!("+25:00".parse::<Zone>(), Err(ZoneError::Unknown(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZoneError {
    /// Not `UTC`, an offset, an IANA name (with the `tz` feature) or `local`.
    #[error(
        "unknown time zone {0:?}: expected UTC, an offset like +02:00, an IANA name like Europe/Berlin (feature `tz`) or `local`"
    )]
    Unknown(String),
    /// The host's zone could not be found or named (`TZ`, `/etc/localtime`).
    #[error("the local time zone could not be determined: {0}")]
    Local(String),
    /// A line of a zone map that is not `DEVICE ZONE`.
    #[error("zone map line {line}: {why}")]
    Map {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        why: String,
    },
}

const UTC_OFFSET: FixedOffset = match FixedOffset::east_opt(0) {
    Some(utc) => utc,
    None => unreachable!(),
};

impl Zone {
    /// The offset of a fixed zone, `None` for an IANA zone.
    pub(crate) fn fixed_offset(&self) -> Option<FixedOffset> {
        match self.0 {
            Inner::Fixed(offset) => Some(offset),
            #[cfg(feature = "tz")]
            Inner::Iana(_) => None,
        }
    }

    /// UTC, the default.
    pub const UTC: Zone = Zone(Inner::Fixed(UTC_OFFSET));

    /// A fixed offset from UTC, with no daylight saving.
    ///
    /// # Example
    ///
    /// ```
    /// let zone = panlog::zone::Zone::fixed(chrono::FixedOffset::west_opt(5 * 3600).unwrap());
    /// assert_eq!(zone.to_string(), "-05:00");
    /// ```
    #[must_use]
    pub const fn fixed(offset: FixedOffset) -> Zone {
        Zone(Inner::Fixed(offset))
    }

    /// An IANA zone, with its daylight-saving rules (feature `tz`).
    ///
    /// # Example
    ///
    /// ```
    /// let zone = panlog::zone::Zone::iana(chrono_tz::America::New_York);
    /// assert_eq!(zone.to_string(), "America/New_York");
    /// ```
    #[cfg(feature = "tz")]
    #[must_use]
    pub const fn iana(tz: chrono_tz::Tz) -> Zone {
        Zone(Inner::Iana(tz))
    }

    /// The host's zone (feature `tz`): the `TZ` environment variable if it
    /// is set (an IANA name, `:Europe/Berlin`, a path into a zoneinfo
    /// folder, `UTC` or an offset), else the zone `/etc/localtime` links to,
    /// else `/etc/timezone`, else UTC (what the C library assumes).
    ///
    /// # Errors
    ///
    /// [`ZoneError::Local`] when `TZ` or `/etc/localtime` names no zone
    /// this crate knows (a POSIX rule string such as `CET-1CEST,M3.5.0,...`).
    ///
    /// # Example
    ///
    /// ```
    /// let zone = panlog::zone::Zone::local().unwrap();
    /// println!("the host's zone is {zone}");
    /// ```
    #[cfg(feature = "tz")]
    pub fn local() -> Result<Zone, ZoneError> {
        fn from_path(path: &str) -> Option<&str> {
            path.rsplit_once("zoneinfo/").map(|(_, name)| name)
        }
        if let Some(tz) = std::env::var_os("TZ") {
            let tz = tz.to_string_lossy();
            let name = tz.strip_prefix(':').unwrap_or(&tz);
            if !name.is_empty() {
                let name = from_path(name).unwrap_or(name);
                return Zone::parse_plain(name)
                    .ok_or_else(|| ZoneError::Local(format!("TZ={tz:?} names no known zone")));
            }
        }
        if let Ok(target) = std::fs::read_link("/etc/localtime") {
            let target = target.to_string_lossy();
            return from_path(&target)
                .and_then(Zone::parse_plain)
                .ok_or_else(|| ZoneError::Local(format!("/etc/localtime links to {target:?}")));
        }
        if let Ok(name) = std::fs::read_to_string("/etc/timezone")
            && let Some(zone) = Zone::parse_plain(name.trim())
        {
            return Ok(zone);
        }
        Ok(Zone::UTC)
    }

    /// `UTC`, an offset or an IANA name (not `local`).
    fn parse_plain(text: &str) -> Option<Zone> {
        let text = text.trim();
        if ["UTC", "Z", "GMT", "Etc/UTC", "UCT"]
            .iter()
            .any(|u| u.eq_ignore_ascii_case(text))
        {
            return Some(Zone::UTC);
        }
        if let Some(offset) = parse_offset(text) {
            return Some(Zone::fixed(offset));
        }
        #[cfg(feature = "tz")]
        if let Ok(tz) = text.parse::<chrono_tz::Tz>() {
            return Some(Zone::iana(tz));
        }
        None
    }

    /// Places a naive local time on the timeline; see the [module
    /// docs](self) for ambiguous and nonexistent times.
    ///
    /// # Example
    ///
    /// ```
    /// # #[cfg(feature = "tz")] {
    /// use panlog::zone::{Fold, Zone};
    /// let ny = Zone::iana(chrono_tz::America::New_York);
    /// // 01:30 happens twice on 2024-11-03: the first (daylight) one is taken.
    /// let t = chrono::NaiveDate::from_ymd_opt(2024, 11, 3).unwrap().and_hms_opt(1, 30, 0).unwrap();
    /// let r = ny.resolve(t);
    /// assert_eq!((r.time.to_rfc3339().as_str(), r.fold), ("2024-11-03T01:30:00-04:00", Fold::Ambiguous));
    /// # }
    /// ```
    #[must_use]
    pub fn resolve(&self, naive: NaiveDateTime) -> Resolved {
        match self.0 {
            Inner::Fixed(offset) => Resolved {
                // A fixed offset maps every local time to one instant; the
                // only failure is out of chrono's range, which the callers'
                // dates (four-digit years) never reach.
                time: offset
                    .from_local_datetime(&naive)
                    .single()
                    .unwrap_or_else(|| DateTime::from_naive_utc_and_offset(naive, offset)),
                fold: Fold::Unique,
            },
            #[cfg(feature = "tz")]
            Inner::Iana(tz) => {
                use chrono::{LocalResult, Offset as _};
                match tz.from_local_datetime(&naive) {
                    LocalResult::Single(t) => Resolved {
                        time: t.fixed_offset(),
                        fold: Fold::Unique,
                    },
                    LocalResult::Ambiguous(earlier, later) => Resolved {
                        time: earlier.min(later).fixed_offset(),
                        fold: Fold::Ambiguous,
                    },
                    LocalResult::None => {
                        // The offset in force a day before: before the gap,
                        // as no zone changes its offset twice in a day.
                        let before = naive - chrono::TimeDelta::days(1);
                        let offset = tz.offset_from_utc_datetime(&before).fix();
                        let instant =
                            naive - chrono::TimeDelta::seconds(offset.local_minus_utc().into());
                        Resolved {
                            time: tz.from_utc_datetime(&instant).fixed_offset(),
                            fold: Fold::Gap,
                        }
                    }
                }
            }
        }
    }
}

/// `+02:00`, `+0200`, `+02`, `-05:30`, and the same after `UTC`/`GMT`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = ["UTC", "GMT"]
        .iter()
        .find_map(|p| {
            text.get(..3)
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &text[3..])
        })
        .unwrap_or(text);
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: Vec<u8> = rest.bytes().filter(|&b| b != b':').collect();
    if rest.bytes().filter(|&b| b == b':').count() > 1
        || !matches!(digits.len(), 1 | 2 | 4)
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let n = |s: &[u8]| s.iter().fold(0i32, |n, &d| n * 10 + i32::from(d - b'0'));
    let (h, m) = match digits.len() {
        4 => (n(&digits[..2]), n(&digits[2..])),
        _ => (n(&digits), 0),
    };
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

impl Default for Zone {
    fn default() -> Self {
        Zone::UTC
    }
}

impl From<FixedOffset> for Zone {
    fn from(offset: FixedOffset) -> Zone {
        Zone::fixed(offset)
    }
}

#[cfg(feature = "tz")]
impl From<chrono_tz::Tz> for Zone {
    fn from(tz: chrono_tz::Tz) -> Zone {
        Zone::iana(tz)
    }
}

impl FromStr for Zone {
    type Err = ZoneError;

    fn from_str(text: &str) -> Result<Zone, ZoneError> {
        #[cfg(feature = "tz")]
        if text.trim().eq_ignore_ascii_case("local") {
            return Zone::local();
        }
        Zone::parse_plain(text).ok_or_else(|| ZoneError::Unknown(text.to_owned()))
    }
}

/// The zone's name as ECS's `event.timezone` takes it: the IANA name, or
/// the offset as `+02:00`.
impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Inner::Fixed(offset) => fmt::Display::fmt(&offset, f),
            #[cfg(feature = "tz")]
            Inner::Iana(tz) => f.write_str(tz.name()),
        }
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            #[cfg(feature = "tz")]
            Inner::Iana(tz) => serializer.serialize_str(tz.name()),
            Inner::Fixed(_) => serializer.collect_str(self),
        }
    }
}

/// Zones per device, with a default: for a collector that receives from
/// firewalls in several zones.
///
/// A record's zone is the one given for its serial number, else for its
/// device name (the `device_name` column), else for its syslog header's
/// host name, else the default.
///
/// # Example
///
/// ```
/// use panlog::zone::{Zone, Zones};
///
/// let zones = Zones::parse("# device zone\ndefault +01:00\n0123456789 +09:00\nfw-ny -05:00\n").unwrap();
/// assert_eq!(zones.lookup(["0123456789"]).to_string(), "+09:00");
/// assert_eq!(zones.lookup(["999", "fw-ny"]).to_string(), "-05:00");
/// assert_eq!(zones.lookup(["999"]).to_string(), "+01:00");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zones {
    default: Zone,
    devices: HashMap<Box<str>, Zone>,
}

impl Zones {
    /// No per-device zones; `default` for every record.
    ///
    /// # Example
    ///
    /// ```
    /// let zones = panlog::zone::Zones::new(panlog::zone::Zone::UTC);
    /// assert!(zones.is_uniform());
    /// ```
    #[must_use]
    pub fn new(default: Zone) -> Zones {
        Zones {
            default,
            devices: HashMap::new(),
        }
    }

    /// Sets the zone of the device with this serial number or host name.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::zone::{Zone, Zones};
    /// let zones = Zones::new(Zone::UTC).device("PA-NY", "-05:00".parse().unwrap());
    /// assert_eq!(zones.lookup(["PA-NY"]).to_string(), "-05:00");
    /// ```
    #[must_use]
    pub fn device(mut self, serial_or_host: &str, zone: Zone) -> Zones {
        self.devices.insert(serial_or_host.into(), zone);
        self
    }

    /// Reads a zone map: one `DEVICE ZONE` pair a line (serial number or
    /// host name, then a zone as [`Zone`] parses it), `default ZONE` for the
    /// default, `#` comments and blank lines ignored.
    ///
    /// # Errors
    ///
    /// [`ZoneError::Map`] for a line that is not a pair or whose zone is not
    /// known.
    ///
    /// # Example
    ///
    /// ```
    /// let err = panlog::zone::Zones::parse("fw-1\n").unwrap_err();
    /// assert_eq!(err.to_string(), "zone map line 1: expected `DEVICE ZONE`");
    /// ```
    pub fn parse(text: &str) -> Result<Zones, ZoneError> {
        let mut zones = Zones::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut words = line.split_whitespace();
            let (Some(device), Some(zone), None) = (words.next(), words.next(), words.next())
            else {
                return Err(ZoneError::Map {
                    line: n + 1,
                    why: "expected `DEVICE ZONE`".into(),
                });
            };
            let zone: Zone = zone.parse().map_err(|e: ZoneError| ZoneError::Map {
                line: n + 1,
                why: e.to_string(),
            })?;
            if device.eq_ignore_ascii_case("default") {
                zones.default = zone;
            } else {
                zones.devices.insert(device.into(), zone);
            }
        }
        Ok(zones)
    }

    /// Replaces the default zone.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::zone::{Zone, Zones};
    /// let zones = Zones::parse("fw-1 +02:00").unwrap().with_default("-03:00".parse().unwrap());
    /// assert_eq!(zones.default_zone().to_string(), "-03:00");
    /// ```
    #[must_use]
    pub fn with_default(mut self, zone: Zone) -> Zones {
        self.default = zone;
        self
    }

    /// The default zone.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::zone::Zones::default().default_zone(), panlog::zone::Zone::UTC);
    /// ```
    #[must_use]
    pub const fn default_zone(&self) -> Zone {
        self.default
    }

    /// Whether every device has the default zone (no per-device entries).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::zone::Zones::default().is_uniform());
    /// ```
    #[must_use]
    pub fn is_uniform(&self) -> bool {
        self.devices.is_empty()
    }

    /// The zone of the first of `keys` (serial, device name, host name, in
    /// that order) that has one, else the default.
    ///
    /// # Example
    ///
    /// ```
    /// let zones = panlog::zone::Zones::parse("fw-1 +02:00").unwrap();
    /// assert_eq!(zones.lookup(["", "fw-1"]).to_string(), "+02:00");
    /// ```
    pub fn lookup<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> Zone {
        if self.devices.is_empty() {
            return self.default;
        }
        keys.into_iter()
            .find_map(|k| self.devices.get(k).copied())
            .unwrap_or(self.default)
    }
}

impl From<Zone> for Zones {
    fn from(zone: Zone) -> Zones {
        Zones::new(zone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        for (text, secs) in [
            ("+02:00", 7200),
            ("-0530", -19800),
            ("+9", 32400),
            ("UTC+01:00", 3600),
            ("GMT-3", -10800),
        ] {
            assert_eq!(
                parse_offset(text).map(|o| o.local_minus_utc()),
                Some(secs),
                "{text}"
            );
        }
        for bad in ["02:00", "+24:00", "+1:2:3", "+123", "", "+", "+ab"] {
            assert_eq!(parse_offset(bad), None, "{bad}");
        }
    }
}
