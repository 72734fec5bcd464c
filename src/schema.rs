//! Column layouts: one table per PAN-OS log type, and the choice of layout for
//! a record.
//!
//! PAN-OS logs are positional. Column 3 names the log type, and each type has
//! its own columns, which PAN-OS versions extend. Each type's columns are
//! listed once, in one static table of [`FieldSpec`]s (the PAN-OS field name,
//! its [`ValueKind`] and the [`Version`] that added it), in the wire order of
//! the newest layout. An older firmware's record is a prefix of it: the
//! columns it lacks are absent.
//!
//! A few layouts are not a prefix of the newest one. They are chosen by the
//! record's own evidence, never by a guess:
//!
//! | layout | evidence |
//! | --- | --- |
//! | GLOBALPROTECT 9.1.0–9.1.2 (`seqno` and `actionflags` right after the serial) | column 3 is not a type, column 5 is `GLOBALPROTECT` |
//! | HIP-MATCH 8.0.5–8.0.10 (same shape, DG columns moved forward) | column 3 is not a type, column 5 is `HIPMATCH` |
//! | TUNNEL before 10.0 (no `pkts_received`) | log-format version (column 5) below 10.0, or 62 columns and no version |
//! | THREAT 10.0 docs (`session_owner` before `partial_hash`) | exactly 112 columns, version not 10.1 or later |
//! | CONFIG docs order (details at 14–15, a custom format) | column 15 is not hex flags but column 17 is |
//! | AUDIT (no `1,` prefix, no type column) | column 2 is `audit` |
//! | TRAFFIC and THREAT as Strata Logging Service forwards them (flags, action flags and some FUTURE_USE columns left out) | a text version (`10.0`) in column 5, and column 28 is not hex flags |
//!
//! Column 5 is the log-format version on real firewalls (see
//! [`Version::from_field`]).
//!
//! # Example
//!
//! ```
//! use panlog::schema::{LogType, ValueKind};
//!
//! let traffic = LogType::Traffic.schema();
//! assert_eq!(traffic.position("natsrc"), Some(9));
//! let spec = traffic.column(9).unwrap();
//! assert_eq!((spec.name, spec.kind), ("natsrc", ValueKind::Ip));
//! assert_eq!(traffic.len(), 130);
//! ```

use std::fmt;

use serde::{Serialize, Serializer};

mod tables;

/// A PAN-OS release, as `major.minor`.
///
/// # Example
///
/// ```
/// use panlog::schema::Version;
///
/// assert!(Version::new(10, 1) > Version::new(9, 1));
/// assert_eq!(Version::new(10, 1).to_string(), "10.1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// The major release (`10` in 10.1).
    pub major: u8,
    /// The minor release (`1` in 10.1).
    pub minor: u8,
}

impl Version {
    /// The version `major.minor`.
    ///
    /// # Example
    ///
    /// ```
    /// let v = panlog::schema::Version::new(9, 1);
    /// assert_eq!((v.major, v.minor), (9, 1));
    /// ```
    #[must_use]
    pub const fn new(major: u8, minor: u8) -> Version {
        Version { major, minor }
    }

    /// The log-format version that PAN-OS writes in column 5.
    ///
    /// Firewalls write the decimal value of `0xMMmm` (`2049` is 8.1, `2561`
    /// 10.1); Strata Logging Service forwarding writes text (`10.0`). Very old
    /// logs write `0` or `1`, and some values fit neither rule (`2200`): those
    /// give `None`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::Version;
    ///
    /// assert_eq!(Version::from_field(b"2561"), Some(Version::new(10, 1)));
    /// assert_eq!(Version::from_field(b"2049"), Some(Version::new(8, 1)));
    /// assert_eq!(Version::from_field(b"9.1"), Some(Version::new(9, 1)));
    /// assert_eq!(Version::from_field(b"0"), None);
    /// assert_eq!(Version::from_field(b"2200"), None);
    /// ```
    #[must_use]
    pub fn from_field(field: &[u8]) -> Option<Version> {
        fn number(digits: &[u8]) -> Option<u32> {
            if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(digits.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
        }
        if let Some(dot) = field.iter().position(|&b| b == b'.') {
            let major = u8::try_from(number(&field[..dot])?).ok()?;
            let minor = u8::try_from(number(&field[dot + 1..])?).ok()?;
            return (major > 0).then_some(Version::new(major, minor));
        }
        let n = number(field)?;
        let (major, minor) = (n >> 8, n & 0xff);
        if !(1..=99).contains(&major) || minor > 15 {
            return None;
        }
        Some(Version::new(major as u8, minor as u8))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// What a column holds, and so how its typed value is read.
///
/// # Example
///
/// ```
/// use panlog::schema::{LogType, ValueKind};
///
/// let threat = LogType::Threat.schema();
/// let kind = |name| threat.spec(name).unwrap().kind;
/// assert_eq!(kind("sport"), ValueKind::Port);
/// assert_eq!(kind("threatid"), ValueKind::ThreatId);
/// assert_eq!(kind("receive_time"), ValueKind::Timestamp);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValueKind {
    /// Free text.
    Str,
    /// An integer: a counter, an id, a count (some use `-1` for none).
    Int,
    /// A TCP/UDP port (a number that real logs sometimes put above 65535).
    Port,
    /// An IPv4 or IPv6 address.
    Ip,
    /// A hexadecimal number, usually with `0x` (session and action flags).
    Hex,
    /// A word from a documented set (action, severity, subtype, ...).
    Enum,
    /// A time: `YYYY/MM/DD HH:MM:SS`, `M/D/YY HH:MM` or ISO 8601.
    Timestamp,
    /// A THREAT id, `Name(12345)`.
    ThreatId,
}

impl ValueKind {
    /// The kind's name, as the field reference writes it (`string`, `int`, ...;
    /// ports are `int` there and threat ids `string`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::schema::ValueKind::Port.as_str(), "port");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueKind::Str => "string",
            ValueKind::Int => "int",
            ValueKind::Port => "port",
            ValueKind::Ip => "ip",
            ValueKind::Hex => "hex",
            ValueKind::Enum => "enum",
            ValueKind::Timestamp => "timestamp",
            ValueKind::ThreatId => "threat id",
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One column of a log type's table.
///
/// # Example
///
/// ```
/// use panlog::schema::{LogType, Version};
///
/// let spec = LogType::Traffic.schema().spec("session_end_reason").unwrap();
/// assert_eq!(spec.since, Version::new(6, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldSpec {
    /// The PAN-OS field name (`natsrc`, `sessionid`), also the XML API's tag.
    /// Unused columns are `future_use_<position>`.
    pub name: &'static str,
    /// What the column holds.
    pub kind: ValueKind,
    /// The PAN-OS release that added the column (best effort, as the
    /// reference gives it).
    pub since: Version,
}

const fn col(name: &'static str, kind: ValueKind, major: u8, minor: u8) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        since: Version::new(major, minor),
    }
}

/// A PAN-OS log type: what column 3 says.
///
/// # Example
///
/// ```
/// use panlog::schema::LogType;
///
/// assert_eq!(LogType::from_bytes(b"TRAFFIC"), LogType::Traffic);
/// assert_eq!(LogType::from_bytes(b"HIP-MATCH"), LogType::HipMatch);
/// assert_eq!(LogType::from_bytes(b"END"), LogType::Tunnel);
/// assert_eq!(LogType::from_bytes(b"NEWTYPE"), LogType::Unknown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LogType {
    /// `TRAFFIC`: session start, end, drop and deny.
    Traffic,
    /// `THREAT`: url, file, virus, spyware, vulnerability, wildfire, flood,
    /// scan, packet, data, ...
    Threat,
    /// `SYSTEM`: the firewall's own events.
    System,
    /// `CONFIG`: configuration changes.
    Config,
    /// `HIPMATCH` (the docs write `HIP-MATCH`): host information profile matches.
    HipMatch,
    /// `GLOBALPROTECT` (9.1 and later).
    GlobalProtect,
    /// `USERID`: user-to-IP mappings.
    UserId,
    /// `AUTHENTICATION`.
    Authentication,
    /// `DECRYPTION` (10.0 and later).
    Decryption,
    /// Tunnel inspection: column 3 says `START` or `END`.
    Tunnel,
    /// `GTP`.
    Gtp,
    /// `SCTP`.
    Sctp,
    /// `IPTAG`.
    IpTag,
    /// `CORRELATION`.
    Correlation,
    /// `DNS`: DNS security events, a type only Strata Logging Service and the
    /// cloud log forwarder write (in JSON, CEF or LEEF; no PAN-OS syslog
    /// layout).
    Dns,
    /// `AUDIT` (no `1,` prefix and no type column: `serial,time,audit,...`).
    Audit,
    /// A type this crate does not know: its columns are kept, and the header
    /// columns common to every type are named.
    Unknown,
}

impl LogType {
    /// Every known type, in the order of this enum (without `Unknown`).
    pub const ALL: [LogType; 16] = [
        LogType::Traffic,
        LogType::Threat,
        LogType::System,
        LogType::Config,
        LogType::HipMatch,
        LogType::GlobalProtect,
        LogType::UserId,
        LogType::Authentication,
        LogType::Decryption,
        LogType::Tunnel,
        LogType::Gtp,
        LogType::Sctp,
        LogType::IpTag,
        LogType::Correlation,
        LogType::Dns,
        LogType::Audit,
    ];

    /// The type that column 3 names (ASCII case-insensitive), or `Unknown`.
    ///
    /// `AUDIT` logs have no type column; [`crate::Parser`] recognises them by
    /// their shape.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(LogType::from_bytes(b"globalprotect"), LogType::GlobalProtect);
    /// ```
    #[must_use]
    pub fn from_bytes(column: &[u8]) -> LogType {
        const NAMES: [(&[u8], LogType); 17] = [
            (b"TRAFFIC", LogType::Traffic),
            (b"THREAT", LogType::Threat),
            (b"SYSTEM", LogType::System),
            (b"CONFIG", LogType::Config),
            (b"HIPMATCH", LogType::HipMatch),
            (b"HIP-MATCH", LogType::HipMatch),
            (b"GLOBALPROTECT", LogType::GlobalProtect),
            (b"USERID", LogType::UserId),
            (b"AUTHENTICATION", LogType::Authentication),
            (b"DECRYPTION", LogType::Decryption),
            (b"START", LogType::Tunnel),
            (b"END", LogType::Tunnel),
            (b"GTP", LogType::Gtp),
            (b"SCTP", LogType::Sctp),
            (b"IPTAG", LogType::IpTag),
            (b"CORRELATION", LogType::Correlation),
            (b"DNS", LogType::Dns),
        ];
        NAMES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(column))
            .map_or(LogType::Unknown, |&(_, ty)| ty)
    }

    /// The type's canonical name (`TUNNEL` for tunnel inspection, whose
    /// records say `START`/`END`; `UNKNOWN` for unknown types).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::schema::LogType::HipMatch.as_str(), "HIPMATCH");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            LogType::Traffic => "TRAFFIC",
            LogType::Threat => "THREAT",
            LogType::System => "SYSTEM",
            LogType::Config => "CONFIG",
            LogType::HipMatch => "HIPMATCH",
            LogType::GlobalProtect => "GLOBALPROTECT",
            LogType::UserId => "USERID",
            LogType::Authentication => "AUTHENTICATION",
            LogType::Decryption => "DECRYPTION",
            LogType::Tunnel => "TUNNEL",
            LogType::Gtp => "GTP",
            LogType::Sctp => "SCTP",
            LogType::IpTag => "IPTAG",
            LogType::Correlation => "CORRELATION",
            LogType::Dns => "DNS",
            LogType::Audit => "AUDIT",
            LogType::Unknown => "UNKNOWN",
        }
    }

    /// The type's standard (newest) layout.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(LogType::Audit.schema().len(), 8);
    /// assert_eq!(LogType::Unknown.schema().len(), 7);
    /// ```
    #[must_use]
    pub const fn schema(self) -> Schema {
        let def = self.def();
        Schema {
            def,
            layout: &def.layouts[0],
        }
    }

    /// Every column the type has ever had (the pool [`Schema::column_table`]
    /// indexes), for tables built from them at compile time.
    pub(crate) const fn pool(self) -> &'static [FieldSpec] {
        self.def().columns
    }

    const fn def(self) -> &'static TypeDef {
        match self {
            LogType::Traffic => &TRAFFIC_DEF,
            LogType::Threat => &THREAT_DEF,
            LogType::System => &SYSTEM_DEF,
            LogType::Config => &CONFIG_DEF,
            LogType::HipMatch => &HIPMATCH_DEF,
            LogType::GlobalProtect => &GLOBALPROTECT_DEF,
            LogType::UserId => &USERID_DEF,
            LogType::Authentication => &AUTHENTICATION_DEF,
            LogType::Decryption => &DECRYPTION_DEF,
            LogType::Tunnel => &TUNNEL_DEF,
            LogType::Gtp => &GTP_DEF,
            LogType::Sctp => &SCTP_DEF,
            LogType::IpTag => &IPTAG_DEF,
            LogType::Correlation => &CORRELATION_DEF,
            LogType::Dns => &DNS_DEF,
            LogType::Audit => &AUDIT_DEF,
            LogType::Unknown => &UNKNOWN_DEF,
        }
    }
}

impl fmt::Display for LogType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for LogType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A log type's column pool and what is known about its layouts.
#[derive(Debug)]
struct TypeDef {
    log_type: LogType,
    /// Every column the type has ever had: the newest layout's, in wire
    /// order, then the ones only a variant has.
    columns: &'static [FieldSpec],
    /// An open-addressing hash table of `columns` by name: lookups by name
    /// are on every typed read, so they hash rather than search.
    table: &'static [u8; TABLE],
    /// The column counts documented or observed for some version.
    known_counts: &'static [u16],
    /// `layouts[0]` is the standard layout.
    layouts: &'static [LayoutDef],
}

#[derive(Debug)]
struct LayoutDef {
    name: &'static str,
    /// Wire position → index into the pool. `None`: the identity over
    /// `len` columns.
    wire: Option<&'static [u8]>,
    /// Pool index → wire position, or `ABSENT`. `None`: the identity.
    position_of: Option<&'static [u8]>,
    len: usize,
}

const ABSENT: u8 = u8::MAX;

/// A record's layout: its log type, and which of the type's layouts its
/// columns follow.
///
/// `Schema` is a pair of `'static` references: cheap to copy and compare.
///
/// # Example
///
/// ```
/// use panlog::schema::LogType;
///
/// let s = LogType::Tunnel.schema();
/// assert_eq!(s.log_type(), LogType::Tunnel);
/// assert_eq!(s.layout_name(), "standard");
/// assert_eq!(s.position("pkts_received"), Some(52));
/// ```
#[derive(Clone, Copy)]
pub struct Schema {
    def: &'static TypeDef,
    layout: &'static LayoutDef,
}

impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Schema")
            .field("log_type", &self.def.log_type)
            .field("layout", &self.layout.name)
            .field("len", &self.layout.len)
            .finish()
    }
}

impl PartialEq for Schema {
    fn eq(&self, other: &Schema) -> bool {
        std::ptr::eq(self.def, other.def) && std::ptr::eq(self.layout, other.layout)
    }
}

impl Eq for Schema {}

impl Schema {
    /// The log type.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(LogType::Gtp.schema().log_type(), LogType::Gtp);
    /// ```
    #[must_use]
    pub const fn log_type(&self) -> LogType {
        self.def.log_type
    }

    /// The layout's name: `standard`, or the variant's (`9.1.0-9.1.2`,
    /// `8.0.5-8.0.10`, `before 10.0`, `10.0 docs`, `docs order`).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(LogType::Config.schema().layout_name(), "standard");
    /// ```
    #[must_use]
    pub const fn layout_name(&self) -> &'static str {
        self.layout.name
    }

    /// Whether this is the type's standard layout (the newest, of which older
    /// firmware writes a prefix).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(panlog::schema::LogType::Sctp.schema().is_standard());
    /// ```
    #[must_use]
    pub const fn is_standard(&self) -> bool {
        self.layout.wire.is_none()
    }

    /// The number of columns in the layout's newest form.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::schema::LogType::Threat.schema().len(), 123);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.layout.len
    }

    /// Always `false`: every layout has columns. (For the `len` convention.)
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!panlog::schema::LogType::Audit.schema().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.layout.len == 0
    }

    /// The column at wire position `index`, if the layout has one there.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(LogType::System.schema().column(14).unwrap().name, "opaque");
    /// assert!(LogType::System.schema().column(26).is_none());
    /// ```
    #[must_use]
    pub fn column(&self, index: usize) -> Option<&'static FieldSpec> {
        if index >= self.layout.len {
            return None;
        }
        let pool = match self.layout.wire {
            None => index,
            Some(wire) => usize::from(wire[index]),
        };
        self.def.columns.get(pool)
    }

    /// The wire position of the column named `name`, if the layout has it.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// let s = LogType::Threat.schema();
    /// assert_eq!(s.position("misc"), Some(31));
    /// assert_eq!(s.position("session_owner"), None); // only the 10.0 docs layout
    /// assert_eq!(s.position("no_such_field"), None);
    /// ```
    #[must_use]
    // Inlined down to the probe: with a literal name, the hash is worked out
    // at compile time and the name compared by fixed-size loads, not a call
    // to `memcmp` (the ECS mapping makes about 47 lookups a record).
    #[inline(always)]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.position_hashed(name.as_bytes(), hash(name.as_bytes()))
    }

    /// [`position`](Self::position) with `name`'s [`hash`] already
    /// computed (a caller that looks one name up in several tables).
    #[inline(always)]
    pub(crate) fn position_hashed(&self, name: &[u8], hash: u32) -> Option<usize> {
        let pool = self.pool_index(name, hash)?;
        match self.layout.position_of {
            None => (pool < self.layout.len).then_some(pool),
            Some(pos) => match pos[pool] {
                ABSENT => None,
                p => Some(usize::from(p)),
            },
        }
    }

    /// The column named `name`, if the layout has it.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::{LogType, ValueKind};
    /// assert_eq!(LogType::UserId.schema().spec("ip").unwrap().kind, ValueKind::Ip);
    /// ```
    #[must_use]
    pub fn spec(&self, name: &str) -> Option<&'static FieldSpec> {
        self.column(self.position(name)?)
    }

    #[inline(always)]
    fn pool_index(&self, name: &[u8], hash: u32) -> Option<usize> {
        let columns = self.def.columns;
        let mut slot = hash as usize;
        // The table is never full, so a probe ends at an empty slot.
        for _ in 0..TABLE {
            slot &= TABLE - 1;
            match self.def.table[slot] {
                ABSENT => return None,
                i if columns[usize::from(i)].name.as_bytes() == name => {
                    return Some(usize::from(i));
                }
                _ => slot += 1,
            }
        }
        None
    }

    /// The layout's columns, in wire order.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// let names: Vec<_> = LogType::Audit.schema().columns().map(|c| c.name).collect();
    /// assert_eq!(names[..3], ["serial", "time_generated", "subtype"]);
    /// ```
    pub fn columns(&self) -> impl ExactSizeIterator<Item = &'static FieldSpec> + use<> {
        let (def, layout) = (self.def, self.layout);
        // The wire orders are built at compile time from the pool, so every
        // index is in bounds.
        (0..layout.len).map(move |i| &def.columns[layout.wire.map_or(i, |w| usize::from(w[i]))])
    }

    /// The columns as tables, for a loop over every column of a record
    /// without a branch per column: the pool, and the wire order's indexes
    /// into it (`None`: the pool's first [`len`](Self::len) columns, in
    /// order).
    pub(crate) fn column_table(&self) -> (&'static [FieldSpec], Option<&'static [u8]>) {
        match self.layout.wire {
            None => (&self.def.columns[..self.layout.len], None),
            Some(wire) => (self.def.columns, Some(&wire[..self.layout.len])),
        }
    }

    /// The column counts that some PAN-OS version is documented or observed
    /// to write for this type. A record with another count still parses; its
    /// [`Fit`] says so.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert!(LogType::Traffic.schema().known_counts().contains(&115));
    /// ```
    #[must_use]
    pub const fn known_counts(&self) -> &'static [u16] {
        self.def.known_counts
    }

    /// How a record of `count` columns fits this layout.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::{Fit, LogType};
    /// let s = LogType::System.schema();
    /// assert_eq!(s.fit(26), Fit::Known);
    /// assert_eq!(s.fit(20), Fit::Unlisted);
    /// assert_eq!(s.fit(28), Fit::Extra(2));
    /// assert_eq!(s.fit(5), Fit::Older); // a prefix of the oldest layout listed
    /// ```
    #[must_use]
    pub fn fit(&self, count: usize) -> Fit {
        if self.def.log_type == LogType::Unknown {
            return Fit::UnknownType;
        }
        if count > self.layout.len {
            return Fit::Extra(count - self.layout.len);
        }
        let min = self
            .def
            .known_counts
            .iter()
            .min()
            .map_or(0, |&m| usize::from(m));
        if count < min {
            Fit::Older
        } else if self
            .def
            .known_counts
            .iter()
            .any(|&c| usize::from(c) == count)
        {
            Fit::Known
        } else {
            Fit::Unlisted
        }
    }

    /// Every layout of `log_type`: the standard one first, then the variants.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::{LogType, Schema};
    /// let names: Vec<_> = Schema::layouts(LogType::GlobalProtect).map(|s| s.layout_name()).collect();
    /// assert_eq!(names, ["standard", "9.1.0-9.1.2"]);
    /// ```
    pub fn layouts(log_type: LogType) -> impl Iterator<Item = Schema> {
        let def = log_type.def();
        def.layouts.iter().map(move |layout| Schema { def, layout })
    }

    /// The schema of a record, from its own evidence: the column count and
    /// the text of its columns (`column(i)` is column `i`'s raw bytes, empty
    /// past the end). See the [module docs](self) for the rules.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::{LogType, Schema};
    ///
    /// let line = "1,2020/01/01 00:00:00,0011,END,end,2049,2020/01/01 00:00:00";
    /// let cols: Vec<&str> = line.split(',').collect();
    /// let schema = Schema::detect(62, |i| cols.get(i).map_or(&b""[..], |c| c.as_bytes()));
    /// assert_eq!(schema.log_type(), LogType::Tunnel);
    /// assert_eq!(schema.layout_name(), "before 10.0");
    /// ```
    pub fn detect<'a>(count: usize, column: impl Fn(usize) -> &'a [u8]) -> Schema {
        let variant = |def: &'static TypeDef, i: usize| Schema {
            def,
            layout: &def.layouts[i],
        };
        let log_type = match LogType::from_bytes(column(3)) {
            // Strata Logging Service writes DECRYPTION's type in the subtype
            // column and leaves the type column empty.
            // (`start`/`end` there are TRAFFIC subtypes, not tunnel logs.)
            LogType::Unknown if column(3).is_empty() => match LogType::from_bytes(column(4)) {
                LogType::Tunnel => LogType::Unknown,
                found => found,
            },
            known => known,
        };
        let version = || Version::from_field(column(5));
        // Strata Logging Service's TRAFFIC and THREAT: a text version
        // (`10.0`) in column 5, and no flags column, so column 28 is the
        // action rather than `0x...`.
        let strata = || column(5).contains(&b'.') && !column(28).starts_with(b"0x");
        match log_type {
            LogType::Unknown => {
                let five = LogType::from_bytes(column(5));
                if five == LogType::GlobalProtect {
                    variant(&GLOBALPROTECT_DEF, 1)
                } else if five == LogType::HipMatch {
                    variant(&HIPMATCH_DEF, 1)
                } else if column(2).eq_ignore_ascii_case(b"audit") && count <= 16 {
                    LogType::Audit.schema()
                } else {
                    LogType::Unknown.schema()
                }
            }
            LogType::Tunnel => {
                let old = match version() {
                    Some(v) => v < Version::new(10, 0),
                    None => count == 62,
                };
                variant(&TUNNEL_DEF, usize::from(old))
            }
            LogType::Traffic if strata() => variant(&TRAFFIC_DEF, 1),
            LogType::Threat if strata() => variant(&THREAT_DEF, 2),
            LogType::Threat => {
                let docs_10_0 = count == 112 && version().is_none_or(|v| v < Version::new(10, 1));
                variant(&THREAT_DEF, usize::from(docs_10_0))
            }
            LogType::Config => {
                let hex = |i| column(i).starts_with(b"0x");
                let docs_order = count >= 18 && !hex(15) && hex(17);
                variant(&CONFIG_DEF, usize::from(docs_order))
            }
            other => other.schema(),
        }
    }
}

/// How a record's column count fits its layout.
///
/// # Example
///
/// ```
/// use panlog::schema::{Fit, LogType};
/// assert_eq!(LogType::Traffic.schema().fit(65), Fit::Known);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fit {
    /// A count that some PAN-OS version writes.
    Known,
    /// Between the oldest and the newest layout, but no version is known to
    /// write this count: a firmware the reference does not list, a custom
    /// format, or a record cut short.
    Unlisted,
    /// More columns than the newest layout: the extra ones are kept and
    /// reachable by index.
    Extra(usize),
    /// Fewer columns than the oldest layout the tables list: firmware older
    /// than the tables (PAN-OS 4.x–6.0 wrote fewer columns), or a record cut
    /// short. It parses all the same: its columns are a prefix of the
    /// layout, and the columns it lacks are absent.
    Older,
    /// The log type is not known, so no count is.
    UnknownType,
}

/// Whether `name` is a column of any log type's table: what a typed getter
/// asks before it reports an unknown field name (a typo) rather than an
/// absent column.
///
/// # Example
///
/// ```
/// use panlog::schema::is_known_name;
/// assert!(is_known_name("natsrc"));
/// assert!(is_known_name("eventid"));
/// assert!(!is_known_name("source_ip"));
/// ```
#[must_use]
pub fn is_known_name(name: &str) -> bool {
    LogType::ALL.iter().any(|ty| {
        Schema {
            def: ty.def(),
            layout: &ty.def().layouts[0],
        }
        .pool_index(name.as_bytes(), hash(name.as_bytes()))
        .is_some()
    })
}

/// The column names of each log type as constants, generated from the
/// schema tables: `log.ip(fields::traffic::SRC)` cannot be misspelt.
///
/// The columns common to every type (`receive_time`, `serial`, `type`,
/// ...) are in [`common`](fields::common).
///
/// # Example
///
/// ```
/// use panlog::fields::{common, threat};
///
/// let line = b"1,2024/03/05 14:22:07,0128,THREAT,url,2561,2024/03/05 14:22:07,10.0.0.2";
/// let log = panlog::parse(line).unwrap();
/// assert_eq!(log.ip(threat::SRC).unwrap(), Some("10.0.0.2".parse().unwrap()));
/// assert_eq!(log.get(common::SERIAL).unwrap(), "0128");
/// ```
///
/// A misspelt name does not compile:
///
/// ```compile_fail
/// let _ = panlog::fields::traffic::SOURCE_IP;
/// ```
pub mod fields {
    pub use super::tables::{
        audit, authentication, config, correlation, decryption, dns, globalprotect, gtp, hipmatch,
        iptag, sctp, system, threat, traffic, tunnel, userid,
    };

    /// The columns every type with a `1,` prefix starts with.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::fields::common::TIME_GENERATED, "time_generated");
    /// ```
    pub mod common {
        pub use super::traffic::{
            FUTURE_USE_0, FUTURE_USE_5, RECEIVE_TIME, SERIAL, SUBTYPE, TIME_GENERATED, TYPE,
        };
    }
}

/// Whether `constant` is `name` upper-cased (for the generated constants).
const fn same_name(constant: &str, name: &str) -> bool {
    let (c, n) = (constant.as_bytes(), name.as_bytes());
    if c.len() != n.len() {
        return false;
    }
    let mut i = 0;
    while i < c.len() {
        if c[i] != n[i].to_ascii_uppercase() {
            return false;
        }
        i += 1;
    }
    true
}

// ---------------------------------------------------------------------------
// Const helpers: the tables are data, the indexes are computed from them at
// compile time, and a misspelt name in a layout fails the build.

const fn str_cmp(a: &str, b: &str) -> i32 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] as i32 - b[i] as i32;
        }
        i += 1;
    }
    a.len() as i32 - b.len() as i32
}

/// The size of a name table: a power of two, at most three quarters full
/// with the largest column pool (TRAFFIC's 130).
const TABLE: usize = 256;

/// FNV-1a, 32 bits.
#[inline(always)]
pub(crate) const fn hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < name.len() {
        h ^= name[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// The hash table of `columns` by name (linear probing).
const fn name_table(columns: &[FieldSpec]) -> [u8; TABLE] {
    assert!(columns.len() * 4 <= TABLE * 3);
    let mut table = [ABSENT; TABLE];
    let mut i = 0;
    while i < columns.len() {
        let mut slot = hash(columns[i].name.as_bytes()) as usize & (TABLE - 1);
        while table[slot] != ABSENT {
            slot = (slot + 1) & (TABLE - 1);
        }
        table[slot] = i as u8;
        i += 1;
    }
    table
}

/// Indexes of `columns` sorted by name; the build fails on a duplicate name.
const fn by_name<const N: usize>(columns: &[FieldSpec]) -> [u8; N] {
    assert!(N == columns.len() && N < ABSENT as usize);
    let mut idx = [0u8; N];
    let mut i = 0;
    while i < N {
        idx[i] = i as u8;
        i += 1;
    }
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 {
            let c = str_cmp(
                columns[idx[j - 1] as usize].name,
                columns[idx[j] as usize].name,
            );
            assert!(c != 0, "duplicate column name in a schema table");
            if c < 0 {
                break;
            }
            let t = idx[j - 1];
            idx[j - 1] = idx[j];
            idx[j] = t;
            j -= 1;
        }
        i += 1;
    }
    idx
}

/// The pool indexes of `names`; the build fails on a name the pool lacks.
const fn wire<const N: usize>(columns: &[FieldSpec], names: [&str; N]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        let mut j = 0;
        loop {
            assert!(j < columns.len(), "layout names a column the table lacks");
            if str_cmp(columns[j].name, names[i]) == 0 {
                break;
            }
            j += 1;
        }
        out[i] = j as u8;
        i += 1;
    }
    out
}

/// The first `N` columns of the standard layout's wire order without the
/// pool columns `skip` (each of which must be among them).
const fn wire_without<const N: usize>(columns: &[FieldSpec], skip: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut i, mut o, mut skipped) = (0, 0, 0);
    while o < N {
        assert!(i < columns.len(), "the layout is longer than the pool");
        let mut keep = true;
        let mut k = 0;
        while k < skip.len() {
            if str_cmp(columns[i].name, skip[k]) == 0 {
                keep = false;
                skipped += 1;
            }
            k += 1;
        }
        if keep {
            out[o] = i as u8;
            o += 1;
        }
        i += 1;
    }
    assert!(
        skipped == skip.len(),
        "a column to skip is not in the layout"
    );
    out
}

/// The inverse of a wire order: pool index → wire position.
const fn positions<const P: usize>(wire: &[u8]) -> [u8; P] {
    let mut out = [ABSENT; P];
    let mut i = 0;
    while i < wire.len() {
        out[wire[i] as usize] = i as u8;
        i += 1;
    }
    out
}

const fn standard(len: usize) -> LayoutDef {
    LayoutDef {
        name: "standard",
        wire: None,
        position_of: None,
        len,
    }
}

/// A layout that is not a prefix of the standard one: its name, the type's
/// column pool and its wire order (the inverse is derived at compile time).
macro_rules! variant {
    ($name:expr, $pool:ident, $wire:ident) => {
        LayoutDef {
            name: $name,
            wire: Some(&$wire),
            position_of: Some(&positions::<{ $pool.len() }>(&$wire)),
            len: $wire.len(),
        }
    };
}

macro_rules! type_def {
    ($def:ident, $ty:expr, $cols:expr, $wire_len:expr, counts: $counts:expr, layouts: [$($layout:expr),*]) => {
        // The build fails if two columns share a name.
        const _: [u8; $cols.len()] = by_name::<{ $cols.len() }>($cols);
        static $def: TypeDef = TypeDef {
            log_type: $ty,
            columns: $cols,
            table: &name_table($cols),
            known_counts: &$counts,
            layouts: &[standard($wire_len) $(, $layout)*],
        };
    };
    ($def:ident, $ty:expr, $cols:expr, counts: $counts:expr) => {
        type_def!($def, $ty, $cols, $cols.len(), counts: $counts, layouts: []);
    };
}

use tables::*;

// The counts below are the documented ones (`NOTES.md` §2 of the field
// reference) plus the shorter ones real PAN-OS 4.x–6.0 logs are observed to
// write (TRAFFIC 43/46/50, THREAT 42/45, SYSTEM 16, CONFIG 14, USERID 20:
// public parsers' test data). Every one is a prefix of the standard layout.

// TRAFFIC as Strata Logging Service forwards it (a text version in column
// 5): without the time-logged, flags and action-flags columns and the two
// FUTURE_USE columns between them.
const TRAFFIC_STRATA: [u8; TRAFFIC.len() - 5] = wire_without(
    TRAFFIC,
    &[
        "future_use_21",
        "flags",
        "future_use_38",
        "actionflags",
        "future_use_43",
    ],
);
type_def!(TRAFFIC_DEF, LogType::Traffic, TRAFFIC, TRAFFIC.len(),
counts: [43, 46, 47, 50, 54, 61, 65, 67, 75, 100, 105, 115, 120, 130],
layouts: [variant!("strata", TRAFFIC, TRAFFIC_STRATA)]);
type_def!(SYSTEM_DEF, LogType::System, SYSTEM, counts: [16, 17, 23, 26]);
type_def!(USERID_DEF, LogType::UserId, USERID, counts: [20, 30, 31, 32, 34, 36, 37]);
type_def!(AUTHENTICATION_DEF, LogType::Authentication, AUTHENTICATION,
    counts: [31, 32, 33, 46, 47]);
type_def!(DECRYPTION_DEF, LogType::Decryption, DECRYPTION, counts: [91, 106, 107, 108]);
type_def!(GTP_DEF, LogType::Gtp, GTP, counts: [83, 86, 94]);
type_def!(SCTP_DEF, LogType::Sctp, SCTP, counts: [63, 64, 65]);
type_def!(IPTAG_DEF, LogType::IpTag, IPTAG, counts: [25, 26, 27]);
type_def!(CORRELATION_DEF, LogType::Correlation, CORRELATION, counts: [22]);
type_def!(AUDIT_DEF, LogType::Audit, AUDIT, counts: [8]);
type_def!(DNS_DEF, LogType::Dns, DNS, counts: []);

/// The columns common to every type with a `1,` prefix: the first seven of
/// any table (TRAFFIC's is used; `tests/schema_reference.rs` checks that all
/// agree).
const COMMON: &[FieldSpec] = TRAFFIC.split_at(7).0;
type_def!(UNKNOWN_DEF, LogType::Unknown, COMMON, counts: []);

// THREAT: the 10.0 docs insert `session_owner` before `partial_hash`.
const THREAT_WIRE_LEN: usize = THREAT.len() - 1;
const THREAT_10_0_DOCS: [u8; 112] = {
    let mut out = [0u8; 112];
    let partial_hash = wire(THREAT, ["partial_hash"])[0] as usize;
    let mut i = 0;
    while i < 112 {
        out[i] = if i < partial_hash {
            i as u8
        } else if i == partial_hash {
            THREAT_WIRE_LEN as u8 // session_owner, the pool's last column
        } else {
            (i - 1) as u8
        };
        i += 1;
    }
    out
};
// THREAT as Strata Logging Service forwards it (a text version in column
// 5): without the time-logged, flags, category and action-flags columns.
// Its order past the destination location varies with the subtype in the
// forwarded logs seen, so only the columns up to there are named; the rest
// are kept as extra columns.
const THREAT_STRATA: [u8; 36] = wire_without(
    THREAT,
    &["future_use_21", "flags", "category", "actionflags"],
);
type_def!(THREAT_DEF, LogType::Threat, THREAT, THREAT_WIRE_LEN,
counts: [42, 45, 54, 60, 71, 75, 76, 78, 79, 111, 112, 120, 121, 123],
layouts: [
    variant!("10.0 docs", THREAT, THREAT_10_0_DOCS),
    variant!("strata", THREAT, THREAT_STRATA)
]);

// TUNNEL: `pkts_received` was inserted after `pkts_sent` by 10.0.
const TUNNEL_BEFORE_10: [u8; TUNNEL.len() - 1] = wire_without(TUNNEL, &["pkts_received"]);
type_def!(TUNNEL_DEF, LogType::Tunnel, TUNNEL, TUNNEL.len(),
counts: [62, 75, 83, 84],
layouts: [variant!("before 10.0", TUNNEL, TUNNEL_BEFORE_10)]);

// GLOBALPROTECT 9.1.0–9.1.2: seqno and actionflags right after the serial.
const GP_EARLY: [u8; 36] = wire(
    GLOBALPROTECT,
    [
        "future_use_0",
        "receive_time",
        "serial",
        "seqno",
        "actionflags",
        "type",
        "subtype",
        "future_use_5",
        "time_generated",
        "vsys",
        "eventid",
        "stage",
        "auth_method",
        "tunnel_type",
        "srcuser",
        "srcregion",
        "machinename",
        "public_ip",
        "public_ipv6",
        "private_ip",
        "private_ipv6",
        "hostid",
        "serialnumber",
        "client_ver",
        "client_os",
        "client_os_ver",
        "repeatcnt",
        "reason",
        "error",
        "opaque",
        "status",
        "location",
        "login_duration",
        "connect_method",
        "error_code",
        "portal",
    ],
);
type_def!(GLOBALPROTECT_DEF, LogType::GlobalProtect, GLOBALPROTECT, GLOBALPROTECT.len(),
counts: [36, 42, 49, 50],
layouts: [variant!("9.1.0-9.1.2", GLOBALPROTECT, GP_EARLY)]);

// HIP-MATCH 8.0.5–8.0.10: the same shape, with the DG columns moved forward.
const HIP_8_0: [u8; 28] = wire(
    HIPMATCH,
    [
        "future_use_0",
        "receive_time",
        "serial",
        "seqno",
        "actionflags",
        "type",
        "subtype",
        "future_use_5",
        "time_generated",
        "dg_hier_level_1",
        "dg_hier_level_2",
        "dg_hier_level_3",
        "dg_hier_level_4",
        "vsys_name",
        "device_name",
        "vsys_id",
        "srcuser",
        "vsys",
        "machinename",
        "src",
        "matchname",
        "repeatcnt",
        "os",
        "matchtype",
        "future_use_15",
        "future_use_16",
        "srcipv6",
        "hostid",
    ],
);
type_def!(HIPMATCH_DEF, LogType::HipMatch, HIPMATCH, HIPMATCH.len(),
counts: [19, 25, 27, 28, 29, 31, 32],
layouts: [variant!("8.0.5-8.0.10", HIPMATCH, HIP_8_0)]);

// CONFIG in the docs' order: the change details between `path` and `seqno`
// (a custom format; the default wire format has them trailing, if at all).
const CONFIG_DOCS: [u8; 28] = wire(
    CONFIG,
    [
        "future_use_0",
        "receive_time",
        "serial",
        "type",
        "subtype",
        "future_use_5",
        "time_generated",
        "host",
        "vsys",
        "cmd",
        "admin",
        "client",
        "result",
        "path",
        "before_change_detail",
        "after_change_detail",
        "seqno",
        "actionflags",
        "dg_hier_level_1",
        "dg_hier_level_2",
        "dg_hier_level_3",
        "dg_hier_level_4",
        "vsys_name",
        "device_name",
        "dg_id",
        "comment",
        "future_use_24",
        "high_res_timestamp",
    ],
);
type_def!(CONFIG_DEF, LogType::Config, CONFIG, CONFIG.len(),
counts: [14, 16, 18, 22, 24, 26, 28],
layouts: [variant!("docs order", CONFIG, CONFIG_DOCS)]);
