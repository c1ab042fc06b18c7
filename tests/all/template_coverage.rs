//! Every flag block of every template file is rendered both ways by some fixture: a block no
//! fixture keeps is a guard nobody has seen in an output, and a block no fixture drops is a
//! condition nobody has tested. (A misspelt slot or flag does not compile: the build script
//! types each template by its slots and flags, `crates/core/src/render/templates.rs`.)

use std::path::{Path, PathBuf};

use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::render::{
    blocks_rendered, render, OutputTarget, RenderContext, TEMPLATE_FILES,
};
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
    let mut on_disk = Vec::new();
    template_files(Path::new("crates/core/src"), &mut on_disk);
    let mut typed: Vec<PathBuf> = TEMPLATE_FILES
        .iter()
        .map(|(path, _)| Path::new("crates/core/src/render").join(path))
        .collect();
    on_disk.sort();
    typed.sort();
    assert_eq!(
        typed, on_disk,
        "every template file on disk is typed by the build script"
    );
    assert!(
        TEMPLATE_FILES.len() > 50,
        "the template files: {}",
        TEMPLATE_FILES.len()
    );
    let mut gaps = Vec::new();
    let mut blocks = 0;
    for (file, text) in TEMPLATE_FILES {
        for (flag, on, off) in blocks_rendered(text) {
            blocks += 1;
            if !(on && off) {
                gaps.push(format!(
                    "{file}: {{{{?{flag}}}}} never rendered {}",
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
