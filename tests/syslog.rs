//! The syslog header: every shape PAN-OS (and the collectors in front of it)
//! produce, and lines that only look like one.

use chrono::FixedOffset;
use panlog::syslog::{HeaderFormat, SyslogHeader};

struct Want {
    format: HeaderFormat,
    pri: Option<u8>,
    timestamp: Option<&'static str>,
    hostname: Option<&'static str>,
    app: Option<&'static str>,
    sd: Option<&'static str>,
    body: &'static str,
}

const NONE: Want = Want {
    format: HeaderFormat::None,
    pri: None,
    timestamp: None,
    hostname: None,
    app: None,
    sd: None,
    body: "",
};

fn check(line: &str, want: Want) {
    let (h, body) = SyslogHeader::parse(line.as_bytes());
    assert_eq!(h.format(), want.format, "format of {line:?}");
    assert_eq!(h.priority().map(|p| p.value()), want.pri, "PRI of {line:?}");
    assert_eq!(h.timestamp(), want.timestamp, "timestamp of {line:?}");
    assert_eq!(h.hostname(), want.hostname, "hostname of {line:?}");
    assert_eq!(h.app_name(), want.app, "app of {line:?}");
    assert_eq!(h.structured_data(), want.sd, "SD of {line:?}");
    assert_eq!(
        std::str::from_utf8(body).unwrap(),
        want.body,
        "body of {line:?}"
    );
    // Header and body are the line, in two pieces.
    assert_eq!([h.raw(), body].concat(), line.as_bytes());
}

#[test]
fn bsd_with_hostname() {
    check(
        "<14>Sep 16 10:00:02 PA-1 1,2019/09/16 10:00:02,001801,TRAFFIC",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Sep 16 10:00:02"),
            hostname: Some("PA-1"),
            body: "1,2019/09/16 10:00:02,001801,TRAFFIC",
            ..NONE
        },
    );
}

#[test]
fn bsd_space_padded_day() {
    check(
        "<14>Oct  4 08:00:02 fw.example.com 1,2020/10/04 08:00:02,x",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Oct  4 08:00:02"),
            hostname: Some("fw.example.com"),
            body: "1,2020/10/04 08:00:02,x",
            ..NONE
        },
    );
}

#[test]
fn bsd_without_hostname() {
    check(
        "<14>Nov 30 16:09:33 1,2021/11/11 15:42:44,0070,DECRYPTION",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Nov 30 16:09:33"),
            body: "1,2021/11/11 15:42:44,0070,DECRYPTION",
            ..NONE
        },
    );
}

#[test]
fn bsd_without_pri_or_hostname() {
    check(
        "Jul 13 20:39:44 1,2017/07/13 20:39:44,0009C101317,TRAFFIC,end",
        Want {
            format: HeaderFormat::Rfc3164,
            timestamp: Some("Jul 13 20:39:44"),
            body: "1,2017/07/13 20:39:44,0009C101317,TRAFFIC,end",
            ..NONE
        },
    );
}

#[test]
fn bsd_with_ip_hostname_and_short_date_body() {
    check(
        "<14>Sep 16 10:00:02 10.0.0.1 1,9/16/19 10:00,1801017000,TRAFFIC",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Sep 16 10:00:02"),
            hostname: Some("10.0.0.1"),
            body: "1,9/16/19 10:00,1801017000,TRAFFIC",
            ..NONE
        },
    );
}

#[test]
fn bsd_with_iso_timestamp() {
    check(
        "<14>2020-12-04T16:00:02+01:00 fw 1,2020/12/04 16:00:02,x",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("2020-12-04T16:00:02+01:00"),
            hostname: Some("fw"),
            body: "1,2020/12/04 16:00:02,x",
            ..NONE
        },
    );
}

#[test]
fn bsd_hostname_with_comma_is_not_the_body() {
    check(
        "<14>Sep 16 10:00:02 fw,01 1,2019/09/16 10:00:02,x",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Sep 16 10:00:02"),
            hostname: Some("fw,01"),
            body: "1,2019/09/16 10:00:02,x",
            ..NONE
        },
    );
}

#[test]
fn bsd_header_without_body() {
    check(
        "<14>Sep 16 10:00:02 PA-1",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            timestamp: Some("Sep 16 10:00:02"),
            hostname: Some("PA-1"),
            body: "",
            ..NONE
        },
    );
}

#[test]
fn pri_only() {
    check(
        "<14>1,2020/12/04 16:00:02,x",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            body: "1,2020/12/04 16:00:02,x",
            ..NONE
        },
    );
}

#[test]
fn ietf_all_nil() {
    check(
        "<14>1 2023-10-04T18:54:26+08:00 fw-host - - - - 1,2023/10/04 18:54:26,x",
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(14),
            timestamp: Some("2023-10-04T18:54:26+08:00"),
            hostname: Some("fw-host"),
            body: "1,2023/10/04 18:54:26,x",
            ..NONE
        },
    );
}

#[test]
fn ietf_strata_forwarder() {
    check(
        "<142>1 2020-10-12T21:28:47.110Z stream-logfwd20 logforwarder - panwlogs - 1,2020-10-12T21:28:42.000000Z,007051000113358,TRAFFIC,start,10.0",
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(142),
            timestamp: Some("2020-10-12T21:28:47.110Z"),
            hostname: Some("stream-logfwd20"),
            app: Some("logforwarder"),
            body: "1,2020-10-12T21:28:42.000000Z,007051000113358,TRAFFIC,start,10.0",
            ..NONE
        },
    );
}

#[test]
fn ietf_structured_data_with_commas_and_escapes() {
    check(
        r#"<14>1 2020-12-04T16:00:02+01:00 host app - - [meta x="a,b" y="\"q\" \]"][origin ip="10.0.0.1"] 1,2020/12/04 16:00:02,x"#,
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(14),
            timestamp: Some("2020-12-04T16:00:02+01:00"),
            hostname: Some("host"),
            app: Some("app"),
            sd: Some(r#"[meta x="a,b" y="\"q\" \]"][origin ip="10.0.0.1"]"#),
            body: "1,2020/12/04 16:00:02,x",
        },
    );
}

#[test]
fn ietf_with_bom_and_no_body() {
    check(
        "<14>1 2020-12-04T16:00:02Z h a p m - \u{feff}1,2020/12/04 16:00:02",
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(14),
            timestamp: Some("2020-12-04T16:00:02Z"),
            hostname: Some("h"),
            app: Some("a"),
            body: "1,2020/12/04 16:00:02",
            ..NONE
        },
    );
    check(
        "<14>1 2020-12-04T16:00:02Z h - - - -",
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(14),
            timestamp: Some("2020-12-04T16:00:02Z"),
            hostname: Some("h"),
            body: "",
            ..NONE
        },
    );
}

#[test]
fn no_header() {
    check(
        "1,2020/12/04 16:00:02,016401002222,USERID,login",
        Want {
            body: "1,2020/12/04 16:00:02,016401002222,USERID,login",
            ..NONE
        },
    );
    check(
        "012801000000,2023/01/01 00:00:00,audit,2561",
        Want {
            body: "012801000000,2023/01/01 00:00:00,audit,2561",
            ..NONE
        },
    );
    check("", NONE);
}

#[test]
fn broken_headers_leave_the_line_whole_or_typed() {
    // PRI out of range: not a header.
    check(
        "<999>Sep 16 10:00:02 fw 1,x",
        Want {
            body: "<999>Sep 16 10:00:02 fw 1,x",
            ..NONE
        },
    );
    // A month that is no month: only the PRI is recognised.
    check(
        "<14>Foo 16 10:00:02 fw 1,x",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            body: "Foo 16 10:00:02 fw 1,x",
            ..NONE
        },
    );
    // RFC 5424 with a missing field: read as BSD (PRI only).
    check(
        "<14>1 2020-12-04T16:00:02Z",
        Want {
            format: HeaderFormat::Rfc3164,
            pri: Some(14),
            body: "1 2020-12-04T16:00:02Z",
            ..NONE
        },
    );
}

#[test]
fn header_datetimes() {
    let plus2 = FixedOffset::east_opt(2 * 3600).unwrap();
    let (h, _) = SyslogHeader::parse(b"<14>Feb 29 23:59:59 fw 1,2020/02/29 23:59:59");
    assert_eq!(
        h.datetime(2020, plus2).unwrap().to_rfc3339(),
        "2020-02-29T23:59:59+02:00"
    );
    assert!(h.datetime(2021, plus2).is_none(), "no Feb 29 in 2021");
    let (h, _) = SyslogHeader::parse(b"<14>1 2020-10-12T21:28:47.110Z h - - - - 1,x");
    assert_eq!(
        h.datetime(0, plus2).unwrap().to_rfc3339(),
        "2020-10-12T21:28:47.110+00:00"
    );
    let (h, _) = SyslogHeader::parse(b"1,2020/12/04");
    assert!(h.datetime(2020, plus2).is_none());
}

/// `line` is PA-1's SYSTEM record with the header timestamp `timestamp`,
/// which reads as `time` in `zone` (a year-less timestamp in `year`).
fn check_pa1_time(line: &str, timestamp: &'static str, year: i32, zone: FixedOffset, time: &str) {
    check(
        line,
        Want {
            timestamp: Some(timestamp),
            ..PA1_SYSTEM
        },
    );
    let (h, _) = SyslogHeader::parse(line.as_bytes());
    assert_eq!(
        h.datetime(year, zone).expect(line).to_rfc3339(),
        time,
        "{line}"
    );
}

/// PA-1's BSD header and a SYSTEM body, as the cases below expect them.
const PA1_SYSTEM: Want = Want {
    format: HeaderFormat::Rfc3164,
    pri: Some(14),
    timestamp: Some("Mar  5 14:22:07"),
    hostname: Some("PA-1"),
    body: "1,2024/03/05 14:22:07,0018,SYSTEM",
    ..NONE
};

/// What a relay or a writer puts between the header and the body (a TAB
/// instead of a space, a UTF-8 byte order mark) is not the record's.
#[test]
fn a_tab_or_a_byte_order_mark_before_the_body_is_not_the_records() {
    check(
        "\u{feff}1,2024/03/05 14:22:07,0018,SYSTEM",
        Want {
            body: "1,2024/03/05 14:22:07,0018,SYSTEM",
            ..NONE
        },
    );
    for line in [
        "<14>Mar  5 14:22:07 PA-1\t1,2024/03/05 14:22:07,0018,SYSTEM",
        "<14>Mar  5 14:22:07 PA-1 \u{feff}1,2024/03/05 14:22:07,0018,SYSTEM",
    ] {
        check(line, PA1_SYSTEM);
    }
}

/// A relay that prepends its own header to the device's: the header is the
/// device's (innermost), the relay's PRI kept only when the device's line
/// had none, and the raw header covers both.
#[test]
fn a_relays_header_before_the_devices() {
    check(
        "<13>Mar  5 14:22:08 relay01 <14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
        PA1_SYSTEM,
    );
    check(
        "<14>1 2024-03-05T14:22:08Z relay - - - - <14>1 2024-03-05T14:22:07+01:00 PA-1 pan - - - 1,2024/03/05 14:22:07,0018,SYSTEM",
        Want {
            format: HeaderFormat::Rfc5424,
            pri: Some(14),
            timestamp: Some("2024-03-05T14:22:07+01:00"),
            hostname: Some("PA-1"),
            app: Some("pan"),
            body: "1,2024/03/05 14:22:07,0018,SYSTEM",
            ..NONE
        },
    );
    check(
        "<13>Mar  5 14:22:08 relay01 Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
        Want {
            pri: Some(13),
            ..PA1_SYSTEM
        },
    );
    // A line of nothing but headers ends, with a bounded number of them read.
    let line = "<14>Mar  5 14:22:07 h ".repeat(10_000);
    let (h, body) = SyslogHeader::parse(line.as_bytes());
    assert_eq!([h.raw(), body].concat(), line.as_bytes());
}

/// The cloud forwarder's CSV starts with an ISO time and a comma: without a
/// syslog header in front, that time is the record's first column, not a
/// header (nor is a header after a relay's).
#[test]
fn a_body_that_starts_with_an_iso_time_is_not_a_header() {
    let body = "2024-03-05T14:22:07.000000Z,no-serial,THREAT,url,10.0,2024-03-05T14:22:05.000000Z,10.20.1.15,142.250.74.110,,,allow web,,";
    check(body, Want { body, ..NONE });
    let line = format!("<14>1 2024-03-05T14:22:08.500Z logfwd20 logforwarder - panwlogs - {body}");
    let (h, rest) = SyslogHeader::parse(line.as_bytes());
    assert_eq!(h.hostname(), Some("logfwd20"));
    assert_eq!(rest, body.as_bytes());
    let log = panlog::parse(body.as_bytes()).unwrap();
    assert_eq!(log.log_type(), panlog::schema::LogType::Threat);
    assert_eq!(log.get("serial").unwrap(), "no-serial");
}

/// Header shapes relays and collectors write besides the standard ones:
/// spaces before the line, a space after the PRI, a bare one-digit day, a
/// year after the day, a fraction after the seconds. The year and the
/// fraction are the time's.
#[test]
fn looser_bsd_headers() {
    for line in [
        "  <14>Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
        "<14> Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
    ] {
        check(line, PA1_SYSTEM);
    }
    check(
        "<14>Mar 5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
        Want {
            timestamp: Some("Mar 5 14:22:07"),
            ..PA1_SYSTEM
        },
    );
    check(
        "\t1,2024/03/05 14:22:07,0018,SYSTEM",
        Want {
            body: "1,2024/03/05 14:22:07,0018,SYSTEM",
            ..NONE
        },
    );
    let utc = FixedOffset::east_opt(0).unwrap();
    for (line, timestamp, year, time) in [
        (
            "<14>Mar  5 2023 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "Mar  5 2023 14:22:07",
            2026,
            "2023-03-05T14:22:07+00:00",
        ),
        (
            "<14>Mar  5 14:22:07.250 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "Mar  5 14:22:07.250",
            2024,
            "2024-03-05T14:22:07.250+00:00",
        ),
    ] {
        check_pa1_time(line, timestamp, year, utc, time);
    }
}

/// Collectors' own header forms: the year before the month or after the
/// time, an ISO date with a space for the `T`, and a syslog tag between the
/// hostname and the body. The hostname is the device's, the tag is the
/// header's app name, and the body starts where the record does.
#[test]
fn collector_header_forms() {
    let utc = FixedOffset::east_opt(0).unwrap();
    let plus1 = FixedOffset::east_opt(3600).unwrap();
    for (line, timestamp, time) in [
        (
            "<14>2023 Mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "2023 Mar  5 14:22:07",
            "2023-03-05T14:22:07+01:00",
        ),
        (
            "<14>Mar  5 14:22:07 2023 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "Mar  5 14:22:07 2023",
            "2023-03-05T14:22:07+01:00",
        ),
        (
            "<14>2023-03-05 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "2023-03-05 14:22:07",
            "2023-03-05T14:22:07+01:00",
        ),
        (
            "<14>2023-03-05 14:22:07.5+02:00 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "2023-03-05 14:22:07.5+02:00",
            "2023-03-05T14:22:07.500+02:00",
        ),
        (
            "<14>2023-03-05T14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "2023-03-05T14:22:07",
            "2023-03-05T14:22:07+01:00",
        ),
    ] {
        check_pa1_time(line, timestamp, 2026, plus1, time);
    }
    // A month in capitals or lower case; two spaces around the hostname.
    for (line, timestamp) in [
        (
            "<14>MAR  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "MAR  5 14:22:07",
        ),
        (
            "<14>mar  5 14:22:07 PA-1 1,2024/03/05 14:22:07,0018,SYSTEM",
            "mar  5 14:22:07",
        ),
        (
            "<14>Mar  5 14:22:07  PA-1  1,2024/03/05 14:22:07,0018,SYSTEM",
            "Mar  5 14:22:07",
        ),
    ] {
        let (h, b) = SyslogHeader::parse(line.as_bytes());
        assert_eq!(
            (h.timestamp(), h.hostname()),
            (Some(timestamp), Some("PA-1")),
            "{line}"
        );
        assert_eq!(b, b"1,2024/03/05 14:22:07,0018,SYSTEM", "{line}");
        assert_eq!(
            h.datetime(2024, utc).unwrap().to_rfc3339(),
            "2024-03-05T14:22:07+00:00",
            "{line}"
        );
    }
    // A year after the time, before an IP address hostname.
    let (h, body) = SyslogHeader::parse(b"Mar  5 14:22:07 2023 10.2.3.4 1,2024/03/05");
    assert_eq!(
        (h.hostname(), body),
        (Some("10.2.3.4"), &b"1,2024/03/05"[..])
    );
    assert_eq!(
        h.datetime(2026, utc).unwrap().to_rfc3339(),
        "2023-03-05T14:22:07+00:00"
    );
    // Syslog tags, with and without a process id, before CSV and CEF.
    for (line, app, pid, body) in [
        (
            "<14>Mar  5 14:22:07 PA-1 paloalto: 1,2024/03/05 14:22:07,0018,SYSTEM",
            Some("paloalto"),
            None,
            "1,2024/03/05 14:22:07,0018,SYSTEM",
        ),
        (
            "<14>Mar  5 14:22:07 PA-1 panos[4242]: 1,2024/03/05 14:22:07,0018,SYSTEM",
            Some("panos"),
            Some("4242"),
            "1,2024/03/05 14:22:07,0018,SYSTEM",
        ),
        (
            "<14>Mar  5 14:22:07 PA-1 : 1,2024/03/05 14:22:07,0018,SYSTEM",
            None,
            None,
            "1,2024/03/05 14:22:07,0018,SYSTEM",
        ),
        (
            "<14>Mar  5 14:22:07 PA-1 fw-relay: CEF:0|Palo Alto Networks|PAN-OS|9.1|end|TRAFFIC|1|rt=x",
            Some("fw-relay"),
            None,
            "CEF:0|Palo Alto Networks|PAN-OS|9.1|end|TRAFFIC|1|rt=x",
        ),
        // `CEF: 0|` (a space after the colon) is a body, not a tag.
        (
            "<14>Mar  5 14:22:07 PA-1 CEF: 0|Palo Alto Networks|PAN-OS|6.1|x|THREAT|1|rt=x",
            None,
            None,
            "CEF: 0|Palo Alto Networks|PAN-OS|6.1|x|THREAT|1|rt=x",
        ),
    ] {
        let (h, b) = SyslogHeader::parse(line.as_bytes());
        assert_eq!(h.hostname(), Some("PA-1"), "{line}");
        assert_eq!((h.app_name(), h.proc_id()), (app, pid), "{line}");
        assert_eq!(std::str::from_utf8(b).unwrap(), body, "{line}");
    }
    // A nil tag (`- `), and a nil hostname.
    let (h, b) =
        SyslogHeader::parse(b"<14>Mar  5 14:22:07 PA-1 - 1,2024/03/05 14:22:07,0018,SYSTEM");
    assert_eq!((h.hostname(), h.app_name()), (Some("PA-1"), None));
    assert_eq!(b, b"1,2024/03/05 14:22:07,0018,SYSTEM");
    let (h, b) = SyslogHeader::parse(b"<14>Mar  5 14:22:07 - 1,2024/03/05 14:22:07,0018,SYSTEM");
    assert_eq!(
        (h.hostname(), b),
        (None, &b"1,2024/03/05 14:22:07,0018,SYSTEM"[..])
    );
    // A body whose first column (FUTURE_USE) is empty is not a hostname.
    let (h, b) = SyslogHeader::parse(b"Mar  5 14:22:07 ,2024/03/05 14:22:07,0018,SYSTEM");
    assert_eq!(
        (h.hostname(), b),
        (None, &b",2024/03/05 14:22:07,0018,SYSTEM"[..])
    );
    // A tag-like word that a body does not follow is the body's.
    let (h, b) = SyslogHeader::parse(b"<14>Mar  5 14:22:07 PA-1 note: free text");
    assert_eq!((h.app_name(), b), (None, &b"note: free text"[..]));
}

/// Words before a CSV body that no header rule reads (a collector's own date
/// form, an anonymised `May 00` date, a doubled hostname, RFC 5424's `-` SD
/// followed by two spaces) are the header's: the body's first column is `1`,
/// not the words.
#[test]
fn words_before_the_body_are_the_header() {
    const BODY: &str = "1,2024/03/05 14:22:07,0018,SYSTEM";
    for (head, format, host) in [
        (
            "15 Mar 2024 14:22:07 PA-1 ",
            HeaderFormat::Other,
            Some("PA-1"),
        ),
        (
            "2024/03/05 14:22:07 PA-1 ",
            HeaderFormat::Other,
            Some("PA-1"),
        ),
        (
            "May 00 00:00:00 XXX-XX-00 ",
            HeaderFormat::Other,
            Some("XXX-XX-00"),
        ),
        (
            "<14>Mar  5 14:22:07 PA-1 PA-1 ",
            HeaderFormat::Rfc3164,
            Some("PA-1"),
        ),
        (
            "<14>Mar  5 14:22:07 PA-1 %PAN-6: ",
            HeaderFormat::Rfc3164,
            Some("PA-1"),
        ),
        (
            "<14>1 2024-03-05T14:22:07Z fw - - - -  ",
            HeaderFormat::Rfc5424,
            Some("fw"),
        ),
        ("relay 10:20:30 ", HeaderFormat::Other, None),
    ] {
        let line = format!("{head}{BODY}");
        let (h, b) = SyslogHeader::parse(line.as_bytes());
        assert_eq!(std::str::from_utf8(b).unwrap(), BODY, "{line}");
        assert_eq!((h.format(), h.hostname()), (format, host), "{line}");
        assert_eq!(h.raw(), head.as_bytes(), "{line}");
        let log = panlog::parse(line.as_bytes()).unwrap();
        assert_eq!(
            (
                log.get("future_use_0").as_deref(),
                log.get("type").as_deref()
            ),
            (Some("1"), Some("SYSTEM")),
            "{line}"
        );
    }
    // Keyed bodies and quoted lines are not searched for a CSV body.
    for line in [
        "src=10.0.0.1 note 1,2024/03/05 14:22:07",
        "CEF:0|Palo Alto Networks|PAN-OS|9.1|x|y 1,2024/03/05 14:22:07",
        "\"<14>Mar  5 PA-1 1,2024/03/05 14:22:07",
    ] {
        let (h, b) = SyslogHeader::parse(line.as_bytes());
        assert_eq!((h.raw(), b), (&b""[..], line.as_bytes()), "{line}");
    }
}
