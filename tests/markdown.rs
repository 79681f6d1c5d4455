//! Every Markdown file of the repository whose Rust code blocks would otherwise go untested is
//! included in this package's library as a doc test (`lib.rs`), so an example in a README cannot
//! stop compiling unnoticed.

use std::path::{Path, PathBuf};

fn markdown_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "node_modules" | ".git" | ".venv") {
                markdown_files(&path, found);
            }
        } else if name.ends_with(".md") {
            found.push(path);
        }
    }
}

#[test]
fn every_markdown_file_with_rust_blocks_is_a_doc_test() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = tests.parent().unwrap();
    let lib = std::fs::read_to_string(tests.join("lib.rs")).unwrap();
    let mut files = Vec::new();
    markdown_files(root, &mut files);
    assert!(files.iter().any(|f| f.ends_with("README.md")));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let has_rust = text
            .lines()
            .any(|line| line.trim_start().starts_with("```rust"));
        if !has_rust {
            continue;
        }
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let include = format!("include_str!(\"../{relative}\")");
        assert!(
            lib.contains(&include),
            "{relative} has Rust code blocks; include it in tests/lib.rs as a doc test"
        );
    }
}
