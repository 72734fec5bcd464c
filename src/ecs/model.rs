//! The document model: plain structs of `Option`s, nested as ECS nests its
//! fields, borrowing text from the record.
//!
//! Every field set is skipped when empty, so a document serializes with only
//! the fields it has, straight from these structs: no intermediate map.
//! Arrays are [`Inline`] (a fixed-capacity list, no allocation) or
//! [`CommaList`] (a comma-separated column, split while serializing).

use serde::Serialize;

use crate::mapping::field_set;
pub use crate::mapping::{CommaList, Inline, Ip, IsEmpty, Text, Time};

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
