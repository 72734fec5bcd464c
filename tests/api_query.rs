//! The query builder renders the article's queries exactly as the article
//! writes them (`corpus/seed/xml-api-article.txt`), and the request
//! parameters in its order.

#[path = "common/shared.rs"]
mod shared;

use chrono::NaiveDate;
use panlog::api::{ApiLogType, Limit, LogQuery, Query, job_params};

fn article() -> Option<String> {
    let path = shared::path("corpus/seed/xml-api-article.txt", "api_query")?;
    // The article's typography turned some quotes into ‘ ’.
    Some(
        std::fs::read_to_string(path)
            .unwrap()
            .replace(['‘', '’'], "'"),
    )
}

fn day(d: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2016, 12, d)
        .unwrap()
        .and_hms_opt(10, 0, 1)
        .unwrap()
}

#[test]
fn the_articles_queries_render_as_written() {
    let Some(text) = article() else { return };
    let range = Query::received_between(day(13), day(14));
    let rendered = [
        range.to_string(),
        format!("threat: {}", Query::preset("virus").unwrap().1.compact()),
        format!("threat: {}", Query::preset("spyware").unwrap().1.compact()),
        format!("threat: {}", Query::preset("brute-force-ssh").unwrap().1),
        format!("threat: {}", Query::preset("brute-force-mail").unwrap().1),
        format!("threat: {}", Query::preset("brute-force-sip").unwrap().1),
        format!("traffic: {}", Query::preset("cnc").unwrap().1.compact()),
        Query::eq("device_name", "PA_CorporationHQ").to_string(),
        Query::threat_name("MAIL: User Login Brute Force Attempt")
            .and(range.clone())
            .and(Query::eq("device_name", "PA_CorporationHQ"))
            .to_string(),
    ];
    for query in rendered {
        assert!(
            text.contains(&query),
            "the article does not write {query:?}"
        );
    }
    assert_eq!(Query::preset("cnc").unwrap().0, ApiLogType::Traffic);
}

#[test]
fn request_parameters_follow_the_article() {
    let Some(text) = article() else { return };
    let request = LogQuery::new(ApiLogType::Threat).nlogs(1000).skip(0);
    let url: Vec<String> = request
        .params()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert!(
        text.contains(&format!("?{}&key=", url.join("&"))),
        "{url:?}"
    );
    let poll: Vec<String> = job_params(384)
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert!(
        text.contains(&format!("?{}&key=", poll.join("&"))),
        "{poll:?}"
    );
}

#[test]
fn paging_respects_the_limits() {
    let request = LogQuery::new(ApiLogType::Traffic).query(Query::eq("rule", "cnc"));
    for (limit, per) in [
        (Limit::Firewall, 5000),
        (Limit::Panorama, 1000),
        (Limit::Custom(250), 250),
    ] {
        let pages: Vec<LogQuery> = request.pages(12_345, limit).collect();
        let mut next = 0u64;
        let mut total = 0u64;
        for page in &pages {
            let params = page.params();
            let nlogs: u64 = params[2].1.parse().unwrap();
            let skip: u64 = params[3].1.parse().unwrap();
            assert!(nlogs <= per && nlogs > 0);
            assert_eq!(skip, next);
            assert_eq!(params[4], ("query", "( rule eq cnc )".to_string()));
            next += nlogs;
            total += nlogs;
        }
        assert_eq!(total, 12_345);
        assert_eq!(pages.len() as u64, 12_345u64.div_ceil(per));
    }
    assert_eq!(request.pages(0, Limit::Firewall).count(), 0);
}

#[test]
fn quoting() {
    assert_eq!(
        Query::eq("srcuser", "corp\\jdoe").to_string(),
        r"( srcuser eq 'corp\jdoe' )"
    );
    assert_eq!(
        Query::eq("misc", "it's").to_string(),
        r"( misc eq 'it\'s' )"
    );
    assert_eq!(Query::eq("misc", "").to_string(), "( misc eq '' )");
    assert_eq!(
        Query::eq("addr.src", "10.0.0.1").to_string(),
        "( addr.src eq 10.0.0.1 )"
    );
    let q = Query::eq("a", "1").and(Query::eq("b", "2").or(Query::eq("c", "3")));
    assert_eq!(q.to_string(), "( a eq 1 ) and ( ( b eq 2 ) or ( c eq 3 ) )");
}

/// Paging that follows the answers: each page's `<logs count>` says whether
/// another follows; no total is needed up front.
#[cfg(feature = "xml")]
#[test]
fn paging_follows_the_answers() {
    use panlog::api::response::XmlReader;
    use panlog::api::{ApiLogType, LogQuery, Query, TimeWindow};
    // A job that found 2300 entries, read 1000 at a time.
    let answer = |count: u64| {
        let entries: String = (0..count)
            .map(|i| format!("<entry><serial>0011</serial><type>SYSTEM</type><subtype>general</subtype><eventid>e{i}</eventid></entry>"))
            .collect();
        format!(
            r#"<response status="success"><result><job><status>FIN</status><cached-logs>{count}</cached-logs></job><log><logs count="{count}" progress="100">{entries}</logs></log></result></response>"#
        )
    };
    let total = 2300u64;
    let mut request = Some(
        LogQuery::new(ApiLogType::System)
            .query(Query::received_within(TimeWindow::Last24Hours))
            .nlogs(1000),
    );
    let (mut read, mut requests) = (0u64, Vec::new());
    while let Some(page) = request {
        let skip: u64 = page.params()[3].1.parse().unwrap();
        let body = answer((total - skip).min(1000));
        let mut reader = XmlReader::new(body.as_bytes());
        let head = reader.head().unwrap();
        read += reader.logs().filter(Result::is_ok).count() as u64;
        requests.push(page.query_string());
        request = page.next_page_after(&head);
    }
    assert_eq!(read, total);
    assert_eq!(requests.len(), 3);
    assert!(requests[2].contains("&skip=2000&"));
    assert!(requests[0].ends_with("query=%28%20receive_time%20in%20last-24-hrs%20%29"));
}

/// The query string decodes back to the parameters.
#[test]
fn query_strings_percent_encode_every_reserved_byte() {
    use panlog::api::{ApiLogType, LogQuery, Query};
    let nasty = "a b&c=d'e%f/g?h#i+j\u{e9}";
    let request = LogQuery::new(ApiLogType::Url).query(Query::eq("misc", nasty));
    let qs = request.query_string();
    assert!(
        qs.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%&=".contains(&b)),
        "{qs}"
    );
    let decoded: Vec<(String, String)> = qs
        .split('&')
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            let mut bytes = Vec::new();
            let mut it = v.bytes();
            while let Some(b) = it.next() {
                if b == b'%' {
                    let hex = [it.next().unwrap(), it.next().unwrap()];
                    bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).unwrap(), 16).unwrap());
                } else {
                    bytes.push(b);
                }
            }
            (k.to_owned(), String::from_utf8(bytes).unwrap())
        })
        .collect();
    let params: Vec<(String, String)> = request
        .params()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    assert_eq!(decoded, params);
}
