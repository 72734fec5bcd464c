//! The shared folder (`../shared`: references and corpora), found through the
//! `PANLOG_SHARED` environment variable that `.ci/run` sets. Tests that need
//! it print a notice and return when it is not set: never a silent pass.

use std::path::PathBuf;

/// `$PANLOG_SHARED/<rel>`, or `None` after printing why the test is skipped.
pub fn path(rel: &str, test: &str) -> Option<PathBuf> {
    match std::env::var_os("PANLOG_SHARED") {
        Some(dir) => {
            let p = PathBuf::from(dir).join(rel);
            assert!(
                p.exists(),
                "PANLOG_SHARED is set but {} is missing",
                p.display()
            );
            Some(p)
        }
        None => {
            eprintln!("SKIPPED {test}: PANLOG_SHARED is not set (.ci/run sets it to ../shared)");
            None
        }
    }
}
