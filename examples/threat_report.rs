//! `threat_report`: the daily THREAT report of the XML-API article
//! ("Retrieving Palo Alto NGFW security events via API"), from syslog files.
//!
//! ```text
//! cargo run --release --example threat_report -- [--subtype spyware] [--threat TEXT]
//!                                                 [--state FILE] [--day YYYY-MM-DD] [FILE...]
//! ```
//!
//! Groups THREAT records by (destination, destination user, source, threat
//! name), counts them, and prints the article's `;`-separated table:
//!
//! ```text
//! Destination;Destination Name;Source;Threat Name;Count
//! 192.168.56.201;corp\j.smith;178.218.122.66;Locky.JSDownloader.Gen Command and Control Traffic;3
//! ```
//!
//! `--subtype` keeps one THREAT subtype (`spyware`, `virus`, ...), `--threat`
//! the threat names that contain a text (case-insensitive). With `--state
//! FILE` the report remembers which groups earlier runs saw and on which days
//! (`--day`, today in UTC by default), and prints them as the article's
//! dynamic report: `All`, `New`, and `Already seen` by number of days.
//! Records that are not THREAT logs are skipped; unparsable ones are reported
//! on stderr.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use panlog::reader::LogReader;
use panlog::schema::LogType;

/// (destination, destination user, source, threat name).
type Key = (String, String, String, String);

/// Groups seen on earlier days, by number of days: (key, count, days).
type Seen<'k> = BTreeMap<usize, Vec<(&'k Key, u64, Vec<String>)>>;

struct Options {
    subtype: Option<String>,
    threat: Option<String>,
    state: Option<String>,
    day: String,
    files: Vec<String>,
}

const USAGE: &str = "usage: threat_report [--subtype NAME] [--threat TEXT] [--state FILE] [--day YYYY-MM-DD] [FILE...]";

fn options() -> Result<Options, String> {
    let mut opts = Options {
        subtype: None,
        threat: None,
        state: None,
        day: today(),
        files: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "--subtype" => opts.subtype = Some(value("--subtype")?),
            "--threat" => opts.threat = Some(value("--threat")?.to_lowercase()),
            "--state" => opts.state = Some(value("--state")?),
            "--day" => {
                let day = value("--day")?;
                chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                    .map_err(|_| format!("--day: expected YYYY-MM-DD, got {day:?}"))?;
                opts.day = day;
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => opts.files.push(arg),
        }
    }
    if opts.files.is_empty() {
        opts.files.push("-".to_owned());
    }
    Ok(opts)
}

fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(opts) => opts,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("threat_report: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut counts: BTreeMap<Key, u64> = BTreeMap::new();
    let mut status = ExitCode::SUCCESS;
    for name in &opts.files {
        let result = if name == "-" {
            collect(name, io::stdin().lock(), &opts, &mut counts)
        } else {
            File::open(name).and_then(|f| collect(name, f, &opts, &mut counts))
        };
        if let Err(e) = result {
            eprintln!("threat_report: {name}: {e}");
            status = ExitCode::FAILURE;
        }
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match &opts.state {
        None => table(&mut out, counts.iter()),
        Some(path) => dynamic(&mut out, path, &opts.day, &counts),
    };
    if let Err(e) = written {
        eprintln!("threat_report: {e}");
        status = ExitCode::FAILURE;
    }
    status
}

fn collect<R: Read>(
    name: &str,
    input: R,
    opts: &Options,
    counts: &mut BTreeMap<Key, u64>,
) -> io::Result<()> {
    let mut reader = LogReader::new(input);
    while let Some(result) = reader.next_log() {
        let log = match result {
            Ok(log) => log,
            Err(e) if e.is_io() => return Err(e.into()),
            Err(e) => {
                let p = e.position();
                eprintln!("{name}:{}: byte {}: {}", p.line, p.byte, e.kind());
                continue;
            }
        };
        if log.log_type() != LogType::Threat {
            continue;
        }
        if let Some(want) = &opts.subtype
            && !log.subtype().is_some_and(|s| s.eq_ignore_ascii_case(want))
        {
            continue;
        }
        let threat = match log.threat_id() {
            Ok(Some(id)) => id.name.into_owned(),
            _ => String::new(),
        };
        if let Some(text) = &opts.threat
            && !threat.to_lowercase().contains(text.as_str())
        {
            continue;
        }
        let text = |name: &str| log.get(name).map(|t| t.into_owned()).unwrap_or_default();
        let key = (text("dst"), text("dstuser"), text("src"), threat);
        *counts.entry(key).or_default() += log.u64("repeatcnt").ok().flatten().unwrap_or(1).max(1);
    }
    Ok(())
}

fn row(key: &Key, count: u64) -> String {
    let (dst, dstuser, src, threat) = key;
    format!("{dst};{dstuser};{src};{threat};{count}")
}

fn table<'k>(
    out: &mut impl Write,
    rows: impl Iterator<Item = (&'k Key, &'k u64)>,
) -> io::Result<()> {
    writeln!(out, "Destination;Destination Name;Source;Threat Name;Count")?;
    for (key, count) in rows {
        writeln!(out, "{}", row(key, *count))?;
    }
    Ok(())
}

/// The state file: one line per group, `row-key<TAB>day day ...`.
fn load_state(path: &str) -> io::Result<BTreeMap<Key, BTreeSet<String>>> {
    let mut state = BTreeMap::new();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(state),
        Err(e) => return Err(e),
    };
    for (n, line) in text.lines().enumerate() {
        let parsed = line.split_once('\t').and_then(|(key, days)| {
            let mut parts = key.splitn(4, ';').map(str::to_owned);
            let key = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            Some((
                key,
                days.split(' ')
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ))
        });
        match parsed {
            Some((key, days)) => {
                state.insert(key, days);
            }
            None => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{path}:{}: not a state line", n + 1),
                ));
            }
        }
    }
    Ok(state)
}

fn dynamic(
    out: &mut impl Write,
    path: &str,
    day: &str,
    counts: &BTreeMap<Key, u64>,
) -> io::Result<()> {
    let mut state = load_state(path)?;
    let mut new = Vec::new();
    let mut seen: Seen<'_> = BTreeMap::new();
    for (key, &count) in counts {
        let days = state.entry(key.clone()).or_default();
        let earlier = days.iter().any(|d| d.as_str() != day);
        days.insert(day.to_owned());
        if earlier {
            seen.entry(days.len())
                .or_default()
                .push((key, count, days.iter().cloned().collect()));
        } else {
            new.push((key, count));
        }
    }
    writeln!(out, "All ({})", counts.len())?;
    writeln!(out)?;
    writeln!(out, "New ({})", new.len())?;
    for (key, count) in &new {
        writeln!(out, "{}", row(key, *count))?;
    }
    writeln!(out)?;
    let already: usize = seen.values().map(Vec::len).sum();
    writeln!(out, "Already seen ({already})")?;
    for (days, rows) in seen.iter().rev() {
        writeln!(out, "#{days} days ({})", rows.len())?;
        for (key, count, dates) in rows {
            for date in dates {
                writeln!(out, "#{date}")?;
            }
            writeln!(out, "{}", row(key, *count))?;
        }
    }
    let mut file = io::BufWriter::new(File::create(path)?);
    for (key, days) in &state {
        let (dst, dstuser, src, threat) = key;
        let days: Vec<&str> = days.iter().map(String::as_str).collect();
        writeln!(file, "{dst};{dstuser};{src};{threat}\t{}", days.join(" "))?;
    }
    file.flush()
}
