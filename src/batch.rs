//! Large inputs on every core (feature `rayon`): records framed in input
//! order, parsed and converted in parallel chunk by chunk, and handed back
//! in input order.
//!
//! Framing stays sequential (it is a memchr scan, many times faster than
//! any conversion, and it alone knows where a quoted multi-line field
//! ends): the calling thread frames the records into chunks
//! ([`Batch::chunk_bytes`] each, the records copied into the chunk's
//! buffer) and hands each chunk to the pool as soon as it is full, where a
//! worker parses and converts it with the chunk's own [`Parser`]; the
//! calling thread hands the converted chunks to the caller in input order
//! as they come back. There is no barrier: a worker that finishes a chunk
//! takes the next one whatever the others are doing. At most three chunks
//! per thread are in flight, so memory is bounded by about 3 × threads ×
//! the chunk size of input plus what the caller makes of it, whatever the
//! input's size. Buffers, parsers and the caller's per-chunk states are
//! reused from chunk to chunk: past the first ones, a run allocates nothing
//! per good record (a bad record's [`Error`] is one box), only a few bytes
//! per chunk to hand it over (`tests/alloc.rs` counts it).
//!
//! A panic in the caller's closure reaches the caller once the chunks in
//! flight are done; a caller that is itself a thread of the pool (a
//! one-thread pool's `install`) runs the pool's work while it waits.
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

use std::collections::VecDeque;
use std::io::{self, Read};
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

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
    /// formats), in chunks of 256 KiB, on rayon's global pool.
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
            chunk_bytes: 256 * 1024,
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
    /// larger ones cost less to hand over; 256 KiB by default, where a
    /// chunk's records and its ECS documents (about three times the input)
    /// stay in a core's caches (1 MiB chunks scaled 1.62× on two cores,
    /// 256 KiB 1.77×: see `BENCHMARKS.md`).
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

    fn run_on<'s, R, S, F, C>(
        &self,
        pool: Option<&rayon::ThreadPool>,
        input: R,
        per_record: &'s F,
        mut consume: C,
    ) -> io::Result<u64>
    where
        R: Read,
        S: Default + Send + 's,
        F: Fn(&mut S, Result<Log<'_>, Error>) + Sync,
        C: FnMut(&mut S) -> io::Result<()>,
    {
        let mut framing = Framing {
            reader: LogReader::with_config(input, self.config),
            failure: None,
        };
        let in_flight = 3 * self.thread_count();
        let mut records = 0u64;
        let mut consumed = Ok(());
        // No barrier: a chunk goes to the pool as soon as it is framed, and
        // the oldest one is consumed as soon as it is converted, so no
        // worker waits for a slower chunk.
        let mut pipeline = |scope: &rayon::Scope<'s>| {
            let (done_tx, done_rx) = mpsc::channel();
            let mut spare: Vec<Chunk<S>> = Vec::new();
            let mut ready: VecDeque<Option<Chunk<S>>> = VecDeque::new();
            let (mut framed, mut oldest) = (0usize, 0usize);
            loop {
                while framed - oldest < in_flight
                    && framing.failure.is_none()
                    && consumed.is_ok()
                    && let Some(mut chunk) = self.frame(&mut framing, &mut spare)
                {
                    records += chunk.items.len() as u64;
                    let done = done_tx.clone();
                    let seq = framed;
                    scope.spawn(move |_| {
                        let converted = panic::catch_unwind(AssertUnwindSafe(|| {
                            convert(&mut chunk, per_record);
                        }));
                        // The receiver outlives every chunk in flight.
                        let _ = done.send((seq, chunk, converted));
                    });
                    framed += 1;
                }
                if framed == oldest {
                    return;
                }
                // Converted chunks arrive in any order; they are consumed
                // in input order.
                while ready.front().is_none_or(Option::is_none) {
                    let (seq, chunk, converted) = receive(&done_rx);
                    if let Err(payload) = converted {
                        panic::resume_unwind(payload);
                    }
                    let slot = seq - oldest;
                    if ready.len() <= slot {
                        ready.resize_with(slot + 1, || None);
                    }
                    ready[slot] = Some(chunk);
                }
                let mut chunk = ready.pop_front().flatten().expect("the oldest chunk");
                oldest += 1;
                if consumed.is_ok() {
                    consumed = consume(&mut chunk.state);
                }
                spare.push(chunk);
            }
        };
        match pool {
            Some(pool) => pool.in_place_scope(|scope| pipeline(scope)),
            None => rayon::in_place_scope(|scope| pipeline(scope)),
        }
        consumed?;
        match framing.failure {
            Some(e) => Err(e),
            None => Ok(records),
        }
    }

    /// The next chunk of records (`None` at the end of the input or after a
    /// read error).
    fn frame<R: Read, S: Default>(
        &self,
        framing: &mut Framing<R>,
        spare: &mut Vec<Chunk<S>>,
    ) -> Option<Chunk<S>> {
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
            return None;
        }
        Some(chunk)
    }
}

/// The next converted chunk. A pool's own thread (a caller already inside
/// the pool) runs pending work while it waits, so that a one-thread pool
/// cannot deadlock; another thread blocks.
fn receive<T>(done: &mpsc::Receiver<T>) -> T {
    loop {
        match done.try_recv() {
            Ok(item) => return item,
            Err(mpsc::TryRecvError::Disconnected) => unreachable!("a sender is held"),
            Err(mpsc::TryRecvError::Empty) => {}
        }
        match rayon::yield_now() {
            None => return done.recv().expect("a sender is held"),
            Some(rayon::Yield::Executed) => {}
            Some(rayon::Yield::Idle) => std::thread::yield_now(),
        }
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

/// Parses and converts a chunk with its own parser and state, in order.
fn convert<S, F>(chunk: &mut Chunk<S>, per_record: &F)
where
    F: Fn(&mut S, Result<Log<'_>, Error>) + Sync,
{
    let Chunk {
        bytes,
        items,
        parser,
        state,
    } = chunk;
    for item in items.drain(..) {
        match item {
            Item::Record(range, position) => {
                per_record(state, parser.parse_at(&bytes[range], position));
            }
            Item::Failed(e) => per_record(state, Err(e)),
        }
    }
}
