//! The OCSF document model: plain structs of `Option`s, nested as OCSF nests
//! its objects, borrowing text from the record. Each object is skipped when
//! empty, so an event serializes with only the attributes it has.
//!
//! Only the objects and attributes the PAN-OS mapping fills are modelled;
//! every one of them is an attribute of the class it is used in (checked
//! against the compiled schema by `tests/ocsf.rs`).

use std::fmt;
use std::net::IpAddr;

use serde::{Serialize, Serializer};

use crate::mapping::{CommaList, Inline, IsEmpty, Rest, Text, Time, field_set};

/// An OCSF event: what [`OcsfMapping`](super::OcsfMapping) makes of a record.
///
/// The attributes every class requires come first and are always written;
/// the objects after them are written when they hold something. Every
/// field is public: a custom [`Mapping`](crate::mapping::Mapping) can start
/// from the default event and change it.
#[derive(Debug, Clone, Serialize)]
pub struct OcsfEvent<'a> {
    /// `class_uid`.
    pub class_uid: u32,
    /// `class_name`: the class's caption.
    pub class_name: &'static str,
    /// `category_uid`.
    pub category_uid: u8,
    /// `category_name`.
    pub category_name: &'static str,
    /// `activity_id`: one of the class's activities, or 99 (`Other`).
    pub activity_id: u8,
    /// `activity_name`: the activity's caption, or with 99 the source's own
    /// label (the PAN-OS subtype or event id).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub activity_name: Option<Text<'a>>,
    /// `type_uid`: `class_uid * 100 + activity_id`.
    pub type_uid: u32,
    /// `type_name`: `Class: Activity`, as the schema's `type_uid` enum.
    pub type_name: TypeName,
    /// `severity_id`: informational 1 … critical 5, from the `severity`
    /// column; 1 for log types that have none (session and user-mapping
    /// records are informational).
    pub severity_id: u8,
    /// `severity`: the caption of `severity_id`.
    pub severity: &'static str,
    /// `time`: when the event happened, in milliseconds since the epoch
    /// (the same choice as ECS `@timestamp`).
    pub time: i64,
    /// `time_dt` (datetime profile): `time` as RFC 3339 with its offset.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub time_dt: Option<Time>,
    /// `timezone_offset`: minutes east of UTC of the zone the record's
    /// times were read in.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub timezone_offset: Option<i32>,
    /// `start_time`: the session's start, in milliseconds.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub start_time: Option<i64>,
    /// `duration`: the session's (or login's) length in milliseconds.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub duration: Option<u64>,
    /// `message`: the description of SYSTEM, AUTHENTICATION and
    /// GLOBALPROTECT events, the command path of CONFIG ones.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub message: Option<Text<'a>>,
    /// `status_id`: success 1, failure 2, when the record says.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub status_id: Option<u8>,
    /// `status`: the caption of `status_id`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub status: Option<&'static str>,
    /// `status_detail`: why it failed or ended.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub status_detail: Option<Text<'a>>,
    /// `action_id` (security_control profile): allowed 1, denied 2,
    /// modified 4 (a sinkhole), other 99.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub action_id: Option<u8>,
    /// `action`: the caption of `action_id`, or with 99 the PAN-OS action.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub action: Option<Text<'a>>,
    /// `disposition_id` (security_control profile): what the firewall did
    /// with it (allowed, blocked, dropped, reset, detected, ...).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub disposition_id: Option<u8>,
    /// `disposition`: the caption of `disposition_id`, or with 99 the PAN-OS
    /// action.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub disposition: Option<Text<'a>>,
    /// `app_name`: the App-ID application (network classes).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub app_name: Option<Text<'a>>,
    /// `metadata`.
    pub metadata: Metadata<'a>,
    /// `device` (host profile): the firewall that logged the event; for
    /// HIP-MATCH, the endpoint whose posture it reports.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub device: Device<'a>,
    /// `actor`: who did it (the session's source user, the admin).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub actor: Actor<'a>,
    /// `user`: the user an authentication event is about.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub user: User<'a>,
    /// `src_endpoint`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub src_endpoint: Endpoint<'a>,
    /// `dst_endpoint`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub dst_endpoint: Endpoint<'a>,
    /// `connection_info`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub connection_info: ConnectionInfo<'a>,
    /// `traffic`: byte and packet counters.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub traffic: Traffic,
    /// `firewall_rule` (security_control profile).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub firewall_rule: FirewallRule<'a>,
    /// `url`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub url: Url<'a>,
    /// `service`: what a user authenticated to.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub service: Service<'a>,
    /// `entity` (Entity Management): the tag an IPTAG record registers.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub entity: Entity<'a>,
    /// `query` (DNS Activity).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub query: Query<'a>,
    /// `finding_info` (Detection Finding).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub finding_info: FindingInfo<'a>,
    /// `evidences` (Detection Finding): the session the detection is about.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub evidences: Inline<Evidence<'a>, 1>,
    /// `raw_data`: the record as received (switchable).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub raw_data: Option<Text<'a>>,
    /// `unmapped`: every column no attribute took, by its PAN-OS name,
    /// typed; columns past the schema as `extra_columns`. Never dropped.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub unmapped: Rest<'a>,
}

/// `type_name`: the class's and the activity's captions, `Class: Activity`,
/// written without building a string.
///
/// # Example
///
/// ```
/// use panlog::ocsf::TypeName;
/// let name = TypeName { class: "Network Activity", activity: "Close" };
/// assert_eq!(name.to_string(), "Network Activity: Close");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeName {
    /// The class's caption.
    pub class: &'static str,
    /// The activity's caption (`Other` for 99).
    pub activity: &'static str,
}

impl fmt::Display for TypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.activity)
    }
}

impl Serialize for TypeName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `metadata`.
#[derive(Debug, Clone, Serialize)]
pub struct Metadata<'a> {
    /// `metadata.version`: the OCSF version, [`OCSF_VERSION`](super::OCSF_VERSION).
    pub version: &'static str,
    /// `metadata.product`.
    pub product: Product,
    /// `metadata.profiles`: the profiles whose attributes the event uses.
    pub profiles: &'static [&'static str],
    /// `metadata.log_name`: the PAN-OS log type (`TRAFFIC`, ...).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub log_name: Option<Text<'a>>,
    /// `metadata.uid`: the record's sequence number.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub uid: Option<Text<'a>>,
    /// `metadata.event_code`: the PAN-OS event id.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub event_code: Option<Text<'a>>,
    /// `metadata.original_time`: the generated time as written.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub original_time: Option<Text<'a>>,
    /// `metadata.logged_time`: when the management plane received it, in
    /// milliseconds.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub logged_time: Option<i64>,
}

/// `metadata.product`: PAN-OS by Palo Alto Networks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Product {
    /// `metadata.product.name`: `PAN-OS`.
    pub name: &'static str,
    /// `metadata.product.vendor_name`: `Palo Alto Networks`.
    pub vendor_name: &'static str,
}

field_set! {
    /// `device`.
    Device<'a> {
        /// `device.type_id`: 9 (Firewall) for the logging firewall.
        type_id: Option<u8>,
        /// `device.type`: the caption of `type_id`.
        #[serde(rename = "type")]
        type_: Option<&'static str>,
        /// `device.uid`: the serial number.
        uid: Option<Text<'a>>,
        /// `device.name`: the device name column.
        name: Option<Text<'a>>,
        /// `device.hostname`: the device name, else the syslog host.
        hostname: Option<Text<'a>>,
        /// `device.ip`.
        ip: Option<IpAddr>,
        /// `device.mac`.
        mac: Option<Text<'a>>,
        /// `device.vendor_name`.
        vendor_name: Option<&'static str>,
    }
}

field_set! {
    /// `actor`.
    Actor<'a> {
        /// `actor.user`.
        user: User<'a>,
    }
}

field_set! {
    /// `user` / `actor.user`.
    User<'a> {
        /// `*.name`: the user part of `DOMAIN\user` or `user@domain`, else
        /// the name as logged.
        name: Option<Text<'a>>,
        /// `*.domain`.
        domain: Option<Text<'a>>,
    }
}

field_set! {
    /// `src_endpoint` / `dst_endpoint` (network endpoints).
    Endpoint<'a> {
        /// `*.ip`.
        ip: Option<IpAddr>,
        /// `*.port`.
        port: Option<u32>,
        /// `*.hostname`.
        hostname: Option<Text<'a>>,
        /// `*.mac`.
        mac: Option<Text<'a>>,
        /// `*.zone`: the PAN-OS security zone.
        zone: Option<Text<'a>>,
        /// `*.interface_name`.
        interface_name: Option<Text<'a>>,
        /// `*.location`.
        location: Location<'a>,
    }
}

field_set! {
    /// `*.location`.
    Location<'a> {
        /// `*.location.country`: a country name (never an IP range).
        country: Option<Text<'a>>,
    }
}

field_set! {
    /// `connection_info`.
    ConnectionInfo<'a> {
        /// `connection_info.uid`: the PAN-OS session id.
        uid: Option<Text<'a>>,
        /// `connection_info.protocol_name`: `tcp`, `udp`, ...
        protocol_name: Option<Text<'a>>,
        /// `connection_info.protocol_num`: IANA number of `protocol_name`.
        protocol_num: Option<u8>,
        /// `connection_info.direction_id`: 0 (Unknown); PAN-OS does not log
        /// which side of the network boundary a session came from.
        direction_id: Option<u8>,
    }
}

field_set! {
    /// `traffic`.
    Traffic {
        /// `traffic.bytes`.
        bytes: Option<u64>,
        /// `traffic.bytes_out`: sent by the source.
        bytes_out: Option<u64>,
        /// `traffic.bytes_in`: received by the source.
        bytes_in: Option<u64>,
        /// `traffic.packets`.
        packets: Option<u64>,
        /// `traffic.packets_out`.
        packets_out: Option<u64>,
        /// `traffic.packets_in`.
        packets_in: Option<u64>,
    }
}

field_set! {
    /// `firewall_rule`.
    FirewallRule<'a> {
        /// `firewall_rule.name`.
        name: Option<Text<'a>>,
        /// `firewall_rule.uid`: the rule's UUID.
        uid: Option<Text<'a>>,
    }
}

field_set! {
    /// `url`.
    Url<'a> {
        /// `url.url_string`: the URL as logged (no scheme when PAN-OS gives
        /// none).
        url_string: Option<Text<'a>>,
        /// `url.categories`: the URL category list.
        categories: Option<CommaList<'a>>,
    }
}

field_set! {
    /// `file` (in evidences).
    File<'a> {
        /// `file.name`.
        name: Option<Text<'a>>,
        /// `file.type_id`: 0 (Unknown), PAN-OS does not say.
        type_id: Option<u8>,
    }
}

field_set! {
    /// `service`.
    Service<'a> {
        /// `service.name`.
        name: Option<Text<'a>>,
    }
}

field_set! {
    /// `entity`.
    Entity<'a> {
        /// `entity.name`: the tag.
        name: Option<Text<'a>>,
        /// `entity.type`: `ip-tag`.
        #[serde(rename = "type")]
        type_: Option<&'static str>,
    }
}

field_set! {
    /// `query` (DNS).
    Query<'a> {
        /// `query.hostname`: the name asked for.
        hostname: Option<Text<'a>>,
        /// `query.type`: the record type (`A`, `AAAA`, ...).
        #[serde(rename = "type")]
        type_: Option<Text<'a>>,
    }
}

field_set! {
    /// `finding_info`.
    FindingInfo<'a> {
        /// `finding_info.uid`: the firewall's serial and the record's
        /// sequence number are the finding's identity; PAN-OS logs give the
        /// sequence number, which is what is written.
        uid: Option<Text<'a>>,
        /// `finding_info.title`: the threat or correlation object's name.
        title: Option<Text<'a>>,
        /// `finding_info.desc`.
        desc: Option<Text<'a>>,
        /// `finding_info.types`: the PAN-OS subtype (`virus`, `spyware`, ...)
        /// or category.
        types: Inline<Text<'a>, 2>,
    }
}

field_set! {
    /// `evidences[]`: what a detection is about.
    Evidence<'a> {
        /// `evidences[].src_endpoint`.
        src_endpoint: Endpoint<'a>,
        /// `evidences[].dst_endpoint`.
        dst_endpoint: Endpoint<'a>,
        /// `evidences[].connection_info`.
        connection_info: ConnectionInfo<'a>,
        /// `evidences[].url`.
        url: Url<'a>,
        /// `evidences[].file`.
        file: File<'a>,
        /// `evidences[].user`: the source user.
        user: User<'a>,
    }
}
