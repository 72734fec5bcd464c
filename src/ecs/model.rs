//! The document model: plain structs of `Option`s, nested as ECS nests its
//! fields, borrowing text from the record.
//!
//! Every field set is skipped when empty, so a document serializes with only
//! the fields it has, straight from these structs: no intermediate map.
//! Arrays are [`Inline`] (a fixed-capacity list, no allocation) or
//! [`CommaList`] (a comma-separated column, split while serializing).

use std::borrow::Cow;
use std::fmt;
use std::net::IpAddr;

use chrono::{DateTime, FixedOffset};
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use crate::value::Rfc3339;

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
                #[serde(skip_serializing_if = "crate::ecs::IsEmpty::is_empty")]
                pub $field: $ty,
            )*
        }

        impl $(<$lt>)? $crate::ecs::IsEmpty for $name $(<$lt>)? {
            fn is_empty(&self) -> bool {
                true $(&& $crate::ecs::IsEmpty::is_empty(&self.$field))*
            }
        }
    };
}

pub(crate) use field_set;

field_set! {
    /// `ecs.*`.
    Ecs {
        /// `ecs.version`.
        version: Option<&'static str>,
    }
}

field_set! {
    /// `event.*`.
    Event<'a> {
        /// `event.kind`: `event` or `alert`.
        kind: Option<&'static str>,
        /// `event.category` (ECS allowed values).
        category: Inline<&'static str, 4>,
        /// `event.type` (ECS allowed values).
        #[serde(rename = "type")]
        type_: Inline<&'static str, 4>,
        /// `event.outcome`: `success`, `failure` or `unknown`.
        outcome: Option<&'static str>,
        /// `event.action`.
        action: Option<Text<'a>>,
        /// `event.code`: the PAN-OS event id (SYSTEM, GLOBALPROTECT, USERID,
        /// IPTAG).
        code: Option<Text<'a>>,
        /// `event.dataset`: `panw.panos`.
        dataset: Option<&'static str>,
        /// `event.module`: `panw`.
        module: Option<&'static str>,
        /// `event.severity`: critical 1 … informational 5.
        severity: Option<u8>,
        /// `event.timezone`: the zone PAN-OS's naive times were read in (an
        /// IANA name such as `Europe/Berlin`, or an offset such as `+02:00`).
        timezone: Option<crate::zone::Zone>,
        /// `event.start`.
        start: Option<Time>,
        /// `event.end`: start plus duration.
        end: Option<Time>,
        /// `event.duration`, in nanoseconds.
        duration: Option<i64>,
        /// `event.reason`.
        reason: Option<Text<'a>>,
        /// `event.original`: the whole input record.
        original: Option<Text<'a>>,
    }
}

field_set! {
    /// `*.interface.*`.
    Interface<'a> {
        /// `*.interface.name`.
        name: Option<Text<'a>>,
    }
}

field_set! {
    /// `observer.ingress.*` / `observer.egress.*`.
    ObserverSide<'a> {
        /// `*.zone`.
        zone: Option<Text<'a>>,
        /// `*.interface`.
        interface: Interface<'a>,
    }
}

field_set! {
    /// `observer.*`: the firewall.
    Observer<'a> {
        /// `observer.vendor`.
        vendor: Option<&'static str>,
        /// `observer.product`.
        product: Option<&'static str>,
        /// `observer.type`.
        #[serde(rename = "type")]
        type_: Option<&'static str>,
        /// `observer.serial_number`.
        serial_number: Option<Text<'a>>,
        /// `observer.hostname`.
        hostname: Option<Text<'a>>,
        /// `observer.name`.
        name: Option<Text<'a>>,
        /// `observer.ingress`.
        ingress: ObserverSide<'a>,
        /// `observer.egress`.
        egress: ObserverSide<'a>,
    }
}

field_set! {
    /// `log.*` (`hostname` and `logger` are the seed mapping's).
    LogFields<'a> {
        /// `log.level`.
        level: Option<Text<'a>>,
        /// `log.logger`.
        logger: Option<Text<'a>>,
        /// `log.hostname` (seed mapping only: not an ECS field).
        hostname: Option<Text<'a>>,
    }
}

field_set! {
    /// `*.nat.*`.
    Nat {
        /// `*.nat.ip`.
        ip: Option<Ip>,
        /// `*.nat.port`.
        port: Option<u32>,
    }
}

field_set! {
    /// `user.*`, `source.user.*`, `destination.user.*`.
    User<'a> {
        /// `*.name`.
        name: Option<Text<'a>>,
        /// `*.domain`.
        domain: Option<Text<'a>>,
    }
}

field_set! {
    /// `*.geo.*`.
    Geo<'a> {
        /// `*.geo.name`: a location name (PAN-OS writes a country).
        name: Option<Text<'a>>,
        /// `*.geo.country_iso_code`.
        country_iso_code: Option<Text<'a>>,
    }
}

field_set! {
    /// `source.*` / `destination.*`.
    Source<'a> {
        /// `*.address`.
        address: Option<Text<'a>>,
        /// `*.ip`.
        ip: Option<Ip>,
        /// `*.port` (a port above 65535 is kept as logged).
        port: Option<u32>,
        /// `*.domain`.
        domain: Option<Text<'a>>,
        /// `*.mac`.
        mac: Option<Text<'a>>,
        /// `*.bytes`.
        bytes: Option<u64>,
        /// `*.packets`.
        packets: Option<u64>,
        /// `*.nat`.
        nat: Nat,
        /// `*.user`.
        user: User<'a>,
        /// `*.geo`.
        geo: Geo<'a>,
    }
}

/// `destination.*`: the same fields as [`Source`].
pub type Destination<'a> = Source<'a>;

field_set! {
    /// `network.*`.
    Network<'a> {
        /// `network.transport` (lower case).
        transport: Option<Text<'a>>,
        /// `network.application` (lower case).
        application: Option<Text<'a>>,
        /// `network.type`: `ipv4` or `ipv6`.
        #[serde(rename = "type")]
        type_: Option<&'static str>,
        /// `network.direction`.
        direction: Option<&'static str>,
        /// `network.bytes`.
        bytes: Option<u64>,
        /// `network.packets`.
        packets: Option<u64>,
        /// `network.forwarded_ip`.
        forwarded_ip: Option<Ip>,
    }
}

field_set! {
    /// `rule.*`.
    Rule<'a> {
        /// `rule.name`.
        name: Option<Text<'a>>,
        /// `rule.uuid`.
        uuid: Option<Text<'a>>,
    }
}

field_set! {
    /// `*.os.*`.
    Os<'a> {
        /// `*.os.name`.
        name: Option<Text<'a>>,
        /// `*.os.full`.
        full: Option<Text<'a>>,
        /// `*.os.version`.
        version: Option<Text<'a>>,
    }
}

field_set! {
    /// `host.*`: the endpoint a HIP, GlobalProtect or User-ID record is about.
    Host<'a> {
        /// `host.name`: the endpoint's name as PAN-OS logs it.
        name: Option<Text<'a>>,
        /// `host.hostname`.
        hostname: Option<Text<'a>>,
        /// `host.id`.
        id: Option<Text<'a>>,
        /// `host.ip`.
        ip: Inline<Ip, 4>,
        /// `host.mac`.
        mac: Inline<Text<'a>, 1>,
        /// `host.os`.
        os: Os<'a>,
    }
}

field_set! {
    /// `url.*`.
    Url<'a> {
        /// `url.original`.
        original: Option<Text<'a>>,
        /// `url.scheme`.
        scheme: Option<Text<'a>>,
        /// `url.domain`.
        domain: Option<Text<'a>>,
        /// `url.port`.
        port: Option<u32>,
        /// `url.path`.
        path: Option<Text<'a>>,
        /// `url.query`.
        query: Option<Text<'a>>,
    }
}

field_set! {
    /// `file.hash.*`.
    Hash<'a> {
        /// `*.hash.md5`.
        md5: Option<Text<'a>>,
        /// `*.hash.sha1`.
        sha1: Option<Text<'a>>,
        /// `*.hash.sha256`.
        sha256: Option<Text<'a>>,
    }
}

field_set! {
    /// `file.*`.
    File<'a> {
        /// `file.name`.
        name: Option<Text<'a>>,
        /// `file.path`.
        path: Option<Text<'a>>,
        /// `file.hash`.
        hash: Hash<'a>,
    }
}

field_set! {
    /// `http.request.*`.
    HttpRequest<'a> {
        /// `http.request.method`.
        method: Option<Text<'a>>,
        /// `http.request.referrer`.
        referrer: Option<Text<'a>>,
    }
}

field_set! {
    /// `http.*`.
    Http<'a> {
        /// `http.request`.
        request: HttpRequest<'a>,
    }
}

field_set! {
    /// `user_agent.*`.
    UserAgent<'a> {
        /// `user_agent.original`.
        original: Option<Text<'a>>,
        /// `user_agent.name` (seed mapping).
        name: Option<Text<'a>>,
        /// `user_agent.os`.
        os: Os<'a>,
    }
}

field_set! {
    /// `email.from.*` / `email.to.*`.
    EmailAddress<'a> {
        /// `*.address`: the column's comma-separated addresses.
        address: Option<CommaList<'a>>,
    }
}

field_set! {
    /// `email.*`.
    Email<'a> {
        /// `email.from`.
        from: EmailAddress<'a>,
        /// `email.to`.
        to: EmailAddress<'a>,
        /// `email.subject`.
        subject: Option<Text<'a>>,
    }
}

field_set! {
    /// `related.*`: every IP, user, host name and hash the record names,
    /// deduplicated in first-seen order.
    Related<'a> {
        /// `related.ip`.
        ip: Inline<Ip, 12>,
        /// `related.user`.
        user: Inline<Text<'a>, 6>,
        /// `related.hosts`.
        hosts: Inline<Text<'a>, 6>,
        /// `related.hash`.
        hash: Inline<Text<'a>, 2>,
    }
}

field_set! {
    /// `*.x509.subject` / `*.x509.issuer`.
    X509Name<'a> {
        /// `*.common_name`.
        common_name: Inline<Text<'a>, 1>,
    }
}

field_set! {
    /// `tls.server.x509.*`: the server certificate.
    X509<'a> {
        /// `*.subject`.
        subject: X509Name<'a>,
        /// `*.issuer`.
        issuer: X509Name<'a>,
        /// `*.not_before`.
        not_before: Option<Time>,
        /// `*.not_after`.
        not_after: Option<Time>,
        /// `*.serial_number`.
        serial_number: Option<Text<'a>>,
        /// `*.public_key_size`.
        public_key_size: Option<u64>,
        /// `*.version_number`.
        version_number: Option<Text<'a>>,
    }
}

field_set! {
    /// `tls.server.*`.
    TlsServer<'a> {
        /// `tls.server.x509`.
        x509: X509<'a>,
        /// `tls.server.hash`: the certificate fingerprint, by its length.
        hash: Hash<'a>,
    }
}

field_set! {
    /// `tls.client.*`.
    TlsClient<'a> {
        /// `tls.client.server_name`: the SNI.
        server_name: Option<Text<'a>>,
    }
}

field_set! {
    /// `tls.*` (DECRYPTION).
    Tls<'a> {
        /// `tls.version_protocol`: `tls` or `ssl`.
        version_protocol: Option<&'static str>,
        /// `tls.version`: `1.2`, `1.3`, ...
        version: Option<Text<'a>>,
        /// `tls.curve`.
        curve: Option<Text<'a>>,
        /// `tls.client`.
        client: TlsClient<'a>,
        /// `tls.server`.
        server: TlsServer<'a>,
    }
}

field_set! {
    /// `error.*`.
    ErrorFields<'a> {
        /// `error.message`.
        message: Option<Text<'a>>,
    }
}
