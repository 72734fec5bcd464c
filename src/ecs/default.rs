//! The default PAN-OS → ECS mapping (`reference/ecs/MAPPING.md` in the shared
//! folder): one function per family of log types.

use std::borrow::Cow;
use std::net::IpAddr;

use super::{
    Ctx, ECS_VERSION, EcsEvent, FlagBits, Mapping, Panos, PanosLocation, PanosThreat, PanosUrl,
    Panw, Source, Time, User,
};
use crate::describe::Description;
use crate::ecs::model::{CommaList, Ecs, Event};
use crate::log::Log;
use crate::mapping::{Outcome, is_auth_event, is_place, login_step, now, part, within};
use crate::schema::LogType;
use crate::value::{Action, SessionFlags, Severity, ThreatId};
use crate::zone::Fold;

/// The default mapping: ECS names and types for all 16 log types.
///
/// On the fields detection rules query (source and destination address,
/// port and NAT, bytes, packets, transport, application, rule, serial,
/// users, duration, URL, file, level, `@timestamp`) it follows the most
/// widely deployed PAN-OS → ECS integration (Elastic's `panw` package, as
/// the shared folder's `reference/ecs/ELASTIC-PANW.md` states it), so that
/// rules and dashboards written for it work on these documents:
///
/// - NAT addresses are dropped only when `0.0.0.0` with port 0; un-NATed
///   traffic keeps its NAT copy.
/// - User names: `DOMAIN\user`, `DOMAIN\\user` and `user@domain` are
///   split (user part of ASCII letters, digits, space and `#.:_'-`, one
///   trailing `$` kept; host-name-like domain), anything else is the whole
///   raw name; no case folding; `user.*` is the source user. With the
///   X-Forwarded-For session flag, `srcuser` is not a user.
/// - GLOBALPROTECT: `source.ip` is the private (tunnel) address, the public
///   one `source.nat.ip`, `host.ip` the source, `event.duration` the login
///   duration. HIP-MATCH: `source.ip` is the IPv6 address when there is
///   one. TUNNEL and GTP: `rule.name` is the tunnel-inspection rule.
///   AUTHENTICATION: the user as logged, unsplit. CONFIG: the admin's
///   address is `host.ip`. AUDIT: the admin is `user.name`.
/// - THREAT `misc`: `url.*` for `url` (and `virus`/`vulnerability` when it
///   has a `/`), `file.*` for `file`, `virus` and `vulnerability`; for the
///   other subtypes it stays in `panw.panos.misc`. `destination.domain`
///   only when the URL names no port.
/// - SYSTEM, GLOBALPROTECT and AUTHENTICATION descriptions are read for
///   what the columns do not say (see [`crate::describe`]).
///
/// Where that integration contradicts ECS's own definitions, this mapping
/// follows ECS; `tests/ecs_reference.rs` asserts each difference:
///
/// | field | here | the reference | why |
/// | --- | --- | --- | --- |
/// | `@timestamp` | high-res, else **generated**, else receive, else the syslog header's time | high-res, else receive | ECS: when the event happened |
/// | SYSTEM `event.category` | `authentication` for auth events, else `host` | `configuration` | ECS keeps `configuration` for changes |
/// | DECRYPTION `event.outcome` | `failure` only with an error | `failure` always (a bug in its test) | the record says whether it failed |
/// | AUTHENTICATION `event.outcome` | from the `event` column | `success` always | the record says whether it failed |
/// | CONFIG `user.name` | the admin | absent | ECS: the user performing the action |
/// | THREAT WildFire `file.name` | the verdict's file | dropped | it is a file name |
/// | `source/destination.geo.name` | country names only | any location text, ranges too | a range is not a place |
/// | DECRYPTION certificate | `tls.server.x509.*`, `tls.server.hash.*` | `tls.client.*` | it is the server's certificate |
/// | HIP-MATCH `event.category` | `host` | `network` | it describes the endpoint |
/// | GTP `event.category` | `network` | `network`, `malware` | not a malware event |
/// | THREAT `sender`/`recipient` | `email.from/to.address` | `source/destination.user.email` | ECS has an email field set |
/// | CORRELATION | `alert`, `intrusion_detection`, `rule.name` the object | `event`, `network` | a correlation match is a detection |
///
/// # Example
///
/// ```
/// use panlog::ecs::{EcsMapping, Mapping};
///
/// let line = b"1,2024/03/05 14:22:07,0128,CONFIG,0,2561,2024/03/05 14:22:07,10.0.0.9,vsys1,set,admin,Web,Succeeded,\" deviceconfig system\",4411,0x0";
/// let log = panlog::parse(line).unwrap();
/// let doc = EcsMapping::new().original(false).map(&log);
/// assert_eq!(doc.event.action.as_deref(), Some("cmd-set"));
/// assert_eq!(doc.event.outcome, Some("success"));
/// assert_eq!(doc.user.name.as_deref(), Some("admin"));
/// assert!(doc.event.original.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EcsMapping {
    original: bool,
}

impl Default for EcsMapping {
    fn default() -> Self {
        EcsMapping::new()
    }
}

impl EcsMapping {
    /// The mapping with `event.original` kept.
    ///
    /// # Example
    ///
    /// ```
    /// let mapping = panlog::ecs::EcsMapping::new();
    /// ```
    #[must_use]
    pub const fn new() -> EcsMapping {
        EcsMapping { original: true }
    }

    /// Whether to keep the whole record in `event.original` (on by default).
    ///
    /// # Example
    ///
    /// ```
    /// let mapping = panlog::ecs::EcsMapping::new().original(false);
    /// ```
    #[must_use]
    pub const fn original(mut self, keep: bool) -> EcsMapping {
        self.original = keep;
        self
    }
}

impl Mapping for EcsMapping {
    type Document<'a> = EcsEvent<'a>;

    fn map<'a>(&self, log: &Log<'a>) -> EcsEvent<'a> {
        let mut cx = Ctx::new(log);
        let mut doc = EcsEvent {
            timestamp: None,
            tags: Default::default(),
            ecs: Ecs {
                version: Some(ECS_VERSION),
            },
            event: Event::default(),
            observer: Default::default(),
            log: Default::default(),
            source: Default::default(),
            destination: Default::default(),
            network: Default::default(),
            rule: Default::default(),
            user: Default::default(),
            host: Default::default(),
            url: Default::default(),
            file: Default::default(),
            http: Default::default(),
            user_agent: Default::default(),
            email: Default::default(),
            tls: Default::default(),
            error: Default::default(),
            related: Default::default(),
            panw: Panw {
                panos: Panos {
                    type_: None,
                    sub_type: None,
                    received_time: None,
                    generated_time: None,
                    action: None,
                    session_id: None,
                    session_end_reason: None,
                    flags: None,
                    flag_bits: FlagBits(None),
                    threat: PanosThreat::default(),
                    url: PanosUrl::default(),
                    source: PanosLocation::default(),
                    destination: PanosLocation::default(),
                    http_content_type: None,
                    auth: Default::default(),
                    rest: super::Rest::none(),
                },
            },
        };
        if self.original {
            doc.event.original = Some(log.record_text());
        }
        common(&mut cx, &mut doc);
        let ty = log.log_type();
        match ty {
            LogType::Traffic
            | LogType::Threat
            | LogType::Decryption
            | LogType::Tunnel
            | LogType::Gtp
            | LogType::Sctp => session(&mut cx, &mut doc),
            _ => {}
        }
        match ty {
            LogType::Traffic => traffic(&mut cx, &mut doc),
            LogType::Threat => threat(&mut cx, &mut doc),
            LogType::Decryption => decryption(&mut cx, &mut doc),
            LogType::Tunnel | LogType::Gtp | LogType::Sctp => tunnel_like(&mut cx, &mut doc),
            LogType::System => system(&mut cx, &mut doc),
            LogType::Config => config(&mut cx, &mut doc),
            LogType::UserId | LogType::IpTag => userid_iptag(&mut cx, &mut doc),
            LogType::HipMatch => hipmatch(&mut cx, &mut doc),
            LogType::GlobalProtect => globalprotect(&mut cx, &mut doc),
            LogType::Authentication => authentication(&mut cx, &mut doc),
            LogType::Correlation => correlation(&mut cx, &mut doc),
            LogType::Dns => dns(&mut cx, &mut doc),
            LogType::Audit => audit(&mut cx, &mut doc),
            _ => {
                doc.event.kind = Some("event");
            }
        }
        finish_related(&mut doc);
        doc.panw.panos.rest = cx.into_rest();
        doc
    }
}

fn common<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    let log = cx.log();
    doc.observer.vendor = Some("Palo Alto Networks");
    doc.observer.product = Some("PAN-OS");
    doc.observer.type_ = Some("firewall");
    doc.observer.serial_number = cx.text("serial");
    let device = cx.text("device_name");
    doc.observer.hostname = device
        .clone()
        .or_else(|| log.header().hostname().map(Cow::Borrowed));
    doc.observer.name = device;
    if let Some(host) = &doc.observer.hostname {
        doc.related.hosts.push(host.clone());
    }
    // The type column as written (`END`, `HIP-MATCH`), else the type the
    // record was recognised as (Strata's DECRYPTION leaves it empty).
    doc.panw.panos.type_ = cx.text("type").or_else(|| {
        let ty = log.log_type();
        (ty != LogType::Unknown).then(|| Cow::Borrowed(ty.as_str()))
    });
    doc.panw.panos.sub_type = cx.text("subtype");
    doc.event.dataset = Some("panw.panos");
    doc.event.module = Some("panw");
    doc.event.timezone = Some(log.zone());
    let times = cx.times();
    doc.panw.panos.received_time = times.received.map(|r| Time(r.time));
    doc.panw.panos.generated_time = times.generated.map(|r| Time(r.time));
    // When the event happened, as ECS defines `@timestamp` (`Times::event`).
    // Every document has one.
    match times.event {
        Some(stamp) => {
            doc.timestamp = Some(Time(stamp.time));
            match stamp.fold {
                Fold::Unique => {}
                Fold::Ambiguous => doc.tags.push("panlog_time_ambiguous"),
                Fold::Gap => doc.tags.push("panlog_time_nonexistent"),
            }
        }
        // No valid time anywhere in the record (masked or garbled): the
        // time it was converted, as a collecting agent would set, flagged.
        None => {
            doc.timestamp = now().map(|t| Time(t.fixed_offset()));
            doc.tags.push("panlog_time_ingested");
        }
    }
    if let Some(severity) = cx.text("severity") {
        doc.event.severity = Severity::parse(severity.as_ref()).ecs_severity();
        doc.log.level = Some(lower(severity));
    }
}

/// Lower case, borrowing when the text already is.
fn lower(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        text
    }
}

/// A user name split as [`crate::mapping::split_user`] reads it.
fn split_user(text: Cow<'_, str>) -> User<'_> {
    let (name, domain) = crate::mapping::split_user(text);
    User {
        name: Some(name),
        domain,
    }
}

fn users<'a>(
    doc: &mut EcsEvent<'a>,
    source: Option<Cow<'a, str>>,
    destination: Option<Cow<'a, str>>,
) {
    if let Some(src) = source {
        doc.source.user = split_user(src);
        doc.user = doc.source.user.clone();
        if let Some(name) = &doc.user.name {
            doc.related.user.push(name.clone());
        }
    }
    if let Some(dst) = destination {
        doc.destination.user = split_user(dst);
        if let Some(name) = &doc.destination.user.name {
            doc.related.user.push(name.clone());
        }
    }
}

fn endpoint_ip<'a>(cx: &mut Ctx<'_, 'a>, side: &mut Source<'a>, name: &str) {
    if let Some(ip) = cx.ip(name) {
        side.ip = Some(ip);
        side.address = cx.peek(name);
    }
}

/// `srcloc`/`dstloc`: a country name goes to `*.geo.name`, a range to
/// `panw.panos.*.location`.
fn location<'a>(
    text: Option<Cow<'a, str>>,
    geo: &mut Option<Cow<'a, str>>,
    raw: &mut Option<Cow<'a, str>>,
) {
    let Some(text) = text else { return };
    if is_place(&text) {
        *geo = Some(text);
    } else {
        *raw = Some(text);
    }
}

/// The columns every session type shares (TRAFFIC, THREAT, DECRYPTION,
/// TUNNEL, GTP, SCTP).
fn session<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    endpoint_ip(cx, &mut doc.source, "src");
    endpoint_ip(cx, &mut doc.destination, "dst");
    doc.source.port = cx.port("sport");
    doc.destination.port = cx.port("dport");
    for (ip_name, port_name, is_source) in
        [("natsrc", "natsport", true), ("natdst", "natdport", false)]
    {
        let ip = cx.ip(ip_name);
        let port = cx.port(port_name);
        let zero = ip.is_none_or(|ip| ip.is_unspecified()) && port.is_none_or(|p| p == 0);
        if !zero {
            let nat = if is_source {
                &mut doc.source.nat
            } else {
                &mut doc.destination.nat
            };
            nat.ip = ip;
            nat.port = port;
        }
    }
    doc.network.transport = cx.text("proto").map(lower);
    doc.network.application = cx.text("app").map(lower);
    cx.counters(&mut doc.network, &mut doc.source, &mut doc.destination);
    let start = cx.time("start");
    doc.event.start = start.map(Time);
    if let Some(elapsed) = cx.u64("elapsed") {
        let nanos = i64::try_from(elapsed)
            .ok()
            .and_then(|s| s.checked_mul(1_000_000_000));
        doc.event.duration = nanos;
        if let (Some(start), Some(nanos)) = (start, nanos) {
            doc.event.end = start
                .checked_add_signed(chrono::TimeDelta::nanoseconds(nanos))
                .map(Time);
        }
    }
    doc.rule.name = cx.text("rule");
    doc.rule.uuid = cx.text("rule_uuid");
    doc.observer.ingress.zone = cx.text("from");
    doc.observer.egress.zone = cx.text("to");
    doc.observer.ingress.interface.name = cx.text("inbound_if");
    doc.observer.egress.interface.name = cx.text("outbound_if");
    // With the X-Forwarded-For flag, the source-user column holds the
    // forwarded-for text, not a user: it stays in `panw.panos.srcuser`.
    let flags = cx.log().session_flags().ok().flatten();
    let xff = flags.is_some_and(|f| f.bits() & SessionFlags::X_FORWARDED_FOR != 0);
    let src_user = if xff { None } else { cx.text("srcuser") };
    let dst_user = cx.text("dstuser");
    users(doc, src_user, dst_user);
    let srcloc = cx.text("srcloc");
    location(
        srcloc,
        &mut doc.source.geo.name,
        &mut doc.panw.panos.source.location,
    );
    let dstloc = cx.text("dstloc");
    location(
        dstloc,
        &mut doc.destination.geo.name,
        &mut doc.panw.panos.destination.location,
    );
    if let Some(bits) = flags {
        doc.panw.panos.flags = cx.text("flags");
        doc.panw.panos.flag_bits = FlagBits(Some(bits));
    }
    panos_action(cx, doc);
    doc.panw.panos.session_id = cx.u64("sessionid");
    doc.panw.panos.session_end_reason = cx.text("session_end_reason");
    network_type(doc);
}

/// `network.type`: the family of the source address, else the destination's.
fn network_type(doc: &mut EcsEvent<'_>) {
    doc.network.type_ = doc
        .source
        .ip
        .or(doc.destination.ip)
        .map(|ip| if ip.is_ipv6() { "ipv6" } else { "ipv4" });
}

/// `panw.panos.action`: the action column, normalized.
fn panos_action<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.panw.panos.action = cx.text("action").map(|a| match Action::parse(a) {
        Action::Other(text) => text,
        known => Cow::Borrowed(known.known_str().unwrap_or_default()),
    });
}

fn action<'a>(doc: &EcsEvent<'a>) -> Option<Action<'a>> {
    doc.panw.panos.action.clone().map(Action::parse)
}

fn subtype_is(cx: &Ctx<'_, '_>, word: &str) -> bool {
    cx.peek("subtype")
        .is_some_and(|s| s.eq_ignore_ascii_case(word))
}

fn traffic<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("network");
    let (action_name, kind) = match () {
        () if subtype_is(cx, "start") => ("flow_started", "start"),
        () if subtype_is(cx, "end") => ("flow_terminated", "end"),
        () if subtype_is(cx, "drop") => ("flow_dropped", "denied"),
        () if subtype_is(cx, "deny") => ("flow_denied", "denied"),
        () => ("", "info"),
    };
    if !action_name.is_empty() {
        doc.event.action = Some(Cow::Borrowed(action_name));
    }
    doc.event.type_.push(kind);
    doc.event.type_.push("connection");
    if let Some(action) = action(doc) {
        let allowed = matches!(action, Action::Allow);
        doc.event
            .type_
            .push(if allowed { "allowed" } else { "denied" });
        doc.event.outcome = Some(if allowed { "success" } else { "failure" });
    }
}

fn threat<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("alert");
    doc.event.category.push("intrusion_detection");
    doc.event.category.push("threat");
    doc.event.category.push("network");
    const ACTIONS: [(&str, &str); 12] = [
        ("url", "url_filtering"),
        ("virus", "virus_detected"),
        ("ml-virus", "virus_detected"),
        ("spyware", "spyware_detected"),
        ("vulnerability", "exploit_detected"),
        ("file", "file_match"),
        ("data", "data_match"),
        ("flood", "flood_detected"),
        ("scan", "scan_detected"),
        ("packet", "packet_attack"),
        ("wildfire", "wildfire_verdict"),
        ("wildfire-virus", "wildfire_virus_detected"),
    ];
    let sub = cx.peek("subtype");
    let is = |word: &str| sub.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(word));
    if is("virus") || is("wildfire-virus") || is("spyware") || is("ml-virus") {
        doc.event.category.push("malware");
    }
    let action_name = ACTIONS
        .iter()
        .find(|(sub, _)| is(sub))
        .map_or("", |(_, a)| *a);
    if !action_name.is_empty() {
        doc.event.action = Some(Cow::Borrowed(action_name));
    }
    if let Some(action) = action(doc) {
        let allowed = action.is_allowed();
        doc.event
            .type_
            .push(if allowed { "allowed" } else { "denied" });
        let success = matches!(action, Action::Alert | Action::Allow | Action::Continue);
        doc.event.outcome = Some(if success { "success" } else { "failure" });
    }
    if let Some(id) = cx.text("threatid") {
        let id = ThreatId::parse(id);
        doc.panw.panos.threat.name = (!id.name.is_empty()).then_some(id.name);
        doc.panw.panos.threat.id = id.id;
    }
    // `misc` as the reference integration reads it: a URL for `url` (and
    // `virus`/`vulnerability` when it holds a `/`), a file for `file`,
    // `virus`, `vulnerability`, and (a deliberate difference: the reference
    // drops it) the WildFire verdict's file; for spyware, data, flood, scan
    // and packet it stays in `panw.panos.misc`.
    if let Some(misc) = cx.peek("misc") {
        let is = |words: &[&str]| words.iter().any(|w| subtype_is(cx, w));
        if is(&["url"]) || (is(&["virus", "vulnerability"]) && misc.contains('/')) {
            cx.mark("misc");
            url(doc, misc);
        } else if is(&[
            "file",
            "virus",
            "vulnerability",
            "wildfire",
            "wildfire-virus",
            "ml-virus",
        ]) {
            cx.mark("misc");
            file(doc, misc);
        }
    }
    doc.panw.panos.url.category = cx.text("category");
    doc.panw.panos.url.category_list = cx.text("url_category_list").map(CommaList);
    doc.network.direction = match cx.peek("direction").as_deref() {
        Some("client-to-server" | "0") => Some("inbound"),
        Some("server-to-client" | "1") => Some("outbound"),
        _ => None,
    };
    if doc.network.direction.is_some() {
        cx.mark("direction");
    }
    doc.http.request.method = cx.text("http_method");
    doc.http.request.referrer = cx.text("referer");
    doc.user_agent.original = cx.text("user_agent");
    doc.panw.panos.http_content_type = cx.text("contenttype");
    doc.email.from.address = cx.text("sender").map(CommaList);
    doc.email.to.address = cx.text("recipient").map(CommaList);
    doc.email.subject = cx.text("subject");
    if let Some(xff) = cx.peek("xff")
        && let Ok(ip) = xff.trim().parse::<IpAddr>()
    {
        cx.mark("xff");
        doc.network.forwarded_ip = Some(ip);
    }
    if doc.network.forwarded_ip.is_none() {
        doc.network.forwarded_ip = cx.ip("xff_ip");
    }
    if let Some(digest) = cx.text("filedigest") {
        doc.related.hash.push(digest.clone());
        doc.file.hash.sha256 = Some(digest);
    }
}

fn url<'a>(doc: &mut EcsEvent<'a>, misc: Cow<'a, str>) {
    let text: &str = &misc;
    let (scheme, after_scheme) = match text.find("://") {
        Some(i) => (Some(0..i), i + 3),
        None => (None, 0),
    };
    let rest = &text[after_scheme..];
    let host_end = after_scheme + rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &text[after_scheme..host_end];
    let authority_start = after_scheme + authority.rfind('@').map_or(0, |i| i + 1);
    let hostport = &text[authority_start..host_end];
    let (host, port) = if let Some(stripped) = hostport.strip_prefix('[') {
        // [v6]:port; `close` is the index of `]` in `hostport`.
        let close = stripped.find(']').map_or(hostport.len(), |i| i + 1);
        let after = hostport.get(close + 1..).unwrap_or("");
        let port = after.strip_prefix(':').and_then(|p| p.parse().ok());
        (authority_start + 1..authority_start + close, port)
    } else {
        match hostport.rfind(':') {
            Some(i)
                if hostport[i + 1..].bytes().all(|b| b.is_ascii_digit())
                    && i + 1 < hostport.len() =>
            {
                (
                    authority_start..authority_start + i,
                    hostport[i + 1..].parse().ok(),
                )
            }
            _ => (authority_start..host_end, None),
        }
    };
    let path_end = host_end
        + text[host_end..]
            .find(['?', '#'])
            .unwrap_or(text.len() - host_end);
    let query = text[path_end..]
        .strip_prefix('?')
        .map(|q| path_end + 1..path_end + 1 + q.find('#').unwrap_or(q.len()));
    doc.url.scheme = scheme.map(|r| part(&misc, r));
    if !host.is_empty() {
        let domain = part(&misc, host);
        // As the reference integration: `destination.domain` only when the
        // URL names no port (with one, the host may be a proxy's).
        if port.is_none() {
            doc.destination.domain = Some(domain.clone());
        }
        doc.related.hosts.push(domain.clone());
        doc.url.domain = Some(domain);
    }
    doc.url.port = port;
    if path_end > host_end {
        doc.url.path = Some(part(&misc, host_end..path_end));
    }
    doc.url.query = query.filter(|q| !q.is_empty()).map(|q| part(&misc, q));
    doc.url.original = Some(misc);
}

fn file<'a>(doc: &mut EcsEvent<'a>, misc: Cow<'a, str>) {
    match misc.rfind(['/', '\\']) {
        Some(i) if i + 1 < misc.len() => {
            doc.file.name = Some(part(&misc, i + 1..misc.len()));
            doc.file.path = Some(misc);
        }
        _ => doc.file.name = Some(misc),
    }
}

fn decryption<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("network");
    doc.event.type_.push("connection");
    doc.error.message = cx.text("error");
    doc.event.outcome = Some(if doc.error.message.is_some() {
        "failure"
    } else {
        "success"
    });
    // `TLS1.2` → protocol `tls`, version `1.2`.
    if let Some(version) = cx.peek("tls_version") {
        let split = ["TLS", "SSL"].iter().find_map(|p| {
            let head = version.get(..3)?;
            if !head.eq_ignore_ascii_case(p) {
                return None;
            }
            let rest = version[3..].trim_start_matches(['v', 'V', ' ']);
            (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                .then_some((*p, rest.len()))
        });
        if let Some((protocol, len)) = split {
            doc.tls.version_protocol = Some(if protocol == "TLS" { "tls" } else { "ssl" });
            doc.tls.version = Some(part(&version, version.len() - len..version.len()));
            cx.mark("tls_version");
        }
    }
    doc.tls.curve = cx.text("ec_curve");
    doc.tls.client.server_name = cx.text("sni");
    let x509 = &mut doc.tls.server.x509;
    if let Some(cn) = cx.text("cn") {
        x509.subject.common_name.push(cn);
    }
    if let Some(cn) = cx.text("issuer_cn") {
        x509.issuer.common_name.push(cn);
    }
    x509.not_before = cx.time("notbefore").map(Time);
    x509.not_after = cx.time("notafter").map(Time);
    x509.serial_number = cx.text("cert_serial");
    x509.public_key_size = cx.u64("cert_size");
    if let Some(fingerprint) = cx.peek("fingerprint") {
        let hash = &mut doc.tls.server.hash;
        let slot = match fingerprint.len() {
            32 => Some(&mut hash.md5),
            40 => Some(&mut hash.sha1),
            64 => Some(&mut hash.sha256),
            _ => None,
        };
        if let Some(slot) = slot
            && fingerprint.bytes().all(|b| b.is_ascii_hexdigit())
        {
            doc.related.hash.push(fingerprint.clone());
            *slot = Some(fingerprint);
            cx.mark("fingerprint");
        }
    }
    if let Some(sni) = &doc.tls.client.server_name {
        doc.related.hosts.push(sni.clone());
    }
}

fn tunnel_like<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("network");
    let kind = match () {
        () if subtype_is(cx, "start") => "start",
        () if subtype_is(cx, "end") => "end",
        () => "info",
    };
    doc.event.type_.push(kind);
    if let Some(action) = action(doc) {
        doc.event.outcome = Some(if action.is_allowed() {
            "success"
        } else {
            "failure"
        });
    }
    // The rule that matched is the tunnel-inspection rule (the reference
    // integration's convention; the security rule stays in `panw.panos.rule`).
    if let Some(rule) = cx.text("tunnel_insp_rule") {
        cx.unmark("rule");
        doc.rule.name = Some(rule);
    }
}

/// A piece of `whole` (which `piece` points into) as text of the record's
/// lifetime: borrowed when `whole` is, copied when it was unescaped.
/// What a description names (see [`crate::describe`]), into the document
/// where the record's columns have not said it already.
fn description<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>, column: &str) {
    let Some(text) = cx.peek(column) else { return };
    let d = Description::parse(&text);
    if d.is_empty() {
        return;
    }
    let text = &text;
    let piece = |p: Option<&str>| p.map(|p| within(text, p));
    if doc.source.user.name.is_none() && doc.user.name.is_none() {
        users(doc, piece(d.user), None);
    }
    // (GLOBALPROTECT's public address is already `source.nat.ip`.)
    if doc.source.ip.is_none() && doc.source.nat.ip.is_none() {
        doc.source.ip = d.client_ip;
    }
    if let Some(ip) = d.private_ip
        && !doc.host.ip.contains(&ip)
    {
        doc.host.ip.push(ip);
    }
    if let Some(server) = d.server_address {
        match server.parse::<IpAddr>() {
            Ok(ip) => doc.destination.ip = doc.destination.ip.or(Some(ip)),
            Err(_) => {
                doc.destination.address = doc.destination.address.take().or(piece(Some(server)))
            }
        }
    }
    if doc.event.reason.is_none() {
        doc.event.reason = piece(d.reason);
    }
    if doc.host.name.is_none() {
        doc.host.name = piece(d.device_name);
    }
    if doc.host.os.full.is_none() {
        doc.host.os.full = piece(d.client_os);
    }
    let auth = &mut doc.panw.panos.auth;
    auth.profile = piece(d.auth_profile);
    auth.server_profile = piece(d.server_profile);
    auth.method = piece(d.auth_type);
    auth.client_version = piece(d.client_version);
}

/// ECS `event.outcome`.
fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Success => "success",
        Outcome::Failure => "failure",
        Outcome::Unknown => "unknown",
    }
}

fn system<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    let eventid = cx.text("eventid");
    let auth = is_auth_event(cx.peek("subtype").as_deref(), eventid.as_deref());
    // A deliberate difference: the reference files every SYSTEM event under
    // `configuration`, which ECS keeps for configuration changes.
    doc.event
        .category
        .push(if auth { "authentication" } else { "host" });
    doc.event.type_.push("info");
    doc.event.outcome = eventid
        .as_deref()
        .and_then(Outcome::of_eventid)
        .map(outcome);
    doc.event.code = eventid.clone();
    doc.event.action = eventid;
    if auth {
        description(cx, doc, "opaque");
    }
}

fn config<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("configuration");
    doc.event.type_.push("change");
    if let Some(cmd) = cx.peek("cmd") {
        const KNOWN: [(&str, &str); 12] = [
            ("add", "cmd-add"),
            ("clone", "cmd-clone"),
            ("commit", "cmd-commit"),
            ("delete", "cmd-delete"),
            ("edit", "cmd-edit"),
            ("move", "cmd-move"),
            ("rename", "cmd-rename"),
            ("set", "cmd-set"),
            ("override", "cmd-override"),
            ("multi-clone", "cmd-multi-clone"),
            ("multi-move", "cmd-multi-move"),
            ("upload", "cmd-upload"),
        ];
        // Other commands keep their name in `panw.panos.cmd` only.
        if let Some((_, action)) = KNOWN.iter().find(|(c, _)| *c == cmd) {
            doc.event.action = Some(Cow::Borrowed(*action));
        }
    }
    doc.event.outcome = cx
        .text("result")
        .map(|r| outcome(Outcome::of_config_result(&r)));
    // A deliberate difference: the admin who made the change is the
    // event's `user.name` (ECS: the user performing the action); the
    // reference keeps it only in `related.user`.
    if let Some(admin) = cx.text("admin") {
        doc.user.name = Some(admin.clone());
        doc.related.user.push(admin);
    }
    // The address the admin connected from is `host.ip`, as the reference
    // has it (not `source.ip`).
    if let Some(ip) = cx.ip("host") {
        doc.host.ip.push(ip);
    }
}

fn userid_iptag<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("network");
    doc.event.category.push("iam");
    let kind = match () {
        () if subtype_is(cx, "login") => "start",
        () if subtype_is(cx, "logout") => "end",
        () => "info",
    };
    doc.event.type_.push(kind);
    endpoint_ip(cx, &mut doc.source, "ip");
    endpoint_ip(cx, &mut doc.source, "src");
    doc.source.port = cx.port("beginport");
    doc.destination.port = cx.port("endport");
    // The user column wins; the user-by-source column only fills in for it.
    let user = cx.text("user").or_else(|| cx.text("userbysource"));
    users(doc, user, None);
    let eventid = cx.text("eventid");
    doc.event.code = eventid.clone();
    if cx.log().log_type() == LogType::UserId {
        doc.event.action = eventid;
    }
}

fn hipmatch<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("host");
    doc.event.type_.push("info");
    host(cx, doc);
    // `source.ip`: the IPv6 address when there is one, else the IPv4.
    endpoint_ip(cx, &mut doc.source, "src");
    if cx.peek("srcipv6").is_some_and(|v| v != "0.0.0.0") {
        endpoint_ip(cx, &mut doc.source, "srcipv6");
    }
    let user = cx.text("srcuser");
    users(doc, user, None);
    doc.host.os.full = cx.text("os");
}

fn host<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.host.name = cx.text("machinename");
    doc.host.id = cx.text("hostid");
    for name in ["src", "srcipv6", "private_ip", "private_ipv6"] {
        if let Some(ip) = cx.ip(name)
            && !ip.is_unspecified()
        {
            doc.host.ip.push(ip);
        }
    }
    if let Some(mac) = cx.text("mac") {
        doc.host.mac.push(mac);
    }
    if let Some(name) = &doc.host.name {
        doc.related.hosts.push(name.clone());
    }
}

/// An address column, else its IPv6 twin, unless empty or `0.0.0.0`.
fn ip_or_v6(cx: &mut Ctx<'_, '_>, v4: &str, v6: &str) -> Option<IpAddr> {
    cx.ip(v4)
        .filter(|ip| !ip.is_unspecified())
        .or_else(|| cx.ip(v6).filter(|ip| !ip.is_unspecified()))
}

fn globalprotect<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("authentication");
    doc.event.category.push("session");
    let eventid = cx.text("eventid");
    let stage = cx.peek("stage");
    let kind = match login_step(&[eventid.as_deref(), stage.as_deref()]) {
        Some(true) => "start",
        Some(false) => "end",
        None => "info",
    };
    doc.event.type_.push(kind);
    doc.event.code = eventid.clone();
    doc.event.action = eventid;
    doc.event.outcome = cx
        .text("status")
        .and_then(|s| Outcome::of_status(&s))
        .map(outcome);
    doc.event.reason = cx.text("reason");
    // As the reference integration: the tunnel (private) address is the
    // source, the public one its NAT address.
    doc.source.ip = ip_or_v6(cx, "private_ip", "private_ipv6");
    doc.source.nat.ip = ip_or_v6(cx, "public_ip", "public_ipv6");
    if let Some(seconds) = cx.u64("login_duration") {
        doc.event.duration = i64::try_from(seconds)
            .ok()
            .and_then(|s| s.checked_mul(1_000_000_000));
    }
    doc.source.geo.country_iso_code = cx.text("srcregion");
    host(cx, doc);
    doc.host.os.name = cx.text("client_os");
    doc.host.os.version = cx.text("client_os_ver");
    let user = cx.text("srcuser");
    users(doc, user, None);
    description(cx, doc, "opaque");
}

fn authentication<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("authentication");
    doc.event.type_.push("start");
    // A deliberate difference: the reference says `success` for every
    // AUTHENTICATION record; the event column says when it failed.
    let said = cx
        .peek("event")
        .map_or(Outcome::Success, |e| Outcome::of_auth_event(&e));
    doc.event.outcome = Some(outcome(said));
    endpoint_ip(cx, &mut doc.source, "ip");
    // As the reference: the user as logged, no domain split; the
    // normalized form joins it in `related.user`.
    if let Some(user) = cx.text("user") {
        doc.related.user.push(user.clone());
        doc.source.user.name = Some(user.clone());
        doc.user.name = Some(user);
    }
    if let Some(normalized) = cx.text("normalize_user")
        && !doc.related.user.contains(&normalized)
    {
        doc.related.user.push(normalized);
    }
    doc.user_agent.original = cx.text("user_agent");
    if let Some(mac) = cx.text("src_mac") {
        doc.source.mac = Some(mac);
    }
    doc.panw.panos.auth.server_profile = cx.text("serverprofile");
    description(cx, doc, "desc");
}

fn correlation<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("alert");
    doc.event.category.push("intrusion_detection");
    doc.event.type_.push("info");
    endpoint_ip(cx, &mut doc.source, "src");
    let user = cx.text("srcuser");
    users(doc, user, None);
    doc.rule.name = cx.text("objectname");
}

/// DNS security events (cloud-only; the reference integration has no
/// mapping for them): the client is the source, the resolver the
/// destination; a record that names a threat is an alert.
fn dns<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    let threat = cx.text("threatid").map(ThreatId::parse);
    let threat_name = cx.text("threat_name");
    let alert = threat.is_some() || threat_name.is_some();
    doc.event.kind = Some(if alert { "alert" } else { "event" });
    doc.event.category.push("network");
    if alert {
        doc.event.category.push("threat");
    }
    doc.event.type_.push("protocol");
    endpoint_ip(cx, &mut doc.source, "src");
    endpoint_ip(cx, &mut doc.destination, "dst");
    doc.network.application = Some(Cow::Borrowed("dns"));
    network_type(doc);
    doc.observer.ingress.zone = cx.text("from");
    doc.observer.egress.zone = cx.text("to");
    let dst_user = cx.text("dstuser");
    users(doc, None, dst_user);
    panos_action(cx, doc);
    if let Some(action) = action(doc) {
        let allowed = action.is_allowed();
        doc.event
            .type_
            .push(if allowed { "allowed" } else { "denied" });
    }
    if let Some(id) = threat {
        doc.panw.panos.threat.name = threat_name.or((!id.name.is_empty()).then_some(id.name));
        doc.panw.panos.threat.id = id.id;
    } else {
        doc.panw.panos.threat.name = threat_name;
    }
}

fn audit<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut EcsEvent<'a>) {
    doc.event.kind = Some("event");
    doc.event.category.push("configuration");
    doc.event.type_.push("info");
    // AUDIT's last column holds the result (observed `success`), not a severity.
    doc.log.level = None;
    doc.event.severity = None;
    doc.event.outcome = cx
        .peek("severity")
        .and_then(|s| Outcome::of_status(&s))
        .map(outcome);
    doc.event.action = cx.text("eventid");
    // AUDIT records have no type column; the reference names them `AUDIT`.
    doc.panw.panos.type_ = Some(Cow::Borrowed("AUDIT"));
    // As the reference: the admin is `user.name` directly.
    if let Some(admin) = cx.text("object") {
        doc.user.name = Some(admin.clone());
        doc.related.user.push(admin);
    }
}

/// `related.ip`: source, destination, NAT (not `0.0.0.0`), forwarded and host
/// IPs, in first-seen order.
fn finish_related(doc: &mut EcsEvent<'_>) {
    let ips = [
        doc.source.ip,
        doc.destination.ip,
        doc.source.nat.ip,
        doc.destination.nat.ip,
        doc.network.forwarded_ip,
    ];
    for ip in ips.into_iter().flatten().chain(doc.host.ip.iter().copied()) {
        if !ip.is_unspecified() {
            doc.related.ip.push(ip);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_follow_the_reference_rules() {
        let split = |text: &str| {
            let u = split_user(text.to_owned().into());
            (
                u.name.map(|n| n.into_owned()),
                u.domain.map(|d| d.into_owned()),
            )
        };
        let both = |n: &str, d: &str| (Some(n.to_owned()), Some(d.to_owned()));
        let name = |n: &str| (Some(n.to_owned()), None);
        assert_eq!(split("CORP\\jdoe"), both("jdoe", "CORP"));
        assert_eq!(split("CORP\\\\jdoe"), both("jdoe", "CORP"));
        assert_eq!(split("jdoe@corp.example"), both("jdoe", "corp.example"));
        assert_eq!(split("a.b..c\\x"), both("x", "a.b..c"));
        // Machine accounts keep their `$`; spaces, `'`, `:`, `#` are allowed.
        assert_eq!(split("CORP\\HOST01$"), both("HOST01$", "CORP"));
        assert_eq!(split("CORP\\o'brien"), both("o'brien", "CORP"));
        assert_eq!(split("CORP\\John Doe"), both("John Doe", "CORP"));
        assert_eq!(split("CORP\\svc:web#1"), both("svc:web#1", "CORP"));
        // An empty (or `.`) domain is no domain.
        assert_eq!(split("\\jdoe"), name("jdoe"));
        assert_eq!(split(".\\jdoe"), name("jdoe"));
        assert_eq!(split("jdoe@"), name("jdoe"));
        // No case folding.
        assert_eq!(split("Corp\\JDoe"), both("JDoe", "Corp"));
        // Anything else is the whole raw string.
        for raw in [
            "jdoe",
            "CORP\\jürgen",
            "CORP\\a/b",
            "a+b@corp.example",
            "CORP\\$",
            "a@b@c",
            "-corp.\\x",
            "cn=jdoe,ou=users",
        ] {
            assert_eq!(split(raw), name(raw), "{raw}");
        }
    }

    #[test]
    fn url_parts() {
        let mut doc = EcsMapping::new().map(&crate::parse(b"1,t,s,X,0,0,t").unwrap());
        url(
            &mut doc,
            "https://user@www.example.com:8443/a/b.php?x=1,y=2#frag".into(),
        );
        assert_eq!(doc.url.scheme.as_deref(), Some("https"));
        assert_eq!(doc.url.domain.as_deref(), Some("www.example.com"));
        assert_eq!(doc.url.port, Some(8443));
        assert_eq!(doc.url.path.as_deref(), Some("/a/b.php"));
        assert_eq!(doc.url.query.as_deref(), Some("x=1,y=2"));
        let mut doc = EcsMapping::new().map(&crate::parse(b"1,t,s,X,0,0,t").unwrap());
        url(&mut doc, "[2001:db8::1]:8080/x".into());
        assert_eq!(doc.url.domain.as_deref(), Some("2001:db8::1"));
        assert_eq!(doc.url.port, Some(8080));
        let mut doc = EcsMapping::new().map(&crate::parse(b"1,t,s,X,0,0,t").unwrap());
        url(&mut doc, "example.com".into());
        assert_eq!(
            (doc.url.domain.as_deref(), doc.url.path.as_deref()),
            (Some("example.com"), None)
        );
    }
}
