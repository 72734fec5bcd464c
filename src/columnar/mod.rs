//! Arrow record batches from records, a typed schema per log type (feature
//! `arrow`).
//!
//! Data engines (DataFusion, Spark, Trino/Athena, DuckDB, Polars) query
//! columns, not JSON. A [`BatchBuilder`] collects records of one log type
//! into Arrow columns typed from the type's one column table
//! ([`crate::schema`]); [`Batches`] routes a mixed stream to one builder per
//! type and hands out each batch as it fills.
//!
//! | column kind | Arrow type |
//! | --- | --- |
//! | text, enumerations, threat ids | `Utf8` |
//! | IP addresses | `Utf8`, the address as written (when it reads as one) |
//! | ports | `UInt16` |
//! | counters and ids | `UInt64` (PAN-OS's `-1` for "none" is null) |
//! | hex flags | `UInt64` |
//! | times | `Timestamp(Microsecond, "+00:00")`: the instant, read in the record's zone |
//! | the session `flags` | `UInt64`, and one `Boolean` per documented bit (`flags_nat`, `flags_ssl_decrypted`, ...) |
//!
//! A record of an older layout fills the columns it has (the rest are
//! null); an empty column is null. Nothing is lost: a value that does not
//! read as its column's type (a masked address, `0x0` in a counter) is null
//! in its column and kept as text in `_text`, a map of column name to text,
//! beside the columns past the schema (by their name, or `_extra_N`); the
//! last column, `_record`, holds the record as received (switchable with
//! [`BatchBuilder::record`]).
//!
//! # Example
//!
//! ```
//! use panlog::columnar::BatchBuilder;
//! use panlog::schema::LogType;
//!
//! let line = b"1,2024/03/05 14:22:07,0128,TRAFFIC,end,2561,2024/03/05 14:22:07,10.0.0.5,93.184.216.34,203.0.113.10,93.184.216.34,allow-web,corp\\jdoe,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd,2024/03/05 14:22:07,88231,1,53144,443,41022,443,0x400000,tcp,allow,18342,2210,16132,31,2024/03/05 14:21:41,26,any,0,7300913,0x0,10.0.0.0-10.255.255.255,United States,0,14,17,tcp-fin";
//! let log = panlog::parse(line).unwrap();
//! let mut builder = BatchBuilder::new(LogType::Traffic);
//! builder.push(&log).unwrap();
//! let batch = builder.finish();
//! assert_eq!(batch.num_rows(), 1);
//! let schema = batch.schema();
//! assert_eq!(schema.field_with_name("sport").unwrap().data_type(), &arrow_schema::DataType::UInt16);
//! assert_eq!(schema.field_with_name("bytes").unwrap().data_type(), &arrow_schema::DataType::UInt64);
//! assert!(schema.field_with_name("flags_nat").is_ok());
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, MapBuilder, StringBuilder, TimestampMicrosecondBuilder,
    UInt16Builder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema as ArrowSchema, SchemaRef, TimeUnit};

use crate::log::Log;
use crate::mapping::Mapping;
use crate::ocsf::OcsfMapping;
use crate::schema::{LogType, ValueKind};
use crate::value::{SessionFlags, Value};

mod nested;

pub use nested::DocumentError;

/// The zone of the timestamp columns: instants, shown in UTC.
const UTC: &str = "+00:00";

/// The name of the column that holds the record as received.
pub const RECORD_COLUMN: &str = "_record";

/// The name of the map column of values kept as text: those that do not
/// read as their column's type, and the columns past the schema.
pub const TEXT_COLUMN: &str = "_text";

fn text_map() -> MapBuilder<StringBuilder, StringBuilder> {
    MapBuilder::new(None, StringBuilder::new(), StringBuilder::new())
}

/// The rows a [`Batches`] collects per log type before it hands out a batch.
pub const DEFAULT_BATCH_ROWS: usize = 8192;

/// The Arrow type of a column kind.
fn data_type(kind: ValueKind) -> DataType {
    match kind {
        ValueKind::Str | ValueKind::Enum | ValueKind::ThreatId | ValueKind::Ip => DataType::Utf8,
        ValueKind::Int | ValueKind::Hex => DataType::UInt64,
        ValueKind::Port => DataType::UInt16,
        ValueKind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some(UTC.into())),
    }
}

/// Whether a column is the session `flags`, which also gets a boolean per
/// documented bit.
fn is_session_flags(name: &str, kind: ValueKind) -> bool {
    name == "flags" && kind == ValueKind::Hex
}

/// The Arrow schema of a log type's batches: its columns in wire order,
/// typed, then the session flag bits (types with a `flags` column), then
/// `_text`, then `_record` when kept.
///
/// # Example
///
/// ```
/// use panlog::columnar::schema;
/// use panlog::schema::LogType;
/// let s = schema(LogType::System, true);
/// assert_eq!(s.field(1).name(), "receive_time");
/// assert_eq!(s.fields().last().unwrap().name(), "_record");
/// ```
#[must_use]
pub fn schema(ty: LogType, record: bool) -> SchemaRef {
    let mut fields = Vec::new();
    let mut flags = false;
    for spec in ty.schema().columns() {
        fields.push(Field::new(spec.name, data_type(spec.kind), true));
        flags |= is_session_flags(spec.name, spec.kind);
    }
    if flags {
        for (name, _) in SessionFlags::NAMED {
            fields.push(Field::new(format!("flags_{name}"), DataType::Boolean, true));
        }
    }
    let text_type = ArrayBuilder::finish(&mut text_map()).data_type().clone();
    fields.push(Field::new(TEXT_COLUMN, text_type, false));
    if record {
        fields.push(Field::new(RECORD_COLUMN, DataType::Utf8, true));
    }
    Arc::new(ArrowSchema::new(fields))
}

/// One column being built.
enum Column {
    Text(StringBuilder),
    Ip(StringBuilder),
    UInt(UInt64Builder),
    Port(UInt16Builder),
    Time(TimestampMicrosecondBuilder),
}

impl Column {
    fn new(kind: ValueKind) -> Column {
        match kind {
            ValueKind::Str | ValueKind::Enum | ValueKind::ThreatId => {
                Column::Text(StringBuilder::new())
            }
            ValueKind::Ip => Column::Ip(StringBuilder::new()),
            ValueKind::Int | ValueKind::Hex => Column::UInt(UInt64Builder::new()),
            ValueKind::Port => Column::Port(UInt16Builder::new()),
            ValueKind::Timestamp => {
                Column::Time(TimestampMicrosecondBuilder::new().with_timezone(UTC))
            }
        }
    }

    fn null(&mut self) {
        match self {
            Column::Text(b) | Column::Ip(b) => b.append_null(),
            Column::UInt(b) => b.append_null(),
            Column::Port(b) => b.append_null(),
            Column::Time(b) => b.append_null(),
        }
    }

    /// Appends column `i` of `log`, typed; null when empty or when it does
    /// not read as the column's type (then `Pushed::unread` is set).
    fn push(&mut self, log: &Log<'_>, i: usize) -> Pushed {
        if let Column::Text(b) = self {
            match log.get_at(i) {
                Some(text) => b.append_value(text),
                None => b.append_null(),
            }
            return Pushed {
                number: None,
                unread: false,
            };
        }
        let value = log.value_at(i);
        let mut pushed = Pushed {
            number: None,
            unread: matches!(value, Some(Value::Text(_))),
        };
        match (self, value) {
            // The address as written: it read as one.
            (Column::Ip(b), Some(Value::Ip(_))) => match log.get_at(i) {
                Some(text) => b.append_value(text.trim()),
                None => b.append_null(),
            },
            (Column::UInt(b), value) => {
                // PAN-OS's `-1` is "none" (null); another negative is kept.
                pushed.unread |= matches!(value, Some(Value::Int(n)) if n < -1);
                pushed.number = match value {
                    Some(Value::Int(n)) => u64::try_from(n).ok(),
                    Some(Value::UInt(n) | Value::Hex(n)) => Some(n),
                    _ => None,
                };
                b.append_option(pushed.number);
            }
            (Column::Port(b), Some(Value::Port(p))) => {
                let port = u16::try_from(p.get()).ok();
                pushed.unread |= port.is_none();
                b.append_option(port);
            }
            (Column::Time(b), Some(Value::Timestamp(t))) => b.append_value(t.timestamp_micros()),
            (column, _) => column.null(),
        }
        pushed
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Text(b) | Column::Ip(b) => ArrayBuilder::finish(b),
            Column::UInt(b) => ArrayBuilder::finish(b),
            Column::Port(b) => ArrayBuilder::finish(b),
            Column::Time(b) => ArrayBuilder::finish(b),
        }
    }
}

/// What appending a value did.
struct Pushed {
    /// The unsigned value of an integer column (for the flag bits).
    number: Option<u64>,
    /// The value did not read as the column's type: it is kept as text.
    unread: bool,
}

/// A record of one type pushed into a builder of another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {got} record pushed into a {want} batch")]
pub struct WrongType {
    /// The builder's log type.
    pub want: LogType,
    /// The record's.
    pub got: LogType,
}

/// Collects records of one log type into an Arrow [`RecordBatch`].
///
/// # Example
///
/// ```
/// use panlog::columnar::BatchBuilder;
/// use panlog::schema::LogType;
///
/// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// let mut builder = BatchBuilder::new(LogType::System).record(false);
/// builder.push(&log).unwrap();
/// builder.push(&log).unwrap();
/// assert_eq!(builder.len(), 2);
/// let batch = builder.finish();
/// assert_eq!((batch.num_rows(), builder.len()), (2, 0));
/// assert!(batch.schema().field_with_name("_record").is_err());
/// ```
pub struct BatchBuilder {
    log_type: LogType,
    schema: SchemaRef,
    /// The columns of the type's table, in its order.
    columns: Vec<Column>,
    /// Position of the session `flags` column in `columns`, if any.
    flags_at: Option<usize>,
    flag_bits: Vec<BooleanBuilder>,
    text: MapBuilder<StringBuilder, StringBuilder>,
    record: Option<StringBuilder>,
    /// Per layout (by name), where each table column sits in the record.
    positions: HashMap<&'static str, Vec<Option<usize>>>,
    rows: usize,
    scratch: String,
}

impl BatchBuilder {
    /// A builder for records of `log_type`, keeping `_record`.
    ///
    /// # Example
    ///
    /// ```
    /// let b = panlog::columnar::BatchBuilder::new(panlog::schema::LogType::Threat);
    /// assert!(b.is_empty());
    /// ```
    #[must_use]
    pub fn new(log_type: LogType) -> BatchBuilder {
        let table = log_type.schema();
        let columns = table.columns().map(|spec| Column::new(spec.kind)).collect();
        let flags_at = table
            .columns()
            .position(|spec| is_session_flags(spec.name, spec.kind));
        let flag_bits = if flags_at.is_some() {
            SessionFlags::NAMED
                .iter()
                .map(|_| BooleanBuilder::new())
                .collect()
        } else {
            Vec::new()
        };
        BatchBuilder {
            log_type,
            schema: schema(log_type, true),
            columns,
            flags_at,
            flag_bits,
            text: text_map(),
            record: Some(StringBuilder::new()),
            positions: HashMap::new(),
            rows: 0,
            scratch: String::new(),
        }
    }

    /// Whether to keep the record as received in `_record` (on by default).
    /// Call it before the first [`push`](Self::push).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::columnar::BatchBuilder;
    /// let b = BatchBuilder::new(panlog::schema::LogType::Traffic).record(false);
    /// assert!(b.schema().field_with_name("_record").is_err());
    /// ```
    #[must_use]
    pub fn record(mut self, keep: bool) -> BatchBuilder {
        self.record = keep.then(StringBuilder::new);
        self.schema = schema(self.log_type, keep);
        self
    }

    /// The schema of the batches this builds.
    ///
    /// # Example
    ///
    /// ```
    /// let b = panlog::columnar::BatchBuilder::new(panlog::schema::LogType::Config);
    /// assert!(b.schema().field_with_name("admin").is_ok());
    /// ```
    #[must_use]
    pub fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }

    /// The log type this builds batches of.
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::schema::LogType;
    /// assert_eq!(panlog::columnar::BatchBuilder::new(LogType::Gtp).log_type(), LogType::Gtp);
    /// ```
    #[must_use]
    pub const fn log_type(&self) -> LogType {
        self.log_type
    }

    /// The rows collected since the last [`finish`](Self::finish).
    ///
    /// # Example
    ///
    /// See [`BatchBuilder`].
    #[must_use]
    pub const fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row has been collected since the last `finish`.
    ///
    /// # Example
    ///
    /// See [`BatchBuilder::new`].
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends one record as a row.
    ///
    /// # Errors
    ///
    /// [`WrongType`] if the record is of another log type (nothing is
    /// appended).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::columnar::BatchBuilder;
    /// use panlog::schema::LogType;
    /// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
    /// let err = BatchBuilder::new(LogType::Traffic).push(&log).unwrap_err();
    /// assert_eq!(err.to_string(), "a SYSTEM record pushed into a TRAFFIC batch");
    /// ```
    pub fn push(&mut self, log: &Log<'_>) -> Result<(), WrongType> {
        if log.log_type() != self.log_type {
            return Err(WrongType {
                want: self.log_type,
                got: log.log_type(),
            });
        }
        let layout = log.schema();
        let table = self.log_type.schema();
        let positions = self
            .positions
            .entry(layout.layout_name())
            .or_insert_with(|| {
                table
                    .columns()
                    .map(|spec| layout.position(spec.name))
                    .collect()
            });
        let len = log.len();
        let mut flags = None;
        for (k, (column, at)) in self.columns.iter_mut().zip(positions.iter()).enumerate() {
            match at {
                Some(i) if *i < len => {
                    let pushed = column.push(log, *i);
                    if Some(k) == self.flags_at {
                        flags = pushed.number;
                    }
                    if pushed.unread
                        && let (Some(name), Some(text)) = (layout.column(*i), log.get_at(*i))
                    {
                        self.text.keys().append_value(name.name);
                        self.text.values().append_value(text);
                    }
                }
                _ => column.null(),
            }
        }
        for (k, (name, field)) in log.extra_named().enumerate() {
            if field.is_empty() {
                continue;
            }
            match name {
                Some(name) => self.text.keys().append_value(name),
                None => {
                    self.scratch.clear();
                    let _ = write!(self.scratch, "_extra_{k}");
                    self.text.keys().append_value(&self.scratch);
                }
            }
            self.text.values().append_value(field.to_str_lossy());
        }
        // A map entry list is always valid (possibly empty).
        let _ = self.text.append(true);
        for ((_, bit), builder) in SessionFlags::NAMED.iter().zip(&mut self.flag_bits) {
            builder.append_option(flags.map(|f| f & u64::from(*bit) != 0));
        }
        if let Some(record) = &mut self.record {
            record.append_value(log.record_text());
        }
        self.rows += 1;
        Ok(())
    }

    /// The rows collected so far as a batch; the builder starts over empty.
    ///
    /// # Example
    ///
    /// See [`BatchBuilder`].
    ///
    /// # Panics
    ///
    /// Never: the columns always match the schema (a bug otherwise).
    pub fn finish(&mut self) -> RecordBatch {
        let mut arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        arrays.extend(self.flag_bits.iter_mut().map(|b| ArrayBuilder::finish(b)));
        arrays.push(ArrayBuilder::finish(&mut self.text));
        if let Some(record) = &mut self.record {
            arrays.push(ArrayBuilder::finish(record));
        }
        self.rows = 0;
        RecordBatch::try_new(Arc::clone(&self.schema), arrays)
            .expect("the builder's columns match its schema")
    }
}

/// Routes a stream of records of every type to a [`BatchBuilder`] per type,
/// handing out each batch when it reaches the row count.
///
/// # Example
///
/// ```
/// use panlog::columnar::Batches;
/// use panlog::reader::LogReader;
///
/// let input = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.log")).unwrap();
/// let mut batches = Batches::new().rows(4);
/// let mut full = Vec::new();
/// let mut reader = LogReader::new(&input[..]);
/// while let Some(log) = reader.next_log() {
///     full.extend(batches.push(&log.unwrap()));
/// }
/// let rest = batches.finish();
/// let rows: usize = full.iter().chain(&rest).map(|(_, b)| b.num_rows()).sum();
/// assert_eq!(rows, 37);
/// assert!(full.iter().all(|(_, b)| b.num_rows() == 4));
/// ```
pub struct Batches {
    builders: HashMap<LogType, BatchBuilder>,
    rows: usize,
    record: bool,
}

impl Default for Batches {
    fn default() -> Self {
        Batches::new()
    }
}

impl Batches {
    /// Batches of [`DEFAULT_BATCH_ROWS`] rows, keeping `_record`.
    ///
    /// # Example
    ///
    /// See [`Batches`].
    #[must_use]
    pub fn new() -> Batches {
        Batches {
            builders: HashMap::new(),
            rows: DEFAULT_BATCH_ROWS,
            record: true,
        }
    }

    /// The rows per batch (at least 1).
    ///
    /// # Example
    ///
    /// See [`Batches`].
    #[must_use]
    pub fn rows(mut self, rows: usize) -> Batches {
        self.rows = rows.max(1);
        self
    }

    /// Whether to keep `_record` (see [`BatchBuilder::record`]).
    ///
    /// # Example
    ///
    /// ```
    /// let batches = panlog::columnar::Batches::new().record(false);
    /// ```
    #[must_use]
    pub fn record(mut self, keep: bool) -> Batches {
        self.record = keep;
        self
    }

    /// Appends a record to its type's batch; returns the batch when it is
    /// full.
    ///
    /// # Example
    ///
    /// See [`Batches`].
    pub fn push(&mut self, log: &Log<'_>) -> Option<(LogType, RecordBatch)> {
        let ty = log.log_type();
        let record = self.record;
        let builder = self
            .builders
            .entry(ty)
            .or_insert_with(|| BatchBuilder::new(ty).record(record));
        // The builder is of the record's own type: this cannot fail.
        builder.push(log).ok()?;
        (builder.len() >= self.rows).then(|| (ty, builder.finish()))
    }

    /// The batches not yet full, one per type that has rows, in the order of
    /// [`LogType::ALL`] (unknown types last).
    ///
    /// # Example
    ///
    /// See [`Batches`].
    #[must_use]
    pub fn finish(mut self) -> Vec<(LogType, RecordBatch)> {
        let mut out = Vec::new();
        for ty in LogType::ALL.into_iter().chain([LogType::Unknown]) {
            if let Some(builder) = self.builders.get_mut(&ty)
                && !builder.is_empty()
            {
                out.push((ty, builder.finish()));
            }
        }
        out
    }
}

/// An OCSF endpoint's shape.
macro_rules! endpoint {
    () => {
        "{ip: str, port: i32, hostname: str, mac: str, zone: str, interface_name: str, location: {country: str}}"
    };
}

/// The shape of [`OcsfEvent`](crate::ocsf::OcsfEvent) as Arrow structs:
/// OCSF's `integer_t` as `Int32`, `long_t` and `timestamp_t` (epoch
/// milliseconds) as `Int64`, `unmapped` as a map of name to text.
const OCSF_SHAPE: &str = concat!(
    "class_uid: i32, class_name: str, category_uid: i32, category_name: str,",
    "activity_id: i32, activity_name: str, type_uid: i64, type_name: str,",
    "severity_id: i32, severity: str, time: i64, time_dt: str, timezone_offset: i32,",
    "start_time: i64, duration: i64, message: str, status_id: i32, status: str,",
    "status_detail: str, action_id: i32, action: str, disposition_id: i32, disposition: str,",
    "app_name: str,",
    "metadata: {version: str, product: {name: str, vendor_name: str}, profiles: [str],",
    "  log_name: str, uid: str, event_code: str, original_time: str, logged_time: i64},",
    "device: {type_id: i32, type: str, uid: str, name: str, hostname: str, ip: str, mac: str,",
    "  vendor_name: str},",
    "actor: {user: {name: str, domain: str}},",
    "user: {name: str, domain: str},",
    "src_endpoint: ",
    endpoint!(),
    ",",
    "dst_endpoint: ",
    endpoint!(),
    ",",
    "connection_info: {uid: str, protocol_name: str, protocol_num: i32, direction_id: i32},",
    "traffic: {bytes: i64, bytes_out: i64, bytes_in: i64, packets: i64, packets_out: i64,",
    "  packets_in: i64},",
    "firewall_rule: {name: str, uid: str},",
    "url: {url_string: str, categories: [str]},",
    "service: {name: str},",
    "entity: {name: str, type: str},",
    "query: {hostname: str, type: str},",
    "finding_info: {uid: str, title: str, desc: str, types: [str]},",
    "evidences: [{src_endpoint: ",
    endpoint!(),
    ", dst_endpoint: ",
    endpoint!(),
    ",",
    "  connection_info: {uid: str, protocol_name: str, protocol_num: i32, direction_id: i32},",
    "  url: {url_string: str, categories: [str]}, file: {name: str, type_id: i32},",
    "  user: {name: str, domain: str}}],",
    "raw_data: str, unmapped: map",
);

/// The Arrow schema of OCSF events: the event's attributes as nested
/// structs, lists and a map (see [`OcsfBatchBuilder`]).
///
/// # Example
///
/// ```
/// let schema = panlog::columnar::ocsf_schema();
/// assert_eq!(schema.field_with_name("class_uid").unwrap().data_type(), &arrow_schema::DataType::Int32);
/// assert!(matches!(schema.field_with_name("src_endpoint").unwrap().data_type(), arrow_schema::DataType::Struct(_)));
/// ```
#[must_use]
pub fn ocsf_schema() -> SchemaRef {
    Arc::new(ArrowSchema::new(nested::parse_shape(OCSF_SHAPE)))
}

/// Collects records as OCSF events ([`OcsfMapping`]) into Arrow batches
/// of nested structs: every event of every class in one schema
/// ([`ocsf_schema`]), the attributes an event lacks null. This is the
/// shape of OCSF data in a lake (Security Lake stores OCSF as Parquet).
///
/// # Example
///
/// ```
/// use arrow_array::cast::AsArray;
/// use panlog::columnar::OcsfBatchBuilder;
///
/// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// let mut builder = OcsfBatchBuilder::new(panlog::ocsf::OcsfMapping::new());
/// builder.push(&log).unwrap();
/// let batch = builder.finish();
/// assert_eq!(batch.num_rows(), 1);
/// let severity = batch.column_by_name("severity").unwrap().as_string::<i32>();
/// assert_eq!(severity.value(0), "High");
/// let metadata = batch.column_by_name("metadata").unwrap().as_struct();
/// let product = metadata.column_by_name("product").unwrap().as_struct();
/// assert_eq!(product.column_by_name("name").unwrap().as_string::<i32>().value(0), "PAN-OS");
/// ```
#[derive(Debug)]
pub struct OcsfBatchBuilder {
    mapping: OcsfMapping,
    inner: nested::DocumentBuilder,
}

impl OcsfBatchBuilder {
    /// A builder of events made by `mapping`.
    ///
    /// # Example
    ///
    /// See [`OcsfBatchBuilder`].
    #[must_use]
    pub fn new(mapping: OcsfMapping) -> OcsfBatchBuilder {
        OcsfBatchBuilder {
            mapping,
            inner: nested::DocumentBuilder::new(nested::parse_shape(OCSF_SHAPE)),
        }
    }

    /// The schema of the batches ([`ocsf_schema`]).
    ///
    /// # Example
    ///
    /// ```
    /// let b = panlog::columnar::OcsfBatchBuilder::new(panlog::ocsf::OcsfMapping::new());
    /// assert_eq!(b.schema(), panlog::columnar::ocsf_schema());
    /// ```
    #[must_use]
    pub fn schema(&self) -> SchemaRef {
        self.inner.schema()
    }

    /// Maps a record and appends its event as a row.
    ///
    /// # Errors
    ///
    /// [`DocumentError`] if the event has an attribute the Arrow shape
    /// lacks (a bug: `tests/lake.rs` checks the shape on every shipped and
    /// real-world record); nothing is appended then, and the rows already
    /// collected are kept.
    ///
    /// # Example
    ///
    /// See [`OcsfBatchBuilder`].
    pub fn push(&mut self, log: &Log<'_>) -> Result<(), DocumentError> {
        self.inner.push(&self.mapping.map(log))
    }

    /// Appends an event already mapped (by any mapping that makes
    /// [`OcsfEvent`](crate::ocsf::OcsfEvent)s).
    ///
    /// # Errors
    ///
    /// As [`push`](Self::push).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::mapping::Mapping;
    /// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
    /// let mut event = panlog::ocsf::OcsfMapping::new().map(&log);
    /// event.message = Some("edited".into());
    /// let mut b = panlog::columnar::OcsfBatchBuilder::new(panlog::ocsf::OcsfMapping::new());
    /// b.push_event(&event).unwrap();
    /// assert_eq!(b.len(), 1);
    /// ```
    pub fn push_event(&mut self, event: &crate::ocsf::OcsfEvent<'_>) -> Result<(), DocumentError> {
        self.inner.push(event)
    }

    /// The rows collected since the last [`finish`](Self::finish).
    ///
    /// # Example
    ///
    /// ```
    /// let b = panlog::columnar::OcsfBatchBuilder::new(panlog::ocsf::OcsfMapping::new());
    /// assert_eq!(b.len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Whether no row was collected since the last `finish`.
    ///
    /// # Example
    ///
    /// ```
    /// let b = panlog::columnar::OcsfBatchBuilder::new(panlog::ocsf::OcsfMapping::new());
    /// assert!(b.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.inner.len() == 0
    }

    /// The rows collected so far as a batch; the builder starts over.
    ///
    /// # Example
    ///
    /// See [`OcsfBatchBuilder`].
    pub fn finish(&mut self) -> RecordBatch {
        self.inner.finish()
    }
}
