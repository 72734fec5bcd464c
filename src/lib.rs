/*!
`panlog` parses PAN-OS (Palo Alto Networks firewall and Panorama) logs.

PAN-OS sends each log as a syslog line whose body is CSV:

```text
<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,001801010000,TRAFFIC,end,2049,...
└──── syslog header ────┘└──────────────────── CSV body ─────────────────────────
```

The crate reads such input in one pass, without copying it:

```text
bytes ──► framing ──► syslog header ──► CSV splitter ──► your code
          (records)   (kept, typed)     (field spans)
```

| module | what it owns |
| --- | --- |
| [`framing`] | record boundaries in a byte stream: LF/CRLF, RFC 6587 octet counting, newlines inside quotes, a bound on record size and a resync after a bad record; the sans-IO [`Framer`](framing::Framer) and the [`LogReader`](framing::LogReader) on a `BufRead` |
| [`syslog`] | the header before the CSV: RFC 3164, RFC 5424 or none, typed ([`SyslogHeader`](syslog::SyslogHeader)) |
| [`csv`] | the field splitter: commas, quotes, `""`, PAN-OS brace fields; spans into a reused buffer ([`Splitter`](csv::Splitter), [`Fields`](csv::Fields)) |
| [`error`] | one [`Error`] with an [`ErrorKind`] and a [`Position`] (record, line, byte, field) |

Per-log-type schemas, typed getters and ECS documents build on these layers.

# Reading a stream

A bad record is an `Err` with its position, and the loop goes on; only an
I/O error ends the stream. The reader lends each record from one reused
buffer and the splitter fills one reused [`Fields`](csv::Fields): after the
first records, the loop allocates nothing.

```
use panlog::csv::{Fields, Splitter};
use panlog::framing::LogReader;
use panlog::syslog::SyslogHeader;

let input: &[u8] = b"<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,001801010000,TRAFFIC,end,2049\n\
<14>Sep 16 10:00:03 PA-1 1,2019/09/16 10:00:03,001801010000,THREAT,url,2049,\"example.com/a,b\"\n";

let mut reader = LogReader::new(input); // any BufRead: a BufReader<File>, stdin.lock(), ...
let splitter = Splitter::new();
let mut fields = Fields::new();
let mut types = Vec::new();
while let Some(record) = reader.next_record() {
    let record = match record {
        Ok(record) => record,
        Err(e) => { eprintln!("skipped: {e}"); continue; }
    };
    let (header, body) = SyslogHeader::parse(record.bytes());
    assert_eq!(header.hostname(), Some("PA-1"));
    splitter.split(body, &mut fields);
    types.push(fields.field(3, body).unwrap().to_str().unwrap().into_owned());
}
assert_eq!(types, ["TRAFFIC", "THREAT"]);
```

# Limits

Records are at most [`framing::DEFAULT_MAX_RECORD_LEN`] (64 KiB) by default
([`FramerConfig::max_record_len`](framing::FramerConfig::max_record_len)); a
longer one is reported and skipped, so a reader's memory is bounded by that
limit plus one read buffer, whatever the input.

# Crate features

None yet: the crate's runtime dependencies are `memchr`, `serde`, `chrono`
and `thiserror`.
*/

pub mod csv;
pub mod error;
pub mod framing;
pub mod log;
pub mod schema;
pub mod syslog;
pub mod value;

pub use error::{Error, ErrorKind, Position};
pub use log::{Log, OwnedLog, Parser, parse};
