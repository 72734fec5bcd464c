//! The schema tables agree with the shared PAN-OS field reference
//! (`reference/panos-fields/*.tsv`): every type's standard layout has the
//! reference's columns, in its order, with its value types.

#[path = "common/shared.rs"]
mod shared;

use panlog::schema::{LogType, ValueKind};

const FILES: [(LogType, &str); 15] = [
    (LogType::Traffic, "traffic"),
    (LogType::Threat, "threat"),
    (LogType::System, "system"),
    (LogType::Config, "config"),
    (LogType::HipMatch, "hipmatch"),
    (LogType::GlobalProtect, "globalprotect"),
    (LogType::UserId, "userid"),
    (LogType::Authentication, "authentication"),
    (LogType::Decryption, "decryption"),
    (LogType::Tunnel, "tunnel"),
    (LogType::Gtp, "gtp"),
    (LogType::Sctp, "sctp"),
    (LogType::IpTag, "iptag"),
    (LogType::Correlation, "correlation"),
    (LogType::Audit, "audit"),
];

/// The reference's type word for a kind (it has no port or threat-id kind).
fn reference_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Port | ValueKind::Int => "int",
        ValueKind::ThreatId | ValueKind::Str => "string",
        other => other.as_str(),
    }
}

#[test]
fn tables_match_the_reference() {
    let Some(dir) = shared::path("reference/panos-fields", "tables_match_the_reference") else {
        return;
    };
    let mut problems = Vec::new();
    let mut columns = 0;
    for (ty, file) in FILES {
        let text = std::fs::read_to_string(dir.join(format!("{file}.tsv"))).unwrap();
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let schema = ty.schema();
        if schema.len() != rows.len() {
            problems.push(format!(
                "{ty}: {} columns, reference {}",
                schema.len(),
                rows.len()
            ));
        }
        for (row, spec) in rows.iter().zip(schema.columns()) {
            let (pos, name, kind, since) = (row[0], row[1], row[3], row[4]);
            let at = schema.position(name).map(|p| p.to_string());
            if spec.name != name || at.as_deref() != Some(pos) {
                problems.push(format!("{ty} {pos}: {} vs reference {name}", spec.name));
            }
            if reference_kind(spec.kind) != kind {
                problems.push(format!(
                    "{ty} {name}: kind {} vs reference {kind}",
                    spec.kind
                ));
            }
            // The first `M.m` in the reference's version note, where it has one
            // (notes like `same` or `post-11.1` are read as documented in
            // src/schema/tables.rs).
            let first = since
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'x'))
                .find(|w| w.contains('.') && w.starts_with(|c: char| c.is_ascii_digit()));
            if let Some(v) = first.filter(|_| {
                !since.starts_with("post")
                    && !since.starts_with("after")
                    && !since.contains("custom")
            }) {
                let mut parts = v.split('.');
                let major: u8 = parts.next().unwrap().parse().unwrap();
                let minor: u8 = parts.next().unwrap().parse().unwrap_or(0);
                if (spec.since.major, spec.since.minor) != (major, minor) {
                    problems.push(format!(
                        "{ty} {name}: since {} vs reference {since}",
                        spec.since
                    ));
                }
            }
            columns += 1;
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(columns > 880, "{columns} columns compared");
}

/// The seven header columns that unknown types are read with are the ones
/// every type with a `1,` prefix has (SCTP has no subtype; DECRYPTION names
/// column 5 `config_ver`).
#[test]
fn common_header_columns_agree() {
    let common: Vec<_> = LogType::Unknown
        .schema()
        .columns()
        .map(|c| c.name)
        .collect();
    for ty in LogType::ALL.into_iter().filter(|&t| t != LogType::Audit) {
        let names: Vec<_> = ty.schema().columns().take(7).map(|c| c.name).collect();
        for i in [0, 1, 2, 3, 6] {
            assert_eq!(names[i], common[i], "{ty} column {i}");
        }
    }
}
