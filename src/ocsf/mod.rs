//! Open Cybersecurity Schema Framework (OCSF) events from PAN-OS records,
//! the schema of Amazon Security Lake and a growing set of SIEMs.
//!
//! [`OcsfMapping`] is a [`Mapping`] like the ECS ones: it turns every log
//! type into an [`OcsfEvent`] of the class that describes it, borrowed
//! from the record and serialized straight from its structs (no
//! allocation per record beyond the output, as the ECS path).
//!
//! # Classes, and why
//!
//! | log type | class | activity | why |
//! | --- | --- | --- | --- |
//! | TRAFFIC, TUNNEL, GTP, SCTP | 4001 Network Activity | `start` 1 Open, `end` 2 Close (3 Reset when the session ended by a TCP reset), `drop`/`deny` 5 Refuse, else 99 Other | a session seen by a sensor, its subtype saying which step |
//! | DECRYPTION | 4001 Network Activity | 6 Traffic, 4 Fail with an error | a report on a TLS session, not one of its steps |
//! | DNS (cloud) | 4003 DNS Activity | 1 Query | a query the firewall saw and judged |
//! | THREAT, CORRELATION | 2004 Detection Finding | 1 Create | a detection raised by the firewall's logic; the session is the evidence (`evidences[]`) |
//! | GLOBALPROTECT, AUTHENTICATION, USERID; SYSTEM auth events | 3002 Authentication | login/connect 1 Logon, logout/disconnect 2 Logoff, else 99 Other | a user proving who they are (USERID: the firewall learning who logged on where) |
//! | CONFIG, AUDIT | 5019 Device Config State Change | 1 Log | a change to the firewall's configuration |
//! | HIP-MATCH | 5019 Device Config State Change | 1 Log | the endpoint's security posture (HIP) as the firewall learned it: `device` is the endpoint |
//! | IPTAG | 3004 Entity Management | `register` 1 Create, `unregister` 4 Delete, else 99 Other | a tag, a managed entity, attached to or removed from an address |
//! | SYSTEM (other events) | 0 Base Event | 99 Other, named by the event id | appliance health (HA, disks, routing, licences) has no class: none of the compiled classes records it, and 5019 is for configuration |
//! | a session type's record that names no endpoint (truncated) | 0 Base Event | 99 Other, named by the subtype | Network Activity needs an endpoint |
//!
//! Where a class requires what a record lacks, the event says `unknown`
//! rather than omit it: Authentication's `user.name` (a GlobalProtect or
//! SYSTEM event naming no user) and Detection Finding's `finding_info.uid`
//! (no sequence number, session id or name). An endpoint or `device` with
//! nothing that identifies it (address, name, interface) is left out, its
//! columns kept in `unmapped`.
//!
//! `type_uid` is always `class_uid * 100 + activity_id`. The attributes
//! every class requires are always written; `metadata.product` names
//! PAN-OS and `metadata.version` the OCSF version ([`OCSF_VERSION`]). Every
//! column no attribute took is in `unmapped`, typed, under its PAN-OS name:
//! nothing is dropped. `tests/ocsf.rs` checks every shipped and real-world
//! record against the compiled schema (classes, activities, attribute paths
//! and types, enums, required attributes).
//!
//! # Example
//!
//! ```
//! use panlog::mapping::Mapping;
//! use panlog::ocsf::OcsfMapping;
//!
//! let line = b"<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,203.0.113.10,93.184.216.34,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,53144,443,41022,443,0x400000,tcp,allow,18342,2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin";
//! let log = panlog::parse(line).unwrap();
//! let event = OcsfMapping::new().map(&log);
//! assert_eq!((event.class_uid, event.activity_id, event.type_uid), (4001, 2, 400102));
//! assert_eq!(event.src_endpoint.port, Some(53144));
//! assert_eq!(event.actor.user.domain.as_deref(), Some("corp"));
//!
//! let json: serde_json::Value = serde_json::to_value(&event).unwrap();
//! assert_eq!(json["type_name"], "Network Activity: Close");
//! assert_eq!(json["metadata"]["product"]["name"], "PAN-OS");
//! assert_eq!(json["traffic"]["bytes"], 18342);
//! assert_eq!(json["dst_endpoint"]["location"]["country"], "United States");
//! assert_eq!(json["unmapped"]["natsport"], 41022); // kept, typed
//! ```

mod model;

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};

pub use model::{
    Actor, ConnectionInfo, Device, Endpoint, Entity, Evidence, File, FindingInfo, FirewallRule,
    Location, Metadata, OcsfEvent, Product, Query, Service, Traffic, TypeName, Url, User,
};

use crate::describe::Description;
use crate::log::Log;
use crate::mapping::{
    Ctx, Mapping, Outcome, Rest, Time, is_auth_event, is_place, login_step, now, split_user,
};
use crate::schema::LogType;
use crate::value::{Action, Severity};

/// The OCSF version the mapping writes in `metadata.version`: the version
/// of the compiled schema its output is validated against.
///
/// # Example
///
/// ```
/// use panlog::mapping::Mapping;
/// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// let event = panlog::ocsf::OcsfMapping::new().map(&log);
/// assert_eq!(event.metadata.version, panlog::ocsf::OCSF_VERSION);
/// ```
pub const OCSF_VERSION: &str = "1.8.0";

/// The profiles whose attributes the events use (`metadata.profiles`).
const PROFILES: &[&str] = &["host", "security_control", "datetime"];

/// The OCSF classes PAN-OS records map to.
///
/// # Example
///
/// ```
/// use panlog::ocsf::Class;
/// assert_eq!(Class::NetworkActivity.uid(), 4001);
/// assert_eq!(Class::NetworkActivity.activity(2), Some("Close"));
/// assert_eq!(Class::BaseEvent.activity(99), Some("Other"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Class {
    /// 4001 Network Activity.
    NetworkActivity,
    /// 4003 DNS Activity.
    DnsActivity,
    /// 2004 Detection Finding.
    DetectionFinding,
    /// 3002 Authentication.
    Authentication,
    /// 3004 Entity Management.
    EntityManagement,
    /// 5019 Device Config State Change.
    DeviceConfigStateChange,
    /// 0 Base Event.
    BaseEvent,
}

impl Class {
    /// `class_uid`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ocsf::Class::DetectionFinding.uid(), 2004);
    /// ```
    #[must_use]
    pub const fn uid(self) -> u32 {
        match self {
            Class::NetworkActivity => 4001,
            Class::DnsActivity => 4003,
            Class::DetectionFinding => 2004,
            Class::Authentication => 3002,
            Class::EntityManagement => 3004,
            Class::DeviceConfigStateChange => 5019,
            Class::BaseEvent => 0,
        }
    }

    /// `class_name`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ocsf::Class::Authentication.name(), "Authentication");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Class::NetworkActivity => "Network Activity",
            Class::DnsActivity => "DNS Activity",
            Class::DetectionFinding => "Detection Finding",
            Class::Authentication => "Authentication",
            Class::EntityManagement => "Entity Management",
            Class::DeviceConfigStateChange => "Device Config State Change",
            Class::BaseEvent => "Base Event",
        }
    }

    /// `category_uid` and `category_name`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::ocsf::Class::DnsActivity.category(), (4, "Network Activity"));
    /// ```
    #[must_use]
    pub const fn category(self) -> (u8, &'static str) {
        match self {
            Class::NetworkActivity | Class::DnsActivity => (4, "Network Activity"),
            Class::DetectionFinding => (2, "Findings"),
            Class::Authentication | Class::EntityManagement => (3, "Identity & Access Management"),
            Class::DeviceConfigStateChange => (5, "Discovery"),
            Class::BaseEvent => (0, "Uncategorized"),
        }
    }

    /// The caption of activity `id` in this class (0 Unknown and 99 Other
    /// in every class), or `None` if the class has no such activity.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::ocsf::Class;
    /// assert_eq!(Class::Authentication.activity(2), Some("Logoff"));
    /// assert_eq!(Class::DnsActivity.activity(3), None);
    /// ```
    #[must_use]
    pub const fn activity(self, id: u8) -> Option<&'static str> {
        match (self, id) {
            (_, 0) => Some("Unknown"),
            (_, 99) => Some("Other"),
            (Class::NetworkActivity, 1..=7) => Some(
                [
                    "Open", "Close", "Reset", "Fail", "Refuse", "Traffic", "Listen",
                ][id as usize - 1],
            ),
            (Class::DnsActivity, 1) => Some("Query"),
            (Class::DnsActivity, 2) => Some("Response"),
            (Class::DnsActivity, 6) => Some("Traffic"),
            (Class::DetectionFinding, 1..=3) => {
                Some(["Create", "Update", "Close"][id as usize - 1])
            }
            (Class::Authentication, 1..=7) => Some(
                [
                    "Logon",
                    "Logoff",
                    "Authentication Ticket",
                    "Service Ticket Request",
                    "Service Ticket Renew",
                    "Preauth",
                    "Account Switch",
                ][id as usize - 1],
            ),
            (Class::EntityManagement, 1..=13) => Some(
                [
                    "Create",
                    "Read",
                    "Update",
                    "Delete",
                    "Move",
                    "Enroll",
                    "Unenroll",
                    "Enable",
                    "Disable",
                    "Activate",
                    "Deactivate",
                    "Suspend",
                    "Resume",
                ][id as usize - 1],
            ),
            (Class::DeviceConfigStateChange, 1) => Some("Log"),
            (Class::DeviceConfigStateChange, 2) => Some("Collect"),
            _ => None,
        }
    }

    /// The class a record of type `ty` maps to. SYSTEM gives Base Event,
    /// the class of most of its events; its authentication events are
    /// Authentication (see the [module](self)'s table).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::ocsf::Class;
    /// use panlog::schema::LogType;
    /// assert_eq!(Class::of(LogType::Threat), Class::DetectionFinding);
    /// assert_eq!(Class::of(LogType::Config), Class::DeviceConfigStateChange);
    /// ```
    #[must_use]
    pub const fn of(ty: LogType) -> Class {
        match ty {
            LogType::Traffic
            | LogType::Decryption
            | LogType::Tunnel
            | LogType::Gtp
            | LogType::Sctp => Class::NetworkActivity,
            LogType::Dns => Class::DnsActivity,
            LogType::Threat | LogType::Correlation => Class::DetectionFinding,
            LogType::GlobalProtect | LogType::Authentication | LogType::UserId => {
                Class::Authentication
            }
            LogType::Config | LogType::Audit | LogType::HipMatch => Class::DeviceConfigStateChange,
            LogType::IpTag => Class::EntityManagement,
            _ => Class::BaseEvent,
        }
    }
}

/// The default PAN-OS → OCSF mapping (see the [module](self) for the class
/// of each log type and why).
///
/// # Example
///
/// ```
/// use panlog::mapping::Mapping;
/// use panlog::ocsf::OcsfMapping;
///
/// let line = b"1,2024/03/05 14:22:07,0128,CONFIG,0,2561,2024/03/05 14:22:07,10.0.0.9,vsys1,set,admin,Web,Succeeded,\" deviceconfig system\",4411,0x0";
/// let log = panlog::parse(line).unwrap();
/// let event = OcsfMapping::new().raw_data(false).map(&log);
/// assert_eq!(event.class_uid, 5019);
/// assert_eq!(event.status, Some("Success"));
/// assert_eq!(event.actor.user.name.as_deref(), Some("admin"));
/// assert!(event.raw_data.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OcsfMapping {
    raw_data: bool,
}

impl Default for OcsfMapping {
    fn default() -> Self {
        OcsfMapping::new()
    }
}

impl OcsfMapping {
    /// The mapping with `raw_data` kept.
    ///
    /// # Example
    ///
    /// ```
    /// let mapping = panlog::ocsf::OcsfMapping::new();
    /// ```
    #[must_use]
    pub const fn new() -> OcsfMapping {
        OcsfMapping { raw_data: true }
    }

    /// Whether to keep the whole record in `raw_data` (on by default).
    ///
    /// # Example
    ///
    /// ```
    /// let mapping = panlog::ocsf::OcsfMapping::new().raw_data(false);
    /// ```
    #[must_use]
    pub const fn raw_data(mut self, keep: bool) -> OcsfMapping {
        self.raw_data = keep;
        self
    }
}

impl Mapping for OcsfMapping {
    type Document<'a> = OcsfEvent<'a>;

    fn map<'a>(&self, log: &Log<'a>) -> OcsfEvent<'a> {
        let mut cx = Ctx::new(log);
        let mut event = OcsfEvent {
            class_uid: 0,
            class_name: "",
            category_uid: 0,
            category_name: "",
            activity_id: 0,
            activity_name: None,
            type_uid: 0,
            type_name: TypeName {
                class: "",
                activity: "",
            },
            severity_id: 1,
            severity: "Informational",
            time: 0,
            time_dt: None,
            timezone_offset: None,
            start_time: None,
            duration: None,
            message: None,
            status_id: None,
            status: None,
            status_detail: None,
            action_id: None,
            action: None,
            disposition_id: None,
            disposition: None,
            app_name: None,
            metadata: Metadata {
                version: OCSF_VERSION,
                product: Product {
                    name: "PAN-OS",
                    vendor_name: "Palo Alto Networks",
                },
                profiles: PROFILES,
                log_name: None,
                uid: None,
                event_code: None,
                original_time: None,
                logged_time: None,
            },
            device: Device::default(),
            actor: Actor::default(),
            user: User::default(),
            src_endpoint: Endpoint::default(),
            dst_endpoint: Endpoint::default(),
            connection_info: ConnectionInfo::default(),
            traffic: Traffic::default(),
            firewall_rule: FirewallRule::default(),
            url: Url::default(),
            service: Service::default(),
            entity: Entity::default(),
            query: Query::default(),
            finding_info: FindingInfo::default(),
            evidences: Default::default(),
            raw_data: None,
            unmapped: Rest::none(),
        };
        if self.raw_data {
            event.raw_data = Some(log.record_text());
        }
        common(&mut cx, &mut event);
        let ty = log.log_type();
        let (class, activity, label) = match ty {
            LogType::Traffic | LogType::Tunnel | LogType::Gtp | LogType::Sctp => {
                session(&mut cx, &mut event);
                let (activity, label) = session_activity(&mut cx);
                if without_endpoints(&mut cx, &mut event) {
                    (Class::BaseEvent, 99, label)
                } else {
                    (Class::NetworkActivity, activity, label)
                }
            }
            LogType::Decryption => {
                session(&mut cx, &mut event);
                let failed = cx
                    .peek("error")
                    .is_some_and(|e| !e.is_empty() && e != "None");
                if without_endpoints(&mut cx, &mut event) {
                    (Class::BaseEvent, 99, cx.text("subtype"))
                } else {
                    (Class::NetworkActivity, if failed { 4 } else { 6 }, None)
                }
            }
            LogType::Dns => {
                dns(&mut cx, &mut event);
                (Class::DnsActivity, 1, None)
            }
            LogType::Threat => {
                session(&mut cx, &mut event);
                threat(&mut cx, &mut event);
                (Class::DetectionFinding, 1, None)
            }
            LogType::Correlation => {
                correlation(&mut cx, &mut event);
                (Class::DetectionFinding, 1, None)
            }
            LogType::GlobalProtect => {
                let (activity, label) = globalprotect(&mut cx, &mut event);
                (Class::Authentication, activity, label)
            }
            LogType::Authentication => {
                authentication(&mut cx, &mut event);
                (Class::Authentication, 1, None)
            }
            LogType::UserId => {
                let (activity, label) = userid(&mut cx, &mut event);
                (Class::Authentication, activity, label)
            }
            LogType::System => system(&mut cx, &mut event),
            LogType::Config => {
                config(&mut cx, &mut event);
                (Class::DeviceConfigStateChange, 1, None)
            }
            LogType::Audit => {
                audit(&mut cx, &mut event);
                (Class::DeviceConfigStateChange, 1, None)
            }
            LogType::HipMatch => {
                hipmatch(&mut cx, &mut event);
                (Class::DeviceConfigStateChange, 1, None)
            }
            LogType::IpTag => {
                let (activity, label) = iptag(&mut cx, &mut event);
                (Class::EntityManagement, activity, label)
            }
            _ => (Class::BaseEvent, 99, cx.text("subtype")),
        };
        classify(&mut event, class, activity, label);
        event.unmapped = cx.into_rest();
        event
    }
}

/// Sets the class, the activity and what derives from them. An activity
/// the class does not have is 99 Other.
fn classify<'a>(
    event: &mut OcsfEvent<'a>,
    class: Class,
    activity: u8,
    label: Option<Cow<'a, str>>,
) {
    let activity = if class.activity(activity).is_some() {
        activity
    } else {
        99
    };
    let caption = class.activity(activity).unwrap_or("Other");
    event.class_uid = class.uid();
    event.class_name = class.name();
    (event.category_uid, event.category_name) = class.category();
    event.activity_id = activity;
    event.activity_name = Some(match (activity, label) {
        (99, Some(label)) => label,
        _ => Cow::Borrowed(caption),
    });
    event.type_uid = class.uid() * 100 + u32::from(activity);
    event.type_name = TypeName {
        class: class.name(),
        activity: caption,
    };
}

fn ms(time: &DateTime<FixedOffset>) -> i64 {
    time.timestamp_millis()
}

/// What every record has: time, severity, the firewall, the metadata.
fn common<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let log = cx.log();
    event.metadata.log_name = cx.text("type").or_else(|| {
        let ty = log.log_type();
        (ty != LogType::Unknown).then(|| Cow::Borrowed(ty.as_str()))
    });
    event.metadata.uid = cx.text("seqno");
    event.metadata.original_time = cx.peek("time_generated");
    let times = cx.times();
    event.metadata.logged_time = times.received.map(|r| ms(&r.time));
    // The same choice as ECS `@timestamp`: when the event happened.
    let time = times
        .event
        .map(|s| s.time)
        .or_else(|| now().map(|t| t.fixed_offset()));
    if let Some(time) = time {
        event.time = ms(&time);
        event.time_dt = Some(Time(time));
        event.timezone_offset = Some(time.offset().local_minus_utc() / 60);
    }
    if let Some(severity) = cx.text("severity") {
        let (id, caption) = match Severity::parse(severity.as_ref()) {
            Severity::Informational => (1, "Informational"),
            Severity::Low => (2, "Low"),
            Severity::Medium => (3, "Medium"),
            Severity::High => (4, "High"),
            Severity::Critical => (5, "Critical"),
            Severity::Other(_) => (0, "Unknown"),
        };
        (event.severity_id, event.severity) = (id, caption);
    }
    let device = &mut event.device;
    device.type_id = Some(9);
    device.type_ = Some("Firewall");
    device.vendor_name = Some("Palo Alto Networks");
    device.uid = cx.text("serial");
    device.name = cx.text("device_name");
    device.hostname = device
        .name
        .clone()
        .or_else(|| log.header().hostname().map(Cow::Borrowed));
    if device.uid.is_none() && device.hostname.is_none() {
        // Nothing names the firewall: no `device` (the schema needs a name).
        *device = Device::default();
    }
}

fn user<'a>(text: Option<Cow<'a, str>>) -> User<'a> {
    match text {
        Some(text) => {
            let (name, domain) = split_user(text);
            User {
                name: Some(name),
                domain,
            }
        }
        None => User::default(),
    }
}

/// A country name, never an address or a range ([`is_place`]).
fn country(text: Option<Cow<'_, str>>) -> Option<Cow<'_, str>> {
    text.filter(|t| is_place(t))
}

/// The IANA number of a protocol name PAN-OS writes.
fn protocol_num(name: &str) -> Option<u8> {
    const KNOWN: [(&str, u8); 8] = [
        ("icmp", 1),
        ("igmp", 2),
        ("tcp", 6),
        ("udp", 17),
        ("gre", 47),
        ("esp", 50),
        ("ipv6-icmp", 58),
        ("sctp", 132),
    ];
    KNOWN
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, num)| num)
        .or_else(|| name.parse().ok())
}

/// A port OCSF can hold (`port_t`: 0–65535). A larger value (real logs
/// have them) is not taken: it stays in `unmapped`.
fn port(cx: &mut Ctx<'_, '_>, name: &str) -> Option<u32> {
    let port = cx.port(name)?;
    if port > 65_535 {
        cx.unmark(name);
        return None;
    }
    Some(port)
}

/// A counter OCSF can hold (`long_t`, signed 64 bits); a larger value stays
/// in `unmapped`.
fn long(cx: &mut Ctx<'_, '_>, name: &str) -> Option<u64> {
    let n = cx.u64(name)?;
    if i64::try_from(n).is_err() {
        cx.unmark(name);
        return None;
    }
    Some(n)
}

/// A duration in seconds as milliseconds, when that fits `long_t`.
fn millis(cx: &mut Ctx<'_, '_>, name: &str) -> Option<u64> {
    let ms = long(cx, name)?
        .checked_mul(1000)
        .filter(|ms| i64::try_from(*ms).is_ok());
    if ms.is_none() {
        cx.unmark(name);
    }
    ms
}

/// The columns every session type shares.
fn session<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    for (side, ip, port_name, zone, interface, location) in [
        (
            &mut event.src_endpoint,
            "src",
            "sport",
            "from",
            "inbound_if",
            "srcloc",
        ),
        (
            &mut event.dst_endpoint,
            "dst",
            "dport",
            "to",
            "outbound_if",
            "dstloc",
        ),
    ] {
        side.ip = cx.ip(ip);
        side.port = port(cx, port_name);
        side.zone = cx.text(zone);
        side.interface_name = cx.text(interface);
        side.location.country = country(cx.peek(location));
        if side.location.country.is_some() {
            cx.mark(location);
        }
        settle(cx, side, &[ip, port_name, zone, interface, location]);
    }
    let conn = &mut event.connection_info;
    conn.uid = cx.text("sessionid");
    conn.protocol_name = cx.text("proto");
    conn.protocol_num = conn.protocol_name.as_deref().and_then(protocol_num);
    if conn.uid.is_some() || conn.protocol_name.is_some() {
        conn.direction_id = Some(0);
    }
    let traffic = &mut event.traffic;
    traffic.bytes = long(cx, "bytes");
    traffic.bytes_out = long(cx, "bytes_sent");
    traffic.bytes_in = long(cx, "bytes_received");
    traffic.packets = long(cx, "packets");
    traffic.packets_out = long(cx, "pkts_sent");
    traffic.packets_in = long(cx, "pkts_received");
    event.app_name = cx.text("app");
    event.firewall_rule.name = cx.text("rule");
    event.firewall_rule.uid = cx.text("rule_uuid");
    event.actor.user = user(cx.text("srcuser"));
    event.start_time = cx.time("start").map(|t| ms(&t));
    event.duration = millis(cx, "elapsed");
    action(cx, event);
}

/// An endpoint the schema can identify (an address, a name or an
/// interface), or none: one without is cleared and its columns go back to
/// `unmapped`, so nothing is lost.
fn settle(cx: &mut Ctx<'_, '_>, side: &mut Endpoint<'_>, columns: &[&str]) {
    let identified = side.ip.is_some() || side.hostname.is_some() || side.interface_name.is_some();
    if !identified {
        *side = Endpoint::default();
        for column in columns {
            cx.unmark(column);
        }
    }
}

/// Authentication requires a user: when the record names none, `unknown`.
fn require_user(event: &mut OcsfEvent<'_>) {
    if event.user.name.is_none() {
        event.user.name = Some(Cow::Borrowed("unknown"));
    }
}

/// The finding's identity: the sequence number, else the session id, else
/// the threat or object name, else `unknown`.
fn finding_uid<'a>(cx: &Ctx<'_, 'a>, name: Option<&Cow<'a, str>>) -> Cow<'a, str> {
    cx.peek("seqno")
        .or_else(|| cx.peek("sessionid"))
        .or_else(|| name.cloned())
        .unwrap_or(Cow::Borrowed("unknown"))
}

/// A session type's record that names no endpoint (a truncated record) is
/// not a Network Activity (which needs one): a Base Event, the session's
/// objects cleared and their columns back in `unmapped`.
fn without_endpoints<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) -> bool {
    if !event.src_endpoint.is_empty_endpoint() || !event.dst_endpoint.is_empty_endpoint() {
        return false;
    }
    event.connection_info = ConnectionInfo::default();
    event.traffic = Traffic::default();
    event.app_name = None;
    for column in [
        "sessionid",
        "proto",
        "bytes",
        "bytes_sent",
        "bytes_received",
        "packets",
        "pkts_sent",
        "pkts_received",
        "app",
    ] {
        cx.unmark(column);
    }
    true
}

/// `action_id` and `disposition_id` from the PAN-OS action.
fn action<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let Some(text) = cx.text("action") else {
        return;
    };
    let parsed = Action::parse(text.clone());
    let (action, disposition) = match parsed {
        Action::Allow | Action::Continue | Action::Override => ((1, "Allowed"), (1, "Allowed")),
        Action::Alert => ((1, "Allowed"), (15, "Detected")),
        Action::Drop | Action::DropIcmp | Action::DropAllPackets | Action::RandomDrop => {
            ((2, "Denied"), (6, "Dropped"))
        }
        Action::ResetClient | Action::ResetServer | Action::ResetBoth => {
            ((2, "Denied"), (21, "Reset"))
        }
        Action::Deny
        | Action::BlockUrl
        | Action::BlockIp
        | Action::Block
        | Action::BlockContinue
        | Action::BlockOverride
        | Action::OverrideLockout => ((2, "Denied"), (2, "Blocked")),
        Action::Sinkhole | Action::SyncookieSent => ((4, "Modified"), (99, "")),
        Action::Other(_) => ((99, ""), (99, "")),
    };
    let label = |(id, caption): (u8, &'static str)| {
        if id == 99 {
            text.clone()
        } else {
            Cow::Borrowed(caption)
        }
    };
    event.action_id = Some(action.0);
    event.action = Some(label(action));
    event.disposition_id = Some(disposition.0);
    event.disposition = Some(label(disposition));
}

/// A session record's activity from its subtype.
fn session_activity<'a>(cx: &mut Ctx<'_, 'a>) -> (u8, Option<Cow<'a, str>>) {
    let subtype = cx.text("subtype");
    let reset = cx
        .peek("session_end_reason")
        .is_some_and(|r| r.starts_with("tcp-rst"));
    let activity = match subtype.as_deref() {
        Some(s) if s.eq_ignore_ascii_case("start") => 1,
        Some(s) if s.eq_ignore_ascii_case("end") && reset => 3,
        Some(s) if s.eq_ignore_ascii_case("end") => 2,
        Some(s) if s.eq_ignore_ascii_case("drop") || s.eq_ignore_ascii_case("deny") => 5,
        _ => 99,
    };
    (activity, subtype)
}

fn threat<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let subtype = cx.text("subtype");
    let info = &mut event.finding_info;
    info.title = cx.text("threatid");
    info.uid = Some(finding_uid(cx, info.title.as_ref()));
    if let Some(subtype) = subtype.clone() {
        info.types.push(subtype);
    }
    if let Some(category) = cx.text("thr_category") {
        info.types.push(category);
    }
    let mut evidence = Evidence {
        src_endpoint: std::mem::take(&mut event.src_endpoint),
        dst_endpoint: std::mem::take(&mut event.dst_endpoint),
        connection_info: std::mem::take(&mut event.connection_info),
        user: event.actor.user.clone(),
        ..Evidence::default()
    };
    // The session's counters and application describe the evidence, not
    // the finding: Detection Finding has no `traffic`; they stay unmapped.
    for name in [
        "bytes",
        "bytes_sent",
        "bytes_received",
        "packets",
        "pkts_sent",
        "pkts_received",
        "app",
    ] {
        cx.unmark(name);
    }
    event.traffic = Traffic::default();
    event.app_name = None;
    if let Some(misc) = cx.peek("misc") {
        let is = |s: &str| {
            subtype
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(s))
        };
        if is("url") {
            evidence.url.url_string = cx.text("misc");
            evidence.url.categories = cx.text("category").map(crate::mapping::CommaList);
        } else if is("file") || is("virus") || is("wildfire") || is("wildfire-virus") {
            cx.mark("misc");
            evidence.file.name = Some(misc);
            evidence.file.type_id = Some(0);
        }
    }
    event.evidences.push(evidence);
}

fn correlation<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let info = &mut event.finding_info;
    info.title = cx.text("objectname");
    info.uid = Some(finding_uid(cx, info.title.as_ref()));
    info.desc = cx.text("evidence");
    if let Some(category) = cx.text("category") {
        info.types.push(category);
    }
    let mut evidence = Evidence::default();
    evidence.src_endpoint.ip = cx.ip("src");
    evidence.user = user(cx.text("srcuser"));
    if !crate::mapping::IsEmpty::is_empty(&evidence) {
        event.evidences.push(evidence);
    }
}

fn dns<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    event.src_endpoint.ip = cx.ip("src");
    event.src_endpoint.port = port(cx, "sport");
    event.src_endpoint.zone = cx.text("from");
    event.dst_endpoint.ip = cx.ip("dst");
    event.dst_endpoint.port = port(cx, "dport");
    event.dst_endpoint.zone = cx.text("to");
    settle(cx, &mut event.src_endpoint, &["src", "sport", "from"]);
    settle(cx, &mut event.dst_endpoint, &["dst", "dport", "to"]);
    event.firewall_rule.name = cx.text("rule");
    event.firewall_rule.uid = cx.text("rule_uuid");
    event.app_name = Some(Cow::Borrowed("dns"));
    // The forwarder's DNS records name the query in a key the reference
    // tables lack (`QueryName`): it is an extra column, read by its name.
    event.query.hostname = cx.named_extra("QueryName");
    if event.query.hostname.is_some() {
        event.query.type_ = cx.text("record_type");
    }
    action(cx, event);
}

/// `status_id` and `status` from what the record says of its outcome.
fn status(event: &mut OcsfEvent<'_>, outcome: Option<Outcome>) {
    (event.status_id, event.status) = match outcome {
        Some(Outcome::Success) => (Some(1), Some("Success")),
        Some(Outcome::Failure) => (Some(2), Some("Failure")),
        Some(Outcome::Unknown) => (Some(0), Some("Unknown")),
        None => (None, None),
    };
}

/// 1 Logon, 2 Logoff, or 99 Other, from the words of event ids or stages
/// ([`login_step`]); an authentication (`auth`) is a logon.
fn logon_activity(words: &[Option<&str>]) -> u8 {
    match login_step(words) {
        Some(true) => 1,
        Some(false) => 2,
        None if words.iter().flatten().any(|w| w.contains("auth")) => 1,
        None => 99,
    }
}

/// What an authentication event's description names, where the columns
/// have not said it.
fn described<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>, column: &str) {
    let Some(text) = cx.text(column) else { return };
    let d = Description::parse(&text);
    let piece = |p: Option<&str>| p.map(|p| crate::mapping::within(&text, p));
    if event.user.name.is_none() {
        event.user = user(piece(d.user));
    }
    if event.src_endpoint.ip.is_none() {
        event.src_endpoint.ip = d.client_ip;
    }
    if event.dst_endpoint.ip.is_none() && event.dst_endpoint.hostname.is_none() {
        match d.server_address.map(str::parse) {
            Some(Ok(ip)) => event.dst_endpoint.ip = Some(ip),
            Some(Err(_)) => event.dst_endpoint.hostname = piece(d.server_address),
            None => {}
        }
    }
    if event.service.name.is_none() {
        event.service.name = piece(d.auth_profile.or(d.server_profile));
    }
    if event.status_detail.is_none() {
        event.status_detail = piece(d.reason);
    }
    event.message = Some(text);
}

fn globalprotect<'a>(
    cx: &mut Ctx<'_, 'a>,
    event: &mut OcsfEvent<'a>,
) -> (u8, Option<Cow<'a, str>>) {
    let eventid = cx.text("eventid");
    let stage = cx.text("stage");
    let activity = logon_activity(&[eventid.as_deref(), stage.as_deref()]);
    event.metadata.event_code = eventid.clone();
    let said = cx.text("status").and_then(|s| Outcome::of_status(&s));
    status(event, said);
    event.status_detail = cx.text("reason");
    event.user = user(cx.text("srcuser"));
    // The client's public address is where it connected from; the private
    // (tunnel) address is the endpoint's own.
    event.src_endpoint.ip = cx
        .ip("public_ip")
        .filter(|ip| !ip.is_unspecified())
        .or_else(|| cx.ip("public_ipv6").filter(|ip| !ip.is_unspecified()));
    event.src_endpoint.hostname = cx.text("machinename");
    event.src_endpoint.location.country = cx.text("srcregion");
    event.service.name = cx.text("portal").or(Some(Cow::Borrowed("GlobalProtect")));
    event.duration = millis(cx, "login_duration");
    described(cx, event, "opaque");
    require_user(event);
    (activity, eventid)
}

fn authentication<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let said = cx
        .peek("event")
        .map_or(Outcome::Success, |e| Outcome::of_auth_event(&e));
    status(event, Some(said));
    event.src_endpoint.ip = cx.ip("ip");
    event.src_endpoint.mac = cx.text("src_mac");
    event.user = user(cx.text("user"));
    event.service.name = cx.text("serverprofile").or_else(|| cx.text("authpolicy"));
    described(cx, event, "desc");
    require_user(event);
    if event.service.name.is_none() && event.dst_endpoint.is_empty_endpoint() {
        event.service.name = Some(Cow::Borrowed("PAN-OS authentication"));
    }
}

fn userid<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) -> (u8, Option<Cow<'a, str>>) {
    let subtype = cx.text("subtype");
    let activity = match subtype.as_deref() {
        Some(s) if s.eq_ignore_ascii_case("login") => 1,
        Some(s) if s.eq_ignore_ascii_case("logout") => 2,
        _ => 99,
    };
    event.user = user(cx.text("user").or_else(|| cx.text("userbysource")));
    require_user(event);
    event.src_endpoint.ip = cx.ip("ip");
    event.src_endpoint.port = port(cx, "beginport");
    settle(cx, &mut event.src_endpoint, &["ip", "beginport"]);
    event.metadata.event_code = cx.text("eventid");
    // What the firewall learned the mapping from (`AD`, `syslog`, ...).
    event.service.name = cx
        .text("datasourcename")
        .or_else(|| cx.text("datasource"))
        .or(Some(Cow::Borrowed("User-ID")));
    (activity, subtype)
}

/// SYSTEM: authentication events are Authentication; the rest Base Event.
fn system<'a>(
    cx: &mut Ctx<'_, 'a>,
    event: &mut OcsfEvent<'a>,
) -> (Class, u8, Option<Cow<'a, str>>) {
    let eventid = cx.text("eventid");
    let subtype = cx.peek("subtype");
    let auth = is_auth_event(subtype.as_deref(), eventid.as_deref());
    event.metadata.event_code = eventid.clone();
    if !auth {
        event.message = cx.text("opaque");
        return (Class::BaseEvent, 99, eventid);
    }
    status(event, eventid.as_deref().and_then(Outcome::of_eventid));
    described(cx, event, "opaque");
    require_user(event);
    if event.service.name.is_none() && event.dst_endpoint.is_empty_endpoint() {
        event.service.name = subtype.or(Some(Cow::Borrowed("PAN-OS")));
    }
    let activity = logon_activity(&[eventid.as_deref()]);
    (Class::Authentication, activity, eventid)
}

fn config<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    let said = cx.text("result").map(|r| Outcome::of_config_result(&r));
    status(event, said);
    event.actor.user = user(cx.text("admin"));
    // The address the admin came from has no attribute in this class (no
    // endpoints): it stays in `unmapped.host`.
    event.message = cx.text("path");
}

fn audit<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    // AUDIT's last column holds the result, not a severity.
    (event.severity_id, event.severity) = (1, "Informational");
    let said = cx.peek("severity").and_then(|s| Outcome::of_status(&s));
    status(event, said);
    event.metadata.event_code = cx.text("eventid");
    event.actor.user.name = cx.text("object");
}

fn hipmatch<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) {
    // The endpoint is the device whose state is reported; the firewall
    // stays in `metadata` (product) and `unmapped` (serial, device name).
    for name in ["serial", "device_name"] {
        cx.unmark(name);
    }
    let device = &mut event.device;
    *device = Device::default();
    device.type_id = Some(0);
    device.type_ = Some("Unknown");
    device.hostname = cx.text("machinename");
    device.uid = cx.text("hostid");
    device.ip = cx
        .ip("srcipv6")
        .filter(|ip| !ip.is_unspecified())
        .or_else(|| cx.ip("src"));
    device.mac = cx.text("mac");
    event.actor.user = user(cx.text("srcuser"));
    event.message = cx.text("matchname");
}

fn iptag<'a>(cx: &mut Ctx<'_, 'a>, event: &mut OcsfEvent<'a>) -> (u8, Option<Cow<'a, str>>) {
    let eventid = cx.text("eventid");
    let activity = match eventid.as_deref() {
        Some(e) if e.eq_ignore_ascii_case("register") => 1,
        Some(e) if e.eq_ignore_ascii_case("unregister") => 4,
        _ => 99,
    };
    event.entity.name = cx.text("tag_name");
    event.entity.type_ = Some("ip-tag");
    event.src_endpoint.ip = cx.ip("src");
    event.metadata.event_code = eventid.clone();
    (activity, eventid)
}

impl Endpoint<'_> {
    fn is_empty_endpoint(&self) -> bool {
        crate::mapping::IsEmpty::is_empty(self)
    }
}
