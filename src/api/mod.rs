//! The PAN-OS XML API's log queries: what a program asks the firewall (or
//! Panorama) for, and (with the `xml` feature) what it answers.
//!
//! `panlog` stays a pure library: it builds the request parameters for your
//! HTTP client and parses the bytes of the answers, nothing more.
//!
//! A log query is a job: a `type=log` request enqueues it
//! ([`LogQuery::params`]), polling `type=log&action=get&job-id=N`
//! ([`job_params`]) returns its status and, once it is `FIN`, the log entries
//! (`response`, behind the `xml` feature). Large results are read in pages
//! of at most 5000 entries (1000 on Panorama in practice): follow the
//! answers with [`LogQuery::next_page`] (the total is only known once the
//! last page is read), or, with a known total, [`LogQuery::pages`]. The
//! requests render as parameters, a percent-encoded query string or a URL
//! ([`LogQuery::url`]); time windows relative to now are typed
//! ([`TimeWindow`], [`Query::within`]).
//!
//! # Example: the article's brute-force query, paged
//!
//! ```
//! use chrono::NaiveDate;
//! use panlog::api::{ApiLogType, Limit, LogQuery, Query};
//!
//! let day = |d| NaiveDate::from_ymd_opt(2016, 12, d).unwrap().and_hms_opt(10, 0, 1).unwrap();
//! let query = Query::threat_name("MAIL: User Login Brute Force Attempt")
//!     .and(Query::received_between(day(13), day(14)))
//!     .and(Query::eq("device_name", "PA_CorporationHQ"));
//! assert_eq!(
//!     query.to_string(),
//!     "( name-of-threatid eq 'MAIL: User Login Brute Force Attempt' ) and \
//!      ( receive_time geq '2016/12/13 10:00:01' ) and ( receive_time leq '2016/12/14 10:00:01' ) and \
//!      ( device_name eq 'PA_CorporationHQ' )"
//! );
//! let request = LogQuery::new(ApiLogType::Threat).query(query);
//! let pages: Vec<_> = request.pages(2500, Limit::Panorama).collect();
//! assert_eq!(pages.len(), 3);
//! assert_eq!(pages[2].params()[3], ("skip", "2000".to_string()));
//! ```

use std::fmt;

use chrono::NaiveDateTime;

#[cfg(feature = "xml")]
pub mod response;

/// A query in PAN-OS's log filter language.
///
/// Build it from comparisons and combine with [`and`](Query::and),
/// [`or`](Query::or) and [`not`](Query::not); it renders (`Display`) as the
/// text the API's `query` parameter takes. Values are quoted with `'` when
/// they hold anything but letters, digits, `.`, `-` and `/` (a `'` inside is
/// written `\'`); times are always quoted, as `'YYYY/MM/DD HH:MM:SS'`.
///
/// # Example
///
/// ```
/// use panlog::api::Query;
///
/// assert_eq!(Query::eq("subtype", "virus").to_string(), "( subtype eq virus )");
/// assert_eq!(Query::eq("subtype", "virus").compact(), "(subtype eq virus)");
/// let q = Query::eq("app", "ssh").or(Query::eq("app", "telnet")).not();
/// assert_eq!(q.to_string(), "not ( ( app eq ssh ) or ( app eq telnet ) )");
/// assert_eq!(Query::contains("misc", "evil.example").to_string(), "( misc contains evil.example )");
/// assert_eq!(Query::is_in("addr.src", "10.0.0.0/8").to_string(), "( addr.src in 10.0.0.0/8 )");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// `( field op value )`.
    Compare {
        /// The field name (`subtype`, `name-of-threatid`, `addr.src`, ...).
        field: String,
        /// The operator.
        op: Op,
        /// The value, as text.
        value: Operand,
    },
    /// Every part holds.
    And(Vec<Query>),
    /// Some part holds.
    Or(Vec<Query>),
    /// The part does not hold.
    Not(Box<Query>),
}

/// A comparison operator of the query language.
///
/// # Example
///
/// ```
/// assert_eq!(panlog::api::Op::Geq.as_str(), "geq");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `eq`
    Eq,
    /// `neq`
    Neq,
    /// `geq`
    Geq,
    /// `leq`
    Leq,
    /// `in` (an address in a subnet or range)
    In,
    /// `contains`
    Contains,
}

impl Op {
    /// The operator's keyword.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Op::Contains.as_str(), "contains");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Neq => "neq",
            Op::Geq => "geq",
            Op::Leq => "leq",
            Op::In => "in",
            Op::Contains => "contains",
        }
    }
}

/// A value in a comparison: text (quoted when it needs it) or a time
/// (always quoted).
///
/// # Example
///
/// ```
/// use panlog::api::Operand;
/// assert_eq!(Operand::from("PA_CorporationHQ").to_string(), "'PA_CorporationHQ'");
/// assert_eq!(Operand::from("it's").to_string(), r"'it\'s'");
/// assert_eq!(Operand::from(42u64).to_string(), "42");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Operand {
    /// Text or a number.
    Text(String),
    /// A time, rendered `'YYYY/MM/DD HH:MM:SS'`.
    Time(NaiveDateTime),
    /// A time window relative to now, rendered as its token (`last-24-hrs`).
    Window(TimeWindow),
}

/// A time window relative to now, as the log filter language names them:
/// `( receive_time in last-24-hrs )` (see [`Query::within`]). The firewall
/// reads them in its own clock and zone, so no time needs computing here.
///
/// # Example
///
/// ```
/// use panlog::api::TimeWindow;
/// assert_eq!(TimeWindow::Last24Hours.as_str(), "last-24-hrs");
/// assert_eq!("last-7-days".parse::<TimeWindow>(), Ok(TimeWindow::Last7Days));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeWindow {
    /// `last-60-seconds`.
    Last60Seconds,
    /// `last-15-minutes`.
    Last15Minutes,
    /// `last-hour`.
    LastHour,
    /// `last-6-hrs`.
    Last6Hours,
    /// `last-12-hrs`.
    Last12Hours,
    /// `last-24-hrs`.
    Last24Hours,
    /// `last-calendar-day`: yesterday.
    LastCalendarDay,
    /// `last-7-days`.
    Last7Days,
    /// `last-7-calendar-days`.
    Last7CalendarDays,
    /// `last-calendar-week`.
    LastCalendarWeek,
    /// `last-30-days`.
    Last30Days,
    /// `last-30-calendar-days`.
    Last30CalendarDays,
    /// `last-calendar-month`.
    LastCalendarMonth,
}

impl TimeWindow {
    /// Every window, shortest first.
    pub const ALL: [TimeWindow; 13] = [
        TimeWindow::Last60Seconds,
        TimeWindow::Last15Minutes,
        TimeWindow::LastHour,
        TimeWindow::Last6Hours,
        TimeWindow::Last12Hours,
        TimeWindow::Last24Hours,
        TimeWindow::LastCalendarDay,
        TimeWindow::Last7Days,
        TimeWindow::Last7CalendarDays,
        TimeWindow::LastCalendarWeek,
        TimeWindow::Last30Days,
        TimeWindow::Last30CalendarDays,
        TimeWindow::LastCalendarMonth,
    ];

    /// The filter language's token.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::TimeWindow::LastHour.as_str(), "last-hour");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TimeWindow::Last60Seconds => "last-60-seconds",
            TimeWindow::Last15Minutes => "last-15-minutes",
            TimeWindow::LastHour => "last-hour",
            TimeWindow::Last6Hours => "last-6-hrs",
            TimeWindow::Last12Hours => "last-12-hrs",
            TimeWindow::Last24Hours => "last-24-hrs",
            TimeWindow::LastCalendarDay => "last-calendar-day",
            TimeWindow::Last7Days => "last-7-days",
            TimeWindow::Last7CalendarDays => "last-7-calendar-days",
            TimeWindow::LastCalendarWeek => "last-calendar-week",
            TimeWindow::Last30Days => "last-30-days",
            TimeWindow::Last30CalendarDays => "last-30-calendar-days",
            TimeWindow::LastCalendarMonth => "last-calendar-month",
        }
    }
}

impl std::str::FromStr for TimeWindow {
    type Err = String;

    fn from_str(token: &str) -> Result<TimeWindow, String> {
        TimeWindow::ALL
            .into_iter()
            .find(|w| w.as_str() == token)
            .ok_or_else(|| format!("unknown time window {token:?}"))
    }
}

impl From<TimeWindow> for Operand {
    fn from(window: TimeWindow) -> Operand {
        Operand::Window(window)
    }
}

impl From<&str> for Operand {
    fn from(text: &str) -> Operand {
        Operand::Text(text.to_owned())
    }
}

impl From<String> for Operand {
    fn from(text: String) -> Operand {
        Operand::Text(text)
    }
}

impl From<u64> for Operand {
    fn from(n: u64) -> Operand {
        Operand::Text(n.to_string())
    }
}

impl From<std::net::IpAddr> for Operand {
    fn from(ip: std::net::IpAddr) -> Operand {
        Operand::Text(ip.to_string())
    }
}

impl From<NaiveDateTime> for Operand {
    fn from(time: NaiveDateTime) -> Operand {
        Operand::Time(time)
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Time(t) => write!(f, "'{}'", t.format("%Y/%m/%d %H:%M:%S")),
            Operand::Window(w) => f.write_str(w.as_str()),
            Operand::Text(t) => {
                let bare = !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/'));
                if bare {
                    return f.write_str(t);
                }
                f.write_str("'")?;
                for part in t.split_inclusive('\'') {
                    match part.strip_suffix('\'') {
                        Some(head) => write!(f, "{head}\\'")?,
                        None => f.write_str(part)?,
                    }
                }
                f.write_str("'")
            }
        }
    }
}

impl Query {
    /// `( field op value )`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{Op, Query};
    /// assert_eq!(Query::compare("repeatcnt", Op::Geq, 5u64).to_string(), "( repeatcnt geq 5 )");
    /// ```
    pub fn compare(field: &str, op: Op, value: impl Into<Operand>) -> Query {
        Query::Compare {
            field: field.to_owned(),
            op,
            value: value.into(),
        }
    }

    /// `( field eq value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::eq("rule", "cnc").to_string(), "( rule eq cnc )");
    /// ```
    pub fn eq(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::Eq, value)
    }

    /// `( field neq value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::neq("action", "allow").to_string(), "( action neq allow )");
    /// ```
    pub fn neq(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::Neq, value)
    }

    /// `( field geq value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::geq("severity", "high").to_string(), "( severity geq high )");
    /// ```
    pub fn geq(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::Geq, value)
    }

    /// `( field leq value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::leq("bytes", 100u64).to_string(), "( bytes leq 100 )");
    /// ```
    pub fn leq(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::Leq, value)
    }

    /// `( field in value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::is_in("addr.dst", "192.168.0.0/16").to_string(), "( addr.dst in 192.168.0.0/16 )");
    /// ```
    pub fn is_in(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::In, value)
    }

    /// `( field contains value )`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Query::contains("url", "login").to_string(), "( url contains login )");
    /// ```
    pub fn contains(field: &str, value: impl Into<Operand>) -> Query {
        Query::compare(field, Op::Contains, value)
    }

    /// Both this and `other` (flattened: `a and b and c`).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::Query;
    /// let q = Query::eq("a", "1").and(Query::eq("b", "2")).and(Query::eq("c", "3"));
    /// assert_eq!(q.to_string(), "( a eq 1 ) and ( b eq 2 ) and ( c eq 3 )");
    /// ```
    #[must_use]
    pub fn and(self, other: Query) -> Query {
        let mut parts = match self {
            Query::And(parts) => parts,
            first => vec![first],
        };
        match other {
            Query::And(more) => parts.extend(more),
            other => parts.push(other),
        }
        Query::And(parts)
    }

    /// This or `other` (flattened).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::Query;
    /// let q = Query::eq("subtype", "virus").or(Query::eq("subtype", "spyware"));
    /// assert_eq!(q.to_string(), "( subtype eq virus ) or ( subtype eq spyware )");
    /// ```
    #[must_use]
    pub fn or(self, other: Query) -> Query {
        let mut parts = match self {
            Query::Or(parts) => parts,
            first => vec![first],
        };
        match other {
            Query::Or(more) => parts.extend(more),
            other => parts.push(other),
        }
        Query::Or(parts)
    }

    /// Not this.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::Query;
    /// assert_eq!(Query::eq("app", "dns").not().to_string(), "not ( app eq dns )");
    /// ```
    #[must_use]
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Query {
        Query::Not(Box::new(self))
    }

    /// `( field geq 'from' ) and ( field leq 'to' )`: a time range on a time
    /// field (`receive_time`, `time_generated`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use panlog::api::Query;
    /// let t = |d| NaiveDate::from_ymd_opt(2016, 12, d).unwrap().and_hms_opt(10, 0, 1).unwrap();
    /// assert_eq!(
    ///     Query::time_range("time_generated", t(13), t(14)).to_string(),
    ///     "( time_generated geq '2016/12/13 10:00:01' ) and ( time_generated leq '2016/12/14 10:00:01' )"
    /// );
    /// ```
    pub fn time_range(field: &str, from: NaiveDateTime, to: NaiveDateTime) -> Query {
        Query::geq(field, from).and(Query::leq(field, to))
    }

    /// `( field in last-24-hrs )`: a time field within a window relative to
    /// the firewall's now.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{Query, TimeWindow};
    /// assert_eq!(
    ///     Query::within("receive_time", TimeWindow::Last24Hours).to_string(),
    ///     "( receive_time in last-24-hrs )"
    /// );
    /// ```
    pub fn within(field: &str, window: TimeWindow) -> Query {
        Query::compare(field, Op::In, window)
    }

    /// `( receive_time in ... )`: the records received within `window`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{Query, TimeWindow};
    /// assert_eq!(Query::received_within(TimeWindow::LastHour).compact(), "(receive_time in last-hour)");
    /// ```
    pub fn received_within(window: TimeWindow) -> Query {
        Query::within("receive_time", window)
    }

    /// A `receive_time` range, as the article asks for the last day's events.
    ///
    /// # Example
    ///
    /// See the [module docs](self).
    pub fn received_between(from: NaiveDateTime, to: NaiveDateTime) -> Query {
        Query::time_range("receive_time", from, to)
    }

    /// `( name-of-threatid eq 'name' )`: THREAT records by threat name
    /// (PAN-OS may rename threats without warning).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(
    ///     panlog::api::Query::threat_name("SSH User Authentication Brute Force Attempt").compact(),
    ///     "(name-of-threatid eq 'SSH User Authentication Brute Force Attempt')"
    /// );
    /// ```
    pub fn threat_name(name: &str) -> Query {
        Query::eq("name-of-threatid", name)
    }

    /// The article's ready-made queries, by its names: `virus`, `spyware`,
    /// `brute-force-ssh`, `brute-force-mail`, `brute-force-sip`, `cnc` (a
    /// custom rule named `cnc`, on traffic logs). With the API log type each
    /// runs on.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, Query};
    /// let (log_type, q) = Query::preset("spyware").unwrap();
    /// assert_eq!((log_type, q.compact()), (ApiLogType::Threat, "(subtype eq spyware)".to_string()));
    /// assert!(Query::preset("nope").is_none());
    /// ```
    #[must_use]
    pub fn preset(name: &str) -> Option<(ApiLogType, Query)> {
        Some(match name {
            "virus" => (ApiLogType::Threat, Query::eq("subtype", "virus")),
            "spyware" => (ApiLogType::Threat, Query::eq("subtype", "spyware")),
            "brute-force-ssh" => (
                ApiLogType::Threat,
                Query::threat_name("SSH User Authentication Brute Force Attempt"),
            ),
            "brute-force-mail" => (
                ApiLogType::Threat,
                Query::threat_name("MAIL: User Login Brute Force Attempt"),
            ),
            "brute-force-sip" => (
                ApiLogType::Threat,
                Query::threat_name("SIP Bye Message Brute Force Attack"),
            ),
            "cnc" => (ApiLogType::Traffic, Query::eq("rule", "cnc")),
            _ => return None,
        })
    }

    /// The query without spaces inside parentheses, as the article writes its
    /// list of useful queries: `(subtype eq virus)`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::Query;
    /// let q = Query::eq("a", "1").and(Query::eq("b", "2").not());
    /// assert_eq!(q.compact(), "(a eq 1) and not (b eq 2)");
    /// ```
    #[must_use]
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.render(&mut out, false);
        out
    }

    fn render(&self, out: &mut String, spaced: bool) {
        use std::fmt::Write;
        let (open, close) = if spaced { ("( ", " )") } else { ("(", ")") };
        let group = |q: &Query, out: &mut String| match q {
            Query::Compare { .. } | Query::Not(_) => q.render(out, spaced),
            _ => {
                out.push_str(open);
                q.render(out, spaced);
                out.push_str(close);
            }
        };
        match self {
            Query::Compare { field, op, value } => {
                let _ = write!(out, "{open}{field} {} {value}{close}", op.as_str());
            }
            Query::And(parts) | Query::Or(parts) => {
                let word = if matches!(self, Query::And(_)) {
                    " and "
                } else {
                    " or "
                };
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push_str(word);
                    }
                    group(part, out);
                }
            }
            Query::Not(inner) => {
                out.push_str("not ");
                match **inner {
                    Query::Compare { .. } => inner.render(out, spaced),
                    _ => {
                        out.push_str(open);
                        inner.render(out, spaced);
                        out.push_str(close);
                    }
                }
            }
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.render(&mut out, true);
        f.write_str(&out)
    }
}

/// The `log-type` of a log query.
///
/// # Example
///
/// ```
/// assert_eq!(panlog::api::ApiLogType::Threat.as_str(), "threat");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiLogType {
    /// `traffic`
    Traffic,
    /// `threat`
    Threat,
    /// `url` (THREAT url subtype)
    Url,
    /// `data` (THREAT data subtype)
    Data,
    /// `wildfire` (THREAT wildfire subtypes)
    Wildfire,
    /// `config`
    Config,
    /// `system`
    System,
    /// `hipmatch`
    HipMatch,
    /// `userid`
    UserId,
    /// `globalprotect`
    GlobalProtect,
    /// `auth`
    Auth,
    /// `decryption`
    Decryption,
    /// `tunnel`
    Tunnel,
    /// `gtp`
    Gtp,
    /// `sctp`
    Sctp,
    /// `iptag`
    IpTag,
    /// `corr` (correlated events)
    Correlation,
}

impl ApiLogType {
    /// The `log-type` parameter's value.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::ApiLogType::Auth.as_str(), "auth");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiLogType::Traffic => "traffic",
            ApiLogType::Threat => "threat",
            ApiLogType::Url => "url",
            ApiLogType::Data => "data",
            ApiLogType::Wildfire => "wildfire",
            ApiLogType::Config => "config",
            ApiLogType::System => "system",
            ApiLogType::HipMatch => "hipmatch",
            ApiLogType::UserId => "userid",
            ApiLogType::GlobalProtect => "globalprotect",
            ApiLogType::Auth => "auth",
            ApiLogType::Decryption => "decryption",
            ApiLogType::Tunnel => "tunnel",
            ApiLogType::Gtp => "gtp",
            ApiLogType::Sctp => "sctp",
            ApiLogType::IpTag => "iptag",
            ApiLogType::Correlation => "corr",
        }
    }
}

/// How many entries one request may ask for.
///
/// # Example
///
/// ```
/// use panlog::api::Limit;
/// assert_eq!(Limit::Firewall.get(), 5000);
/// assert_eq!(Limit::Panorama.get(), 1000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// 5000: the documented maximum.
    Firewall,
    /// 1000: what Panorama handles in practice (larger pages hit a known bug).
    Panorama,
    /// Another page size (capped at 5000).
    Custom(u32),
}

impl Limit {
    /// The page size.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(panlog::api::Limit::Custom(9000).get(), 5000);
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        match self {
            Limit::Firewall => MAX_NLOGS,
            Limit::Panorama => 1000,
            Limit::Custom(n) if n > MAX_NLOGS => MAX_NLOGS,
            Limit::Custom(0) => 1,
            Limit::Custom(n) => n,
        }
    }
}

/// The most entries one log request returns.
pub const MAX_NLOGS: u32 = 5000;

/// A `type=log` request: the log type, the query, and the page.
///
/// # Example
///
/// ```
/// use panlog::api::{ApiLogType, LogQuery, Query};
///
/// let request = LogQuery::new(ApiLogType::Threat)
///     .query(Query::eq("subtype", "virus"))
///     .nlogs(1000)
///     .skip(0);
/// let params: Vec<(&str, String)> = request.params();
/// assert_eq!(params, [
///     ("type", "log".to_string()),
///     ("log-type", "threat".to_string()),
///     ("nlogs", "1000".to_string()),
///     ("skip", "0".to_string()),
///     ("query", "( subtype eq virus )".to_string()),
/// ]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogQuery {
    log_type: ApiLogType,
    query: Option<Query>,
    nlogs: u32,
    skip: u64,
}

impl LogQuery {
    /// All logs of `log_type`, the first page of 20 (PAN-OS's default).
    ///
    /// # Example
    ///
    /// ```
    /// let q = panlog::api::LogQuery::new(panlog::api::ApiLogType::System);
    /// assert_eq!(q.params()[2], ("nlogs", "20".to_string()));
    /// ```
    #[must_use]
    pub fn new(log_type: ApiLogType) -> LogQuery {
        LogQuery {
            log_type,
            query: None,
            nlogs: 20,
            skip: 0,
        }
    }

    /// Filters with `query`.
    ///
    /// # Example
    ///
    /// See [`LogQuery`].
    #[must_use]
    pub fn query(mut self, query: Query) -> LogQuery {
        self.query = Some(query);
        self
    }

    /// Asks for `n` entries (at most [`MAX_NLOGS`]; more is capped).
    ///
    /// # Example
    ///
    /// ```
    /// let q = panlog::api::LogQuery::new(panlog::api::ApiLogType::Traffic).nlogs(10_000);
    /// assert_eq!(q.params()[2].1, "5000");
    /// ```
    #[must_use]
    pub fn nlogs(mut self, n: u32) -> LogQuery {
        self.nlogs = n.clamp(1, MAX_NLOGS);
        self
    }

    /// Skips the first `n` matching entries.
    ///
    /// # Example
    ///
    /// ```
    /// let q = panlog::api::LogQuery::new(panlog::api::ApiLogType::Traffic).skip(5000);
    /// assert_eq!(q.params()[3].1, "5000");
    /// ```
    #[must_use]
    pub fn skip(mut self, n: u64) -> LogQuery {
        self.skip = n;
        self
    }

    /// The request's parameters, for the caller's HTTP client (add `key`,
    /// URL-encode the values).
    ///
    /// # Example
    ///
    /// See [`LogQuery`].
    #[must_use]
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("type", "log".to_owned()),
            ("log-type", self.log_type.as_str().to_owned()),
            ("nlogs", self.nlogs.to_string()),
            ("skip", self.skip.to_string()),
        ];
        if let Some(query) = &self.query {
            params.push(("query", query.to_string()));
        }
        params
    }

    /// The request's parameters as a URL query string, each value
    /// percent-encoded (RFC 3986: all but `A-Z a-z 0-9 - . _ ~`). Send the
    /// API key in the `X-PAN-KEY` header rather than in the URL.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, LogQuery, Query};
    /// let q = LogQuery::new(ApiLogType::Threat).query(Query::eq("device_name", "PA HQ"));
    /// assert_eq!(
    ///     q.query_string(),
    ///     "type=log&log-type=threat&nlogs=20&skip=0&query=%28%20device_name%20eq%20%27PA%20HQ%27%20%29"
    /// );
    /// ```
    #[must_use]
    pub fn query_string(&self) -> String {
        query_string(&self.params())
    }

    /// The request's URL on a firewall or Panorama at `base`
    /// (`https://fw.example`): `base/api/?` and the
    /// [query string](Self::query_string).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, LogQuery};
    /// let url = LogQuery::new(ApiLogType::System).nlogs(100).url("https://fw.example/");
    /// assert_eq!(url, "https://fw.example/api/?type=log&log-type=system&nlogs=100&skip=0");
    /// ```
    #[must_use]
    pub fn url(&self, base: &str) -> String {
        format!(
            "{}/api/?{}",
            base.trim_end_matches('/'),
            self.query_string()
        )
    }

    /// The request for the page after one whose answer held `count` entries
    /// (`<logs count="...">`), or `None` when that page was the last (it held
    /// fewer than asked for). The total is never needed up front: follow the
    /// answers until this says stop.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, LogQuery};
    /// let first = LogQuery::new(ApiLogType::Traffic).nlogs(5000);
    /// let second = first.next_page(5000).unwrap();
    /// assert_eq!(second.params()[3].1, "5000");
    /// assert!(second.next_page(1234).is_none());
    /// ```
    #[must_use]
    pub fn next_page(&self, count: u64) -> Option<LogQuery> {
        (count >= u64::from(self.nlogs)).then(|| self.clone().skip(self.skip.saturating_add(count)))
    }

    /// [`next_page`](Self::next_page) from an answer's head (feature `xml`):
    /// its `<logs count>`, else the job's `<cached-logs>`.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, LogQuery, response::XmlReader};
    /// let answer = br#"<response status="success"><result><job><status>FIN</status></job><log><logs count="20" progress="100"></logs></log></result></response>"#;
    /// let head = XmlReader::new(&answer[..]).head().unwrap();
    /// let next = LogQuery::new(ApiLogType::System).next_page_after(&head).unwrap();
    /// assert_eq!(next.params()[3].1, "20");
    /// ```
    #[cfg(feature = "xml")]
    #[must_use]
    pub fn next_page_after(&self, head: &response::Head) -> Option<LogQuery> {
        let count = head
            .count
            .or(head.job.as_ref().and_then(|j| j.cached_logs))?;
        self.next_page(count)
    }

    /// The requests that read `total` entries in pages of `limit`, from this
    /// request's `skip` on, when the total is known (else follow the answers
    /// with [`next_page`](Self::next_page)).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::api::{ApiLogType, Limit, LogQuery};
    /// let pages: Vec<_> = LogQuery::new(ApiLogType::Threat).pages(12_000, Limit::Firewall).collect();
    /// let sizes: Vec<_> = pages.iter().map(|p| (p.params()[2].1.clone(), p.params()[3].1.clone())).collect();
    /// assert_eq!(sizes, [("5000".into(), "0".into()), ("5000".into(), "5000".into()), ("2000".into(), "10000".into())]);
    /// ```
    pub fn pages(&self, total: u64, limit: Limit) -> impl Iterator<Item = LogQuery> + '_ {
        let page = u64::from(limit.get());
        let end = self.skip.saturating_add(total);
        let mut skip = self.skip;
        std::iter::from_fn(move || {
            if skip >= end {
                return None;
            }
            let n = page.min(end - skip);
            let request = self.clone().nlogs(n as u32).skip(skip);
            skip += n;
            Some(request)
        })
    }
}

/// The parameters that poll a log query job: `type=log&action=get&job-id=N`.
///
/// # Example
///
/// ```
/// assert_eq!(panlog::api::job_params(384), [
///     ("type", "log".to_string()),
///     ("action", "get".to_string()),
///     ("job-id", "384".to_string()),
/// ]);
/// ```
#[must_use]
pub fn job_params(job_id: u64) -> [(&'static str, String); 3] {
    [
        ("type", "log".to_owned()),
        ("action", "get".to_owned()),
        ("job-id", job_id.to_string()),
    ]
}

/// [`job_params`] as a URL query string.
///
/// # Example
///
/// ```
/// assert_eq!(panlog::api::job_query_string(384), "type=log&action=get&job-id=384");
/// ```
#[must_use]
pub fn job_query_string(job_id: u64) -> String {
    query_string(&job_params(job_id))
}

/// `key=value&...`, values percent-encoded (RFC 3986 unreserved kept).
fn query_string(params: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (key, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        for b in value.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                out.push(char::from(b));
            } else {
                use std::fmt::Write;
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}
