/*!
`panlog` parses PAN-OS (Palo Alto Networks firewall and Panorama) logs.

PAN-OS sends each log as a syslog line whose body is CSV:

```text
<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,001801010000,TRAFFIC,end,2049,...
└──── syslog header ────┘└──────────────────── CSV body ─────────────────────────
```

The crate reads such input in one pass, without copying it:

```text
                                    ┌ CSV splitter ──────────────┐                          ┌ ECS document ┐
bytes ──► framing ──► syslog header ┼ cef / leef / json / custom ┼─► schema ──► Log<'a> ──► ┤ OCSF event   ├──► serde, or WriteJson (JSON)
          (records)   (kept, typed) └ (laid out in the type's    ┘   (type +    (typed      └ (a Mapping,  ┘
                        + detection     standard columns)             version)   getters)      borrowed)
                                                                                    └──► columnar (Arrow) ──► lake (Parquet)
          └──── reader (any Read) / codec (async) / batch (all cores) ────┘
```

The modules, upstream first: a module uses only those above it (the error
type names the kinds of value, type and CSV flag it reports on). The keyed
shapes (`cef`, `leef`, `json`, `custom`) share two private modules: the key
tables generated from the format references (`keys`) and the buffers a
record is laid out in (`named`).

| module | what it owns |
| --- | --- |
| [`zone`] | the zone naive times are read in: a fixed offset, an IANA zone with DST (feature `tz`) or the host's; per device ([`Zones`](zone::Zones)); ambiguous and skipped local times resolved and flagged |
| [`syslog`] | the header before the CSV: RFC 3164, RFC 5424 or none, typed ([`SyslogHeader`](syslog::SyslogHeader)) |
| [`csv`] | the field splitter: commas, quotes, `""`, PAN-OS brace fields; spans into a reused buffer ([`Splitter`](csv::Splitter), [`Fields`](csv::Fields)) |
| [`schema`] | one column table per log type (PAN-OS's 15 and the cloud-only DNS) and the choice of layout by the record's own evidence ([`LogType`](schema::LogType), [`Schema`](schema::Schema)); the column names as constants ([`fields`]) |
| [`value`] | typed values: ports, IPs, counters, PAN-OS timestamps in a zone, session flags, threat ids, documented words |
| [`cef`] | CEF bodies (PAN-OS's profiles, the cloud forwarder's, XSIAM's): header, extension, escapes, into the record |
| [`leef`] | LEEF 1.0 and 2.0 bodies, any delimiter, into the record |
| [`json`] | the cloud forwarder's and Cortex Data Lake's JSON objects (three vocabularies), into the record; [`json::values`] splits a stream |
| [`custom`] | custom log format strings (`key=$field` pairs or delimited columns) and the records written with them |
| [`error`] | one [`Error`] with an [`ErrorKind`] and a [`Position`] (record, line, byte, field) |
| [`framing`] | record boundaries in a byte stream: LF/CRLF, RFC 6587 octet counting, newlines inside quotes, a bound on record size and a resync after a bad record; the sans-IO [`Framer`](framing::Framer) |
| [`log`] | the parsed record, [`Log`], made by a [`Parser`] from any shape (CSV, or a keyed shape laid out in the type's standard columns; [`Input`]): fields by name or index, typed getters, an owned form ([`OwnedLog`]), serde |
| [`reader`] | [`LogReader`]: framing and parsing over any `Read`, records lent (zero-copy) or owned (an iterator) |
| `batch` | with the `rayon` feature: a whole input on every core, framed in order, chunks parsed and converted in parallel, results consumed in input order with bounded memory |
| `codec` | with the `tokio` feature: the framer and parser as tokio-util `Decoder`s, `codec::logs(reader)` a `Stream` of owned records |
| [`de`] | serde the other way: [`Log::deserialize`] into a struct of yours by PAN-OS field names, and `Deserialize` for [`OwnedLog`] |
| [`describe`] | the free text of authentication events (SYSTEM, GLOBALPROTECT, AUTHENTICATION descriptions): user, addresses, profiles and reason, borrowed |
| [`api`] | the XML API: the log query language, requests, paging and URLs ([`Query`](api::Query), [`LogQuery`](api::LogQuery)), and with the `xml` feature its answers read as [`Log`]s (`api::response::XmlReader`) |
| [`mapping`] | the seam from record to document ([`Mapping`](mapping::Mapping)) and the borrowed, allocation-free parts documents are built of; the columns a mapping did not take ([`Rest`](mapping::Rest)); documents and records written as JSON without serde, the same bytes, faster ([`WriteJson`](mapping::WriteJson)) |
| [`ecs`] | Elastic Common Schema documents: the default [`EcsMapping`](ecs::EcsMapping) and the seed corpus's [`SeedMapping`](ecs::SeedMapping) |
| [`ocsf`] | Open Cybersecurity Schema Framework events, a class per log type ([`OcsfMapping`](ocsf::OcsfMapping)); a sibling of `ecs` |
| `columnar` | with the `arrow` feature: Arrow record batches, a typed schema per log type from its column table (`BatchBuilder`, `Batches`) |
| `lake` | with the `parquet` feature: Parquet files of those batches, one file set per log type partitioned by day (`eventDay=YYYYMMDD`), memory bounded (`LakeWriter`) |

# Reading a file of mixed log types

A bad record is an `Err` with its position, and the loop goes on; only an
I/O error ends the stream. The reader lends each [`Log`] from one reused
buffer and one reused set of field spans: after the first records, the loop
allocates nothing.

```
use panlog::reader::LogReader;
use panlog::schema::LogType;

let input: &[u8] = b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,0011,SYSTEM,general,0,2019/09/16 10:00:02,,general,,0,0,general,high,\"Disk usage 91%, above threshold\",12,0x0\n\
1,2019/09/16 10:00:03,0011\n\
1,2019/09/16 10:00:04,0011,IPTAG,0,2304,2019/09/16 10:00:04,vsys1,10.1.2.3,quarantine,register,1,3600,api,xml-api,,77,0x0,0,0,0,0,,PA-1,1\n";

let mut reader = LogReader::new(input); // any BufRead: a BufReader<File>, stdin.lock(), ...
let mut lines = Vec::new();
while let Some(result) = reader.next_log() {
    let log = match result {
        Ok(log) => log,
        Err(e) => { lines.push(format!("skipped {e}")); continue; }
    };
    let line = match log.log_type() {
        LogType::System => format!("{} {}: {}", log.header().hostname().unwrap_or("-"),
            log.severity().unwrap().unwrap(), log.get("opaque").unwrap()),
        LogType::IpTag => format!("tag {} on {}", log.get("tag_name").unwrap(), log.ip("src").unwrap().unwrap()),
        other => format!("{other} with {} columns", log.len()),
    };
    lines.push(line);
}
assert_eq!(lines, [
    "PA-1 high: Disk usage 91%, above threshold",
    "skipped record 2 (line 2, byte 157, field 3): no log type: column 3 is missing or empty (3 columns)",
    "tag quarantine on 10.1.2.3",
]);
```

The split layer underneath is public too, for users who only want fields:

```
use panlog::csv::{Fields, Splitter};

let line = b"1,2019/09/16 10:00:03,001801010000,THREAT,url,2049,\"example.com/a,b\"";
let mut fields = Fields::new();
Splitter::new().split(line, &mut fields);
assert_eq!(fields.field(6, line).unwrap().to_str().unwrap(), "example.com/a,b");
```

# Limits

Records are at most [`framing::DEFAULT_MAX_RECORD_LEN`] (64 KiB) by default
([`FramerConfig::max_record_len`](framing::FramerConfig::max_record_len)); a
longer one is reported and skipped, so a reader's memory is bounded by that
limit plus one read buffer, whatever the input.

# Crate features

- `tz` (on by default): IANA time zones with daylight saving and the
  host's `local` zone, with `chrono-tz` ([`zone::Zone`]). Without it, zones
  are fixed offsets.
- `tokio` (off by default): `codec`, the framer and the parser as
  `tokio_util::codec::Decoder`s for `FramedRead` and `UdpFramed`.
- `xml` (off by default): `api::response`, reading the XML API's answers
  with `quick-xml`.
- `rayon` (off by default): `batch`, a whole input converted on every core.
- `arrow` (off by default): `columnar`, Arrow record batches of records,
  on the arrow-rs crates (`arrow-array`, `arrow-schema`).
- `parquet` (off by default, implies `arrow`): `lake`, Parquet files laid
  out as a data lake's partitions, on the `parquet` crate.

With `--no-default-features` the crate's runtime dependencies are
`memchr`, `serde`, `chrono` and `thiserror`.
*/

pub mod api;
#[cfg(feature = "rayon")]
pub mod batch;
pub mod cef;
#[cfg(feature = "tokio")]
pub mod codec;
#[cfg(feature = "arrow")]
pub mod columnar;
pub mod csv;
pub mod custom;
pub mod de;
pub mod describe;
pub mod ecs;
pub mod error;
pub mod framing;
pub mod json;
mod keys;
#[cfg(feature = "parquet")]
pub mod lake;
pub mod leef;
pub mod log;
pub mod mapping;
mod named;
pub mod ocsf;
pub mod reader;
pub mod schema;
mod simd;
pub mod syslog;
#[cfg(test)]
mod test_rand;
pub mod value;
pub mod zone;

pub use error::{Error, ErrorKind, Position};
pub use log::{Input, Log, OwnedLog, Parser, parse};
pub use reader::LogReader;
pub use schema::fields;

/// The README's code blocks, run as doctests so that the tour stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
