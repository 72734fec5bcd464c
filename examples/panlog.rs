//! `panlog`: PAN-OS logs in, one JSON document per record out (NDJSON).
//!
//! ```text
//! cargo run --release --example panlog -- [--stats] [FILE...]
//! ```
//!
//! Reads the files in order (standard input when none is given, or `-`),
//! streaming, and writes for each record its syslog header and its CSV
//! fields. A record that cannot be framed writes no output line but one
//! line on stderr saying where and why; the run goes on. The exit status is
//! 0 unless an input could not be read.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use panlog::csv::{Fields, Splitter};
use panlog::framing::LogReader;
use panlog::syslog::{HeaderFormat, SyslogHeader};
use serde_json::{Map, Value, json};

#[derive(Default)]
struct Stats {
    by_type: BTreeMap<String, u64>,
    errors: u64,
}

fn main() -> ExitCode {
    let mut stats_wanted = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--stats" => stats_wanted = true,
            "-h" | "--help" => {
                println!("usage: panlog [--stats] [FILE...]   (no FILE or -: standard input)");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        files.push("-".to_string());
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut stats = Stats::default();
    let mut status = ExitCode::SUCCESS;
    for name in &files {
        let result = if name == "-" {
            convert(name, io::stdin().lock(), &mut out, &mut stats)
        } else {
            match File::open(name) {
                Ok(f) => convert(
                    name,
                    BufReader::with_capacity(64 * 1024, f),
                    &mut out,
                    &mut stats,
                ),
                Err(e) => Err(e),
            }
        };
        if let Err(e) = result {
            eprintln!("panlog: {name}: {e}");
            status = ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("panlog: writing output: {e}");
        return ExitCode::FAILURE;
    }
    if stats_wanted {
        for (log_type, n) in &stats.by_type {
            eprintln!("{log_type}\t{n}");
        }
        eprintln!("errors\t{}", stats.errors);
    }
    status
}

/// Converts one input; `Err` only when the input cannot be read.
fn convert(
    name: &str,
    input: impl BufRead,
    out: &mut impl Write,
    stats: &mut Stats,
) -> io::Result<()> {
    let mut reader = LogReader::new(input);
    let splitter = Splitter::new();
    let mut fields = Fields::with_capacity(128);
    while let Some(record) = reader.next_record() {
        let record = match record {
            Ok(record) => record,
            Err(e) if e.is_io() => return Err(e.into()),
            Err(e) => {
                eprintln!("panlog: {name}: {e}");
                stats.errors += 1;
                continue;
            }
        };
        let (header, body) = SyslogHeader::parse(record.bytes());
        splitter.split(body, &mut fields);
        let values: Vec<Value> = fields
            .iter(body)
            .map(|f| Value::from(f.to_str_lossy()))
            .collect();
        let log_type = values
            .get(3)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        *stats.by_type.entry(log_type.clone()).or_default() += 1;
        let position = record.position();
        let doc = json!({
            "input": { "file": name, "line": position.line, "byte": position.byte },
            "syslog": syslog_json(&header),
            "type": log_type,
            "fields": values,
        });
        serde_json::to_writer(&mut *out, &doc)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn syslog_json(h: &SyslogHeader<'_>) -> Value {
    let mut m = Map::new();
    let format = match h.format() {
        HeaderFormat::Rfc3164 => "rfc3164",
        HeaderFormat::Rfc5424 => "rfc5424",
        _ => "none",
    };
    m.insert("format".into(), format.into());
    if let Some(p) = h.priority() {
        m.insert("facility".into(), p.facility().into());
        m.insert("severity".into(), p.severity().into());
    }
    for (key, value) in [
        ("timestamp", h.timestamp()),
        ("hostname", h.hostname()),
        ("app_name", h.app_name()),
    ] {
        if let Some(v) = value {
            m.insert(key.into(), v.into());
        }
    }
    Value::Object(m)
}
