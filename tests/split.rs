//! The splitter: a table of cases, agreement with the byte-loop oracle and
//! with the `csv` crate, and the quote-join-split round trip.

#[path = "common/oracle.rs"]
mod oracle;

use panlog::csv::{Fields, Flags, Splitter};
use proptest::prelude::*;

/// Splits `line` and returns each field's value and flags.
fn split_with(splitter: Splitter, line: &[u8]) -> (Vec<(String, Flags)>, Flags) {
    let mut fields = Fields::new();
    let flags = splitter.split(line, &mut fields);
    let got = fields
        .iter(line)
        .map(|f| (f.to_str_lossy().into_owned(), f.flags()))
        .collect();
    (got, flags)
}

const NONE: Flags = Flags::empty();
const Q: Flags = Flags::QUOTED;

/// `case!(name, input, [(value, flags)...], record_flags)`: runs the input
/// through the splitter and checks values, flags and the oracle's spans.
macro_rules! case {
    ($name:ident, $input:expr, [$(($v:expr, $f:expr)),* $(,)?], $rec:expr) => {
        case!($name, Splitter::new(), $input, [$(($v, $f)),*], $rec);
    };
    ($name:ident, $splitter:expr, $input:expr, [$(($v:expr, $f:expr)),* $(,)?], $rec:expr) => {
        #[test]
        fn $name() {
            let input: &[u8] = $input;
            let splitter: Splitter = $splitter;
            let (got, rec) = split_with(splitter, input);
            let want: Vec<(String, Flags)> = vec![$(($v.to_string(), $f)),*];
            assert_eq!(got, want, "fields of {:?}", String::from_utf8_lossy(input));
            assert_eq!(rec, $rec, "record flags");
            assert_same_as_oracle(splitter, input);
        }
    };
}

fn assert_same_as_oracle(splitter: Splitter, input: &[u8]) {
    let mut fields = Fields::new();
    let flags = splitter.split(input, &mut fields);
    let spans: Vec<(usize, usize, u8)> = fields
        .spans()
        .iter()
        .map(|s| (s.start(), s.end(), s.flags().bits()))
        .collect();
    let (want, want_flags) = oracle::split(input, splitter.handles_braces());
    assert_eq!(spans, want, "spans of {:?}", String::from_utf8_lossy(input));
    assert_eq!(
        flags.bits(),
        want_flags,
        "record flags of {:?}",
        String::from_utf8_lossy(input)
    );
    for (span, o) in fields.spans().iter().zip(&want) {
        assert_eq!(
            &*span.field(input).unescaped(),
            &oracle::value(input, *o)[..]
        );
    }
}

case!(empty_record, b"", [("", NONE)], NONE);
case!(one_field, b"abc", [("abc", NONE)], NONE);
case!(
    plain,
    b"1,2020/12/04 16:00:02,TRAFFIC",
    [
        ("1", NONE),
        ("2020/12/04 16:00:02", NONE),
        ("TRAFFIC", NONE)
    ],
    NONE
);
case!(
    empty_fields,
    b",,",
    [("", NONE), ("", NONE), ("", NONE)],
    Flags::TRAILING_SEPARATOR
);
case!(
    trailing_comma,
    b"a,b,",
    [("a", NONE), ("b", NONE), ("", NONE)],
    Flags::TRAILING_SEPARATOR
);
case!(
    quoted_comma,
    b"a,\"b,c\",d",
    [("a", NONE), ("b,c", Q), ("d", NONE)],
    Q
);
case!(quoted_last, b"a,\"b,c\"", [("a", NONE), ("b,c", Q)], Q);
case!(quoted_first, b"\"a\",b", [("a", Q), ("b", NONE)], Q);
case!(empty_quoted, b"\"\",\"\"", [("", Q), ("", Q)], Q);
case!(
    escaped_quotes,
    br#"x,"filter ""All Logs""",y"#,
    [
        ("x", NONE),
        ("filter \"All Logs\"", Q | Flags::ESCAPED),
        ("y", NONE)
    ],
    Q | Flags::ESCAPED
);
case!(
    only_escaped_quote,
    br#""""""#,
    [("\"", Q | Flags::ESCAPED)],
    Q | Flags::ESCAPED
);
case!(
    quoted_newlines,
    b"a,\"line1\nline2\r\nline3\",b",
    [("a", NONE), ("line1\nline2\r\nline3", Q), ("b", NONE)],
    Q
);
case!(
    backslash_is_plain,
    br#"a\,b,"c\",d"#,
    [("a\\", NONE), ("b", NONE), ("c\\", Q), ("d", NONE)],
    Q
);
case!(
    quoted_then_trailing_comma,
    b"\"a\",",
    [("a", Q), ("", NONE)],
    Q | Flags::TRAILING_SEPARATOR
);
case!(
    stray_quote,
    b"a,b\"c,d",
    [("a", NONE), ("b\"c", Flags::STRAY_QUOTE), ("d", NONE)],
    Flags::STRAY_QUOTE
);
case!(
    stray_quote_at_end,
    b"ab\"",
    [("ab\"", Flags::STRAY_QUOTE)],
    Flags::STRAY_QUOTE
);
case!(
    bytes_after_closing_quote,
    b"\"ab\"cd,e",
    [("\"ab\"cd", Flags::TRAILING_BYTES), ("e", NONE)],
    Flags::TRAILING_BYTES
);
case!(
    bytes_and_quote_after_closing_quote,
    b"\"a\"b\"c",
    [("\"a\"b\"c", Flags::TRAILING_BYTES | Flags::STRAY_QUOTE)],
    Flags::TRAILING_BYTES | Flags::STRAY_QUOTE
);
case!(
    unterminated_quote,
    b"a,\"b,c",
    [("a", NONE), ("b,c", Q | Flags::UNTERMINATED)],
    Q | Flags::UNTERMINATED
);
case!(
    unterminated_with_escape,
    b"\"a\"\"b",
    [("a\"b", Q | Flags::UNTERMINATED | Flags::ESCAPED)],
    Q | Flags::UNTERMINATED | Flags::ESCAPED
);
case!(
    lone_quote,
    b"\"",
    [("", Q | Flags::UNTERMINATED)],
    Q | Flags::UNTERMINATED
);
case!(
    sdwan_link_switches,
    b"x,{wan1, tag1, 100,100,,N/A},y",
    [
        ("x", NONE),
        ("{wan1, tag1, 100,100,,N/A}", Flags::BRACED),
        ("y", NONE)
    ],
    Flags::BRACED
);
case!(
    brace_last,
    b"x,{a,b}",
    [("x", NONE), ("{a,b}", Flags::BRACED)],
    Flags::BRACED
);
case!(
    nested_braces,
    b"{a,{b,c}},d",
    [("{a,{b,c}}", Flags::BRACED), ("d", NONE)],
    Flags::BRACED
);
case!(
    brace_mid_field_is_plain,
    b"a{b,c}",
    [("a{b", NONE), ("c}", NONE)],
    NONE
);
case!(
    bytes_after_brace,
    b"{a,b}c,d",
    [
        ("{a,b}c", Flags::BRACED | Flags::TRAILING_BYTES),
        ("d", NONE)
    ],
    Flags::BRACED | Flags::TRAILING_BYTES
);
case!(
    unbalanced_brace,
    b"{a,b,c",
    [("{a", Flags::UNBALANCED_BRACE), ("b", NONE), ("c", NONE)],
    Flags::UNBALANCED_BRACE
);
case!(
    unbalanced_brace_turns_braces_off,
    b"{a,{b},c",
    [("{a", Flags::UNBALANCED_BRACE), ("{b}", NONE), ("c", NONE)],
    Flags::UNBALANCED_BRACE
);
case!(
    braces_off,
    Splitter::new().braces(false),
    b"x,{a,b},y",
    [("x", NONE), ("{a", NONE), ("b}", NONE), ("y", NONE)],
    NONE
);
case!(
    quote_inside_brace_is_plain,
    b"{a,\"b},c",
    [("{a,\"b}", Flags::BRACED), ("c", NONE)],
    Flags::BRACED
);
case!(
    nul_and_high_bytes,
    b"a\0b,\xff\xfe",
    [("a\0b", NONE), ("\u{fffd}\u{fffd}", NONE)],
    NONE
);
case!(
    long_fields_cross_words,
    b"aaaaaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbb\"bbbbbbbbb,c",
    [
        ("aaaaaaaaaaaaaaaaaaaaaaaaa", NONE),
        ("bbbbbbbbbbbbbbbbb\"bbbbbbbbb", Flags::STRAY_QUOTE),
        ("c", NONE)
    ],
    Flags::STRAY_QUOTE
);

#[test]
fn seed_threat_line() {
    // A THREAT url line in the shape PAN-OS writes it (quoted URL, quoted
    // user agent, quoted category list).
    let line = b"1,2020/12/04 16:00:02,0123,THREAT,url,2561,2020/12/04 16:00:02,10.0.0.1,1.2.3.4,\
\"example.com/path?a=1,b=2\",\"Mozilla/5.0 (X11; Linux x86_64)\",\"computer-and-internet-info,low-risk\",,0x0";
    let (got, flags) = split_with(Splitter::new(), line);
    assert_eq!(got.len(), 14);
    assert_eq!(got[9].0, "example.com/path?a=1,b=2");
    assert_eq!(got[11].0, "computer-and-internet-info,low-risk");
    assert_eq!(got[12].0, "");
    assert!(flags.is_clean());
    assert_same_as_oracle(Splitter::new(), line);
}

#[test]
fn fields_buffer_is_reused() {
    let mut fields = Fields::new();
    let splitter = Splitter::new();
    splitter.split(b"a,b,c,d,e,f", &mut fields);
    splitter.split(b"x", &mut fields);
    assert_eq!(fields.len(), 1);
    assert_eq!(fields.flags(), Flags::empty());
    splitter.split(b"x,\"y", &mut fields);
    splitter.split(b"z", &mut fields);
    assert!(
        fields.flags().is_clean(),
        "flags of the previous record leak"
    );
}

#[test]
fn ten_thousand_empty_fields_and_deep_braces() {
    let line = vec![b','; 10_000];
    let (got, _) = split_with(Splitter::new(), &line);
    assert_eq!(got.len(), 10_001);
    // Unbalanced braces everywhere: still one linear pass, comma-split.
    let line = b"{,".repeat(20_000);
    let (got, flags) = split_with(Splitter::new(), &line);
    assert_eq!(got.len(), 20_001);
    assert!(flags.contains(Flags::UNBALANCED_BRACE));
    assert_same_as_oracle(Splitter::new(), &line);
}

/// Bytes that matter to the splitter, with filler, to make dense inputs.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => Just(b','),
        3 => Just(b'"'),
        2 => Just(b'{'),
        2 => Just(b'}'),
        1 => Just(b'\n'),
        1 => Just(b'\r'),
        1 => Just(b'\\'),
        6 => b'a'..=b'e',
        1 => any::<u8>(),
    ];
    prop::collection::vec(byte, 0..200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn agrees_with_oracle_on_tricky_bytes(input in tricky_bytes(), braces in any::<bool>()) {
        assert_same_as_oracle(Splitter::new().braces(braces), &input);
    }

    #[test]
    fn agrees_with_oracle_on_any_bytes(input in prop::collection::vec(any::<u8>(), 0..300)) {
        assert_same_as_oracle(Splitter::new(), &input);
    }

    #[test]
    fn quote_join_split_round_trips(fields in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..20), 1..20)) {
        let line = fields.iter().map(|f| oracle::quote(f)).collect::<Vec<_>>().join(&b","[..]);
        let mut spans = Fields::new();
        let flags = Splitter::new().split(&line, &mut spans);
        prop_assert!(flags.is_clean());
        let got: Vec<Vec<u8>> = spans.iter(&line).map(|f| f.unescaped().into_owned()).collect();
        prop_assert_eq!(got, fields);
    }

    #[test]
    fn agrees_with_csv_crate_on_rfc4180(fields in prop::collection::vec("[a-c ,\"\r\n]{0,8}", 1..12)) {
        // RFC 4180 writing: quote what needs it (and empty fields, so that
        // a one-field record is never the empty line).
        let line = fields.iter().map(|f| {
            if f.is_empty() || f.contains([',', '"', '\r', '\n']) {
                oracle::quote(f.as_bytes())
            } else {
                f.as_bytes().to_vec()
            }
        }).collect::<Vec<_>>().join(&b","[..]);
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&line[..]);
        let mut record = csv::ByteRecord::new();
        prop_assert!(reader.read_byte_record(&mut record).unwrap());
        let theirs: Vec<Vec<u8>> = record.iter().map(<[u8]>::to_vec).collect();
        let mut spans = Fields::new();
        Splitter::new().braces(false).split(&line, &mut spans);
        let ours: Vec<Vec<u8>> = spans.iter(&line).map(|f| f.unescaped().into_owned()).collect();
        prop_assert_eq!(&ours, &theirs);
        prop_assert_eq!(ours.iter().map(|f| String::from_utf8(f.clone()).unwrap()).collect::<Vec<_>>(), fields);
    }
}
