//! The bad-input table: malformed inputs, each with the outcome it must give
//! (an error kind and position, or a flagged, lenient parse) and the proof
//! that the good record after it still comes out. Then all of them in one
//! stream: N records with E bad ones give exactly N - E logs and E errors.

#[path = "common/lines.rs"]
mod lines;

use panlog::csv::Flags;
use panlog::framing::FramerConfig;
use panlog::reader::LogReader;

use panlog::schema::{Fit, LogType, ValueKind};
use panlog::value::ValueError;
use panlog::{ErrorKind, Log, Parser};

fn case(name: &str) -> &'static str {
    lines::CASES.iter().find(|c| c.name == name).unwrap().line
}

/// The good record placed after every bad input.
fn good() -> &'static str {
    case("SYSTEM_10_1")
}

/// A TRAFFIC record with column `index` replaced by `text`.
fn traffic_with(index: usize, text: &str) -> String {
    let line = case("TRAFFIC_6_1");
    let mut cols: Vec<&str> = line.split(',').collect();
    cols[index] = text;
    cols.join(",")
}

/// What one bad input must give.
enum Expect {
    /// A record error: the kind (checked by the closure) on this line and field.
    Error(fn(&ErrorKind) -> bool, u64, Option<usize>),
    /// A record that parses (leniently); the closure checks it.
    Log(fn(&Log<'_>)),
    /// A record that parses, whose typed getter reports this error at this field.
    Getter(fn(&Log<'_>) -> Option<panlog::Error>, ValueError, usize),
    /// Nothing at all (blank input is skipped).
    Nothing,
}

struct Bad {
    name: &'static str,
    input: Vec<u8>,
    /// A lower record limit than the default.
    max: Option<usize>,
    /// `Parser::strict`.
    strict: bool,
    /// How many logs the bad input itself yields.
    logs: usize,
    expect: Expect,
}

impl Bad {
    fn config(&self) -> FramerConfig {
        self.max.map_or(FramerConfig::new(), |m| {
            FramerConfig::new().max_record_len(m)
        })
    }

    fn parser(&self) -> Parser {
        Parser::new().strict(self.strict)
    }
}

fn bad(name: &'static str, input: impl Into<Vec<u8>>, expect: Expect) -> Bad {
    let logs = usize::from(matches!(expect, Expect::Log(_) | Expect::Getter(..)));
    Bad {
        name,
        input: input.into(),
        max: None,
        strict: false,
        logs,
        expect,
    }
}

/// `text` as bytes, with every `marker` byte replaced by `byte`.
fn with_byte(text: String, marker: u8, byte: u8) -> Vec<u8> {
    text.into_bytes()
        .into_iter()
        .map(|b| if b == marker { byte } else { b })
        .collect()
}

fn table() -> Vec<Bad> {
    use Expect::*;
    let long_quoted = format!("{},\"{}\"", good(), "x".repeat(1 << 20));
    let commas = ",".repeat(10_000);
    let braces = format!("{},{}", good(), "{".repeat(5000));
    let mut t = vec![
        bad(
            "truncated record (or firmware older than the tables)",
            &case("TRAFFIC_6_1")[..150],
            Log(|l| {
                assert_eq!(
                    (l.log_type(), l.fit(), l.len()),
                    (LogType::Traffic, Fit::Older, 16)
                );
                assert_eq!(l.get("rule").unwrap(), "allow-web");
                assert_eq!(l.get("from"), None);
            }),
        ),
        bad(
            "unbalanced quote at the end of a record",
            format!("{},\"never closed", good()),
            Log(|l| assert!(l.csv_flags().contains(Flags::UNTERMINATED))),
        ),
        Bad {
            logs: 2,
            ..bad(
                "unbalanced quote in the middle does not swallow the next line",
                format!("{},\"never closed\n{}", good(), good()),
                Log(|l| {
                    assert!(l.csv_flags().contains(Flags::UNTERMINATED));
                    assert_eq!(l.extra().next().unwrap().raw(), b"never closed");
                }),
            )
        },
        bad(
            "quote in the middle of an unquoted field",
            good().replacen("general", "gen\"eral", 1),
            Log(|l| {
                assert!(l.csv_flags().contains(Flags::STRAY_QUOTE));
                assert_eq!(l.subtype().unwrap(), "gen\"eral");
            }),
        ),
        bad(
            "bytes after a closing quote",
            good().replacen(",general,", ",\"gen\"eral,", 1),
            Log(|l| assert!(l.csv_flags().contains(Flags::TRAILING_BYTES))),
        ),
        bad(
            "overlong record",
            format!("{},{}", good(), "y".repeat(70_000)),
            Error(
                |k| matches!(k, ErrorKind::RecordTooLong { limit: 65536, .. }),
                1,
                None,
            ),
        ),
        bad(
            "a 1 MB quoted field",
            long_quoted,
            Error(|k| matches!(k, ErrorKind::RecordTooLong { .. }), 1, None),
        ),
        bad(
            "only a syslog header",
            "<14>Mar  5 14:22:07 fw-1 ",
            Error(|k| matches!(k, ErrorKind::EmptyRecord), 1, None),
        ),
        bad(
            "an RFC 5424 header without body",
            "<14>1 2024-03-05T14:22:07Z fw-1 - - - -",
            Error(|k| matches!(k, ErrorKind::EmptyRecord), 1, None),
        ),
        bad(
            "whitespace only",
            "   \t ",
            Error(|k| matches!(k, ErrorKind::EmptyRecord), 1, None),
        ),
        bad("blank lines", "\n\r\n\n", Nothing),
        bad(
            "NUL bytes in a field",
            good().replacen("auth-success", "auth\0success", 1),
            Log(|l| assert_eq!(l.get("eventid").unwrap(), "auth\0success")),
        ),
        bad(
            "invalid UTF-8 in a text field",
            [
                &good().as_bytes()[..60],
                b"\xff\xfe",
                &good().as_bytes()[60..],
            ]
            .concat(),
            Log(|l| assert!(l.iter().any(|(_, f)| f.to_str().is_err()))),
        ),
        bad(
            "invalid UTF-8 in a port",
            with_byte(traffic_with(24, "53~1"), b'~', 0xff),
            Getter(|l| l.port("sport").err(), ValueError::NotUtf8, 24),
        ),
        Bad {
            logs: 2,
            ..bad(
                "CR without LF between records",
                format!("{}\r{}", good(), good()),
                Log(|l| assert_eq!(l.fit(), Fit::Known)),
            )
        },
        bad(
            "CRLF line ends",
            format!("{}\r\n", good()),
            Log(|l| assert_eq!(l.get("device_name").unwrap(), "fw1")),
        ),
        bad(
            "octet count larger than the frame",
            {
                let frame = format!("<14>1 - fw-1 - - - - {}", good());
                format!(
                    "{} {frame}{} <14>1 - fw-1 - - - - {}",
                    frame.len() + 30,
                    frame.len(),
                    good()
                )
            },
            Error(|k| matches!(k, ErrorKind::BadOctetCount { .. }), 1, None),
        ),
        bad(
            "octet count smaller than the frame",
            {
                let frame = format!("<14>1 - fw-1 - - - - {}", good());
                format!("{} {frame}\n", frame.len() - 40)
            },
            Error(|k| matches!(k, ErrorKind::BadOctetCount { .. }), 1, None),
        ),
        bad(
            "octet count that runs past the end of input",
            "500 <14>1 - fw-1 - - - - 1,2024",
            Error(
                |k| matches!(k, ErrorKind::BadOctetCount { announced: 500 }),
                1,
                None,
            ),
        ),
        bad(
            "non-numeric port",
            traffic_with(24, "http"),
            Getter(|l| l.port("sport").err(), ValueError::NotANumber, 24),
        ),
        bad(
            "port above 65535 is kept and flagged",
            traffic_with(25, "130000"),
            Log(|l| {
                let p = l.port("dport").unwrap().unwrap();
                assert_eq!((p.get(), p.is_valid()), (130000, false));
            }),
        ),
        bad(
            "port above u32",
            traffic_with(25, "99999999999"),
            Getter(|l| l.port("dport").err(), ValueError::Overflow, 25),
        ),
        bad(
            "bad IP",
            traffic_with(7, "10.0.0.256"),
            Getter(|l| l.ip("src").err(), ValueError::NotAnIp, 7),
        ),
        bad(
            "bad timestamp",
            traffic_with(35, "yesterday"),
            Getter(
                |l| l.timestamp("start").err(),
                ValueError::NotATimestamp,
                35,
            ),
        ),
        bad(
            "out-of-range timestamp",
            traffic_with(35, "2024/02/30 10:00:00"),
            Getter(|l| l.timestamp("start").err(), ValueError::OutOfRange, 35),
        ),
        bad(
            "out-of-range time of day",
            traffic_with(1, "2024/03/05 25:61:00"),
            Getter(|l| l.receive_time().err(), ValueError::OutOfRange, 1),
        ),
        bad(
            "bad hex flags",
            traffic_with(28, "0xZZ"),
            Getter(|l| l.session_flags().err(), ValueError::NotHex, 28),
        ),
        bad(
            "session flags over 32 bits",
            traffic_with(28, "0x100000000"),
            Getter(|l| l.session_flags().err(), ValueError::Overflow, 28),
        ),
        bad(
            "negative counter",
            traffic_with(31, "-5"),
            Getter(|l| l.u64("bytes").err(), ValueError::NotANumber, 31),
        ),
        bad(
            "empty type",
            "1,2024/03/05 14:22:07,0128,,end,2561,2024/03/05 14:22:07",
            Error(
                |k| matches!(k, ErrorKind::NoLogType { count: 7 }),
                1,
                Some(3),
            ),
        ),
        bad(
            "unknown type",
            "1,2024/03/05 14:22:07,0128,FUTURETYPE,x,2817,2024/03/05 14:22:07,a,b",
            Log(|l| {
                assert_eq!(
                    (l.log_type(), l.fit()),
                    (LogType::Unknown, Fit::UnknownType)
                );
                assert_eq!(l.extra().count(), 2);
            }),
        ),
        bad(
            "the column-name row of the web interface's CSV export",
            "Domain,Receive Time,Serial #,Type,Threat/Content Type,Config Version,Generate Time,Source address",
            Error(|k| matches!(k, ErrorKind::ColumnNames), 1, None),
        ),
        bad(
            "the column-name row of a search export (Splunk's `_raw` first)",
            "\"_raw\",\"_time\",\"host\",\"source\"",
            Error(|k| matches!(k, ErrorKind::ColumnNames), 1, None),
        ),
        bad(
            "not a PAN-OS log at all",
            "hello world",
            Error(
                |k| matches!(k, ErrorKind::NoLogType { count: 1 }),
                1,
                Some(3),
            ),
        ),
        bad(
            "a stub that ends after the type column",
            "Apr 30 06:00:00 fw-1 1,2020/02/09 00:00:00,00000000,THREAT,",
            Log(|l| {
                assert_eq!(
                    (l.log_type(), l.fit(), l.len()),
                    (LogType::Threat, Fit::Older, 5)
                );
                assert_eq!(l.header().hostname(), Some("fw-1"));
                assert!(l.receive_time().unwrap().is_some());
            }),
        ),
        Bad {
            strict: true,
            ..bad(
                "too few columns for any layout, with a strict parser",
                "1,2024/03/05 14:22:07,0128,THREAT,url,2561,2024/03/05 14:22:07,10.0.0.1",
                Error(
                    |k| {
                        matches!(
                            k,
                            ErrorKind::TooFewFields {
                                log_type: LogType::Threat,
                                count: 8,
                                min: 42
                            }
                        )
                    },
                    1,
                    None,
                ),
            )
        },
        bad(
            "extra columns",
            format!("{},x,y", good()),
            Log(|l| assert_eq!(l.fit(), Fit::Extra(2))),
        ),
        bad(
            "a header with commas",
            format!("<14>Mar  5 14:22:07 fw,01 {}", good()),
            Log(|l| {
                assert_eq!(l.header().hostname(), Some("fw,01"));
                assert_eq!(l.log_type(), LogType::System);
            }),
        ),
        bad(
            "10 000 empty fields",
            commas,
            Error(
                |k| matches!(k, ErrorKind::NoLogType { count: 10_001 }),
                1,
                Some(3),
            ),
        ),
        bad(
            "10 000 empty fields after a good record's columns",
            format!("{}{}", good(), ",".repeat(10_000)),
            Log(|l| assert_eq!(l.fit(), Fit::Extra(10_000))),
        ),
        bad(
            "deeply unbalanced braces",
            braces,
            Log(|l| assert!(l.csv_flags().contains(Flags::UNBALANCED_BRACE))),
        ),
        bad(
            "a placeholder high-resolution time",
            good().replacen(
                "2024-03-05T14:22:07.118+01:00",
                "1969-12-31T16:00:00.000-08:00",
                1,
            ),
            Log(|l| assert_eq!(l.high_res_timestamp().unwrap(), None)),
        ),
        // The header shapes real devices and collectors send.
        bad(
            "the AUDIT form: BSD time, host, then serial without `1,`",
            "Mar  5 14:22:07 fw-1 012801096514,2024/03/05 14:22:07,AUDIT,2561,gui-op,admin,\"<show/>\",success",
            Log(|l| {
                assert_eq!(l.log_type(), LogType::Audit);
                assert_eq!(l.header().hostname(), Some("fw-1"));
                assert_eq!(l.get("serial").unwrap(), "012801096514");
                assert!(l.time_generated().unwrap().is_some());
            }),
        ),
        bad(
            "a garbled receive time",
            good().replacen("2024/03/05 14:22:07", "2024/03/05 - - - 14:22:07", 1),
            Log(|l| {
                assert_eq!(l.log_type(), LogType::System);
                let t = l.receive_time().unwrap().unwrap();
                assert_eq!(t.to_rfc3339(), "2024-03-05T14:22:07+00:00");
            }),
        ),
        bad(
            "a leading colon before the body",
            format!("<14>Mar  5 14:22:07 fw-1: {}", good()),
            Log(|l| {
                assert_eq!(
                    (l.log_type(), l.header().hostname()),
                    (LogType::System, Some("fw-1"))
                );
                assert_eq!(l.get("future_use_0").unwrap(), "1");
            }),
        ),
        bad(
            "a bare colon before a header-less body",
            format!(": {}", good()),
            Log(|l| assert_eq!((l.log_type(), l.len()), (LogType::System, 26))),
        ),
        bad(
            "serial `unknown` and an empty serial",
            good().replacen("012801096514", "unknown", 1),
            Log(|l| assert_eq!(l.get("serial").unwrap(), "unknown")),
        ),
        bad(
            "HIP-MATCH spelled with a hyphen",
            case("HIPMATCH_6_1").replacen("HIPMATCH", "HIP-MATCH", 1),
            Log(|l| {
                assert_eq!(l.log_type(), LogType::HipMatch);
                assert_eq!(l.ip("src").unwrap(), Some("10.20.1.15".parse().unwrap()));
            }),
        ),
        bad(
            "tunnel inspection typed START",
            case("TUNNEL_8_0"),
            Log(|l| assert_eq!(l.log_type(), LogType::Tunnel)),
        ),
        bad(
            "an octet-counted frame without PRI",
            format!("{} {}", good().len(), good()),
            Log(|l| {
                assert_eq!(l.get("future_use_0").unwrap(), "1");
                assert_eq!(l.log_type(), LogType::System);
            }),
        ),
        bad(
            "RFC 5424 without PRI, body without `1,` (Strata forwarding)",
            "1 2022-10-11T17:19:35.782Z stream-logfwd20 logforwarder - panwlogs - 2022-10-11T17:14:30.000000Z,no-serial,SYSTEM,general,10.0,2022-10-11T17:14:09.000000Z,,general,,,,general,low,x",
            Log(|l| {
                assert_eq!(l.header().hostname(), Some("stream-logfwd20"));
                assert_eq!(l.log_type(), LogType::System);
                assert_eq!(l.get("serial").unwrap(), "no-serial");
                assert_eq!(l.get("opaque").unwrap(), "x");
            }),
        ),
        bad(
            "a body without `1,` and no header",
            good().replacen("1,", "", 1),
            Log(|l| {
                assert_eq!((l.log_type(), l.len()), (LogType::System, 26));
                assert_eq!(l.get("future_use_0"), None);
                assert_eq!(l.get("eventid").unwrap(), "auth-success");
            }),
        ),
        bad(
            "the type in the subtype column (Strata's DECRYPTION)",
            "1,2020-10-13T01:11:23.000000Z,007051000113358,,DECRYPTION,10.0,2020-10-13T01:11:05.000000Z,10.0.0.1,10.0.0.2",
            Log(|l| {
                assert_eq!((l.log_type(), l.fit()), (LogType::Decryption, Fit::Older));
                assert_eq!(l.ip("src").unwrap(), Some("10.0.0.1".parse().unwrap()));
            }),
        ),
        // One bad record per keyed shape: an error with its position, and
        // the next record survives.
        bad(
            "a CEF header cut short",
            "CEF:0|Palo Alto Networks",
            Error(
                |k| matches!(k, ErrorKind::Malformed { shape: "CEF", .. }),
                1,
                None,
            ),
        ),
        bad(
            "a LEEF header cut short",
            "<14>Mar  5 14:22:07 fw LEEF:1.0|Palo Alto Networks|PAN-OS",
            Error(
                |k| matches!(k, ErrorKind::Malformed { shape: "LEEF", .. }),
                1,
                None,
            ),
        ),
        bad(
            "a JSON object cut short",
            r#"{"LogType":"TRAFFIC","SourceAddress":"10.0.0.1""#,
            Error(
                |k| matches!(k, ErrorKind::Malformed { shape: "JSON", .. }),
                1,
                None,
            ),
        ),
        bad(
            "a CEF value with an unescaped `=` and a stray backslash",
            r"CEF:0|Palo Alto Networks|PAN-OS|10.1|url|THREAT|1|src=10.0.0.1 request=a?b=c\ cs1=r",
            Log(|l| {
                assert_eq!(l.log_type(), LogType::Threat);
                assert_eq!(l.get("misc").unwrap(), "a?b=c\\");
                assert_eq!(l.get("rule").unwrap(), "r");
            }),
        ),
        bad(
            "a JSON record with a type no table knows",
            r#"{"LogType":"EMAIL","SourceAddress":"10.0.0.1","MailResponse":"x"}"#,
            Log(|l| {
                assert_eq!(l.log_type(), LogType::Unknown);
                assert_eq!(l.get("MailResponse").unwrap(), "x");
            }),
        ),
        bad(
            "a garbage version column",
            good().replacen(",2561,", ",ten,", 1),
            Log(|l| assert_eq!(l.version(), None)),
        ),
    ];
    t.push(Bad {
        strict: true,
        ..bad(
            "strict: a column count no version writes",
            format!("{},0,0,0", case("SYSTEM_6_1")),
            Error(
                |k| {
                    matches!(
                        k,
                        ErrorKind::UnlistedFieldCount {
                            log_type: LogType::System,
                            count: 20
                        }
                    )
                },
                1,
                None,
            ),
        )
    });
    t.push(Bad {
        strict: true,
        ..bad(
            "strict: a stray quote",
            good().replacen("general", "gen\"eral", 1),
            Error(|k| matches!(k, ErrorKind::MalformedCsv { .. }), 1, Some(4)),
        )
    });
    t.push(Bad {
        max: Some(1024),
        ..bad(
            "a lower record limit",
            format!("{}{}", good(), ",x".repeat(600)),
            Error(
                |k| matches!(k, ErrorKind::RecordTooLong { limit: 1024, .. }),
                1,
                None,
            ),
        )
    });
    t
}

enum Out {
    Log(String),
    Err(String, panlog::Position),
}

fn run(input: &[u8], config: FramerConfig, parser: Parser, check: impl Fn(&Log<'_>)) -> Vec<Out> {
    let mut reader = LogReader::with_config(input, config).with_parser(parser);
    let mut out = Vec::new();
    let mut first = true;
    while let Some(result) = reader.next_log() {
        match result {
            Ok(log) => {
                if first {
                    check(&log);
                }
                out.push(Out::Log(String::from_utf8_lossy(log.body()).into_owned()));
            }
            Err(e) => out.push(Out::Err(format!("{:?}", e.kind()), e.position())),
        }
        first = false;
    }
    out
}

#[test]
fn every_bad_input_gives_its_outcome_and_the_next_record_survives() {
    let table = table();
    assert!(table.len() >= 30, "{} cases", table.len());
    for bad in &table {
        let mut input = bad.input.clone();
        input.push(b'\n');
        input.extend_from_slice(good().as_bytes());
        input.push(b'\n');
        let check: Box<dyn Fn(&Log<'_>)> = match &bad.expect {
            Expect::Log(check) => Box::new(*check),
            Expect::Getter(get, error, field) => {
                let (get, error, field) = (*get, *error, *field);
                Box::new(move |l: &Log<'_>| {
                    let e = get(l).unwrap_or_else(|| panic!("no error from the getter"));
                    match e.kind() {
                        ErrorKind::InvalidValue { error: got, .. } => assert_eq!(*got, error),
                        other => panic!("{other:?}"),
                    }
                    assert_eq!(e.position().field, Some(field));
                    assert_eq!(e.position().line, 1);
                })
            }
            _ => Box::new(|_: &Log<'_>| {}),
        };
        let out = run(&input, bad.config(), bad.parser(), check);
        let last = out
            .last()
            .unwrap_or_else(|| panic!("{}: no output", bad.name));
        assert!(
            matches!(last, Out::Log(body) if body == good()),
            "{}: the good record after the bad input is lost",
            bad.name
        );
        match &bad.expect {
            Expect::Error(kind, line, field) => {
                assert_eq!(
                    out.len(),
                    2,
                    "{}: one error, then the good record",
                    bad.name
                );
                let Out::Err(got, pos) = &out[0] else {
                    panic!("{}: no error", bad.name)
                };
                let mut reader =
                    LogReader::with_config(&input[..], bad.config()).with_parser(bad.parser());
                let err = reader.next_log().unwrap().unwrap_err();
                assert!(kind(err.kind()), "{}: got {got}", bad.name);
                assert_eq!(
                    (pos.record, pos.line, pos.byte),
                    (1, *line, 0),
                    "{}",
                    bad.name
                );
                assert_eq!(pos.field, *field, "{}", bad.name);
            }
            Expect::Log(_) | Expect::Getter(..) => {
                assert!(matches!(out[0], Out::Log(_)), "{}: not parsed", bad.name);
                assert_eq!(out.len(), bad.logs + 1, "{}", bad.name);
            }
            Expect::Nothing => assert_eq!(out.len(), 1, "{}", bad.name),
        }
    }
}

/// Every bad input of the table in one stream, good records between them:
/// nothing lost, nothing invented.
#[test]
fn a_stream_of_bad_and_good_records_loses_and_invents_nothing() {
    let mut input = Vec::new();
    let (mut good_records, mut errors, mut lenient) = (0, 0, 0);
    for bad in table() {
        if bad.max.is_some() || bad.strict || matches!(bad.expect, Expect::Nothing) {
            continue;
        }
        input.extend_from_slice(good().as_bytes());
        input.push(b'\n');
        good_records += 1;
        input.extend_from_slice(&bad.input);
        input.push(b'\n');
        match bad.expect {
            Expect::Error(..) => errors += 1,
            _ => lenient += bad.logs,
        }
    }
    input.extend_from_slice(good().as_bytes());
    good_records += 1;
    let out = run(&input, FramerConfig::new(), Parser::new(), |_| {});
    let logs = out.iter().filter(|o| matches!(o, Out::Log(_))).count();
    let errs: Vec<_> = out
        .iter()
        .filter_map(|o| match o {
            Out::Err(k, p) => Some(format!("{k} at line {}", p.line)),
            _ => None,
        })
        .collect();
    assert_eq!(errs.len(), errors, "{errs:#?}");
    assert_eq!(logs, good_records + lenient);
    // The same from the sans-IO framer in small chunks, then its end.
    let mut framer = panlog::framing::Framer::new();
    let mut parser = Parser::new();
    let (mut logs2, mut errs2) = (0, 0);
    let mut drain = |framer: &mut panlog::framing::Framer| {
        while let Some(r) = framer.next_record() {
            match r.map(|r| parser.parse_record(r).is_ok()) {
                Ok(true) => logs2 += 1,
                _ => errs2 += 1,
            }
        }
    };
    for chunk in input.chunks(97) {
        framer.push(chunk);
        drain(&mut framer);
    }
    framer.finish();
    drain(&mut framer);
    assert_eq!((logs2, errs2), (logs, errs.len()));
}

#[test]
fn value_kinds_in_errors_name_the_field() {
    let line = traffic_with(7, "10.0.0.256");
    let log = panlog::parse(line.as_bytes()).unwrap();
    let err = log.ip("src").unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::InvalidValue {
            field: "src",
            kind: ValueKind::Ip,
            ..
        }
    ));
    assert!(err.to_string().contains("field \"src\""), "{err}");
}
