//! Every flag block of every template file is rendered both ways by some fixture: a block no
//! fixture keeps is a guard nobody has seen in an output, and a block no fixture drops is a
//! condition nobody has tested. (A misspelt flag panics in `fill` itself, in debug builds.)

use std::path::{Path, PathBuf};

use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::render::{blocks_rendered, render, OutputTarget, RenderContext};
use ai_network_wizard::core::rollback::rollback_draft;

use crate::support::{fixtures, TEST_DATE};

fn template_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            template_files(&path, out);
        } else if path.components().any(|c| c.as_os_str() == "templates") {
            out.push(path);
        }
    }
}

/// Renders every fixture, and the rollback of each that has a snapshot, to every output.
fn render_everything() {
    for (_, draft) in fixtures() {
        let mut drafts = vec![draft.clone()];
        if draft.current_state.is_some() {
            drafts.extend(rollback_draft(&draft).ok());
        }
        for draft in drafts {
            let Some(plan) = generate(&draft).plan else {
                continue;
            };
            for target in OutputTarget::ALL {
                render(
                    &plan,
                    target,
                    &RenderContext::for_draft(TEST_DATE, None, &draft),
                );
            }
        }
    }
}

#[test]
fn every_flag_block_of_every_template_is_rendered_both_ways_by_some_fixture() {
    render_everything();
    let mut files = Vec::new();
    template_files(Path::new("crates/core/src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "the template files: {}", files.len());
    let mut gaps = Vec::new();
    let mut blocks = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (flag, on, off) in blocks_rendered(&text) {
            blocks += 1;
            if !(on && off) {
                gaps.push(format!(
                    "{}: {{{{?{flag}}}}} never rendered {}",
                    file.display(),
                    match (on, off) {
                        (false, false) => "at all (is the file used?)",
                        (false, true) => "with the flag set",
                        _ => "with the flag unset",
                    }
                ));
            }
        }
    }
    assert!(blocks > 30, "flag blocks found: {blocks}");
    assert!(
        gaps.is_empty(),
        "{} of {blocks} blocks:\n{}",
        gaps.len(),
        gaps.join("\n")
    );
}
