//! Parquet files laid out as a data lake's partitions (feature `parquet`).
//!
//! A [`LakeWriter`] writes a stream of records of every type as Parquet,
//! one file set per log type, partitioned by the event's day the way Amazon
//! Security Lake lays out a custom source (`eventDay=YYYYMMDD`):
//!
//! ```text
//! DIR/traffic/eventDay=20240305/part-00000.parquet
//! DIR/threat/eventDay=20240305/part-00000.parquet
//! DIR/system/eventDay=20240306/part-00000.parquet
//! ```
//!
//! Each file holds [`columnar`](crate::columnar) batches: a typed column per
//! PAN-OS field, the session flag bits, the record as received. Engines
//! that read Hive-style partitions (Spark, Trino/Athena, DataFusion, DuckDB,
//! Polars) see `eventDay` as a column.
//!
//! With [`ocsf`](LakeWriter::ocsf), the files hold OCSF events as nested
//! structs ([`OcsfBatchBuilder`]), one file set per OCSF class, as Security
//! Lake keeps one class per custom source:
//! `DIR/network_activity/eventDay=20240305/part-00000.parquet`.
//!
//! The event's day is the UTC date of its time, chosen as the ECS and OCSF
//! mappings choose it (the high-resolution time, else the generated time,
//! else the receive time, else the syslog header's; the day of writing for
//! a record with none).
//!
//! Memory is bounded whatever the input: a batch of at most
//! [`rows_per_group`](LakeWriter::rows_per_group) rows per open file, handed
//! to Parquet as it fills (a row group is flushed at that many rows or
//! 64 MiB), and at most [`max_open_files`](LakeWriter::max_open_files) files
//! open: past that, the least recently written one is closed, and its
//! partition continues in a new part file if more records come.
//!
//! # Example
//!
//! ```
//! use panlog::lake::LakeWriter;
//! use panlog::reader::LogReader;
//!
//! let dir = std::env::temp_dir().join(format!("panlog-lake-doc-{}", std::process::id()));
//! let input = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.log")).unwrap();
//! let mut lake = LakeWriter::new(&dir);
//! let mut reader = LogReader::new(&input[..]);
//! while let Some(log) = reader.next_log() {
//!     lake.write(&log.unwrap()).unwrap();
//! }
//! let files = lake.finish().unwrap();
//! assert!(files.iter().any(|f| f.ends_with("traffic/eventDay=20240305/part-00000.parquet")));
//! std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::columnar::{BatchBuilder, DocumentError, OcsfBatchBuilder};
use crate::log::Log;
use crate::mapping::{Ctx, Mapping};
use crate::ocsf::OcsfMapping;
use crate::schema::LogType;

/// The rows of a batch and of a Parquet row group, by default.
pub const DEFAULT_ROWS_PER_GROUP: usize = 64 * 1024;

/// The files open at once, by default.
pub const DEFAULT_MAX_OPEN_FILES: usize = 32;

/// The most bytes a row group holds before it is flushed.
const MAX_ROW_GROUP_BYTES: usize = 64 << 20;

/// Why writing the lake failed, and where.
///
/// # Example
///
/// ```
/// use panlog::lake::{LakeError, LakeWriter};
/// // A file where the lake's directory should be.
/// let file = std::env::temp_dir().join(format!("panlog-lake-err-{}", std::process::id()));
/// std::fs::write(&file, b"").unwrap();
/// let log = panlog::parse(b"1,2024/03/05 14:22:07,0128,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// let err = LakeWriter::new(&file).write(&log).unwrap_err();
/// assert!(matches!(err, LakeError::Io { .. }));
/// assert!(err.to_string().contains("system/eventDay=20240305"));
/// std::fs::remove_file(&file).unwrap();
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LakeError {
    /// A directory or file could not be created.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// Parquet could not write a file.
    #[error("{}: {source}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// The Parquet error.
        source: ParquetError,
    },
    /// An OCSF event did not fit the Arrow shape (a bug of the crate).
    #[error(transparent)]
    Document(#[from] DocumentError),
}

/// What a file set is split by: the log type, or the OCSF class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Set {
    Type(LogType),
    Class(u32, &'static str),
}

impl Set {
    fn dir(self) -> String {
        match self {
            Set::Type(ty) => ty.as_str().to_ascii_lowercase(),
            Set::Class(_, name) => name.to_ascii_lowercase().replace(' ', "_"),
        }
    }
}

/// The rows of an open file, waiting to go to Parquet.
enum Rows {
    Fields(Box<BatchBuilder>),
    Ocsf(OcsfBatchBuilder),
}

impl Rows {
    fn len(&self) -> usize {
        match self {
            Rows::Fields(b) => b.len(),
            Rows::Ocsf(b) => b.len(),
        }
    }
}

/// One open file: a partition's current part.
struct Part {
    path: PathBuf,
    rows: Rows,
    writer: ArrowWriter<File>,
    last_used: u64,
}

impl Part {
    fn flush_batch(&mut self) -> Result<(), LakeError> {
        if self.rows.len() == 0 {
            return Ok(());
        }
        let batch = match &mut self.rows {
            Rows::Fields(b) => b.finish(),
            Rows::Ocsf(b) => b.finish(),
        };
        self.writer
            .write(&batch)
            .map_err(|source| LakeError::Parquet {
                path: self.path.clone(),
                source,
            })
    }

    fn close(mut self) -> Result<PathBuf, LakeError> {
        self.flush_batch()?;
        let path = self.path;
        self.writer.close().map_err(|source| LakeError::Parquet {
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}

/// Writes records as Parquet files partitioned by log type and day.
///
/// Call [`finish`](LakeWriter::finish) at the end: it writes the last rows
/// and closes the files (dropping the writer closes them too, ignoring
/// errors).
///
/// # Example
///
/// See the [module](self).
pub struct LakeWriter {
    dir: PathBuf,
    rows: usize,
    max_open: usize,
    record: bool,
    ocsf: Option<OcsfMapping>,
    open: HashMap<(Set, u32), Part>,
    tick: u64,
    written: Vec<PathBuf>,
}

impl LakeWriter {
    /// A writer into `dir` (created as needed), with the defaults.
    ///
    /// # Example
    ///
    /// ```
    /// let lake = panlog::lake::LakeWriter::new("out");
    /// ```
    #[must_use]
    pub fn new(dir: impl AsRef<Path>) -> LakeWriter {
        LakeWriter {
            dir: dir.as_ref().to_path_buf(),
            rows: DEFAULT_ROWS_PER_GROUP,
            max_open: DEFAULT_MAX_OPEN_FILES,
            record: true,
            ocsf: None,
            open: HashMap::new(),
            tick: 0,
            written: Vec::new(),
        }
    }

    /// The rows collected per file before they go to Parquet, and the rows
    /// of a row group (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// let lake = panlog::lake::LakeWriter::new("out").rows_per_group(10_000);
    /// ```
    #[must_use]
    pub fn rows_per_group(mut self, rows: usize) -> LakeWriter {
        self.rows = rows.max(1);
        self
    }

    /// The files open at once (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// let lake = panlog::lake::LakeWriter::new("out").max_open_files(8);
    /// ```
    #[must_use]
    pub fn max_open_files(mut self, files: usize) -> LakeWriter {
        self.max_open = files.max(1);
        self
    }

    /// Whether to keep the record as received in `_record` (on by default).
    ///
    /// # Example
    ///
    /// ```
    /// let lake = panlog::lake::LakeWriter::new("out").record(false);
    /// ```
    #[must_use]
    pub fn record(mut self, keep: bool) -> LakeWriter {
        self.record = keep;
        self
    }

    /// Writes OCSF events made by `mapping` instead of the typed fields,
    /// one file set per OCSF class (`raw_data` as the mapping says).
    ///
    /// # Example
    ///
    /// ```
    /// let lake = panlog::lake::LakeWriter::new("out").ocsf(panlog::ocsf::OcsfMapping::new());
    /// ```
    #[must_use]
    pub fn ocsf(mut self, mapping: OcsfMapping) -> LakeWriter {
        self.ocsf = Some(mapping);
        self
    }

    /// Writes one record to its type's (or class's) and day's file.
    ///
    /// # Errors
    ///
    /// [`LakeError`] when a directory or file cannot be created or Parquet
    /// fails; the record is not written.
    ///
    /// # Example
    ///
    /// See the [module](self).
    pub fn write(&mut self, log: &Log<'_>) -> Result<(), LakeError> {
        let event = self.ocsf.map(|m| m.map(log));
        let key = match &event {
            Some(e) => (Set::Class(e.class_uid, e.class_name), day_of_millis(e.time)),
            None => (Set::Type(log.log_type()), event_day(log)),
        };
        self.tick += 1;
        if !self.open.contains_key(&key) {
            if self.open.len() >= self.max_open {
                self.close_least_recent()?;
            }
            let part = self.open_part(key)?;
            self.open.insert(key, part);
        }
        let rows = self.rows;
        let Some(part) = self.open.get_mut(&key) else {
            return Ok(());
        };
        part.last_used = self.tick;
        match (&mut part.rows, &event) {
            (Rows::Ocsf(b), Some(event)) => b.push_event(event)?,
            // The builder is of the record's own type: this cannot fail.
            (Rows::Fields(b), _) => {
                let _ = b.push(log);
            }
            (Rows::Ocsf(_), None) => {}
        }
        if part.rows.len() >= rows {
            part.flush_batch()?;
        }
        Ok(())
    }

    /// Writes what is left and closes every file; returns the files
    /// written, sorted.
    ///
    /// # Errors
    ///
    /// The first [`LakeError`] closing a file (the others are still
    /// closed).
    ///
    /// # Example
    ///
    /// See the [module](self).
    pub fn finish(mut self) -> Result<Vec<PathBuf>, LakeError> {
        let mut first = None;
        for (_, part) in std::mem::take(&mut self.open) {
            match part.close() {
                Ok(path) => self.written.push(path),
                Err(e) => {
                    first.get_or_insert(e);
                }
            }
        }
        if let Some(e) = first {
            return Err(e);
        }
        let mut written = std::mem::take(&mut self.written);
        written.sort();
        Ok(written)
    }

    fn close_least_recent(&mut self) -> Result<(), LakeError> {
        let Some(key) = self
            .open
            .iter()
            .min_by_key(|(_, p)| p.last_used)
            .map(|(k, _)| *k)
        else {
            return Ok(());
        };
        if let Some(part) = self.open.remove(&key) {
            self.written.push(part.close()?);
        }
        Ok(())
    }

    /// Opens the next free part file of a partition.
    fn open_part(&self, (set, day): (Set, u32)) -> Result<Part, LakeError> {
        let dir = self.dir.join(set.dir()).join(format!("eventDay={day:08}"));
        std::fs::create_dir_all(&dir).map_err(|source| LakeError::Io {
            path: dir.clone(),
            source,
        })?;
        let path = (0u32..)
            .map(|n| dir.join(format!("part-{n:05}.parquet")))
            .find(|p| !p.exists() && !self.written.contains(p))
            .unwrap_or_else(|| dir.join("part.parquet"));
        let file = File::create(&path).map_err(|source| LakeError::Io {
            path: path.clone(),
            source,
        })?;
        let rows = match (set, self.ocsf) {
            (Set::Class(..), Some(mapping)) => Rows::Ocsf(OcsfBatchBuilder::new(mapping)),
            (Set::Type(ty), _) => Rows::Fields(Box::new(BatchBuilder::new(ty).record(self.record))),
            (Set::Class(..), None) => Rows::Fields(Box::new(BatchBuilder::new(LogType::Unknown))),
        };
        let schema = match &rows {
            Rows::Fields(b) => b.schema(),
            Rows::Ocsf(b) => b.schema(),
        };
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(self.rows))
            .set_max_row_group_bytes(Some(MAX_ROW_GROUP_BYTES))
            .set_created_by(concat!("panlog ", env!("CARGO_PKG_VERSION")).to_owned())
            .build();
        let writer = ArrowWriter::try_new(file, schema, Some(props)).map_err(|source| {
            LakeError::Parquet {
                path: path.clone(),
                source,
            }
        })?;
        Ok(Part {
            path,
            rows,
            writer,
            last_used: self.tick,
        })
    }
}

impl Drop for LakeWriter {
    fn drop(&mut self) {
        for (_, part) in std::mem::take(&mut self.open) {
            let _ = part.close();
        }
    }
}

/// The UTC day of a record's event, as `YYYYMMDD`.
///
/// # Example
///
/// ```
/// let log = panlog::parse(b"1,2024/03/05 23:22:07,0128,SYSTEM,general,0,2024/03/05 23:22:07,,general,,0,0,general,high,disk full,1,0x0").unwrap();
/// assert_eq!(panlog::lake::event_day(&log), 20240305);
/// ```
#[must_use]
pub fn event_day(log: &Log<'_>) -> u32 {
    let time = Ctx::new(log)
        .times()
        .event
        .map(|r| r.time.timestamp_millis());
    day_of_millis(
        time.or_else(|| crate::mapping::now().map(|t| t.timestamp_millis()))
            .unwrap_or(0),
    )
}

/// The UTC day of a time in epoch milliseconds, as `YYYYMMDD` (0 if out of
/// range).
fn day_of_millis(ms: i64) -> u32 {
    DateTime::from_timestamp_millis(ms).map_or(0, |t| {
        let date = t.date_naive();
        u32::try_from(date.year()).unwrap_or(0) * 10_000 + date.month() * 100 + date.day()
    })
}
