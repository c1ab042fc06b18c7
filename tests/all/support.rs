//! Shared test helpers: loading the fixture corpus and rendering it.

#![allow(dead_code)]

use std::path::PathBuf;

use ai_network_wizard::core::config_file::from_config_json;
use ai_network_wizard::core::draft::Draft;
use ai_network_wizard::core::generate::generate;
use ai_network_wizard::core::render::{render, OutputTarget, RenderContext};

pub const TEST_DATE: &str = "2026-11-22";

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every `tests/fixtures/*.json`, sorted by name, parsed.
pub fn fixtures() -> Vec<(String, Draft)> {
    let mut entries: Vec<_> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    entries
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let draft = from_config_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, draft)
        })
        .collect()
}

/// Renders a valid draft to one target; panics with the diagnostics when it is invalid.
pub fn render_draft(draft: &Draft, target: OutputTarget) -> String {
    let generated = generate(draft);
    let plan = generated
        .plan
        .unwrap_or_else(|| panic!("draft is invalid: {:#?}", generated.validation.diagnostics));
    render(&plan, target, &RenderContext { generated_on: TEST_DATE.into() })
}
