//! The XML API path: the seed answers, entries of every log type, errors,
//! entities, a 5000-entry answer read with bounded memory, and the queries
//! of the article.
#![cfg(feature = "xml")]
#![allow(unsafe_code)] // the peak-tracking allocator in common/peak.rs, and only it

#[path = "common/lines.rs"]
mod lines;
#[path = "common/shared.rs"]
mod shared;

use std::io::{BufReader, Read};

use panlog::api::response::{JobStatus, Status, XmlReader};
use panlog::ecs::{EcsMapping, Mapping, SeedMapping};
use panlog::schema::LogType;
use panlog::{ErrorKind, Log};
use serde_json::json;

#[path = "common/peak.rs"]
mod peak;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An `<entry>` with the case's fields under the XML API's names.
fn entry(case: &lines::Case, logid: usize) -> String {
    let mut out = format!("<entry logid=\"{logid}\">");
    for &(name, text) in case.fields {
        let name = match name {
            "future_use_0" => "domain",
            "future_use_5" => "config_ver",
            "future_use_21" => "time_received",
            n if n.starts_with("future_use_") => continue,
            n => n,
        };
        if name == "threatid"
            && let Some((threat, id)) = text.strip_suffix(')').and_then(|t| t.rsplit_once('('))
        {
            // The API gives the name and the id in two tags.
            out.push_str(&format!(
                "<threatid>{}</threatid><tid>{id}</tid>",
                escape(threat)
            ));
            continue;
        }
        out.push_str(&format!("<{name}>{}</{name}>", escape(text)));
    }
    out.push_str("</entry>");
    out
}

fn answer(entries: &str, count: usize) -> String {
    format!(
        "<response status=\"success\"><result><job><tenq>17:35:05</tenq><status>FIN</status><id>7</id>\
         <cached-logs>{count}</cached-logs></job><log><logs count=\"{count}\" progress=\"100\">{entries}</logs></log></result></response>"
    )
}

#[test]
fn the_seed_answers_parse() {
    let Some(dir) = shared::path("corpus/seed", "the_seed_answers_parse") else {
        return;
    };
    let enqueued = std::fs::read(dir.join("xml-api-job-enqueued.xml")).unwrap();
    let mut reader = XmlReader::new(&enqueued[..]);
    let head = reader.head().unwrap();
    assert_eq!(head.status, Some(Status::Success));
    assert_eq!(head.code, Some(19));
    assert_eq!(head.enqueued_job, Some(384));
    assert_eq!(head.messages, ["query job enqueued with jobid 384"]);
    assert!(reader.next_log().is_none());

    let response = std::fs::read(dir.join("xml-api-log-response.xml")).unwrap();
    let mut reader = XmlReader::new(&response[..]);
    let head = reader.head().unwrap();
    let job = head.job.unwrap();
    assert_eq!(job.status, Some(JobStatus::Finished));
    assert_eq!((job.id, job.cached_logs), (Some(384), Some(1152)));
    assert_eq!(job.tenq.as_deref(), Some("17:35:05"));
    assert_eq!((head.count, head.progress), (Some(1000), Some(100)));
    let log = reader.next_log().unwrap().unwrap();
    assert_eq!(log.log_type(), LogType::Threat);
    assert_eq!(log.subtype().unwrap(), "vulnerability");
    assert_eq!(log.get("serial").unwrap(), "001801012243");
    assert_eq!(
        log.receive_time().unwrap().unwrap().to_rfc3339(),
        "2016-12-14T09:50:24+00:00"
    );
    assert_eq!(log.port("sport").unwrap().unwrap().get(), 52252);
    assert_eq!(log.port("dport").unwrap().unwrap().get(), 25);
    assert_eq!(log.u64("sessionid").unwrap(), Some(135193));
    assert_eq!(log.u64("seqno").unwrap(), Some(8210416));
    assert!(log.action_flags().unwrap().unwrap().forwarded());
    assert!(log.session_flags().unwrap().unwrap().pcap_included());
    let threat = log.threat_id().unwrap().unwrap();
    assert_eq!(
        (threat.name.as_ref(), threat.id),
        ("MAIL: User Login Brute Force Attempt", Some(40007))
    );
    assert_eq!(log.severity().unwrap().unwrap().as_str(), "high");
    assert_eq!(log.u64("pcap_id").unwrap(), Some(1201601193257066528));
    assert_eq!(log.get("device_name").unwrap(), "PA_CorporationHQ");
    assert_eq!(log.get("future_use_21").unwrap(), "2016/12/14 09:38:45");
    // The seed's addresses are masked (`xxx.xxx.xxx.xxx`): an error, not a guess.
    assert!(log.ip("src").is_err());
    let named: Vec<&str> = log.extra_named().filter_map(|(n, _)| n).collect();
    for name in [
        "logid",
        "flag-pcap",
        "pktlog",
        "vsys_id",
        "cpadding",
        "padding",
    ] {
        assert!(named.contains(&name), "{name} kept: {named:?}");
    }
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["event"]["kind"], "alert");
    assert_eq!(doc["event"]["action"], "exploit_detected");
    assert_eq!(doc["event"]["outcome"], "failure");
    assert_eq!(doc["source"]["port"], 52252);
    assert_eq!(doc["network"]["application"], "smtp");
    assert_eq!(
        doc["panw"]["panos"]["threat"],
        json!({"name": "MAIL: User Login Brute Force Attempt", "id": 40007})
    );
    assert_eq!(doc["panw"]["panos"]["src"], "xxx.xxx.xxx.xxx");
    assert_eq!(doc["panw"]["panos"]["flag-pcap"], "yes");
    assert_eq!(doc["panw"]["panos"]["logid"], "99124");
    assert_eq!(doc["observer"]["hostname"], "PA_CorporationHQ");
    let seed = serde_json::to_value(SeedMapping.map(&log)).unwrap();
    assert_eq!(seed["event"]["category"], "threat");
    assert_eq!(seed["action"]["name"], "reset-both");
    assert!(reader.next_log().is_none());
}

/// Every log type the API serves, each layout version of the test lines:
/// every field reads back by name, and the ECS document matches the one
/// from the syslog line.
#[test]
fn entries_of_every_log_type_read_like_syslog() {
    let mut checked = 0;
    for case in lines::CASES.iter().filter(|c| !c.name.starts_with("AUDIT")) {
        let xml = answer(&entry(case, 1), 1);
        let mut reader = XmlReader::new(xml.as_bytes());
        let log = reader
            .next_log()
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let syslog = panlog::parse(case.line.as_bytes()).unwrap();
        assert_eq!(log.log_type(), syslog.log_type(), "{}", case.name);
        for &(name, text) in case.fields {
            if name.starts_with("future_use_")
                && !["future_use_0", "future_use_5", "future_use_21"].contains(&name)
            {
                continue;
            }
            let want = (!text.is_empty()).then_some(text);
            assert_eq!(log.get(name).as_deref(), want, "{}: {name}", case.name);
            assert_eq!(
                log.value(name),
                syslog.value(name),
                "{}: typed {name}",
                case.name
            );
            checked += 1;
        }
        let from_xml = serde_json::to_value(EcsMapping::new().original(false).map(&log)).unwrap();
        let from_syslog =
            serde_json::to_value(EcsMapping::new().original(false).map(&syslog)).unwrap();
        for key in [
            "source",
            "destination",
            "network",
            "event",
            "user",
            "url",
            "file",
            "rule",
        ] {
            assert_eq!(
                from_xml.get(key),
                from_syslog.get(key),
                "{}: {key}",
                case.name
            );
        }
        assert_eq!(from_xml["panw"]["panos"]["logid"], "1");
    }
    assert!(checked > 1500, "{checked}");
}

#[test]
fn error_answers() {
    let xml = br#"<?xml version="1.0"?>
<response status="error" code="403"><result><msg>Invalid credentials.</msg></result></response>"#;
    let mut reader = XmlReader::new(&xml[..]);
    let head = reader.head().unwrap();
    assert!(!head.is_success());
    assert_eq!(head.status, Some(Status::Error));
    assert_eq!(head.code, Some(403));
    assert_eq!(head.messages, ["Invalid credentials."]);
    let xml = br#"<response status="error"><msg><line><![CDATA[Invalid query: ( foo eq ]]></line><line>near 'eq'</line></msg></response>"#;
    let mut reader = XmlReader::new(&xml[..]);
    assert_eq!(
        reader.head().unwrap().messages,
        ["Invalid query: ( foo eq", "near 'eq'"]
    );
    // An ACT job: no entries yet.
    let xml = br#"<response status="success"><result><job><status>ACT</status><id>9</id></job><log><logs count="0" progress="40"/></log></result></response>"#;
    let mut reader = XmlReader::new(&xml[..]);
    let head = reader.head().unwrap();
    assert_eq!(head.job.unwrap().status, Some(JobStatus::Active));
    assert!(reader.next_log().is_none());
}

#[test]
fn entities_are_unescaped() {
    let case = lines::CASES
        .iter()
        .find(|c| c.name == "SYSTEM_10_1")
        .unwrap();
    let xml = answer(&entry(case, 1), 1).replace(
        "<opaque>",
        "<opaque>&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos; &#65;&#x42; ",
    );
    let mut reader = XmlReader::new(xml.as_bytes());
    let log = reader.next_log().unwrap().unwrap();
    let opaque = log.get("opaque").unwrap();
    assert!(
        opaque.starts_with("<b> & \"q\" 'a' AB authenticated"),
        "{opaque}"
    );
}

#[test]
fn bad_entries_and_bad_xml() {
    // An entry without a type is an error; the next entry still comes out.
    let case = lines::CASES
        .iter()
        .find(|c| c.name == "IPTAG_11_1")
        .unwrap();
    let xml = answer(
        &format!("<entry><src>10.0.0.1</src></entry>{}", entry(case, 2)),
        2,
    );
    let mut reader = XmlReader::new(xml.as_bytes());
    let err = reader.next_log().unwrap().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NoLogType { .. }), "{err}");
    assert_eq!(err.position().record, 1);
    let log: Log<'_> = reader.next_log().unwrap().unwrap();
    assert_eq!(log.log_type(), LogType::IpTag);
    assert!(reader.next_log().is_none());
    // Malformed XML ends the answer with an error.
    let mut reader = XmlReader::new(
        &b"<response status=\"success\"><result><log><logs><entry><type>THREAT</typ></entry>"[..],
    );
    let err = reader.next_log().unwrap().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Xml(_)), "{err}");
    assert!(reader.next_log().is_none());
    // A text node longer than the record limit is refused, not buffered.
    let huge = format!(
        "<response><result><log><logs><entry><misc>{}</misc></entry></logs></log></result></response>",
        "x".repeat(200_000)
    );
    let mut reader = XmlReader::new(BufReader::with_capacity(4096, huge.as_bytes()));
    let err = reader.next_log().unwrap().unwrap_err();
    assert!(err.to_string().contains("longer than"), "{err}");
}

/// A generated answer of `n` entries, produced as it is read.
struct Generated {
    entries: Vec<String>,
    n: usize,
    i: usize,
    pending: Vec<u8>,
    at: usize,
    closed: bool,
}

impl Read for Generated {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pending.len() {
            self.pending.clear();
            self.at = 0;
            if self.i == 0 {
                self.pending.extend_from_slice(b"<response status=\"success\"><result><log><logs count=\"5000\" progress=\"100\">");
            }
            if self.i < self.n {
                self.pending
                    .extend_from_slice(self.entries[self.i % self.entries.len()].as_bytes());
                self.i += 1;
            } else if !self.closed {
                self.pending
                    .extend_from_slice(b"</logs></log></result></response>");
                self.closed = true;
            }
        }
        let n = (self.pending.len() - self.at).min(out.len());
        out[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn five_thousand_entries_with_bounded_memory() {
    let entries: Vec<String> = lines::CASES
        .iter()
        .filter(|c| !c.name.starts_with("AUDIT"))
        .enumerate()
        .map(|(i, c)| entry(c, i))
        .collect();
    let input = Generated {
        entries,
        n: 5000,
        i: 0,
        pending: Vec::new(),
        at: 0,
        closed: false,
    };
    let mut reader = XmlReader::new(BufReader::with_capacity(16 * 1024, input));
    let mut out = Vec::with_capacity(16 * 1024);
    let ((logs, bytes), peak) = peak::peak_growth(|| {
        let (mut logs, mut bytes) = (0, 0u64);
        while let Some(log) = reader.next_log() {
            let log = log.unwrap();
            out.clear();
            serde_json::to_writer(&mut out, &EcsMapping::new().map(&log)).unwrap();
            bytes += out.len() as u64;
            logs += 1;
        }
        (logs, bytes)
    });
    assert_eq!(logs, 5000);
    assert!(bytes > 5000 * 1500, "{bytes} bytes of JSON");
    // The answer is about 15 MB; the reader holds one entry at a time.
    assert!(peak < 512 * 1024, "peak heap during the read: {peak} bytes");
}

/// A field the schema lacks but the ECS mapping takes (GlobalProtect has no
/// `mac` column; the API may send one) is not repeated under panw.panos.
#[test]
fn taken_extra_fields_are_not_repeated() {
    let case = lines::CASES
        .iter()
        .find(|c| c.name == "GLOBALPROTECT_11_1")
        .unwrap();
    let xml = answer(
        &entry(case, 1).replace("</entry>", "<mac>00:1b:17:00:01:02</mac></entry>"),
        1,
    );
    let mut reader = XmlReader::new(xml.as_bytes());
    let log = reader.next_log().unwrap().unwrap();
    assert_eq!(log.get("mac").unwrap(), "00:1b:17:00:01:02");
    let doc = serde_json::to_value(EcsMapping::new().map(&log)).unwrap();
    assert_eq!(doc["host"]["mac"], json!(["00:1b:17:00:01:02"]));
    assert!(
        doc["panw"]["panos"].get("mac").is_none(),
        "{}",
        doc["panw"]["panos"]
    );
    assert_eq!(doc["panw"]["panos"]["logid"], "1");
}
