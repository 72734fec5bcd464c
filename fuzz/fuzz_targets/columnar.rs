//! Arbitrary records into Arrow batches: the typed fields of their type and
//! their OCSF event as nested structs. No panic, one row each, and every
//! OCSF event fits the Arrow shape (the shape and the model agree).
#![no_main]

use libfuzzer_sys::fuzz_target;
use panlog::Parser;
use panlog::columnar::{BatchBuilder, OcsfBatchBuilder};
use panlog::ocsf::OcsfMapping;

fuzz_target!(|data: &[u8]| {
    let mut parser = Parser::new();
    let Ok(log) = parser.parse(data) else {
        return;
    };
    let mut fields = BatchBuilder::new(log.log_type());
    fields
        .push(&log)
        .expect("a record fits its own type's batch");
    assert_eq!(fields.finish().num_rows(), 1);
    let mut ocsf = OcsfBatchBuilder::new(OcsfMapping::new());
    ocsf.push(&log)
        .expect("every OCSF event fits the Arrow shape");
    assert_eq!(ocsf.finish().num_rows(), 1);
});
