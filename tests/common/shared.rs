//! The shared folder (`../shared`: references and corpora), found through the
//! `PANLOG_SHARED` environment variable that `.ci/run` sets, else at
//! `../shared` beside the crate. A test that needs it and cannot find it
//! fails under `CI=true` (a green CI always means it ran); elsewhere it
//! prints a notice and returns.

use std::path::PathBuf;

/// `<shared>/<rel>`, or `None` after printing why the test is skipped.
///
/// # Panics
///
/// When the folder is missing and `CI` is `true`, or when it is found but
/// `rel` is not in it.
pub fn path(rel: &str, test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("PANLOG_SHARED")
        .map(PathBuf::from)
        .or_else(|| {
            let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
            beside.is_dir().then_some(beside)
        });
    match dir {
        Some(dir) => {
            let p = dir.join(rel);
            assert!(
                p.exists(),
                "the shared folder is at {} but {rel} is missing",
                dir.display()
            );
            Some(p)
        }
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "{test}: CI=true but the shared folder is missing (set PANLOG_SHARED or put it at ../shared)"
            )
        }
        None => {
            eprintln!("SKIPPED {test}: no shared folder (PANLOG_SHARED unset, no ../shared)");
            None
        }
    }
}

/// The files of a shared folder, sorted by name.
#[allow(dead_code)] // not every test that includes this module lists a folder
pub fn files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The shipped sample and every file of the real-world corpus (each
/// shape), or `None` (the test is skipped) without the shared folder.
#[allow(dead_code)] // not every test that includes this module reads them
pub fn sample_and_realworld(test: &str) -> Option<Vec<PathBuf>> {
    let realworld = path("corpus/realworld", test)?;
    let mut inputs =
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.log")];
    for shape in ["csv", "cef", "leef", "json", "kv"] {
        inputs.extend(files(&realworld.join(shape)));
    }
    Some(inputs)
}
