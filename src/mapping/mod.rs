//! The seam between a parsed record and a document, and the parts documents
//! are built of.
//!
//! A [`Mapping`] turns a [`Log`] into a serializable document. The crate
//! has two families of them, downstream of this module and siblings of each
//! other: [`crate::ecs`] (Elastic Common Schema) and [`crate::ocsf`] (the
//! Open Cybersecurity Schema Framework). What they share lives here:
//!
//! - the pieces of a borrowed document that serialize without allocating:
//!   [`IsEmpty`] (a field set with nothing to write is skipped), [`Inline`]
//!   (a fixed-capacity list), [`CommaList`], [`Time`], [`Text`];
//! - [`Rest`]: the columns a mapping did not take, typed, so that no vendor
//!   field is ever dropped (ECS `panw.panos.*`, OCSF `unmapped`);
//! - [`WriteJson`] ([`json`]): the same parts written as JSON without serde,
//!   byte for byte what `serde_json` writes, faster;
//! - the crate's own `Ctx`, the typed reads that remember what they took.

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;

use chrono::{DateTime, FixedOffset};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

pub mod json;

pub use json::WriteJson;

use crate::log::{Log, Out};
use crate::value::{self, Rfc3339};
use crate::zone::{Fold, Resolved};

/// Turns a [`Log`] into a serializable document.
///
/// # Example: extending the default mapping
///
/// ```
/// use panlog::ecs::{EcsEvent, EcsMapping, Mapping};
/// use panlog::Log;
///
/// /// The default document, plus the syslog hostname as `host.hostname`.
/// struct WithHost(EcsMapping);
///
/// impl Mapping for WithHost {
///     type Document<'a> = EcsEvent<'a>;
///     fn map<'a>(&self, log: &Log<'a>) -> EcsEvent<'a> {
///         let mut doc = self.0.map(log);
///         doc.host.hostname = log.header().hostname().map(Into::into);
///         doc
///     }
/// }
///
/// let line = b"<14>Mar  5 14:22:07 fw-7 1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,low,text,1,0x0";
/// let log = panlog::parse(line).unwrap();
/// let doc = WithHost(EcsMapping::new()).map(&log);
/// assert_eq!(doc.host.hostname.as_deref(), Some("fw-7"));
/// ```
pub trait Mapping {
    /// The document type.
    type Document<'a>: Serialize;

    /// Converts one record.
    fn map<'a>(&self, log: &Log<'a>) -> Self::Document<'a>;
}

/// Whether a field (set) has nothing to serialize.
pub trait IsEmpty {
    /// `true` if serializing would write nothing worth keeping.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::ecs::{IsEmpty, model::Source};
    /// assert!(Source::default().is_empty());
    /// ```
    fn is_empty(&self) -> bool;
}

impl<T> IsEmpty for Option<T> {
    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

/// A list of at most `N` items, kept inline: building one never allocates.
///
/// [`push`](Inline::push) ignores duplicates (ECS `related.*` lists are sets);
/// pushing past the capacity is a bug in the mapping and panics in debug
/// builds (the capacities cover every column a record can have).
///
/// # Example
///
/// ```
/// use panlog::ecs::Inline;
///
/// let mut list: Inline<&str, 3> = Inline::new();
/// list.push("a");
/// list.push("b");
/// list.push("a");
/// assert_eq!(list.iter().collect::<Vec<_>>(), [&"a", &"b"]);
/// assert_eq!(serde_json::to_string(&list).unwrap(), r#"["a","b"]"#);
/// ```
#[derive(Clone)]
pub struct Inline<T, const N: usize> {
    items: [Option<T>; N],
    len: usize,
}

impl<T, const N: usize> Inline<T, N> {
    /// An empty list.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ecs::Inline::<u8, 2>::new().len(), 0);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Inline {
            items: [const { None }; N],
            len: 0,
        }
    }

    /// The items, in insertion order, without allocating.
    ///
    /// # Example
    ///
    /// ```
    /// let mut l = panlog::ecs::Inline::<u8, 2>::new();
    /// l.push(7);
    /// assert_eq!(l.iter().count(), 1);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.items[..self.len].iter().flatten()
    }

    /// The number of items.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ecs::Inline::<u8, 2>::new().len(), 0);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether the list is empty.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::ecs::Inline::<u8, 2>::new().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T: PartialEq, const N: usize> Inline<T, N> {
    /// Appends `item` unless the list already holds it.
    ///
    /// # Example
    ///
    /// See [`Inline`].
    pub fn push(&mut self, item: T) {
        if self.iter().any(|x| *x == item) {
            return;
        }
        debug_assert!(self.len < N, "Inline list full: capacity {N}");
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(item);
            self.len += 1;
        }
    }

    /// Whether the list holds `item`.
    ///
    /// # Example
    ///
    /// ```
    /// let mut l = panlog::ecs::Inline::<u8, 2>::new();
    /// l.push(7);
    /// assert!(l.contains(&7));
    /// ```
    pub fn contains(&self, item: &T) -> bool {
        self.iter().any(|x| x == item)
    }
}

impl<T, const N: usize> Default for Inline<T, N> {
    fn default() -> Self {
        Inline::new()
    }
}

impl<T: fmt::Debug, const N: usize> fmt::Debug for Inline<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq, const N: usize> PartialEq for Inline<T, N> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<T, const N: usize> IsEmpty for Inline<T, N> {
    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T: Serialize, const N: usize> Serialize for Inline<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// A comma-separated column (`"computer-and-internet-info,low-risk"`),
/// serialized as an array of its trimmed, non-empty items.
///
/// # Example
///
/// ```
/// use panlog::ecs::CommaList;
/// let list = CommaList("a, b,,c".into());
/// assert_eq!(serde_json::to_string(&list).unwrap(), r#"["a","b","c"]"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommaList<'a>(pub Cow<'a, str>);

impl CommaList<'_> {
    /// The items.
    ///
    /// # Example
    ///
    /// ```
    /// let list = panlog::ecs::CommaList("x,y".into());
    /// assert_eq!(list.items().collect::<Vec<_>>(), ["x", "y"]);
    /// ```
    pub fn items(&self) -> impl Iterator<Item = &str> {
        self.0.split(',').map(str::trim).filter(|s| !s.is_empty())
    }
}

impl Serialize for CommaList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for item in self.items() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// A time, serialized as RFC 3339 with its offset and as many fractional
/// digits as it has.
///
/// # Example
///
/// ```
/// use panlog::ecs::Time;
/// let t = chrono::DateTime::parse_from_rfc3339("2024-03-05T14:22:07.118+01:00").unwrap();
/// assert_eq!(serde_json::to_string(&Time(t)).unwrap(), r#""2024-03-05T14:22:07.118+01:00""#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time(pub DateTime<FixedOffset>);

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Rfc3339(&self.0).serialize(serializer)
    }
}

/// An IP address, serialized as its text.
pub type Ip = IpAddr;

/// Text borrowed from the record, or built.
pub type Text<'a> = Cow<'a, str>;

macro_rules! field_set {
    ($(#[$meta:meta])* $name:ident $(<$lt:lifetime>)? { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        pub struct $name $(<$lt>)? {
            $(
                $(#[$fmeta])*
                #[serde(skip_serializing_if = "crate::mapping::IsEmpty::is_empty")]
                pub $field: $ty,
            )*
        }

        impl $(<$lt>)? $crate::mapping::IsEmpty for $name $(<$lt>)? {
            fn is_empty(&self) -> bool {
                true $(&& $crate::mapping::IsEmpty::is_empty(&self.$field))*
            }
        }

        impl $(<$lt>)? $crate::mapping::WriteJson for $name $(<$lt>)? {
            fn write_json(&self, out: &mut Vec<u8>) {
                let mut object = $crate::mapping::json::Object::start(out);
                $(
                    object.member_key_if(
                        {
                            static KEY: $crate::mapping::json::Key =
                                $crate::mapping::json::Key::new(stringify!($field));
                            KEY.bytes()
                        },
                        &self.$field,
                    );
                )*
                object.end();
            }
        }
    };
}

pub(crate) use field_set;

/// The columns of a record that no field of a document took, serialized as
/// a map of PAN-OS field name to typed value (empty and `N/A` values left out), then
/// `extra_columns` for columns past the schema.
#[derive(Debug, Clone)]
pub struct Rest<'a> {
    log: Option<Log<'a>>,
    used: Used,
}

impl<'a> Rest<'a> {
    /// No columns.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ecs::Rest::none().names().count(), 0);
    /// ```
    #[must_use]
    pub fn none() -> Rest<'a> {
        Rest {
            log: None,
            used: Used::default(),
        }
    }

    /// The names of the columns this holds.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::ecs::ToEcs;
    /// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,low,text,1,0x0").unwrap();
    /// let doc = log.to_ecs();
    /// assert!(doc.panw.panos.rest.names().any(|n| n == "opaque"));
    /// assert!(!doc.panw.panos.rest.names().any(|n| n == "serial")); // observer.serial_number took it
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.kept().map(|(name, _)| name)
    }

    /// The columns this holds, as serialized: schema columns no ECS field
    /// took, less empty and `N/A` ones.
    fn kept(&self) -> impl Iterator<Item = (&'static str, Out<'a>)> + '_ {
        let used = self.used;
        self.log
            .iter()
            .flat_map(move |log| log.outs(move |i| used.contains(i)))
            .filter_map(|(_, name, out)| (!is_na_out(&out)).then_some((name, out)))
    }
}

impl IsEmpty for Rest<'_> {
    fn is_empty(&self) -> bool {
        self.kept().next().is_none() && self.log.as_ref().is_none_or(|l| l.extra().next().is_none())
    }
}

impl Serialize for Rest<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(log) = &self.log {
            let mut written = Ok(());
            log.for_each_out(
                |i| self.used.contains(i),
                |spec, _, out| {
                    if written.is_ok() && !is_na_out(&out) {
                        written = map.serialize_entry(spec.name, &out);
                    }
                },
            );
            written?;
            // A named extra column a mapping took is not repeated here.
            log.serialize_extras(&mut map, |i| self.used.contains(i))?;
        }
        map.end()
    }
}

/// Which columns a mapping has taken: a bit per column position (the first
/// 256; a column past them is never marked, so it is kept, not lost).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Used([u64; 4]);

impl Used {
    fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    fn remove(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word &= !(1 << (i % 64));
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// Whether a column's value is PAN-OS's `N/A` (left out of documents).
fn is_na_out(out: &Out<'_>) -> bool {
    match out {
        Out::Text(t) => is_na(t),
        Out::Value(value::Value::Text(t)) => is_na(t),
        _ => false,
    }
}

fn is_na(text: &str) -> bool {
    text.eq_ignore_ascii_case("n/a")
}

/// A mapping's view of a record: typed reads that remember which columns
/// they took. A value that does not read as its kind is not taken, so it
/// lands in `panw.panos.*` as text instead of being lost.
pub(crate) struct Ctx<'l, 'a> {
    log: &'l Log<'a>,
    used: Used,
    /// The last time read, by its raw text: a record's times are often the
    /// same text (`receive_time`, `time_generated`, `start`).
    last_time: Option<(&'a [u8], Resolved)>,
}

impl<'l, 'a> Ctx<'l, 'a> {
    pub(crate) fn new(log: &'l Log<'a>) -> Self {
        Ctx {
            log,
            used: Used::default(),
            last_time: None,
        }
    }

    pub(crate) fn log(&self) -> &'l Log<'a> {
        self.log
    }

    pub(crate) fn into_rest(self) -> Rest<'a> {
        Rest {
            log: Some(self.log.clone()),
            used: self.used,
        }
    }

    /// Reads column `name` with `parse`; a value that reads is taken. One
    /// name lookup per read.
    #[inline(always)]
    fn take<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(Cow<'a, str>, crate::zone::Zone) -> Result<Option<T>, value::ValueError>,
    ) -> Option<T> {
        let pos = self.log.index_of(name)?;
        let value = self.log.read_at(pos, parse);
        if value.is_some() {
            self.used.insert(pos);
        }
        value
    }

    /// Puts a column back among the ones the document has not taken.
    #[inline(always)]
    pub(crate) fn unmark(&mut self, name: &str) {
        if let Some(pos) = self.log.index_of(name) {
            self.used.remove(pos);
        }
    }

    /// Marks a column as taken without reading it (it is null: `N/A`, a
    /// placeholder time, or shown elsewhere).
    #[inline(always)]
    pub(crate) fn mark(&mut self, name: &str) {
        if let Some(pos) = self.log.index_of(name) {
            self.used.insert(pos);
        }
    }

    /// The column's text, unless empty or `N/A` (which count as taken).
    #[inline(always)]
    pub(crate) fn text(&mut self, name: &str) -> Option<Cow<'a, str>> {
        let pos = self.log.index_of(name)?;
        let text = self.log.get_at(pos)?;
        self.used.insert(pos);
        (!is_na(&text)).then_some(text)
    }

    /// The text of the extra column a keyed record named `name` (ASCII case
    /// ignored), taken; `None` when there is none or it is empty.
    pub(crate) fn named_extra(&mut self, name: &str) -> Option<Cow<'a, str>> {
        let first = self.log.schema().len().min(self.log.len());
        let (k, field) = self
            .log
            .extra_named()
            .enumerate()
            .find(|(_, (n, _))| n.is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .map(|(k, (_, field))| (k, field))?;
        let text = field.to_str_lossy();
        if text.is_empty() {
            return None;
        }
        self.used.insert(first + k);
        Some(text)
    }

    /// The column's text without taking it.
    #[inline(always)]
    pub(crate) fn peek(&self, name: &str) -> Option<Cow<'a, str>> {
        self.log.get(name).filter(|t| !is_na(t))
    }

    #[inline(always)]
    pub(crate) fn ip(&mut self, name: &str) -> Option<IpAddr> {
        self.take(name, |t, _| value::parse_ip(&t).map(Some))
    }

    #[inline(always)]
    pub(crate) fn u64(&mut self, name: &str) -> Option<u64> {
        self.take(name, |t, _| value::parse_u64(&t).map(Some))
    }

    #[inline(always)]
    pub(crate) fn port(&mut self, name: &str) -> Option<u32> {
        self.take(name, |t, _| value::parse_port(&t).map(|p| Some(p.get())))
    }

    /// A time; a placeholder (1969/1970) is null and counts as taken.
    pub(crate) fn time(&mut self, name: &str) -> Option<DateTime<FixedOffset>> {
        self.local_time(name).map(|r| r.time)
    }

    /// A time with how it fell in the record's zone (see [`crate::zone`]).
    pub(crate) fn local_time(&mut self, name: &str) -> Option<crate::zone::Resolved> {
        let pos = self.log.index_of(name)?;
        let raw = self.log.field_at(pos).map(|f| f.raw());
        let r = match (self.last_time, raw) {
            (Some((last, r)), Some(raw)) if last == raw => r,
            _ => self
                .log
                .read_at(pos, |t, zone| value::parse_local(&t, zone).map(Some))?,
        };
        self.used.insert(pos);
        self.last_time = raw.map(|raw| (raw, r));
        (!value::is_placeholder(&r.time)).then_some(r)
    }
}

/// The current time, to the second.
pub(crate) fn now() -> Option<chrono::DateTime<chrono::Utc>> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    chrono::DateTime::from_timestamp(i64::try_from(since.as_secs()).ok()?, 0)
}

/// The syslog header's time: RFC 5424's as sent; RFC 3164's (no year) in
/// the record's zone and the year that puts it at most a day ahead of now.
pub(crate) fn header_time(log: &Log<'_>) -> Option<Resolved> {
    let header = log.header();
    header.timestamp()?;
    let now = now()?;
    let year = chrono::Datelike::year(&now);
    let time = header
        .datetime(year, log.zone())
        .filter(|t| *t <= now + chrono::TimeDelta::days(1))
        .or_else(|| header.datetime(year - 1, log.zone()))?;
    Some(Resolved {
        time,
        fold: Fold::Unique,
    })
}

/// A slice of borrowed-or-owned text, borrowing when it can.
pub(crate) fn part<'a>(whole: &Cow<'a, str>, range: std::ops::Range<usize>) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(s) => Cow::Borrowed(&s[range]),
        Cow::Owned(s) => Cow::Owned(s[range].to_owned()),
    }
}

/// A user name as the reference integration reads it (`ELASTIC-PANW.md`
/// §1.7): `DOMAIN\user`, `DOMAIN\\user` or `user@domain`, the user part made
/// of ASCII letters, digits, space and `#.:_'-` with one optional trailing
/// `$` (machine accounts), the domain of host-name labels (or empty, or
/// `.`); anything else is the whole raw string as the name, no domain. No
/// case folding. Returns the name and the domain.
pub(crate) fn split_user(text: Cow<'_, str>) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
    fn user_ok(s: &str) -> bool {
        let core = s.strip_suffix('$').unwrap_or(s);
        !core.is_empty()
            && core
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b" #.:_'-".contains(&b))
    }
    fn domain_ok(s: &str) -> bool {
        if s.is_empty() || s == "." {
            return true;
        }
        !s.starts_with('.')
            && !s.ends_with('.')
            // Three bytes at a time: `str::contains` builds a substring
            // searcher per call, a tenth of the user mapping's cost.
            && !s.as_bytes().windows(3).any(|w| w == b"...")
            && s.split('.').all(|label| {
                label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            })
    }
    let split = if let Some(i) = text.find('\\') {
        // `DOMAIN\user`, or `DOMAIN\\user` (an escaped backslash).
        let after = if text[i + 1..].starts_with('\\') {
            i + 2
        } else {
            i + 1
        };
        (domain_ok(&text[..i]) && user_ok(&text[after..])).then_some((after..text.len(), 0..i))
    } else if let Some(i) = text.find('@') {
        (user_ok(&text[..i]) && domain_ok(&text[i + 1..])).then_some((0..i, i + 1..text.len()))
    } else {
        None
    };
    match split {
        Some((name, domain)) => {
            let domain =
                (!domain.is_empty() && &text[domain.clone()] != ".").then(|| part(&text, domain));
            (part(&text, name), domain)
        }
        None => (text, None),
    }
}

/// `piece`, a slice of `whole`, as a slice of the same borrowed-or-owned text.
pub(crate) fn within<'a>(whole: &Cow<'a, str>, piece: &str) -> Cow<'a, str> {
    let start = piece.as_ptr() as usize - whole.as_ptr() as usize;
    part(whole, start..start + piece.len())
}

/// Whether `text` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `text` contains `word`, ASCII case ignored.
pub(crate) fn contains_ignore_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// A record's times, read in its zone: when the management plane received
/// it, when it was generated, and when the event happened (the one a
/// document stamps it with).
pub(crate) struct Times {
    pub(crate) received: Option<Resolved>,
    pub(crate) generated: Option<Resolved>,
    /// The high-resolution time (it carries its offset), else the generated
    /// time, else the receive time, else the syslog header's.
    pub(crate) event: Option<Resolved>,
}

impl Ctx<'_, '_> {
    /// The record's [`Times`], taking their columns.
    pub(crate) fn times(&mut self) -> Times {
        let received = self.local_time("receive_time");
        let generated = self.local_time("time_generated");
        let event = self
            .local_time("high_res_timestamp")
            .or(generated)
            .or(received)
            .or_else(|| header_time(self.log));
        Times {
            received,
            generated,
            event,
        }
    }
}

/// What a record says of how its event ended, as the mappings read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Success,
    Failure,
    /// The record says, in words the mappings do not know.
    Unknown,
}

impl Outcome {
    /// From an event id's ending (`auth-success`,
    /// `globalprotectportal-auth-fail`, `...-regist-succ`).
    pub(crate) fn of_eventid(eventid: &str) -> Option<Outcome> {
        const SUCCESS: [&str; 3] = ["-success", "-succ", "-succeeded"];
        const FAILURE: [&str; 3] = ["-fail", "-failure", "-failed"];
        if SUCCESS.iter().any(|s| eventid.ends_with(s)) {
            Some(Outcome::Success)
        } else if FAILURE.iter().any(|s| eventid.ends_with(s)) {
            Some(Outcome::Failure)
        } else {
            None
        }
    }

    /// From a status word: `success`, or one starting with `fail`
    /// (GLOBALPROTECT's `status`, AUDIT's last column).
    pub(crate) fn of_status(status: &str) -> Option<Outcome> {
        if status.eq_ignore_ascii_case("success") {
            Some(Outcome::Success)
        } else if starts_with_ignore_case(status, "fail") {
            Some(Outcome::Failure)
        } else {
            None
        }
    }

    /// From CONFIG's `result`: `Succeeded`, `Failed` or `Unauthorized`.
    pub(crate) fn of_config_result(result: &str) -> Outcome {
        if result.eq_ignore_ascii_case("succeeded") {
            Outcome::Success
        } else if result.eq_ignore_ascii_case("failed")
            || result.eq_ignore_ascii_case("unauthorized")
        {
            Outcome::Failure
        } else {
            Outcome::Unknown
        }
    }

    /// From AUTHENTICATION's `event` column: a failure when it says so.
    pub(crate) fn of_auth_event(event: &str) -> Outcome {
        let failed = ["fail", "den", "reject", "timeout", "error"]
            .iter()
            .any(|w| contains_ignore_case(event, w));
        if failed {
            Outcome::Failure
        } else {
            Outcome::Success
        }
    }
}

/// Whether a SYSTEM record is an authentication event: its subtype (`auth`,
/// `globalprotect`) or its event id (`auth`, `login`, `logout`) says so.
pub(crate) fn is_auth_event(subtype: Option<&str>, eventid: Option<&str>) -> bool {
    subtype
        .is_some_and(|s| s.eq_ignore_ascii_case("auth") || s.eq_ignore_ascii_case("globalprotect"))
        || eventid
            .is_some_and(|e| e.contains("auth") || e.contains("login") || e.contains("logout"))
}

/// The step of a user's session that event ids or stages name: `Some(true)`
/// a login or connection, `Some(false)` a logout, disconnection or release.
pub(crate) fn login_step(words: &[Option<&str>]) -> Option<bool> {
    let says = |w: &str| words.iter().flatten().any(|t| t.contains(w));
    if says("logout") || says("disconnect") || says("release") {
        Some(false)
    } else if says("login") || says("connect") {
        Some(true)
    } else {
        None
    }
}

/// Whether a `srcloc`/`dstloc` value names a place: PAN-OS writes an
/// address or an address range there for private addresses.
pub(crate) fn is_place(location: &str) -> bool {
    // A country name has a byte no address has: no need to try to read one.
    if !location
        .bytes()
        .all(|b| b.is_ascii_hexdigit() || matches!(b, b'.' | b':' | b'-'))
    {
        return true;
    }
    let is_range = location
        .split_once('-')
        .is_some_and(|(a, b)| value::parse_ip(a).is_ok() && value::parse_ip(b).is_ok());
    !is_range && value::parse_ip(location).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_place`'s shortcut answers as reading the addresses does.
    #[test]
    fn is_place_answers_as_reading_the_addresses_does() {
        let read = |location: &str| {
            let is_range = location
                .split_once('-')
                .is_some_and(|(a, b)| a.parse::<IpAddr>().is_ok() && b.parse::<IpAddr>().is_ok());
            !is_range && location.parse::<IpAddr>().is_err()
        };
        let mut rand = crate::test_rand::Rand::new();
        let mut texts: Vec<String> = [
            "United States",
            "10.0.0.0-10.255.255.255",
            "192.168.0.1",
            "fe80::1",
            "fe80::1-fe80::ff",
            "cafe",
            "Bad",
            "::",
            "a-b",
            "",
        ]
        .map(String::from)
        .to_vec();
        let alphabet = b"0123456789.:-abfABF xyz";
        for _ in 0..50_000 {
            let address = |rand: &mut crate::test_rand::Rand| match rand.below(2) {
                0 => IpAddr::from((rand.next() as u32).to_be_bytes()).to_string(),
                _ => {
                    let bits = u128::from(rand.next()) << 64 | u128::from(rand.next() & 0xff);
                    IpAddr::from(std::net::Ipv6Addr::from(bits)).to_string()
                }
            };
            let mut text = match rand.below(3) {
                0 => address(&mut rand),
                1 => format!("{}-{}", address(&mut rand), address(&mut rand)),
                _ => String::from_utf8(rand.bytes(20, alphabet)).unwrap(),
            };
            // Now and then one byte changed.
            if !text.is_empty() && rand.below(2) == 0 {
                let at = rand.below(text.len());
                let by = char::from(alphabet[rand.below(alphabet.len())]);
                text.replace_range(at..=at, by.encode_utf8(&mut [0; 4]));
            }
            texts.push(text);
        }
        let mut places = 0;
        for text in &texts {
            assert_eq!(is_place(text), read(text), "{text:?}");
            places += usize::from(read(text));
        }
        assert!(places > 100 && places < texts.len() - 100, "{places}");
    }
}
