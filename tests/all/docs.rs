//! The documents a newcomer reads first: the README stays a user's page (under 12 kB), and the
//! documents it sends readers to exist.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn the_readme_stays_under_12_kb_and_its_links_to_docs_resolve() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    assert!(
        readme.len() < 12 * 1024,
        "README.md is {} bytes; move contributor material to ARCHITECTURE.md or docs/",
        readme.len()
    );
    let mut linked = 0;
    for part in readme.split("](").skip(1) {
        let target = part.split(')').next().unwrap_or_default();
        if target.ends_with(".md") {
            linked += 1;
            assert!(
                Path::new(ROOT).join(target).is_file(),
                "README links to {target}, which does not exist"
            );
        }
    }
    for needed in ["ARCHITECTURE.md", "docs/performance.md", "docs/testing.md"] {
        assert!(readme.contains(needed), "README does not link {needed}");
    }
    assert!(linked >= 4);
}
