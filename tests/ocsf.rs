//! OCSF events checked against the compiled schema
//! (`reference/ocsf/ocsf_flat.json` in the shared folder): every shipped
//! and real-world record, of every shape, converts to an event whose class
//! and activity exist, whose every attribute path is one of its class's
//! with the type the schema gives, whose enums are in range (and their
//! captions right), and which has every attribute the schema requires.

#[path = "common/shared.rs"]
mod shared;

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;
use std::path::Path;

use panlog::mapping::Mapping;
use panlog::ocsf::{Class, OcsfMapping};
use panlog::reader::LogReader;
use panlog::schema::LogType;
use serde_json::{Map, Value};

/// One class of the compiled schema.
struct SchemaClass {
    name: String,
    activities: BTreeMap<u64, String>,
    category: u64,
    attributes: Map<String, Value>,
    constraints: Value,
}

fn load(path: &Path) -> BTreeMap<u64, SchemaClass> {
    let flat: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut classes = BTreeMap::new();
    for class in flat["classes"].as_object().unwrap().values() {
        let attributes = class["attributes"].as_object().unwrap().clone();
        let activities = attributes["activity_id"]["enum"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.as_str().unwrap().to_owned()))
            .collect();
        classes.insert(
            class["uid"].as_u64().unwrap(),
            SchemaClass {
                name: class["caption"].as_str().unwrap().to_owned(),
                activities,
                category: class["category_uid"].as_u64().unwrap(),
                attributes,
                constraints: class["constraints"].clone(),
            },
        );
    }
    classes
}

/// Whether `value` is of the schema type `ty` (a dictionary type name).
fn type_ok(ty: &str, value: &Value) -> bool {
    match ty {
        "string_t" | "file_hash_t" | "file_name_t" | "file_path_t" | "hostname_t"
        | "process_name_t" | "resource_uid_t" | "url_t" | "username_t" | "subnet_t"
        | "bytestring_t" | "uuid_t" => value.is_string(),
        "ip_t" => value.as_str().is_some_and(|s| s.parse::<IpAddr>().is_ok()),
        "mac_t" => value.as_str().is_some_and(|s| {
            s.split([':', '-'])
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_hexdigit()))
        }),
        "email_t" => value.as_str().is_some_and(|s| s.contains('@')),
        "datetime_t" => value
            .as_str()
            .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
        "integer_t" | "long_t" | "timestamp_t" => value.is_i64() || value.is_u64(),
        "port_t" => value.as_u64().is_some_and(|p| p <= 65535),
        "float_t" => value.is_number(),
        "boolean_t" => value.is_boolean(),
        "json_t" => true,
        _ => false,
    }
}

struct Checker<'s> {
    class: &'s SchemaClass,
    profiles: BTreeSet<String>,
    problems: Vec<String>,
}

impl Checker<'_> {
    fn attr(&self, path: &str) -> Option<&Map<String, Value>> {
        self.class.attributes.get(path).and_then(Value::as_object)
    }

    /// Checks an object at `prefix` (`""` for the event): its keys, then
    /// what its schema requires of it.
    fn object(&mut self, prefix: &str, object: &Map<String, Value>) {
        for (key, value) in object {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            self.value(&path, value, object);
        }
        self.required(prefix, object);
    }

    fn value(&mut self, path: &str, value: &Value, parent: &Map<String, Value>) {
        let Some(attr) = self.attr(path).cloned() else {
            self.problems
                .push(format!("{path}: not an attribute of the class"));
            return;
        };
        let ty = attr["type"].as_str().unwrap();
        if value.is_null() {
            self.problems.push(format!("{path}: null"));
            return;
        }
        if attr.get("open_object").is_some() || attr.get("truncated").is_some() {
            if !value.is_object() {
                self.problems.push(format!("{path}: not an object"));
            }
            return;
        }
        if let Some(item) = ty.strip_prefix("array of ") {
            let Some(items) = value.as_array() else {
                self.problems.push(format!("{path}: not an array"));
                return;
            };
            for v in items {
                if item == "object" {
                    match v.as_object() {
                        Some(o) => self.object(&format!("{path}[]"), o),
                        None => self.problems.push(format!("{path}[]: not an object")),
                    }
                } else if !type_ok(item, v) {
                    self.problems.push(format!("{path}[]: {v} is not {item}"));
                }
            }
            return;
        }
        if ty == "object" {
            match value.as_object() {
                Some(o) => self.object(path, o),
                None => self.problems.push(format!("{path}: not an object")),
            }
            return;
        }
        if !type_ok(ty, value) {
            self.problems.push(format!("{path}: {value} is not {ty}"));
            return;
        }
        if let Some(enumeration) = attr.get("enum").and_then(Value::as_object) {
            let key = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            match enumeration.get(&key) {
                None => self
                    .problems
                    .push(format!("{path}: {key} is not in the enum")),
                Some(caption) => {
                    // The sibling string names the value, except `Other`
                    // (99), where it carries the source's own label.
                    if let Some(sibling) = attr.get("sibling").and_then(Value::as_str)
                        && key != "99"
                        && let Some(written) = parent.get(sibling)
                        && written != caption
                    {
                        self.problems.push(format!(
                            "{path}={key}: {sibling} is {written}, not {caption}"
                        ));
                    }
                }
            }
        }
    }

    /// The attributes the schema requires under `prefix`, and its
    /// at-least-one / just-one constraints.
    fn required(&mut self, prefix: &str, object: &Map<String, Value>) {
        let depth = if prefix.is_empty() {
            0
        } else {
            prefix.split('.').count()
        };
        let children: Vec<(String, Map<String, Value>)> = self
            .class
            .attributes
            .iter()
            .filter(|(path, _)| {
                let parts: Vec<&str> = path.split('.').collect();
                parts.len() == depth + 1
                    && (prefix.is_empty() || path.starts_with(&format!("{prefix}.")))
            })
            .map(|(p, a)| (p.clone(), a.as_object().unwrap().clone()))
            .collect();
        for (path, attr) in &children {
            let name = path.rsplit('.').next().unwrap();
            let by_profile = attr.get("profile_requirement").and_then(Value::as_str)
                == Some("required")
                && attr["profiles"].as_array().is_some_and(|ps| {
                    ps.iter()
                        .all(|p| self.profiles.contains(p.as_str().unwrap()))
                });
            let required = attr.get("requirement").and_then(Value::as_str) == Some("required");
            if (required || by_profile) && !object.contains_key(name) {
                self.problems.push(format!("{path}: required, missing"));
            }
        }
        let constraints = if prefix.is_empty() {
            self.class.constraints.clone()
        } else {
            self.attr(prefix)
                .and_then(|a| a.get("constraints").cloned())
                .unwrap_or(Value::Null)
        };
        if let Some(names) = constraints["at_least_one"].as_array()
            && !names
                .iter()
                .any(|n| object.contains_key(n.as_str().unwrap()))
        {
            self.problems
                .push(format!("{prefix}: needs at least one of {names:?}"));
        }
        if let Some(names) = constraints["just_one"].as_array() {
            let n = names
                .iter()
                .filter(|n| object.contains_key(n.as_str().unwrap()))
                .count();
            if n != 1 {
                self.problems
                    .push(format!("{prefix}: needs exactly one of {names:?}, has {n}"));
            }
        }
    }
}

/// The problems of one event; empty when it conforms.
fn check(classes: &BTreeMap<u64, SchemaClass>, event: &Value) -> Vec<String> {
    let uid = event["class_uid"].as_u64().unwrap();
    let Some(class) = classes.get(&uid) else {
        return vec![format!("class {uid} is not in the schema")];
    };
    let mut problems = Vec::new();
    let activity = event["activity_id"].as_u64().unwrap();
    match class.activities.get(&activity) {
        None => problems.push(format!("activity {activity} is not one of {}", class.name)),
        Some(caption) => {
            let type_name = format!("{}: {caption}", class.name);
            if event["type_name"] != type_name.as_str() {
                problems.push(format!(
                    "type_name {} is not {type_name}",
                    event["type_name"]
                ));
            }
        }
    }
    if event["type_uid"].as_u64() != Some(uid * 100 + activity) {
        problems.push(format!(
            "type_uid {} is not class_uid * 100 + activity_id",
            event["type_uid"]
        ));
    }
    if event["category_uid"].as_u64() != Some(class.category) {
        problems.push(format!(
            "category_uid {} is not {}",
            event["category_uid"], class.category
        ));
    }
    if event["metadata"]["product"]["name"] != "PAN-OS" {
        problems.push("metadata.product.name is not PAN-OS".into());
    }
    if event["metadata"]["version"] != panlog::ocsf::OCSF_VERSION {
        problems.push("metadata.version is not the OCSF version".into());
    }
    let profiles = event["metadata"]["profiles"]
        .as_array()
        .map(|ps| ps.iter().map(|p| p.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    let mut checker = Checker {
        class,
        profiles,
        problems,
    };
    checker.object("", event.as_object().unwrap());
    checker.problems
}

#[test]
fn every_shipped_and_realworld_record_is_a_valid_ocsf_event() {
    const TEST: &str = "every_shipped_and_realworld_record_is_a_valid_ocsf_event";
    let Some(schema) = shared::path("reference/ocsf/ocsf_flat.json", TEST) else {
        return;
    };
    let Some(files) = shared::sample_and_realworld(TEST) else {
        return;
    };
    let classes = load(&schema);
    let mapping = OcsfMapping::new();
    let mut events = 0;
    let mut seen: BTreeMap<(String, u64, u64), usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let mut reader = LogReader::new(&bytes[..]);
        while let Some(result) = reader.next_log() {
            let log = result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let event = serde_json::to_value(mapping.map(&log)).unwrap();
            events += 1;
            *seen
                .entry((
                    log.log_type().to_string(),
                    event["class_uid"].as_u64().unwrap(),
                    event["activity_id"].as_u64().unwrap(),
                ))
                .or_default() += 1;
            let problems = check(&classes, &event);
            if !problems.is_empty() && failures.len() < 20 {
                failures.push(format!(
                    "{} {} record {}: {problems:?}",
                    log.log_type(),
                    path.file_name().unwrap().to_string_lossy(),
                    log.position().record
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(events > 2000, "{events} events");
    // Every log type of the sample reaches its class.
    let types: BTreeSet<&str> = seen.keys().map(|(t, _, _)| t.as_str()).collect();
    for ty in LogType::ALL {
        assert!(types.contains(ty.to_string().as_str()), "{ty}: {seen:#?}");
    }
}

/// The checker is not a rubber stamp: each kind of defect is caught.
#[test]
fn the_checker_catches_what_the_schema_forbids() {
    const TEST: &str = "the_checker_catches_what_the_schema_forbids";
    let Some(schema) = shared::path("reference/ocsf/ocsf_flat.json", TEST) else {
        return;
    };
    let classes = load(&schema);
    let line = b"1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,203.0.113.10,93.184.216.34,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,53144,443,41022,443,0x400000,tcp,allow,18342,2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin";
    let log = panlog::parse(line).unwrap();
    let good = serde_json::to_value(OcsfMapping::new().map(&log)).unwrap();
    assert_eq!(check(&classes, &good), Vec::<String>::new());
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut event = good.clone();
        edit(&mut event);
        check(&classes, &event)
    };
    type Edit<'e> = &'e dyn Fn(&mut Value);
    let cases: [(&str, Edit); 8] = [
        ("not an attribute", &|e| {
            e["src_endpoint"]["colour"] = "red".into()
        }),
        ("is not ip_t", &|e| {
            e["src_endpoint"]["ip"] = "10.0.0".into()
        }),
        ("is not port_t", &|e| {
            e["dst_endpoint"]["port"] = 70000.into()
        }),
        ("not in the enum", &|e| e["severity_id"] = 42.into()),
        ("required, missing", &|e| {
            e.as_object_mut().unwrap().remove("time");
        }),
        ("not class_uid * 100", &|e| e["type_uid"] = 400101.into()),
        ("not one of", &|e| e["activity_id"] = 9.into()),
        ("severity is", &|e| e["severity"] = "High".into()),
    ];
    for (want, edit) in cases {
        let problems = broken(edit);
        assert!(
            problems.iter().any(|p| p.contains(want)),
            "{want}: {problems:?}"
        );
    }
}

/// The class of each log type is the one the module's table gives, and
/// `type_uid` follows the rule on every class.
#[test]
fn classes_follow_the_table() {
    let line = |ty: &str, rest: &str| format!("1,2024/03/05 14:22:07,0128,{ty},{rest}");
    let cases = [
        (
            line(
                "THREAT",
                "virus,2561,2024/03/05 14:22:07,10.0.0.5,203.0.113.9,0.0.0.0,0.0.0.0,r1,,,web-browsing,vsys1,trust,untrust,e1,e2,fwd,2024/03/05 14:22:07,1,1,5000,80,0,0,0x0,tcp,reset-both,eicar.com,Eicar Test File(100000),any,medium,server-to-client,77,0x0",
            ),
            2004,
            1,
        ),
        (
            line(
                "SYSTEM",
                "general,0,2024/03/05 14:22:07,,general,,0,0,general,low,Disk usage,1,0x0",
            ),
            0,
            99,
        ),
        (
            line(
                "SYSTEM",
                "auth,0,2024/03/05 14:22:07,,auth-fail,,0,0,general,medium,\"failed authentication for user 'x'. Reason: bad password, From: 198.51.100.7.\",1,0x0",
            ),
            3002,
            1,
        ),
        (
            line(
                "USERID",
                "logout,2561,2024/03/05 14:22:07,vsys1,10.1.1.1,corp\\jdoe,ad,0,1,0,0,0,agent,AD,1,0x0",
            ),
            3002,
            2,
        ),
        (
            line(
                "IPTAG",
                "0,2304,2024/03/05 14:22:07,vsys1,10.1.2.3,quarantine,register,1,3600,api,xml-api,,77,0x0",
            ),
            3004,
            1,
        ),
    ];
    for (record, class, activity) in &cases {
        let log = panlog::parse(record.as_bytes()).unwrap();
        let event = OcsfMapping::new().map(&log);
        assert_eq!(
            (event.class_uid, event.activity_id),
            (*class, *activity),
            "{record}"
        );
        assert_eq!(event.type_uid, class * 100 + u32::from(*activity));
    }
    let threat = panlog::parse(cases[0].0.as_bytes()).unwrap();
    let event = serde_json::to_value(OcsfMapping::new().map(&threat)).unwrap();
    assert_eq!(event["severity_id"], 3);
    assert_eq!(event["disposition"], "Reset");
    assert_eq!(event["evidences"][0]["src_endpoint"]["ip"], "10.0.0.5");
    assert_eq!(event["evidences"][0]["file"]["name"], "eicar.com");
    assert_eq!(event["finding_info"]["title"], "Eicar Test File(100000)");
    assert_eq!(Class::of(LogType::Threat).uid(), 2004);
    let auth = panlog::parse(cases[2].0.as_bytes()).unwrap();
    let event = OcsfMapping::new().map(&auth);
    assert_eq!(event.user.name.as_deref(), Some("x"));
    assert_eq!(event.status, Some("Failure"));
    assert_eq!(event.src_endpoint.ip, Some("198.51.100.7".parse().unwrap()));
}

/// Regression (fuzz, columnar): PAN-OS ports above 65535 and counters above
/// `i64::MAX` do not fit OCSF's `port_t` and `long_t`; they stay, typed, in
/// `unmapped` instead of breaking the event's types.
#[test]
fn values_out_of_ocsf_range_stay_in_unmapped() {
    let line = b"1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,203.0.113.10,93.184.216.34,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,2801096514,443,41022,443,0x400000,tcp,allow,18446744073709551615,2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin";
    let log = panlog::parse(line).unwrap();
    let event = OcsfMapping::new().map(&log);
    assert_eq!(event.src_endpoint.port, None);
    assert_eq!(event.dst_endpoint.port, Some(443));
    assert_eq!(event.traffic.bytes, None);
    assert_eq!(event.traffic.bytes_out, Some(2210));
    let json = serde_json::to_value(&event).unwrap();
    assert_eq!(json["unmapped"]["sport"], 2801096514u64);
    assert_eq!(json["unmapped"]["bytes"], u64::MAX);
}
