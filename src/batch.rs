//! Large inputs on every core (feature `rayon`): records framed in input
//! order, parsed and converted in parallel chunk by chunk, and handed back
//! in input order.
//!
//! Framing stays sequential (it is a memchr scan, many times faster than
//! any conversion, and it alone knows where a quoted multi-line field
//! ends): the calling thread frames a window of chunks (twice the threads,
//! [`Batch::chunk_bytes`] each, the records copied into the chunk's buffer)
//! and hands the previous window's results to the caller in input order,
//! while the pool parses and converts the window between them, each chunk
//! with its own [`Parser`]. Memory is bounded by those three windows, about
//! 6 × threads × the chunk size of input plus what the caller makes of it,
//! whatever the input's size. Buffers, parsers and the caller's per-chunk
//! states are reused from window to window: past the first windows, a run
//! allocates nothing per good record (a bad record's [`Error`] is one box),
//! only a few vectors per window to hand the chunks over
//! (`tests/alloc.rs` counts it).
//!
//! # Example
//!
//! Every record's type, counted on all cores, consumed in input order:
//!
//! ```
//! use panlog::batch::Batch;
//! use panlog::Parser;
//!
//! let input = "1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07\n".repeat(1000)
//!     + "\n1,x\n";
//! let mut types = Vec::new();
//! let records = Batch::new(Parser::new())
//!     .chunk_bytes(4096)
//!     .run(
//!         input.as_bytes(),
//!         |out: &mut Vec<String>, result| match result {
//!             Ok(log) => out.push(log.log_type().to_string()),
//!             Err(e) => out.push(format!("line {}", e.position().line)),
//!         },
//!         |chunk| {
//!             types.extend(chunk.drain(..));
//!             Ok(())
//!         },
//!     )
//!     .unwrap();
//! assert_eq!(records, 1001);
//! assert_eq!(types[999], "SYSTEM");
//! assert_eq!(types[1000], "line 1002");
//! ```

use std::io::{self, Read};
use std::ops::Range;

use rayon::prelude::*;

use crate::error::{Error, Position};
use crate::framing::FramerConfig;
use crate::log::{Log, Parser};
use crate::reader::LogReader;

/// A parallel, order-keeping conversion of a whole input.
///
/// See the [module docs](self).
#[derive(Debug, Clone)]
pub struct Batch {
    parser: Parser,
    config: FramerConfig,
    chunk_bytes: usize,
    threads: usize,
}

/// One framed record of a chunk: its bytes in the chunk's buffer, or the
/// framer's error in its place.
enum Item {
    Record(Range<usize>, Position),
    Failed(Error),
}

/// A chunk of records, and the parser its worker uses.
struct Chunk<S> {
    bytes: Vec<u8>,
    items: Vec<Item>,
    parser: Parser,
    /// The caller's state for the chunk, reused (its buffers warm).
    state: S,
}

impl Batch {
    /// A batch that parses with `parser` (its zones, input shape and custom
    /// formats), in chunks of 1 MiB, on rayon's global pool.
    ///
    /// # Example
    ///
    /// ```
    /// let batch = panlog::batch::Batch::new(panlog::Parser::new());
    /// assert!(batch.thread_count() >= 1);
    /// ```
    #[must_use]
    pub fn new(parser: Parser) -> Batch {
        Batch {
            parser,
            config: FramerConfig::default(),
            chunk_bytes: 1 << 20,
            threads: 0,
        }
    }

    /// The framer's options (record size bound, ...).
    ///
    /// # Example
    ///
    /// ```
    /// use panlog::framing::FramerConfig;
    /// let batch = panlog::batch::Batch::new(panlog::Parser::new())
    ///     .framing(FramerConfig::default().max_record_len(1 << 20));
    /// ```
    #[must_use]
    pub fn framing(mut self, config: FramerConfig) -> Batch {
        self.config = config;
        self
    }

    /// How many bytes of records a chunk holds (at least one record, however
    /// long): the unit of work of a thread. Smaller chunks balance better,
    /// larger ones cost less to hand over; 1 MiB by default.
    ///
    /// # Example
    ///
    /// ```
    /// let batch = panlog::batch::Batch::new(panlog::Parser::new()).chunk_bytes(256 * 1024);
    /// ```
    #[must_use]
    pub fn chunk_bytes(mut self, bytes: usize) -> Batch {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// The number of threads: 0 (the default) for rayon's global pool (one
    /// per core unless `RAYON_NUM_THREADS` says otherwise), else a pool of
    /// its own with that many.
    ///
    /// # Example
    ///
    /// ```
    /// let batch = panlog::batch::Batch::new(panlog::Parser::new()).threads(2);
    /// assert_eq!(batch.thread_count(), 2);
    /// ```
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Batch {
        self.threads = threads;
        self
    }

    /// The number of threads a run uses.
    ///
    /// # Example
    ///
    /// ```
    /// let batch = panlog::batch::Batch::new(panlog::Parser::new());
    /// assert_eq!(batch.thread_count(), rayon::current_num_threads());
    /// ```
    #[must_use]
    pub fn thread_count(&self) -> usize {
        if self.threads == 0 {
            rayon::current_num_threads()
        } else {
            self.threads
        }
    }

    /// Frames `input`, calls `per_record` on every record's parse result
    /// (on a worker, with the chunk's state `S`), and hands each chunk's
    /// state to `consume` in input order. Returns the number of records
    /// (good and bad).
    ///
    /// The states are reused: a chunk's state is `S::default()` the first
    /// time and afterwards what `consume` left of it. `consume` takes what
    /// it uses out (`Vec::drain`, `clear` after writing, `std::mem::take`),
    /// which keeps the buffers' capacity for the next chunk.
    ///
    /// `per_record` sees exactly what [`crate::LogReader::next_log`] would
    /// yield, in the same order within a chunk: a bad record is an `Err`
    /// with its position, and the run goes on.
    ///
    /// # Errors
    ///
    /// A read error of `input` (after the records before it are consumed),
    /// an error `consume` returns, or a thread pool that cannot be built.
    ///
    /// # Example
    ///
    /// ECS NDJSON, in input order, whatever the thread count:
    ///
    /// ```
    /// use panlog::batch::Batch;
    /// use panlog::ecs::{EcsMapping, Mapping};
    ///
    /// let input = b"1,2024/03/05 14:22:07,0011,SYSTEM,general,0,2024/03/05 14:22:07,,general,,0,0,general,high,disk full,1,0x0\n";
    /// let mapping = EcsMapping::new();
    /// let mut out = Vec::new();
    /// Batch::new(panlog::Parser::new()).threads(2).run(
    ///     &input[..],
    ///     |docs: &mut Vec<u8>, result| {
    ///         if let Ok(log) = result {
    ///             serde_json::to_writer(&mut *docs, &mapping.map(&log)).unwrap();
    ///             docs.push(b'\n');
    ///         }
    ///     },
    ///     |docs| {
    ///         out.extend_from_slice(docs);
    ///         docs.clear(); // the buffer serves a later chunk
    ///         Ok(())
    ///     },
    /// )?;
    /// assert!(out.starts_with(br#"{"@timestamp":"2024-03-05T14:22:07+00:00""#));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn run<R, S, F, C>(&self, input: R, per_record: F, consume: C) -> io::Result<u64>
    where
        R: Read,
        S: Default + Send,
        F: Fn(&mut S, Result<Log<'_>, Error>) + Sync,
        C: FnMut(&mut S) -> io::Result<()>,
    {
        let pool = match self.threads {
            0 => None,
            n => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(io::Error::other)?,
            ),
        };
        self.run_on(pool.as_ref(), input, &per_record, consume)
    }

    fn run_on<R, S, F, C>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        input: R,
        per_record: &F,
        mut consume: C,
    ) -> io::Result<u64>
    where
        R: Read,
        S: Default + Send,
        F: Fn(&mut S, Result<Log<'_>, Error>) + Sync,
        C: FnMut(&mut S) -> io::Result<()>,
    {
        let mut framing = Framing {
            reader: LogReader::with_config(input, self.config),
            failure: None,
        };
        let window = 2 * self.thread_count();
        let mut spare: Vec<Chunk<S>> = Vec::new();
        let mut records = 0u64;
        // Three windows in flight: one consumed and one framed on this
        // thread while the pool converts the one between them.
        let mut current = self.frame(&mut framing, &mut spare, window);
        let mut done: Vec<Chunk<S>> = Vec::new();
        while !(current.is_empty() && done.is_empty()) {
            records += current.iter().map(|c| c.items.len() as u64).sum::<u64>();
            let converting = std::mem::take(&mut current);
            let mut converted = Vec::new();
            let mut consumed = Ok(());
            let mut next = Vec::new();
            // The same step in the caller's pool or the global one.
            macro_rules! step {
                ($scope:ident) => {{
                    if !converting.is_empty() {
                        let converted = &mut converted;
                        $scope.spawn(move |_| *converted = convert(converting, per_record));
                    }
                    for mut chunk in done.drain(..) {
                        if consumed.is_ok() {
                            consumed = consume(&mut chunk.state);
                        }
                        spare.push(chunk);
                    }
                    if consumed.is_ok() {
                        next = self.frame(&mut framing, &mut spare, window);
                    }
                }};
            }
            match pool {
                Some(pool) => pool.in_place_scope(|scope| step!(scope)),
                None => rayon::in_place_scope(|scope| step!(scope)),
            }
            consumed?;
            done = converted;
            current = next;
        }
        match framing.failure {
            Some(e) => Err(e),
            None => Ok(records),
        }
    }

    /// Up to `window` chunks of the next records (none at the end of the
    /// input or after a read error).
    fn frame<R: Read, S: Default>(
        &self,
        framing: &mut Framing<R>,
        spare: &mut Vec<Chunk<S>>,
        window: usize,
    ) -> Vec<Chunk<S>> {
        let mut chunks = Vec::with_capacity(window);
        while chunks.len() < window && framing.failure.is_none() {
            let mut chunk = spare.pop().unwrap_or_else(|| Chunk {
                bytes: Vec::new(),
                items: Vec::new(),
                parser: self.parser.clone(),
                state: S::default(),
            });
            chunk.bytes.clear();
            chunk.items.clear();
            framing.fill(&mut chunk, self.chunk_bytes);
            if chunk.items.is_empty() {
                spare.push(chunk);
                break;
            }
            chunks.push(chunk);
        }
        chunks
    }
}

/// The sequential part: the records framed from the input, and the read
/// error that ended it.
struct Framing<R> {
    reader: LogReader<R>,
    failure: Option<io::Error>,
}

impl<R: Read> Framing<R> {
    /// Records into `chunk` until it holds `bytes` bytes or the input ends.
    fn fill<S>(&mut self, chunk: &mut Chunk<S>, bytes: usize) {
        while chunk.bytes.len() < bytes {
            match self.reader.next_record() {
                Some(Ok(record)) => {
                    let start = chunk.bytes.len();
                    chunk.bytes.extend_from_slice(record.bytes());
                    chunk
                        .items
                        .push(Item::Record(start..chunk.bytes.len(), record.position()));
                }
                Some(Err(e)) if e.is_io() => {
                    self.failure = Some(e.into());
                    return;
                }
                Some(Err(e)) => chunk.items.push(Item::Failed(e)),
                None => return,
            }
        }
    }
}

/// Parses and converts `chunks` on the pool, each with its own parser and
/// state, keeping their order.
fn convert<S, F>(chunks: Vec<Chunk<S>>, per_record: &F) -> Vec<Chunk<S>>
where
    S: Send,
    F: Fn(&mut S, Result<Log<'_>, Error>) + Sync,
{
    chunks
        .into_par_iter()
        .map(|mut chunk| {
            let Chunk {
                bytes,
                items,
                parser,
                state,
            } = &mut chunk;
            for item in items.drain(..) {
                match item {
                    Item::Record(range, position) => {
                        per_record(state, parser.parse_at(&bytes[range], position));
                    }
                    Item::Failed(e) => per_record(state, Err(e)),
                }
            }
            chunk
        })
        .collect()
}
