//! Writes the shipped sample as a Parquet lake with `panlog::lake`, then
//! queries it with DataFusion, an engine that runs the same SQL on one
//! machine or, with Ballista, on a cluster.
//!
//! ```text
//! cd query && cargo run --release -- [FILE...]
//! ```
//!
//! Without files it reads `examples/data/sample.log`. It writes the typed
//! fields (`lake/fields/`) and the OCSF events (`lake/ocsf/`) into a
//! temporary directory, registers them as tables partitioned by `eventDay`
//! (Hive style, as Security Lake lays out custom sources) and prints three
//! queries' answers.

use std::sync::Arc;

use datafusion::arrow::datatypes::DataType;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::ListingOptions;
use datafusion::error::Result;
use datafusion::prelude::SessionContext;
use panlog::lake::LakeWriter;
use panlog::ocsf::OcsfMapping;
use panlog::reader::LogReader;

#[tokio::main]
async fn main() -> Result<()> {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files.push(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/sample.log").into());
    }
    let dir = std::env::temp_dir().join(format!("panlog-query-{}", std::process::id()));
    let mut fields = LakeWriter::new(dir.join("fields"));
    let mut ocsf = LakeWriter::new(dir.join("ocsf")).ocsf(OcsfMapping::new());
    for file in &files {
        let bytes = std::fs::read(file)?;
        let mut reader = LogReader::new(&bytes[..]);
        while let Some(log) = reader.next_log() {
            match log {
                Ok(log) => {
                    fields
                        .write(&log)
                        .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;
                    ocsf.write(&log)
                        .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;
                }
                Err(e) => eprintln!("{file}: {e}"),
            }
        }
    }
    fields
        .finish()
        .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;
    ocsf.finish()
        .map_err(|e| datafusion::error::DataFusionError::External(e.into()))?;

    let ctx = SessionContext::new();
    let partitioned = || {
        ListingOptions::new(Arc::new(ParquetFormat::default()))
            .with_file_extension(".parquet")
            .with_table_partition_cols(vec![("eventDay".to_owned(), DataType::Utf8)])
    };
    for (table, path) in [
        ("traffic", dir.join("fields/traffic")),
        ("threat", dir.join("fields/threat")),
        ("network_activity", dir.join("ocsf/network_activity")),
    ] {
        if path.is_dir() {
            let url = format!("{}/", path.display());
            ctx.register_listing_table(table, &url, partitioned(), None, None)
                .await?;
        }
    }
    let queries = [
        "SELECT \"eventDay\", src, dst, app, SUM(bytes) AS bytes, COUNT(*) AS sessions \
         FROM traffic GROUP BY \"eventDay\", src, dst, app ORDER BY bytes DESC LIMIT 5",
        "SELECT threatid, severity, COUNT(*) AS hits FROM threat \
         GROUP BY threatid, severity ORDER BY hits DESC, threatid LIMIT 5",
        "SELECT activity_name, src_endpoint['ip'] AS src, dst_endpoint['port'] AS port, \
         traffic['bytes'] AS bytes FROM network_activity ORDER BY time LIMIT 5",
    ];
    for sql in queries {
        println!("{sql}");
        ctx.sql(sql).await?.show().await?;
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
