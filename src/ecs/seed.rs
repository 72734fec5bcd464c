//! The seed corpus's normalization (`corpus/seed/sekoia-doc-samples.jsonl`),
//! reproduced for pipelines built on it. It is not ECS-valid: it uses
//! `action.*`, `log.hostname`, a top-level `geo`, `paloalto.*` and
//! `event.category` as a single word. Its rules are derived from the seed's
//! eight documents and its field table.

use std::borrow::Cow;

use serde::Serialize;

use super::model::{
    Ecs, Email, File, Geo, Http, LogFields, Network, Related, Source, Text, User, UserAgent,
};
use super::{Ctx, Mapping};
use crate::log::Log;
use crate::mapping::{CommaList, field_set};
use crate::schema::LogType;

/// The seed's ECS version.
const SEED_ECS_VERSION: &str = "1.10.0";

/// The seed corpus's normalization.
///
/// # Example
///
/// ```
/// use panlog::ecs::{Mapping, SeedMapping};
///
/// let line = b"1,2020/12/08 13:44:55,0011,SYSTEM,auth,0,2020/12/08 13:44:55,,auth-success,GP,0,0,general,informational,\"authenticated for user 'user1'\",5211100,0x8000000000000000,0,0,0,0,,fw1";
/// let log = panlog::parse(line).unwrap();
/// let json = serde_json::to_value(SeedMapping.map(&log)).unwrap();
/// assert_eq!(json, serde_json::json!({
///     "action": {"outcome_reason": "authenticated for user 'user1'", "type": "auth"},
///     "ecs": {"version": "1.10.0"},
///     "event": {"category": "system"},
///     "log": {"hostname": "fw1", "level": "informational"},
///     "message": std::str::from_utf8(line).unwrap(),
/// }));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedMapping;

field_set! {
    /// `action.*` (not ECS).
    SeedAction<'a> {
        /// `action.name`: the PAN-OS action.
        name: Option<Text<'a>>,
        /// `action.outcome`.
        outcome: Option<Text<'a>>,
        /// `action.outcome_reason`: SYSTEM's description.
        outcome_reason: Option<Text<'a>>,
        /// `action.type`: the subtype.
        #[serde(rename = "type")]
        type_: Option<Text<'a>>,
    }
}

field_set! {
    /// `event.*` as the seed writes it.
    SeedEventFields<'a> {
        /// `event.action`: THREAT's threat category.
        action: Option<Text<'a>>,
        /// `event.category`: the log type, one lower-case word.
        category: Option<Text<'a>>,
        /// `event.duration`: `elapsed`, in seconds as logged.
        duration: Option<u64>,
        /// `event.reason`: THREAT's threat id as logged.
        reason: Option<Text<'a>>,
    }
}

field_set! {
    /// `paloalto.*`.
    Paloalto<'a> {
        /// `paloalto.content_type`.
        content_type: Option<Text<'a>>,
    }
}

field_set! {
    /// The document [`SeedMapping`] makes.
    SeedEvent<'a> {
        /// `action.*`.
        action: SeedAction<'a>,
        /// `destination.*`.
        destination: Source<'a>,
        /// `ecs.*`.
        ecs: Ecs,
        /// `email.*`.
        email: Email<'a>,
        /// `event.*`.
        event: SeedEventFields<'a>,
        /// `file.*`.
        file: File<'a>,
        /// `geo.*`.
        geo: Geo<'a>,
        /// `http.*`.
        http: Http<'a>,
        /// `log.*`.
        log: LogFields<'a>,
        /// `message`: the record as received (lossy UTF-8).
        message: Option<Text<'a>>,
        /// `network.*`.
        network: Network<'a>,
        /// `paloalto.*`.
        paloalto: Paloalto<'a>,
        /// `related.*`.
        related: Related<'a>,
        /// `source.*`.
        source: Source<'a>,
        /// `user.*`.
        user: User<'a>,
        /// `user_agent.*`.
        user_agent: UserAgent<'a>,
    }
}

fn category(log: &Log<'_>) -> Option<Cow<'static, str>> {
    Some(Cow::Borrowed(match log.log_type() {
        LogType::Traffic => "traffic",
        LogType::Threat => "threat",
        LogType::System => "system",
        LogType::Config => "config",
        LogType::HipMatch => "hipmatch",
        LogType::GlobalProtect => "globalprotect",
        LogType::UserId => "userid",
        LogType::Authentication => "authentication",
        LogType::Decryption => "decryption",
        LogType::Tunnel => "tunnel",
        LogType::Gtp => "gtp",
        LogType::Sctp => "sctp",
        LogType::IpTag => "iptag",
        LogType::Correlation => "correlation",
        LogType::Dns => "dns",
        LogType::Audit => "audit",
        _ => return log.type_str().map(|t| Cow::Owned(t.to_ascii_lowercase())),
    }))
}

fn address<'a>(cx: &mut Ctx<'_, 'a>, side: &mut Source<'a>, related: &mut Related<'a>, name: &str) {
    if let Some(ip) = cx.ip(name) {
        side.ip = Some(ip);
        side.address = cx.peek(name);
        related.ip.push(ip);
    }
}

fn user<'a>(cx: &mut Ctx<'_, 'a>, doc: &mut SeedEvent<'a>, name: &str) {
    if let Some(user) = cx.text(name) {
        doc.related.user.push(user.clone());
        doc.user.name = Some(user);
    }
}

impl Mapping for SeedMapping {
    type Document<'a> = SeedEvent<'a>;

    fn map<'a>(&self, log: &Log<'a>) -> SeedEvent<'a> {
        let mut cx = Ctx::new(log);
        let mut doc = SeedEvent {
            ecs: Ecs {
                version: Some(SEED_ECS_VERSION),
            },
            message: Some(log.record_text()),
            ..SeedEvent::default()
        };
        doc.event.category = category(log);
        doc.action.type_ = cx.text("subtype");
        let ty = log.log_type();
        if ty != LogType::Traffic {
            doc.log.hostname = cx.text("device_name");
        }
        match ty {
            LogType::Traffic | LogType::Threat => {
                doc.action.name = cx.text("action");
                doc.action.outcome = Some(Cow::Borrowed("success"));
                for (ip, port, is_source) in [("src", "sport", true), ("dst", "dport", false)] {
                    let side = if is_source {
                        &mut doc.source
                    } else {
                        &mut doc.destination
                    };
                    address(&mut cx, side, &mut doc.related, ip);
                    side.port = cx.port(port);
                }
                for (ip, port, is_source) in
                    [("natsrc", "natsport", true), ("natdst", "natdport", false)]
                {
                    let side = if is_source {
                        &mut doc.source
                    } else {
                        &mut doc.destination
                    };
                    side.nat.ip = cx.ip(ip);
                    side.nat.port = cx.port(port);
                    if let Some(ip) = side.nat.ip {
                        doc.related.ip.push(ip);
                    }
                }
                doc.network.transport = cx.text("proto");
                user(&mut cx, &mut doc, "srcuser");
                if ty == LogType::Traffic {
                    cx.counters(&mut doc.network, &mut doc.source, &mut doc.destination);
                    doc.event.duration = cx.u64("elapsed");
                } else {
                    doc.event.action = cx.text("thr_category");
                    doc.event.reason = cx.text("threatid");
                    doc.file.path = cx.text("misc");
                    doc.log.level = cx.text("severity");
                    doc.email.from.address = cx.text("sender").map(CommaList);
                    doc.email.to.address = cx.text("recipient").map(CommaList);
                    doc.email.subject = cx.text("subject");
                    doc.http.request.method = cx.text("http_method");
                    doc.http.request.referrer = cx.text("referer");
                    doc.user_agent.name = cx.text("user_agent");
                    doc.paloalto.content_type = cx.text("contenttype");
                }
            }
            LogType::UserId => {
                address(&mut cx, &mut doc.source, &mut doc.related, "ip");
                doc.source.port = cx.port("beginport");
                doc.destination.port = cx.port("endport");
                doc.log.logger = cx.text("datasourcename");
                user(&mut cx, &mut doc, "user");
            }
            LogType::GlobalProtect => {
                address(&mut cx, &mut doc.source, &mut doc.related, "public_ip");
                doc.action.outcome = cx.text("status");
                doc.geo.country_iso_code = cx.text("srcregion");
                doc.user_agent.os.name = cx.text("client_os");
                doc.user_agent.os.version = cx.text("client_os_ver");
                user(&mut cx, &mut doc, "srcuser");
            }
            LogType::System => {
                doc.action.outcome_reason = cx.text("opaque");
                doc.log.level = cx.text("severity");
            }
            _ => {
                address(&mut cx, &mut doc.source, &mut doc.related, "src");
                address(&mut cx, &mut doc.source, &mut doc.related, "ip");
                doc.log.level = cx.text("severity");
                user(&mut cx, &mut doc, "srcuser");
                user(&mut cx, &mut doc, "user");
            }
        }
        doc
    }
}
