//! Elastic Common Schema (ECS) documents from PAN-OS records.
//!
//! [`Mapping`] is the seam: it turns a [`Log`] into a serializable document.
//! Two mappings come with the crate:
//!
//! - [`EcsMapping`], the default: ECS field names and types for all 16 log
//!   types, with vendor fields that ECS has no place for under `panw.panos.*`
//!   (typed, never dropped) and the record in `event.original` (switchable);
//! - [`SeedMapping`], which reproduces the normalization of the seed corpus
//!   (`action.*`, `log.hostname`, `paloalto.*`, ...), for pipelines built on it.
//!
//! A user changes or extends a mapping without forking the crate: wrap
//! [`EcsMapping`] in a type of your own that implements [`Mapping`], call it,
//! and edit the document's public fields (or embed it with
//! `#[serde(flatten)]` in a document of your own).
//!
//! Documents borrow text from the record and serialize straight from their
//! structs; converting and serializing a record allocates nothing beyond the
//! output buffer (`tests/alloc.rs` checks it). [`WriteJson`] writes a
//! document as JSON without serde: the same bytes as `serde_json`, faster
//! (the `panlog` converter's path).
//!
//! PAN-OS's naive times are read in the [`Parser`](crate::Parser)'s time zone
//! (UTC unless set); `event.timezone` records it.
//!
//! # Example
//!
//! ```
//! use panlog::ecs::{EcsMapping, Mapping};
//!
//! let line = b"<14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,203.0.113.10,93.184.216.34,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,53144,443,41022,443,0x400000,tcp,allow,18342,2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin";
//! let mut parser = panlog::Parser::new();
//! let log = parser.parse(line).unwrap();
//! let doc = EcsMapping::new().map(&log);
//! assert_eq!(doc.source.nat.port, Some(41022));
//! assert_eq!(doc.source.user.domain.as_deref(), Some("corp"));
//! assert_eq!(doc.event.duration, Some(26_000_000_000));
//!
//! let mut out = Vec::new();
//! serde_json::to_writer(&mut out, &doc).unwrap();
//! let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(json["event"]["category"], serde_json::json!(["network"]));
//! assert_eq!(json["related"]["ip"], serde_json::json!(["10.0.0.5", "93.184.216.34", "203.0.113.10"]));
//! assert_eq!(json["panw"]["panos"]["nat_translated"], true);
//! ```

mod default;
pub mod model;
mod seed;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::log::Log;
use crate::mapping::json::{Object, json_key};
use crate::mapping::{Ctx, WriteJson, field_set};
use crate::value::SessionFlags;

pub use default::EcsMapping;
// The field sets (`Event`, `File`, `Source`, ...) stay in `model`, so that
// `use panlog::ecs::*` brings no names that clash with common imports.
pub use crate::mapping::{CommaList, Inline, IsEmpty, Mapping, Rest, Text, Time};
use model::*;
pub use seed::{Paloalto, SeedAction, SeedEvent, SeedEventFields, SeedMapping};

/// The ECS version the default mapping writes in `ecs.version`: the version
/// of the field list (`ecs_flat.yml`) its output is validated against.
pub const ECS_VERSION: &str = "9.5.0-dev";

/// The default mapping as a method of the record.
///
/// # Example
///
/// ```
/// use panlog::ecs::ToEcs;
/// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// assert_eq!(log.to_ecs().event.severity, Some(2));
/// ```
pub trait ToEcs<'a> {
    /// The document [`EcsMapping::default`] makes of this record.
    fn to_ecs(&self) -> EcsEvent<'a>;
}

impl<'a> ToEcs<'a> for Log<'a> {
    fn to_ecs(&self) -> EcsEvent<'a> {
        EcsMapping::new().map(self)
    }
}

/// An ECS document: what [`EcsMapping`] makes of a record.
///
/// Every field is public: a custom [`Mapping`] can start from the default
/// document and change it.
#[derive(Debug, Clone, Serialize)]
pub struct EcsEvent<'a> {
    /// `@timestamp`: `high_res_timestamp` when the record has a real one,
    /// else `time_generated`, else `receive_time`, else the syslog header's
    /// time, else the time of conversion (see `tags`).
    #[serde(rename = "@timestamp", skip_serializing_if = "IsEmpty::is_empty")]
    pub timestamp: Option<Time>,
    /// `tags`: `panlog_time_ambiguous` or `panlog_time_nonexistent` when
    /// `@timestamp` came from a local time in the repeated or the skipped
    /// hour of a daylight-saving change (resolved as [`crate::zone`] says);
    /// `panlog_time_ingested` when the record holds no valid time at all and
    /// `@timestamp` is the time it was converted.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub tags: Inline<&'static str, 2>,
    /// `ecs.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub ecs: Ecs,
    /// `event.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub event: Event<'a>,
    /// `observer.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub observer: Observer<'a>,
    /// `log.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub log: LogFields<'a>,
    /// `source.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub source: Source<'a>,
    /// `destination.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub destination: Destination<'a>,
    /// `network.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub network: Network<'a>,
    /// `rule.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub rule: Rule<'a>,
    /// `user.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub user: User<'a>,
    /// `host.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub host: Host<'a>,
    /// `url.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub url: Url<'a>,
    /// `file.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub file: File<'a>,
    /// `http.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub http: Http<'a>,
    /// `user_agent.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub user_agent: UserAgent<'a>,
    /// `email.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub email: Email<'a>,
    /// `tls.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub tls: Tls<'a>,
    /// `error.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub error: ErrorFields<'a>,
    /// `related.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub related: Related<'a>,
    /// `panw.panos.*`: the vendor fields.
    pub panw: Panw<'a>,
}

/// `panw.*`.
#[derive(Debug, Clone, Serialize)]
pub struct Panw<'a> {
    /// `panw.panos.*`.
    pub panos: Panos<'a>,
}

/// `panw.panos.*`: PAN-OS fields that ECS has no place for.
///
/// The named fields are the ones the mapping renames or derives; every other
/// column of the record that no ECS field took (and that is not empty or
/// `N/A`) follows under its PAN-OS name, typed ([`Rest`]). Columns past the
/// schema are in `extra_columns`.
#[derive(Debug, Clone, Serialize)]
pub struct Panos<'a> {
    /// `panw.panos.type`: the type column as written.
    #[serde(rename = "type", skip_serializing_if = "IsEmpty::is_empty")]
    pub type_: Option<Text<'a>>,
    /// `panw.panos.sub_type`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub sub_type: Option<Text<'a>>,
    /// `panw.panos.received_time`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub received_time: Option<Time>,
    /// `panw.panos.generated_time`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub generated_time: Option<Time>,
    /// `panw.panos.action`, normalized (`reset both` → `reset-both`).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub action: Option<Text<'a>>,
    /// `panw.panos.session_id`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub session_id: Option<u64>,
    /// `panw.panos.session_end_reason`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub session_end_reason: Option<Text<'a>>,
    /// `panw.panos.flags`: the session flags as logged (hex).
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub flags: Option<Text<'a>>,
    /// One boolean per documented session-flag bit (`nat_translated`,
    /// `ipv6_session`, `ssl_decrypted`, `pcap_included`, ...), beside `flags`.
    #[serde(flatten)]
    pub flag_bits: FlagBits,
    /// `panw.panos.threat.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub threat: PanosThreat<'a>,
    /// `panw.panos.url.*`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub url: PanosUrl<'a>,
    /// `panw.panos.source.location`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub source: PanosLocation<'a>,
    /// `panw.panos.destination.location`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub destination: PanosLocation<'a>,
    /// `panw.panos.http_content_type`.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub http_content_type: Option<Text<'a>>,
    /// `panw.panos.auth.*`: what an authentication event's description
    /// names that ECS has no field for.
    #[serde(skip_serializing_if = "IsEmpty::is_empty")]
    pub auth: PanosAuth<'a>,
    /// Every other column, by its PAN-OS name.
    #[serde(flatten)]
    pub rest: Rest<'a>,
}

field_set! {
    /// `panw.panos.threat.*`.
    PanosThreat<'a> {
        /// `panw.panos.threat.name`.
        name: Option<Text<'a>>,
        /// `panw.panos.threat.id` (9999 is URL filtering).
        id: Option<u64>,
    }
}

field_set! {
    /// `panw.panos.url.*`.
    PanosUrl<'a> {
        /// `panw.panos.url.category`.
        category: Option<Text<'a>>,
        /// `panw.panos.url.category_list`, split into an array.
        category_list: Option<CommaList<'a>>,
    }
}

field_set! {
    /// `panw.panos.auth.*`, from the descriptions of authentication events
    /// (see [`crate::describe`]).
    PanosAuth<'a> {
        /// `panw.panos.auth.profile`: the authentication profile.
        profile: Option<Text<'a>>,
        /// `panw.panos.auth.server_profile`: the server profile.
        server_profile: Option<Text<'a>>,
        /// `panw.panos.auth.method`: how the user authenticated (`Auth type`).
        method: Option<Text<'a>>,
        /// `panw.panos.auth.client_version`: the GlobalProtect agent's version.
        client_version: Option<Text<'a>>,
    }
}

field_set! {
    /// `panw.panos.source.*` / `panw.panos.destination.*`.
    PanosLocation<'a> {
        /// `*.location`: a location that is not a country (an IP range).
        location: Option<Text<'a>>,
    }
}

/// The documented session-flag bits, as booleans named after their meaning
/// (serialized only when the record has a `flags` column).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlagBits(pub Option<SessionFlags>);

/// The flag names and bits, in order: the table the serde impl walks, and
/// a writer with each member name a literal (written by fixed-size copies).
macro_rules! flag_bits {
    ($(($name:literal, $bit:expr),)*) => {
        impl FlagBits {
            const NAMES: [(&'static str, u32); 20] = [$(($name, $bit),)*];

            /// Every flag as a member of `object`.
            fn write_members(bits: u32, object: &mut Object<'_>) {
                $(object.member_key(json_key!($name), &(bits & $bit != 0));)*
            }
        }
    };
}

flag_bits! {
    ("pcap_included", SessionFlags::PCAP),
    ("multipath", SessionFlags::MULTIPATH),
    ("wildfire_submitted", SessionFlags::WILDFIRE_SUBMITTED),
    ("credential_detected", SessionFlags::CREDENTIAL_DETECTED),
    ("recon_exempt", SessionFlags::RECON_EXEMPT),
    ("ipv6_session", SessionFlags::IPV6),
    ("ssl_decrypted", SessionFlags::SSL_DECRYPTED),
    ("url_denied", SessionFlags::URL_DENIED),
    ("nat_translated", SessionFlags::NAT),
    ("captive_portal", SessionFlags::CAPTIVE_PORTAL),
    ("non_standard_port", SessionFlags::NON_STANDARD_PORT),
    ("x_forwarded_for", SessionFlags::X_FORWARDED_FOR),
    ("http_proxy", SessionFlags::HTTP_PROXY),
    ("pbf_c2s", SessionFlags::PBF_C2S),
    ("pbf_s2c", SessionFlags::PBF_S2C),
    ("container_page", SessionFlags::CONTAINER_PAGE),
    ("implicit_dependency", SessionFlags::IMPLICIT_DEPENDENCY),
    ("symmetric_return", SessionFlags::SYMMETRIC_RETURN),
    ("decrypt_mirror", SessionFlags::DECRYPT_MIRROR),
    ("tunnel_inspected", SessionFlags::TUNNEL_INSPECTED),
}

impl Serialize for FlagBits {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(flags) = self.0 {
            for (name, bit) in Self::NAMES {
                map.serialize_entry(name, &(flags.bits() & bit != 0))?;
            }
        }
        map.end()
    }
}

impl WriteJson for EcsEvent<'_> {
    /// The document's JSON, as `serde_json::to_writer` writes it, faster
    /// (see [`crate::mapping::json`]).
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::start(out);
        o.member_key_if(json_key!("@timestamp"), &self.timestamp);
        o.member_key_if(json_key!("tags"), &self.tags);
        o.member_key_if(json_key!("ecs"), &self.ecs);
        o.member_key_if(json_key!("event"), &self.event);
        o.member_key_if(json_key!("observer"), &self.observer);
        o.member_key_if(json_key!("log"), &self.log);
        o.member_key_if(json_key!("source"), &self.source);
        o.member_key_if(json_key!("destination"), &self.destination);
        o.member_key_if(json_key!("network"), &self.network);
        o.member_key_if(json_key!("rule"), &self.rule);
        o.member_key_if(json_key!("user"), &self.user);
        o.member_key_if(json_key!("host"), &self.host);
        o.member_key_if(json_key!("url"), &self.url);
        o.member_key_if(json_key!("file"), &self.file);
        o.member_key_if(json_key!("http"), &self.http);
        o.member_key_if(json_key!("user_agent"), &self.user_agent);
        o.member_key_if(json_key!("email"), &self.email);
        o.member_key_if(json_key!("tls"), &self.tls);
        o.member_key_if(json_key!("error"), &self.error);
        o.member_key_if(json_key!("related"), &self.related);
        o.member_key(json_key!("panw"), &self.panw);
        o.end();
    }
}

impl WriteJson for Panw<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::start(out);
        o.member_key(json_key!("panos"), &self.panos);
        o.end();
    }
}

impl WriteJson for Panos<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut o = Object::start(out);
        o.member_key_if(json_key!("type"), &self.type_);
        o.member_key_if(json_key!("sub_type"), &self.sub_type);
        o.member_key_if(json_key!("received_time"), &self.received_time);
        o.member_key_if(json_key!("generated_time"), &self.generated_time);
        o.member_key_if(json_key!("action"), &self.action);
        o.member_key_if(json_key!("session_id"), &self.session_id);
        o.member_key_if(json_key!("session_end_reason"), &self.session_end_reason);
        o.member_key_if(json_key!("flags"), &self.flags);
        if let Some(flags) = self.flag_bits.0 {
            FlagBits::write_members(flags.bits(), &mut o);
        }
        o.member_key_if(json_key!("threat"), &self.threat);
        o.member_key_if(json_key!("url"), &self.url);
        o.member_key_if(json_key!("source"), &self.source);
        o.member_key_if(json_key!("destination"), &self.destination);
        o.member_key_if(json_key!("http_content_type"), &self.http_content_type);
        o.member_key_if(json_key!("auth"), &self.auth);
        self.rest.write_members(&mut o);
        o.end();
    }
}

/// ECS-specific reads.
impl<'a> Ctx<'_, 'a> {
    /// A session's byte and packet counters, in total and by direction.
    fn counters(
        &mut self,
        network: &mut Network<'a>,
        source: &mut Source<'a>,
        destination: &mut Source<'a>,
    ) {
        network.bytes = self.u64("bytes");
        source.bytes = self.u64("bytes_sent");
        destination.bytes = self.u64("bytes_received");
        network.packets = self.u64("packets");
        source.packets = self.u64("pkts_sent");
        destination.packets = self.u64("pkts_received");
    }
}
