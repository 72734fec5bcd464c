//! `panlog`: PAN-OS logs in, one JSON document per record out (NDJSON).
//!
//! ```text
//! cargo run --release --example panlog -- [--to ecs|ocsf|seed|fields]
//!     [--format ndjson|parquet] [--out DIR]
//!     [--from auto|csv|cef|leef|json] [--custom-format 'CUSTOM FORMAT']...
//!     [--tz ZONE] [--tz-map FILE] [--no-original] [--stats] [--threads N]
//!     [FILE...]
//! ```
//!
//! Reads the files in order (standard input when none is given, or `-`),
//! streaming, any size, and writes one document per record, in input order:
//!
//! - `--to ecs` (the default): the default ECS mapping;
//! - `--to ocsf`: an OCSF event, the class of each log type (`panlog::ocsf`);
//! - `--to seed`: the seed corpus's normalization;
//! - `--to fields`: the typed record as a flat map of PAN-OS field names.
//!
//! `--format parquet --out DIR` (built with `--features parquet`) writes the
//! typed fields as Parquet instead, one file set per log type partitioned by
//! day (`DIR/traffic/eventDay=20240305/part-00000.parquet`; see
//! `panlog::lake`); with `--to ocsf`, OCSF events as nested structs, one file
//! set per OCSF class (`DIR/network_activity/eventDay=20240305/...`).
//!
//! Each record's shape (PAN-OS CSV, CEF, LEEF, a JSON object per line, a
//! `key=value` record) is told by itself unless `--from` fixes it. An input
//! that is a JSON document (an array, or objects pretty-printed over many
//! lines) is told by its first bytes and read whole, as with `--from json`.
//! `--custom-format` gives a custom log format string (`src=$src dst=$dst ...`) the
//! firewall writes; repeat it for several.
//!
//! `--tz` is the firewalls' zone, for PAN-OS's naive times (UTC by default):
//! an offset (`+02:00`), an IANA name with its daylight saving
//! (`Europe/Berlin`) or `local` (the host's, honouring `TZ`). `--tz-map FILE`
//! gives a zone per device: lines of `SERIAL-OR-HOSTNAME ZONE` (and
//! `default ZONE`), `#` comments. A record that cannot be parsed writes no output line but one
//! line on stderr saying where (file, line, byte offset) and why; the run goes
//! on. `--stats` prints the count per log type and of errors on stderr at the
//! end. The exit status is 0 unless an input could not be read.
//!
//! Built with the `rayon` feature (`--features rayon`), it converts on
//! every core (`panlog::batch`): `--threads N` sets how many, `--threads 1`
//! converts on the calling thread. The output is the same bytes either way.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use panlog::custom::CustomFormat;
use panlog::ecs::{EcsMapping, SeedMapping};
use panlog::mapping::{Mapping, WriteJson};
use panlog::ocsf::OcsfMapping;
use panlog::reader::LogReader;
use panlog::zone::{Zone, Zones};
use panlog::{Input, Parser};

#[derive(Clone, Copy, PartialEq)]
enum To {
    Ecs,
    Ocsf,
    Seed,
    Fields,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Ndjson,
    Parquet,
}

struct Options {
    to: To,
    format: Format,
    out: Option<String>,
    zones: Zones,
    input: Input,
    formats: Vec<CustomFormat>,
    original: bool,
    stats: bool,
    /// 0: every core (with the `rayon` feature; else one).
    threads: usize,
    files: Vec<String>,
}

#[derive(Default)]
struct Stats {
    by_type: BTreeMap<&'static str, u64>,
    errors: u64,
}

/// Where documents go: NDJSON on a writer (each document written into the
/// buffer first), or Parquet files.
enum Output<W: Write> {
    Ndjson(W, Vec<u8>),
    #[cfg(feature = "parquet")]
    Parquet(panlog::lake::LakeWriter),
}

impl<W: Write> Output<W> {
    /// Writes one record's document.
    fn put(&mut self, log: &panlog::Log<'_>, opts: &Options, ecs: &EcsMapping) -> io::Result<()> {
        match self {
            Output::Ndjson(w, line) => {
                line.clear();
                write_json(log, opts, ecs, line)?;
                w.write_all(line)
            }
            #[cfg(feature = "parquet")]
            Output::Parquet(lake) => match lake.write(log) {
                // A record whose event does not fit: reported, and the run
                // goes on.
                Err(e @ panlog::lake::LakeError::Document(_)) => {
                    eprintln!("panlog: record {}: {e}", log.position().record);
                    Ok(())
                }
                other => other.map_err(io::Error::other),
            },
        }
    }

    /// Flushes the writer, or closes the Parquet files (listing them on
    /// stderr).
    fn finish(self) -> io::Result<()> {
        match self {
            Output::Ndjson(mut w, _) => w.flush(),
            #[cfg(feature = "parquet")]
            Output::Parquet(lake) => {
                for file in lake.finish().map_err(io::Error::other)? {
                    eprintln!("wrote {}", file.display());
                }
                Ok(())
            }
        }
    }
}

const USAGE: &str =
    "usage: panlog [--to ecs|ocsf|seed|fields] [--format ndjson|parquet] [--out DIR] [--from auto|csv|cef|leef|json] [--custom-format FORMAT]... [--tz ZONE] [--tz-map FILE] [--no-original] [--stats] [--threads N] [FILE...]
  ZONE: UTC, +HH:MM, an IANA name (Europe/Berlin) or local
  --tz-map FILE: lines of `SERIAL-OR-HOSTNAME ZONE` (and `default ZONE`)
  --format parquet --out DIR: typed fields (or --to ocsf: OCSF events) as Parquet,
    DIR/<type or class>/eventDay=YYYYMMDD/ (feature parquet)
  (no FILE, or -: standard input)";

fn options() -> Result<Options, String> {
    let mut opts = Options {
        to: To::Ecs,
        format: Format::Ndjson,
        out: None,
        zones: Zones::new(Zone::UTC),
        input: Input::Auto,
        formats: Vec::new(),
        original: true,
        stats: false,
        threads: 0,
        files: Vec::new(),
    };
    let mut default_zone = None;
    let mut to_given = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--to" => {
                to_given = true;
                opts.to = match args.next().as_deref() {
                    Some("ecs") => To::Ecs,
                    Some("ocsf") => To::Ocsf,
                    Some("seed") => To::Seed,
                    Some("fields") => To::Fields,
                    other => {
                        return Err(format!(
                            "--to: expected ecs, ocsf, seed or fields, got {other:?}"
                        ));
                    }
                }
            }
            "--tz" => {
                let value = args.next().unwrap_or_default();
                default_zone = Some(value.parse::<Zone>().map_err(|e| format!("--tz: {e}"))?);
            }
            "--from" => {
                opts.input = match args.next().as_deref() {
                    Some("auto") => Input::Auto,
                    Some("csv") => Input::Csv,
                    Some("cef") => Input::Cef,
                    Some("leef") => Input::Leef,
                    Some("json") => Input::Json,
                    other => {
                        return Err(format!(
                            "--from: expected auto, csv, cef, leef or json, got {other:?}"
                        ));
                    }
                }
            }
            "--format" => {
                opts.format = match args.next().as_deref() {
                    Some("ndjson") => Format::Ndjson,
                    Some("parquet") => Format::Parquet,
                    other => {
                        return Err(format!(
                            "--format: expected ndjson or parquet, got {other:?}"
                        ));
                    }
                }
            }
            "--out" => opts.out = args.next(),
            "--custom-format" => {
                let text = args.next().unwrap_or_default();
                opts.formats
                    .push(text.parse().map_err(|e| format!("--custom-format: {e}"))?);
            }
            "--tz-map" => {
                let path = args.next().unwrap_or_default();
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("--tz-map {path}: {e}"))?;
                // The map's `default` line, unless `--tz` says otherwise.
                opts.zones = Zones::parse(&text).map_err(|e| format!("--tz-map {path}: {e}"))?;
            }
            "--no-original" => opts.original = false,
            "--stats" => opts.stats = true,
            "--threads" => {
                let value = args.next().unwrap_or_default();
                opts.threads = value
                    .parse()
                    .map_err(|_| format!("--threads: expected a count, got {value:?}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => opts.files.push(arg),
        }
    }
    if opts.format == Format::Parquet {
        if opts.out.is_none() {
            return Err("--format parquet needs --out DIR".into());
        }
        if !to_given {
            opts.to = To::Fields;
        }
        if !matches!(opts.to, To::Fields | To::Ocsf) {
            return Err(
                "--format parquet writes the typed fields (--to fields) or OCSF events (--to ocsf)"
                    .into(),
            );
        }
        if cfg!(not(feature = "parquet")) {
            return Err(
                "--format parquet: this build has no Parquet; build with --features parquet".into(),
            );
        }
    }
    if let Some(zone) = default_zone {
        opts.zones = std::mem::take(&mut opts.zones).with_default(zone);
    }
    if opts.files.is_empty() {
        opts.files.push("-".to_owned());
    }
    Ok(opts)
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(opts) => opts,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("panlog: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = match opts.format {
        Format::Ndjson => Output::Ndjson(
            BufWriter::with_capacity(256 * 1024, stdout.lock()),
            Vec::new(),
        ),
        #[cfg(feature = "parquet")]
        Format::Parquet => {
            let lake = panlog::lake::LakeWriter::new(opts.out.as_deref().unwrap_or("."))
                .record(opts.original);
            Output::Parquet(if opts.to == To::Ocsf {
                lake.ocsf(OcsfMapping::new().raw_data(opts.original))
            } else {
                lake
            })
        }
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => unreachable!("refused by options()"),
    };
    let mut stats = Stats::default();
    let mut status = ExitCode::SUCCESS;
    for name in &opts.files {
        let result = if name == "-" {
            convert(name, io::stdin().lock(), &opts, &mut out, &mut stats)
        } else {
            match File::open(name) {
                Ok(f) => convert(name, f, &opts, &mut out, &mut stats),
                Err(e) => Err(e),
            }
        };
        if let Err(e) = result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return status;
            }
            eprintln!("panlog: {name}: {e}");
            status = ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.finish()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("panlog: writing output: {e}");
        status = ExitCode::FAILURE;
    }
    if opts.stats {
        for (ty, n) in &stats.by_type {
            eprintln!("{ty}\t{n}");
        }
        eprintln!("errors\t{}", stats.errors);
    }
    status
}

/// Converts one input. An `Err` is an input or output failure (the input is
/// abandoned); bad records are reported on stderr and skipped.
fn convert<R: Read, W: Write>(
    name: &str,
    mut input: R,
    opts: &Options,
    out: &mut Output<W>,
    stats: &mut Stats,
) -> io::Result<()> {
    let mut parser = Parser::new().zones(opts.zones.clone()).input(opts.input);
    for format in &opts.formats {
        parser = parser.custom_format(format.clone());
    }
    // The input's first bytes tell a JSON document (an array, or objects
    // spread over lines) from lines of records, NDJSON included.
    let mut head = Vec::with_capacity(SNIFF);
    (&mut input).take(SNIFF as u64).read_to_end(&mut head)?;
    let json = opts.input == Input::Json
        || (opts.input == Input::Auto && panlog::json::is_document(&head));
    let input = io::Cursor::new(head).chain(input);
    if json {
        return convert_json(name, input, parser, opts, out, stats);
    }
    #[cfg(feature = "rayon")]
    if let (Output::Ndjson(out, _), true) = (&mut *out, opts.threads != 1) {
        return convert_parallel(name, input, parser, opts, out, stats);
    }
    let mut reader = LogReader::new(input).with_parser(parser);
    let ecs = EcsMapping::new().original(opts.original);
    let progress = io::stderr().is_terminal();
    let mut count: u64 = 0;
    while let Some(result) = reader.next_log() {
        count += 1;
        if progress && count.is_multiple_of(1 << 20) {
            eprint!("\r{name}: {count} records");
        }
        emit(name, result, &mut io::stderr(), stats, |log| {
            out.put(log, opts, &ecs)
        })?;
    }
    if progress && count >= 1 << 20 {
        eprintln!("\r{name}: {count} records");
    }
    Ok(())
}

/// The `rayon` build: the input framed in order, converted on every core
/// (or `--threads`), written in input order.
#[cfg(feature = "rayon")]
fn convert_parallel<R: Read>(
    name: &str,
    input: R,
    parser: Parser,
    opts: &Options,
    out: &mut impl Write,
    stats: &mut Stats,
) -> io::Result<()> {
    /// What a chunk's worker writes: documents, error lines, counts.
    #[derive(Default)]
    struct Part {
        docs: Vec<u8>,
        errors: Vec<u8>,
        stats: Stats,
        failed: Option<io::Error>,
    }
    let ecs = EcsMapping::new().original(opts.original);
    let batch = panlog::batch::Batch::new(parser).threads(opts.threads);
    batch.run(
        input,
        |part: &mut Part, result| {
            if part.failed.is_none()
                && let Err(e) = emit(name, result, &mut part.errors, &mut part.stats, |log| {
                    write_json(log, opts, &ecs, &mut part.docs)
                })
            {
                part.failed = Some(e);
            }
        },
        |part| {
            out.write_all(&part.docs)?;
            io::stderr().write_all(&part.errors)?;
            part.docs.clear();
            part.errors.clear();
            for (ty, n) in std::mem::take(&mut part.stats.by_type) {
                *stats.by_type.entry(ty).or_default() += n;
            }
            stats.errors += std::mem::take(&mut part.stats.errors);
            part.failed.take().map_or(Ok(()), Err)
        },
    )?;
    Ok(())
}

/// One record out: its document on `out`, or (a bad record) its place and
/// why on `errors`.
fn emit(
    name: &str,
    result: Result<panlog::Log<'_>, panlog::Error>,
    errors: &mut impl Write,
    stats: &mut Stats,
    mut put: impl FnMut(&panlog::Log<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let log = match result {
        Ok(log) => log,
        Err(e) if e.is_io() => return Err(e.into()),
        Err(e) => {
            stats.errors += 1;
            let p = e.position();
            let field = p.field.map(|f| format!(", field {f}")).unwrap_or_default();
            writeln!(
                errors,
                "{name}:{}: byte {}{field}: {}",
                p.line,
                p.byte,
                e.kind()
            )?;
            return Ok(());
        }
    };
    *stats.by_type.entry(log.log_type().as_str()).or_default() += 1;
    put(&log)
}

/// One record's document as a line of JSON, appended to `out`: ECS and the
/// typed fields with the crate's own writer (`WriteJson`, the same bytes as
/// serde_json's), OCSF and the seed's through serde_json.
fn write_json(
    log: &panlog::Log<'_>,
    opts: &Options,
    ecs: &EcsMapping,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let written = match opts.to {
        To::Ecs => {
            ecs.map(log).write_json(out);
            Ok(())
        }
        To::Ocsf => serde_json::to_writer(
            &mut *out,
            &OcsfMapping::new().raw_data(opts.original).map(log),
        ),
        To::Seed => serde_json::to_writer(&mut *out, &SeedMapping.map(log)),
        To::Fields => {
            log.write_json(out);
            Ok(())
        }
    };
    written.map_err(io::Error::other)?;
    out.push(b'\n');
    Ok(())
}

/// How much of an input `panlog::json::is_document` looks at.
const SNIFF: usize = 64 * 1024;

/// A JSON document (`--from json`, or detected: `panlog::json::is_document`): the
/// input whole (a JSON array or stacked objects may span lines), each
/// top-level object a record.
fn convert_json<R: Read, W: Write>(
    name: &str,
    mut input: R,
    mut parser: Parser,
    opts: &Options,
    out: &mut Output<W>,
    stats: &mut Stats,
) -> io::Result<()> {
    let mut text = Vec::new();
    input.read_to_end(&mut text)?;
    let ecs = EcsMapping::new().original(opts.original);
    for (n, range) in panlog::json::values(&text).enumerate() {
        let position = panlog::Position {
            record: n as u64 + 1,
            line: 1 + memchr_count(&text[..range.start]),
            byte: range.start as u64,
            field: None,
        };
        let result = parser.parse_at(&text[range], position);
        emit(name, result, &mut io::stderr(), stats, |log| {
            out.put(log, opts, &ecs)
        })?;
    }
    Ok(())
}

fn memchr_count(text: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', text).count() as u64
}
